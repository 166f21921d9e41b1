package io.visitlens.config;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The sector lexicon: which words, phrases and acronyms signal which economic or political sector,
 * read from a user-edited CSV file ({@code seeds/lexicon/sectors.csv}) so that it can change without a
 * rebuild.
 *
 * <h2>File format</h2>
 * RFC 4180 CSV, UTF-8 (a leading byte-order mark is accepted), blank lines ignored, fields trimmed,
 * and exactly this header: {@code sector,phrase,kind,cap_code,lang,notes}. The header of the files before
 * languages, {@code sector,phrase,kind,cap_code,notes}, is still read: every row is then English.
 * <ul>
 *   <li>{@code sector}: required; the sector the phrase signals. Two sector names that differ only in
 *       letter case are refused (a typo would otherwise make a new sector).
 *   <li>{@code phrase}: required, at least one letter; runs of whitespace count as one space. Written
 *       in its base (singular) form: {@link LexiconVariants} makes plurals, hyphen/space joints and
 *       British/American spellings. A capitalised last word marks a proper name, which is not
 *       pluralised.
 *   <li>{@code kind}: {@code word} (one token, no whitespace, matched case-insensitively),
 *       {@code phrase} (matched case-insensitively) or {@code acronym} (two or more upper-case letters,
 *       of any script, or digits, {@code &} and {@code -} allowed inside, matched case-sensitively).
 *   <li>{@code cap_code}: empty, or the Comparative Agendas Project major topic the sector maps to, one
 *       of {@link #CAP_MAJOR_TOPICS} (the CAP master codebook numbers its 21 major topics 1-10, 12-21
 *       and 23; 11 and 22 are unused).
 *   <li>{@code lang}: required; the language of the phrase, a lower-case ISO 639-1 (or 639-3) code
 *       ({@code en}, {@code sr}, {@code ru}, {@code de}). A document is matched against the entries of its own
 *       language ({@code documents.language} without its script: {@code sr-Latn} and {@code sr-Cyrl} both read
 *       the {@code sr} entries; {@code und} reads English). English entries are matched by their surface forms
 *       ({@link LexiconVariants}); the entries of any other language by the Snowball stems of their words, so
 *       that inflected forms match ({@code poljoprivreda}, {@code poljoprivredi}; {@code сельское хозяйство},
 *       {@code сельского хозяйства}): see {@code nlp.TextCore}.
 *   <li>{@code notes}: free text for the people who curate the file.
 * </ul>
 * No two rows of one language may match the same surface form: the same phrase twice (ignoring case, except between
 * acronyms), or two phrases one of whose generated variants is the other's ({@code sport} and
 * {@code sports}, {@code defence industry} and {@code defense industry}), or an acronym that a word
 * or phrase already matches. A malformed file is refused whole with a {@link ConfigException} naming
 * the file, the physical line where the offending record starts, and the reason.
 *
 * <p>Instances are immutable and serializable, so they can be broadcast to Spark executors.
 */
