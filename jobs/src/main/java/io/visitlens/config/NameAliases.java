package io.visitlens.config;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Other names of the catalogue's cities, countries and leaders, in the languages their coverage is written in
 * ({@code seeds/aliases.csv}): {@code Beograd} and {@code Белград} for {@code Belgrade}, {@code Токаев} and
 * {@code Tokajew} for {@code Kassym-Jomart Tokayev}. The visit catalogue stays as it is; attribution looks for a
 * visit's names and their aliases alike.
 *
 * <p>Read with Commons CSV from a UTF-8 file with the columns of {@link #COLUMNS} (further columns are ignored):
 * <ul>
 *   <li>{@code name}: a value of the catalogue, as written there ({@code Belgrade}, {@code Serbia},
 *       {@code Aleksandar Vučić}); a name no visit has is allowed, so one file serves several catalogues;</li>
 *   <li>{@code kind}: {@code city}, {@code country} or {@code leader}; a leader's alias is matched as the surname
 *       is (alone), a country's as a word beginning with it, a city's as a whole word;</li>
 *   <li>{@code lang}: the language it is written in, one of {@link #LANGUAGES} (for the reader: every alias is
 *       looked for in every text);</li>
 *   <li>{@code alias}: the other name, in its own script; a final {@code *} also matches the inflected forms,
 *       the stem followed by up to {@value #MAX_ENDING} letters ({@code Beograd*}: Beogradu, Beogradom;
 *       {@code Астан*}: Астане, Астану). Case, diacritics and script do not matter: Serbian Cyrillic and Russian
 *       are matched through their Latin transliteration, so {@code Вучић} also finds {@code Vučić} and
 *       {@code Vucic};</li>
 *   <li>{@code notes}: why it is there (free text).</li>
 * </ul>
 * A malformed file (missing column, unknown kind or language, an empty alias, a {@code *} inside an alias, a stem
 * of fewer than {@value #MIN_STEM} letters before {@code *}, the same alias twice for a name) is refused with
 * {@code file:line} and the reason.
 */
public final class NameAliases implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The file's columns, all required ({@code notes} may be empty). */
  public static final List<String> COLUMNS = List.of("name", "kind", "lang", "alias", "notes");

  /** The kinds of name. */
  public static final Set<String> KINDS = Set.of("city", "country", "leader");

  /** The languages an alias may be written in. */
  public static final Set<String> LANGUAGES = Set.of("en", "sr-Latn", "sr-Cyrl", "ru", "de", "kk");

  /** Letters an inflected form may add to a starred stem. */
  public static final int MAX_ENDING = 5;

  /** Letters a starred stem needs, so that a stem never matches the start of unrelated words. */
  public static final int MIN_STEM = 4;

  private static final Pattern ALIAS = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'\u2019-]*\\*?");

  /** One alias: how it is written, and whether it matches inflected forms too. */
  public record Alias(String name, String kind, String lang, String text, boolean inflected)
      implements Serializable {}

  private final Map<String, List<Alias>> byName;

  private NameAliases(Map<String, List<Alias>> byName) {
    this.byName = byName;
  }

  /** No aliases: attribution looks for the catalogue's own names only. */
  public static NameAliases none() {
    return new NameAliases(Map.of());
  }

  /** Validates an aliases file's text and builds it; {@code name} is how errors name the file. */
  public static NameAliases parse(String text, String name) {
    text = LineIndex.stripBom(text);
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = CSVParser.parse(text, ConfigCsv.FORMAT)) {
      List<String> header = ConfigCsv.requireColumns(parser, COLUMNS, name);
      Map<String, List<Alias>> byName = new LinkedHashMap<>();
      Map<String, Long> seen = new HashMap<>();
      for (CSVRecord record : parser) {
        long line = lines.lineOfRecordAt(record.getCharacterPosition());
        if (record.size() != header.size()) {
          throw new ConfigException(name, line, "expected " + header.size() + " fields, found " + record.size());
        }
        Alias alias = parseRow(record, name, line);
        String key = alias.name().toLowerCase(Locale.ROOT) + "\u0000" + alias.text().toLowerCase(Locale.ROOT)
            + (alias.inflected() ? "*" : "");
        Long first = seen.putIfAbsent(key, line);
        if (first != null) {
          throw new ConfigException(name, line, "alias '" + record.get("alias") + "' of '" + alias.name()
              + "' given twice (first at line " + first + ")");
        }
        byName.computeIfAbsent(alias.name(), k -> new ArrayList<>()).add(alias);
      }
      Map<String, List<Alias>> frozen = new LinkedHashMap<>();
      byName.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return new NameAliases(frozen);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new ConfigException(name, 0, "malformed CSV: " + e.getMessage());
    }
  }

  private static Alias parseRow(CSVRecord record, String file, long line) {
    String name = required(record, "name", file, line);
    String kind = required(record, "kind", file, line);
    if (!KINDS.contains(kind)) {
      throw new ConfigException(file, line, "unknown kind '" + kind + "' (one of city, country, leader)");
    }
    String lang = required(record, "lang", file, line);
    if (!LANGUAGES.contains(lang)) {
      throw new ConfigException(file, line, "unknown lang '" + lang + "' (one of " + String.join(", ",
          LANGUAGES.stream().sorted().toList()) + ")");
    }
    String alias = required(record, "alias", file, line);
    if (!ALIAS.matcher(alias).matches()) {
      throw new ConfigException(file, line, "alias '" + alias + "' must be letters, spaces, '.', '-' or an "
          + "apostrophe, with '*' only at the end");
    }
    boolean inflected = alias.endsWith("*");
    String text = inflected ? alias.substring(0, alias.length() - 1).strip() : alias;
    if (inflected && text.codePoints().filter(Character::isLetter).count() < MIN_STEM) {
      throw new ConfigException(file, line, "the stem of '" + alias + "' needs at least " + MIN_STEM
          + " letters before '*'");
    }
    return new Alias(name, kind, lang, text, inflected);
  }

  private static String required(CSVRecord record, String column, String file, long line) {
    String value = record.get(column);
    if (value == null || value.isBlank()) {
      throw new ConfigException(file, line, "missing " + column);
    }
    return value.strip();
  }

  /** The aliases of a catalogue value of the given kind (empty when it has none). */
  public List<Alias> of(String name, String kind) {
    if (name == null) {
      return List.of();
    }
    return byName.getOrDefault(name.strip(), List.of()).stream().filter(a -> a.kind().equals(kind)).toList();
  }

  /** How many aliases there are, for logs. */
  public int size() {
    return byName.values().stream().mapToInt(List::size).sum();
  }

  /** These aliases and {@code other}'s, as if read from one file (for a catalogue's own extra names). */
  public NameAliases plus(NameAliases other) {
    Map<String, List<Alias>> merged = new LinkedHashMap<>(byName);
    other.byName.forEach((k, v) -> merged.merge(k, v, (a, b) -> {
      List<Alias> both = new ArrayList<>(a);
      both.addAll(b);
      return List.copyOf(both);
    }));
    return new NameAliases(merged);
  }
}