public final class SectorLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The header, in order. */
  public static final List<String> COLUMNS = List.of("sector", "phrase", "kind", "cap_code", "lang", "notes");

  /** The header of the files written before the {@code lang} column: every row English. */
  public static final List<String> LEGACY_COLUMNS = List.of("sector", "phrase", "kind", "cap_code", "notes");

  /** The language of the entries of a file with the {@link #LEGACY_COLUMNS}, and the matcher's surface-form language. */
  public static final String ENGLISH = "en";

  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

  /** The Comparative Agendas Project major topic codes (master codebook: 11 and 22 are unused). */
  public static final Set<Integer> CAP_MAJOR_TOPICS = Collections.unmodifiableSet(new TreeSet<>(List.of(
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23)));

  private static final String CAP_RANGE_TEXT = "1-10, 12-21, 23";
  /** Upper-case letters of any script ({@code WTO}, {@code ŠOS}, {@code ЕАЭС}) and digits. */
  private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\p{Nd}][\\p{Lu}\\p{Nd}&-]*[\\p{Lu}\\p{Nd}]");
  private static final Pattern HAS_UPPER = Pattern.compile(".*\\p{Lu}.*");
  /** Whitespace, including the no-break spaces that text copied from web pages carries. */
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  /** How an entry is matched. */
  public enum Kind {
    /** One token, matched case-insensitively. */
    WORD,
    /** Several tokens (or one), matched case-insensitively. */
    PHRASE,
    /** Upper-case letters and digits, matched case-sensitively. */
    ACRONYM;

    /** The spelling used in the CSV {@code kind} column. */
    public String csvName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind spelled {@code value} in the CSV, exactly; empty if none. */
    public static Optional<Kind> fromCsv(String value) {
      for (Kind k : values()) {
        if (k.csvName().equals(value)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One row of the lexicon.
   *
   * @param sector the sector the phrase signals
   * @param phrase the phrase in its base form, whitespace collapsed
   * @param kind how it is matched
   * @param capCode the CAP major topic of the sector, or {@code null}
   * @param lang the language of the phrase ({@code en}, {@code sr}, ...)
   * @param notes curator's notes, never {@code null}
   * @param line the physical line of the file the row starts on (0 for an entry made in code), for messages
   */
  public record Entry(String sector, String phrase, Kind kind, Integer capCode, String lang, String notes, int line)
      implements Serializable {
    /** Checks the required components; {@code notes} defaults to empty. */
    public Entry {
      Objects.requireNonNull(sector, "sector");
      Objects.requireNonNull(phrase, "phrase");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(lang, "lang");
      notes = notes == null ? "" : notes;
    }

    /** An English entry made in code. */
    public Entry(String sector, String phrase, Kind kind, Integer capCode, String notes) {
      this(sector, phrase, kind, capCode, ENGLISH, notes, 0);
    }

    /** Whether the entry is matched by surface forms (English) rather than by stems. */
    public boolean isEnglish() {
      return lang.equals(ENGLISH);
    }
  }

  private final String source;
  private final List<Entry> entries;
  private final List<String> sectors;
  private final List<String> languages;
  /** Acronym forms, exact, after the language and a NUL. */
  private final Map<String, Entry> byAcronymForm;
  /** Word and phrase forms, lower-cased, after the language and a NUL. */
  private final Map<String, Entry> byLowerForm;

  private SectorLexicon(String source, List<Entry> entries, Map<String, Entry> byAcronymForm,
      Map<String, Entry> byLowerForm) {
    this.source = source;
    this.entries = List.copyOf(entries);
    this.sectors = entries.stream().map(Entry::sector).distinct()
        .sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.toUnmodifiableList());
    this.languages = entries.stream().map(Entry::lang).distinct().sorted().collect(Collectors.toUnmodifiableList());
    this.byAcronymForm = Map.copyOf(byAcronymForm);
    this.byLowerForm = Map.copyOf(byLowerForm);
  }

  /**
   * Checks a lexicon's text and builds it; {@code name} names the source in error messages ({@code name:line}).
   * The job reads the file with {@code io.ConfigFiles}, which refuses bytes that are not UTF-8.
   *
   * @throws ConfigException if the text is malformed; the message names the line
   */
  public static SectorLexicon parse(String text, String name) {
    text = LineIndex.stripBom(text);
    if (text.isBlank()) {
      throw new ConfigException(name, 1, "the file is empty; expected the header " + String.join(",", COLUMNS));
    }
    LineIndex lines = new LineIndex(text);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .build();
    Loader loader = new Loader(name);
    CSVParser parser;
    try {
      parser = format.parse(new StringReader(text));
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw new ConfigException(name, lines.firstContentLineAfter(0), "malformed header (" + csvProblem(e) + ")", e);
    }
    try (parser) {
      loader.legacy = checkHeader(parser.getHeaderNames(), name, lines.firstContentLineAfter(0));
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        long consumed = parser.getCurrentLineNumber();
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new ConfigException(name, lines.firstContentLineAfter(consumed), csvProblem(e), e);
        }
        loader.add(record, lines.lineOfRecordAt(record.getCharacterPosition()));
      }
    } catch (IOException e) {
      throw new ConfigException(name, 0, "cannot read the file (" + e + ")", e);
    }
    if (loader.entries.isEmpty()) {
      throw new ConfigException(name, 1, "no entries after the header");
    }
    return new SectorLexicon(name, loader.entries, loader.byAcronymForm, loader.byLowerForm);
  }

  /** The display name of the source the lexicon was read from. */
  public String source() {
    return source;
  }

  /** The entries in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** The distinct sector names, sorted ignoring case (names differing only in case are refused). */
  public List<String> sectors() {
    return sectors;
  }

  /** The distinct languages of the entries, sorted ({@code en} alone for a file without the {@code lang} column). */
  public List<String> languages() {
    return languages;
  }

  /**
   * The lexicon of the entries of language {@code lang} alone, in file order (for an English pipeline, such as the
   * benchmark's contenders); the same source name.
   */
  public SectorLexicon onlyLanguage(String lang) {
    String prefix = lang + '\0';
    return new SectorLexicon(source, entries.stream().filter(e -> e.lang().equals(lang)).toList(),
        filtered(byAcronymForm, prefix), filtered(byLowerForm, prefix));
  }

  private static Map<String, Entry> filtered(Map<String, Entry> forms, String prefix) {
    Map<String, Entry> out = new HashMap<>();
    forms.forEach((k, e) -> {
      if (k.startsWith(prefix)) {
        out.put(k, e);
      }
    });
    return out;
  }

  /** The entries of {@code sector}, in file order (empty for an unknown sector). */
  public List<Entry> entries(String sector) {
    return entries.stream().filter(e -> e.sector().equals(sector)).collect(Collectors.toUnmodifiableList());
  }

  /** The surface forms the matcher accepts for {@code entry}; see {@link LexiconVariants}. */
  public static List<String> variants(Entry entry) {
    return LexiconVariants.of(entry);
  }

  /**
   * The entry one of whose variants is {@code surface}: an acronym form compared exactly, otherwise a
   * word or phrase form compared ignoring case, whitespace runs counting as one space.
   */
  public Optional<Entry> lookup(String surface) {
    return lookup(surface, ENGLISH);
  }

  /**
   * The entry of language {@code lang} one of whose variants is {@code surface}, as {@link #lookup(String)}: for a
   * language other than English the variants are the phrase as written (inflected forms are the stem matcher's
   * business, {@code nlp.TextCore}).
   */
  public Optional<Entry> lookup(String surface, String lang) {
    String s = normalize(surface);
    Entry e = byAcronymForm.get(key(lang, s));
    if (e == null) {
      e = byLowerForm.get(key(lang, s.toLowerCase(Locale.ROOT)));
    }
    return Optional.ofNullable(e);
  }

  private static String key(String lang, String form) {
    return lang + '\0' + form;
  }

  /** {@code s} with whitespace runs (no-break spaces included) made one space, and stripped. */
  private static String normalize(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Checks the header; whether it is the {@link #LEGACY_COLUMNS} (no {@code lang}). */
  private static boolean checkHeader(List<String> header, String name, int line) {
    if (header.equals(COLUMNS)) {
      return false;
    }
    if (header.equals(LEGACY_COLUMNS)) {
      return true;
    }
    // Compared with the header it comes closer to: a header without lang is read as the one before languages.
    List<String> expected = header.contains("lang") ? COLUMNS : LEGACY_COLUMNS;
    List<String> missing = new ArrayList<>();
    for (String c : expected) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    List<String> unexpected = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String h : header) {
      if (!expected.contains(h)) {
        unexpected.add(h);
      } else if (seen.merge(h, 1, Integer::sum) == 2) {
        repeated.add(h);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add("missing " + quoted(missing));
    }
    if (!unexpected.isEmpty()) {
      parts.add("unexpected " + quoted(unexpected));
    }
    if (!repeated.isEmpty()) {
      parts.add("repeated " + quoted(repeated));
    }
    if (parts.isEmpty()) {
      parts.add("columns out of order");
    }
    throw new ConfigException(name, line, "header must be " + String.join(",", COLUMNS) + ", or "
        + String.join(",", LEGACY_COLUMNS) + " for English only (" + String.join("; ", parts) + ")");
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }

  /** A reader-friendly reason for a Commons CSV parse failure. */
  private static String csvProblem(Exception e) {
    String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
    if (m.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is not closed (missing \")";
    }
    if (m.contains("Invalid character between encapsulated token and delimiter")) {
      return "text after the closing quote of a field (write a quote inside a quoted field as \"\")";
    }
    return "malformed CSV: " + m;
  }

  /** Checks records one by one and builds the indexes. */
  private static final class Loader {
    private final String name;
    /** Whether the file has the {@link #LEGACY_COLUMNS}: no {@code lang}, every row English. */
    boolean legacy;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byAcronymForm = new LinkedHashMap<>();
    private final Map<String, Entry> byLowerForm = new LinkedHashMap<>();
    /** Lower-cased acronym forms, to catch a word that would match an acronym's text. */
    private final Map<String, Entry> byLowerAcronymForm = new HashMap<>();
    private final Map<Entry, Integer> lineOf = new HashMap<>();
    /** Sector names by their lower-case spelling, with the line they first appear on. */
    private final Map<String, String> sectorByLower = new HashMap<>();
    private final Map<String, Integer> sectorLine = new HashMap<>();

    Loader(String name) {
      this.name = name;
    }

    void add(CSVRecord r, int line) {
      int columns = legacy ? LEGACY_COLUMNS.size() : COLUMNS.size();
      if (r.size() != columns) {
        throw fail(line, "expected " + columns + " fields, found " + r.size());
      }
      String sector = normalize(r.get(0));
      String phrase = normalize(r.get(1));
      String kindText = r.get(2);
      String capText = r.get(3);
      String lang = legacy ? ENGLISH : r.get(4);
      String notes = r.get(legacy ? 4 : 5);
      if (sector.isEmpty()) {
        throw fail(line, "missing sector");
      }
      if (phrase.isEmpty()) {
        throw fail(line, "missing phrase");
      }
      if (kindText.isEmpty()) {
        throw fail(line, "missing kind");
      }
      Kind kind = Kind.fromCsv(kindText).orElseThrow(() ->
          fail(line, "kind \"" + kindText + "\" is not one of word, phrase, acronym"));
      if (phrase.codePoints().noneMatch(Character::isLetter)) {
        throw fail(line, "phrase \"" + phrase + "\" has no letters");
      }
      if (kind == Kind.WORD && phrase.contains(" ")) {
        throw fail(line, "word \"" + phrase + "\" contains whitespace (use kind phrase)");
      }
      if (kind == Kind.ACRONYM && !(ACRONYM.matcher(phrase).matches() && HAS_UPPER.matcher(phrase).matches())) {
        throw fail(line, "acronym \"" + phrase + "\" must be 2 or more upper-case letters or digits"
            + " (& and - allowed inside)");
      }
      Integer cap = parseCap(capText, line);
      if (lang.isEmpty()) {
        throw fail(line, "missing lang (a language code: en, sr, ru, de, ...)");
      }
      if (!LANGUAGE_CODE.matcher(lang).matches()) {
        throw fail(line, "lang \"" + lang + "\" is not a lower-case language code such as en, sr, ru, de"
            + " (one Serbian lexicon, written in Latin, serves both scripts)");
      }

      String lowerSector = sector.toLowerCase(Locale.ROOT);
      String known = sectorByLower.putIfAbsent(lowerSector, sector);
      if (known == null) {
        sectorLine.put(lowerSector, line);
      } else if (!known.equals(sector)) {
        throw fail(line, "sector \"" + sector + "\" differs only in letter case from \"" + known
            + "\" (line " + sectorLine.get(lowerSector) + ")");
      }

      Entry entry = new Entry(sector, phrase, kind, cap, lang, notes, line);
      index(entry, line);
      entries.add(entry);
    }

    private Integer parseCap(String capText, int line) {
      if (capText.isEmpty()) {
        return null;
      }
      if (!capText.matches("[+-]?\\d+")) {
        throw fail(line, "cap_code \"" + capText + "\" is not an integer");
      }
      String digits = capText.replaceFirst("^\\+", "");
      Integer cap = digits.length() <= 3 ? Integer.valueOf(digits) : null;
      if (cap == null || !CAP_MAJOR_TOPICS.contains(cap)) {
        throw fail(line, "cap_code " + capText + " is not a CAP major topic (" + CAP_RANGE_TEXT + ")");
      }
      return cap;
    }

    private void index(Entry entry, int line) {
      List<String> forms = LexiconVariants.of(entry);
      // Same phrase twice is reported as such before any variant overlap.
      for (Entry other : entries) {
        if (!other.lang().equals(entry.lang())) {
          continue;
        }
        boolean same = entry.kind() == Kind.ACRONYM && other.kind() == Kind.ACRONYM
            ? other.phrase().equals(entry.phrase())
            : other.phrase().equalsIgnoreCase(entry.phrase());
        if (same) {
          throw fail(line, "duplicate phrase \"" + entry.phrase() + "\" (already on line " + lineOf.get(other)
              + ", sector " + other.sector() + ")");
        }
      }
      for (String form : forms) {
        String lower = key(entry.lang(), form.toLowerCase(Locale.ROOT));
        form = key(entry.lang(), form);
        Entry clash = entry.kind() == Kind.ACRONYM
            ? firstNonNull(byAcronymForm.get(form), byLowerForm.get(lower))
            : firstNonNull(byLowerForm.get(lower), byLowerAcronymForm.get(lower));
        if (clash != null) {
          throw fail(line, "phrase \"" + entry.phrase() + "\" overlaps \"" + clash.phrase() + "\" (line "
              + lineOf.get(clash) + ", sector " + clash.sector() + "): both match \""
              + form.substring(form.indexOf('\0') + 1) + "\"");
        }
      }
      for (String form : forms) {
        if (entry.kind() == Kind.ACRONYM) {
          byAcronymForm.putIfAbsent(key(entry.lang(), form), entry);
          byLowerAcronymForm.putIfAbsent(key(entry.lang(), form.toLowerCase(Locale.ROOT)), entry);
        } else {
          byLowerForm.putIfAbsent(key(entry.lang(), form.toLowerCase(Locale.ROOT)), entry);
        }
      }
      lineOf.put(entry, line);
    }

    private static Entry firstNonNull(Entry a, Entry b) {
      return a != null ? a : b;
    }

    private ConfigException fail(int line, String reason) {
      return new ConfigException(name, line, reason);
    }
  }
}
