package io.visitlens.transform;

import io.visitlens.config.NameAliases;
import io.visitlens.config.Visit;
import io.visitlens.transform.TextDates.TextDate;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which catalogued {@link Visit} a news article belongs to, or records why it belongs to none.
 *
 * <p>A valid header or metadata date decides alone: the article goes to the visit whose window
 * [start - tolerance, end + tolerance] contains it (the nearest window when tolerance makes several contain
 * it), or stays unassigned when no window does. Without a usable date the text is read, in English, Serbian (both
 * scripts), Russian or German ({@link FoldedText} writes Cyrillic in Latin letters and folds diacritics), and
 * each visit gets a score from its evidence:
 * <ul>
 *   <li>{@value #SCORE_DATELINE}: the host city as the article's dateline ({@code ASTANA —},
 *       {@code БЕОГРАД, 18. новембра (Танјуг) –});</li>
 *   <li>{@value #SCORE_DATELINE_DATE}: a date in the dateline or in an agency byline ({@code (Beta, 27.02.2026)})
 *       that falls in the visit's window;</li>
 *   <li>{@value #SCORE_TEXT_DATE}: another in-text date in the window ({@code Feb. 27}, {@code 19. novembra 2024},
 *       {@code 27 февраля 2026 года}, {@code 19.11.2024.}; year-less dates resolved against the catalogue);</li>
 *   <li>{@value #SCORE_VISIT_TO}: the host city as the goal of a visit ({@code visit to Astana},
 *       {@code doputovao u Beograd}, {@code прибыл в Астану}, {@code Besuch in Belgrad}), or else
 *       {@value #SCORE_MENTION} for a plain mention ({@code u Beogradu}, {@code в Астане}).</li>
 * </ul>
 * A visit's score is its best place evidence plus its best date evidence, plus {@value #SCORE_LEAD} when a date, the
 * dateline or a visit cue stands in the lead (the first paragraph), {@value #SCORE_LEAD_MENTION} when only a plain
 * mention does: news states its event first and recalls others later. Names match in every script, case and
 * inflection through the catalogue's names and their {@link NameAliases}. What is not evidence: a mention or date
 * in a sentence that recalls the past ({@code two years ago}, {@code pre dve godine}, {@code ранее},
 * {@code vor zwei Jahren}, {@code in 2019}) or plans one ({@code next year}, {@code sledeće godine}; the cue words are
 * data, {@code attribution_cues.csv}), and a city as an
 * end of a route ({@code the Belgrade–Astana flight}, {@code рейс Астана – Белград}). A visit is a candidate only
 * when its guest's side (the guest leader's surname or the guest country, or an alias) is mentioned, and not when
 * the text's dates contradict it: a dateline date outside its window, or body dates that fit no catalogued visit
 * while none fits it. The candidate with the highest score wins when it scores at least {@value #MIN_SCORE} and leads
 * the runner-up by at least {@value #MIN_LEAD} point; otherwise the article stays unassigned as ambiguous, naming both. The decision, with
 * both scores, is in the evidence and in {@link Attribution#score()} and {@link Attribution#runnerUpId()}.
 *
 * <p>Everything comes from the catalogue, the aliases and the cue file; nothing is specific to a country, city,
 * leader or year. Instances are immutable, thread-safe and serializable, so one instance can be shipped to Spark
 * executors and shared by all tasks.
 */
public final class VisitAttributor implements Serializable {

  private static final long serialVersionUID = 2L;

  /** Evidence strings are cut to this many characters. */
  public static final int MAX_EVIDENCE_LENGTH = 240;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** The cue words, by kind ({@code recall}, {@code visit_to}, {@code route}), from the classpath. */
  private static final Map<String, List<String>> CUES = AttributionCues.byKind();

  /** Words that mark a sentence as recalling a past event. */
  private static final Cues RECALL = new Cues(CUES.get("recall"));

  /** Words that mark a sentence as planning or inviting a visit ("next year"). */
  private static final Cues FUTURE = new Cues(CUES.get("future"));

  /**
   * A year the sentence is set in: "in 2019", "in September 2019", "u 2019", "в 2019 году", "im Jahr 2019",
   * "2019. godine".
   */
  private static final Pattern IN_YEAR = Pattern.compile(
      "(?<![\\p{L}])(?:in|u|v|vo|im\\s+jahre?)\\s+(?:(?:early|late|mid)[-\\s]+)?(?:(?:"
          + TextDates.MONTH_ALTERNATION_CI + ")\\.?\\s+)?(?<year>\\d{4})(?!\\d)"
          + "|(?<![\\p{N}.])(?<year2>\\d{4})\\.?\\s+(?:godine|goda|godu|godini)(?![\\p{L}])",
      FLAGS);

  /** Words before a city that make it the goal of a visit, with at most {@value #WORDS_BETWEEN} words between. */
  private static final Cues VISIT_CONTEXT = new Cues(CUES.get("visit_to"));

  /** Words that make a city an end of a route when they stand before it, as a visit cue does, or right after it. */
  private static final Cues ROUTE = new Cues(CUES.get("route"));
  /** Words that may stand between a cue and the city it applies to ("visit to the Kazakh capital, Astana"). */
  private static final int WORDS_BETWEEN = 4;
  /**
   * Letters a case ending may add to the host country's name where it is the goal of a visit, with at most one word
   * (a preposition) between the cue and it: "visit to Kazakhstan", "posetu Srbiji", "визит в Казахстан".
   */
  private static final int HOST_COUNTRY_ENDING = 3;
  /** A dash or slash that joins two cities into a route: "Belgrade–Astana", "Astana - Belgrade", "Beograd/Astana". */
  private static final String JOIN = "\\s*[-\u2013\u2014/]\\s*";

  /** A dash that ends a dateline ("ASTANA, 27.02.2026 (Kazinform) –", "АСТАНА, 27 февраля. /ТАСС/."). */
  private static final Pattern DATELINE_END = Pattern.compile(
      "^[^\\n]{0,40}?(?:\\s[-\u2013\u2014]\\s|\\)\\s*[-\u2013\u2014:]|/[\\p{L} -]{2,20}/\\.?|\\s*[\u2013\u2014])");
  /** "(Beta, 27.02.2026)": an agency byline in parentheses around a date. */
  private static final Pattern BYLINE_BEFORE = Pattern.compile("\\(\\s*\\p{L}[\\p{L} .&-]{0,30},\\s*$");
  private static final Pattern BYLINE_AFTER = Pattern.compile("^\\s*\\)");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
  /** "from Astana to Belgrade", "iz Astane u Beograd", "из Астаны в Белград", "von Astana nach Belgrad". */
  private static final String FROM = "(?i:from|iz|von|aus)";
  private static final String TO = "(?i:to|u|v|vo|nach|za)";
  private static final Pattern FROM_BEFORE = Pattern.compile("(?<![\\p{L}])" + FROM + "\\s+$");
  private static final Pattern FROM_TO_AFTER = Pattern.compile("^\\s+" + TO + "\\s+\\p{Lu}");
  private static final Pattern FROM_TO_BEFORE = Pattern.compile(
      "(?<![\\p{L}])" + FROM + "\\s+\\p{Lu}\\p{L}*\\s+" + TO + "\\s+$");
  /** How far into the text a date may start and still be the dateline's. */
  private static final int DATELINE_REACH = 80;

  private static final int CONTEXT_WINDOW = 60;


  static final int SCORE_MENTION = 1;
  static final int SCORE_VISIT_TO = 2;
  static final int SCORE_DATELINE = 4;
  static final int SCORE_TEXT_DATE = 2;
  static final int SCORE_DATELINE_DATE = 4;
  /**
   * Added when a visit's counted date, dateline or visit cue stands in the lead (the first paragraph); a plain
   * mention there adds {@value #SCORE_LEAD_MENTION}.
   */
  static final int SCORE_LEAD = 2;
  static final int SCORE_LEAD_MENTION = 1;
  /** The least score that attributes: a single plain mention of the city after the lead is too little. */
  static final int MIN_SCORE = 2;
  /** Points by which the best candidate must lead the runner-up. */
  static final int MIN_LEAD = 1;

  private final List<Visit> visits;
  private final int toleranceDays;
  private final List<VisitPatterns> patterns;
  /** Another catalogued host city (or alias) right after a join, and right before one. */
  private final Pattern joinedAfter;
  private final Pattern joinedBefore;

  /**
   * Creates an attributor over a catalogue, with the catalogue's own names only.
   *
   * @param visits        the catalogue; ids must be unique, each visit needs start and end dates
   * @param toleranceDays days a date may lie before the start or after the end of a visit, at least 0
   */
  public VisitAttributor(List<Visit> visits, int toleranceDays) {
    this(visits, NameAliases.none(), toleranceDays);
  }

  /**
   * Creates an attributor over a catalogue whose names also match their {@code aliases}.
   *
   * @param visits        the catalogue; ids must be unique, each visit needs start and end dates
   * @param aliases       other names of the catalogue's cities, countries and leaders
   * @param toleranceDays days a date may lie before the start or after the end of a visit, at least 0
   */
  public VisitAttributor(List<Visit> visits, NameAliases aliases, int toleranceDays) {
    Objects.requireNonNull(visits, "visits");
    Objects.requireNonNull(aliases, "aliases");
    if (toleranceDays < 0) {
      throw new IllegalArgumentException("toleranceDays must be >= 0, got " + toleranceDays);
    }
    Set<String> ids = new HashSet<>();
    List<VisitPatterns> compiled = new ArrayList<>();
    for (Visit v : visits) {
      Objects.requireNonNull(v, "visit");
      Objects.requireNonNull(v.visitId(), "visitId");
      if (!ids.add(v.visitId())) {
        throw new IllegalArgumentException("duplicate visit id " + v.visitId());
      }
      if (v.startDate() == null || v.endDate() == null || v.endDate().isBefore(v.startDate())) {
        throw new IllegalArgumentException("visit " + v.visitId() + " needs startDate <= endDate");
      }
      compiled.add(VisitPatterns.compile(v, aliases));
    }
    this.visits = List.copyOf(visits);
    this.toleranceDays = toleranceDays;
    this.patterns = List.copyOf(compiled);
    String cities = compiled.stream().map(VisitPatterns::cityNames).filter(Objects::nonNull)
        .collect(Collectors.joining("|"));
    this.joinedAfter = cities.isEmpty() ? null
        : Pattern.compile(JOIN + "(?:" + cities + ")(?![\\p{L}\\p{N}])", FLAGS);
    this.joinedBefore = cities.isEmpty() ? null
        : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + cities + ")" + JOIN + "$", FLAGS);
  }

  /**
   * Attributes one article.
   *
   * @param text     the article body, header already removed; null is read as empty
   * @param dateText the raw date string from the article's date header or its metadata record, or null
   * @param origin   {@code "header"}, {@code "metadata"}, or null when there was no date
   * @return the attribution, never null
   * @throws IllegalArgumentException when a date is given with an origin other than header or metadata
   */
  public Attribution attribute(String text, String dateText, String origin) {
    String note = null;
    String prefix = "";
    if (dateText != null && !dateText.isBlank()) {
      String source = source(origin);
      String raw = dateText.strip();
      LocalDate date = parseDate(raw, source);
      if (date != null) {
        return byDate(date, source);
      }
      note = Attribution.invalidDateNote(source, raw);
      prefix = Attribution.invalidDateNote(source, shorten(raw, 30)) + "; ";
    }
    Attribution fromText = byText(text == null ? "" : text);
    if (note == null) {
      return fromText;
    }
    return new Attribution(fromText.visitId(), fromText.dateSource(), fromText.publishedDate(),
        cap(prefix + fromText.evidence()), note, fromText.score(), fromText.runnerUpId(), fromText.runnerUpScore());
  }

  // ---------------------------------------------------------------- header / metadata date

  private static String source(String origin) {
    String o = origin == null ? "" : origin.strip().toLowerCase(Locale.ROOT);
    if (o.equals(Attribution.SOURCE_HEADER) || o.equals(Attribution.SOURCE_METADATA)) {
      return o;
    }
    throw new IllegalArgumentException("a date needs origin header or metadata, got " + origin);
  }

  /** ISO yyyy-MM-dd; metadata may also carry a time ("2026-02-27T10:15:00+06:00"). Null when invalid. */
  private static LocalDate parseDate(String raw, String source) {
    try {
      if (source.equals(Attribution.SOURCE_METADATA) && raw.length() > 10 && raw.charAt(10) == 'T') {
        return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(raw));
      }
      return LocalDate.parse(raw, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Attribution byDate(LocalDate date, String source) {
    List<Visit> nearest = nearestContaining(date);
    String tol = "\u00b1" + toleranceDays + " d";
    if (nearest.isEmpty()) {
      return new Attribution(null, source, date,
          source + " date " + date + " is outside every visit window (" + tol + ")");
    }
    if (nearest.size() > 1) {
      return new Attribution(null, source, date, cap("ambiguous: " + source + " date " + date
          + " equally near the windows of " + ids(nearest) + " (" + tol + ")"));
    }
    Visit v = nearest.get(0);
    return new Attribution(v.visitId(), source, date, cap(source + " date " + date + " in window of "
        + v.visitId() + " (" + v.startDate() + ".." + v.endDate() + " " + tol + ")"));
  }

  /** Visits whose tolerant window contains {@code date}, keeping only those nearest to it. */
  private List<Visit> nearestContaining(LocalDate date) {
    long best = Long.MAX_VALUE;
    List<Visit> out = new ArrayList<>();
    for (Visit v : visits) {
      if (!v.windowContains(date, toleranceDays)) {
        continue;
      }
      long d = distance(v, date);
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best) {
        out.add(v);
      }
    }
    return out;
  }

  /** Days between {@code date} and the visit's own dates, 0 inside them. */
  private static long distance(Visit v, LocalDate date) {
    if (date.isBefore(v.startDate())) {
      return ChronoUnit.DAYS.between(date, v.startDate());
    }
    if (date.isAfter(v.endDate())) {
      return ChronoUnit.DAYS.between(v.endDate(), date);
    }
    return 0;
  }

  // ---------------------------------------------------------------- text

  /**
   * One text as attribution reads it: its folded form, words and sentences, and for each sentence whether it
   * recalls the past ({@link #recall}), plans a visit ({@link #future}), and the years it is set in (found once,
   * when first asked).
   */
  private static final class Reading {
    final FoldedText text;
    final String folded;
    final Words words;
    final List<int[]> sentences;
    final boolean[] recall;
    final boolean[] future;
    private final int[][] years;

    Reading(FoldedText text) {
      this.text = text;
      this.folded = text.folded();
      this.words = Words.of(folded);
      this.sentences = text.sentences();
      this.recall = new boolean[sentences.size()];
      this.future = new boolean[sentences.size()];
      this.years = new int[sentences.size()][];
      for (int i = 0; i < sentences.size(); i++) {
        int from = words.firstAtOrAfter(sentences.get(i)[0]);
        int to = words.firstAtOrAfter(sentences.get(i)[1]);
        recall[i] = RECALL.anyIn(words, from, to);
        future[i] = !recall[i] && FUTURE.anyIn(words, from, to);
      }
    }

    /** The sentence holding position {@code pos}, -1 when none. */
    int sentence(int pos) {
      return FoldedText.spanIndexAt(sentences, pos);
    }

    /** Where sentence {@code s} begins; 0 for none (-1). */
    int sentenceStart(int s) {
      return s >= 0 ? sentences.get(s)[0] : 0;
    }

    /** Whether sentence {@code s} recalls the past for {@code visit}: a recall cue, or set in another year. */
    boolean recalls(int s, VisitPatterns visit) {
      return s >= 0 && (recall[s] || visit.otherYear(years(s)));
    }

    /** The years sentence {@code s} is set in ("in 2019", "2019. godine"). */
    private int[] years(int s) {
      if (years[s] == null) {
        Matcher m = IN_YEAR.matcher(folded).region(sentences.get(s)[0], sentences.get(s)[1]);
        List<Integer> found = new ArrayList<>();
        while (m.find()) {
          found.add(Integer.parseInt(m.group("year") != null ? m.group("year") : m.group("year2")));
        }
        years[s] = found.stream().mapToInt(Integer::intValue).toArray();
      }
      return years[s];
    }
  }

  /** Evidence gathered for one visit from the text. */
  private static final class VisitEvidence {
    final Visit visit;
    final VisitPatterns patterns;
    int placeScore;
    String placeDesc;
    /** Start of the host city in the text's dateline, -1 when the text has no dateline naming it. */
    int datelineCity = -1;
    boolean recalledOnly;
    boolean plannedOnly;
    boolean routeOnly;
    String party;
    /** Earliest day-precise in-text date fitting this visit (nearest-window rule), with its quote. */
    LocalDate fittingDate;
    String fittingQuote;
    /** The score of the best fitting date: the dateline's or a byline's, or another in-text date's. */
    int dateScore;
    /** Where the counted place evidence and the counted date stand; -1 when none. */
    int placeAt = -1;
    int dateAt = -1;
    /** True when some in-text date (day or month precision) lies in this visit's tolerant window. */
    boolean anyDateInWindow;
    /** True when a dateline date lies outside this visit's window. */
    boolean datelineContradicts;

    VisitEvidence(Visit visit, VisitPatterns patterns) {
      this.visit = visit;
      this.patterns = patterns;
    }

    String id() {
      return visit.visitId();
    }

    int score() {
      return placeScore + dateScore + leadScore;
    }

    int leadScore;

    /** Sets {@link #leadScore} from where the counted evidence stands. */
    void readLead(int leadEnd) {
      leadScore = 0;
      if (placeScore > 0 && placeAt >= 0 && placeAt < leadEnd) {
        leadScore = placeScore == SCORE_MENTION ? SCORE_LEAD_MENTION : SCORE_LEAD;
      }
      if (dateScore > 0 && dateAt >= 0 && dateAt < leadEnd) {
        leadScore = SCORE_LEAD;
      }
    }

    /** "dateline ASTANA, date "Feb. 27" → 2026-02-27": what the score is made of. */
    String reasons() {
      List<String> parts = new ArrayList<>();
      if (placeScore > 0) {
        parts.add(placeDesc);
      }
      if (fittingDate != null) {
        parts.add("date \"" + fittingQuote + "\" \u2192 " + fittingDate);
      }
      return String.join("; ", parts);
    }
  }

  private Attribution byText(String rawText) {
    FoldedText text = FoldedText.of(rawText);
    String t = text.folded();
    Reading r = new Reading(text);

    List<VisitEvidence> evidence = new ArrayList<>();
    int datelineEnd = genericDatelineEnd(t);
    for (VisitPatterns p : patterns) {
      VisitEvidence e = new VisitEvidence(p.visit(), p);
      datelineEnd = Math.max(datelineEnd, readDateline(e, text));
      evidence.add(e);
    }

    // Dates in a sentence recalling the past are not evidence, except a date inside the dateline or a byline,
    // which outranks the body's ("strong").
    List<TextDate> found = TextDates.find(text);
    List<TextDate> dates = new ArrayList<>();
    List<Boolean> strong = new ArrayList<>();
    for (TextDate d : found) {
      boolean inDateline = d.start() < datelineEnd || isByline(t, d);
      int s = r.sentence(d.start());
      if (inDateline || s < 0 || !(r.recall[s] || r.future[s])) {
        dates.add(d);
        strong.add(inDateline);
      }
    }
    // A month and a year after the dateline ("in November 2024", "u novembru 2024", "im November 2024") dates a
    // sentence the way a retrospect does, not as news of the day: its place mentions are no evidence (the date
    // itself still is, and still contradicts the visits it does not fit).
    for (TextDate d : found) {
      int s = r.sentence(d.start());
      if (!d.hasDay() && d.year() != null && d.start() >= datelineEnd && s >= 0) {
        r.recall[s] = true;
      }
    }
    for (VisitEvidence e : evidence) {
      readHostCountry(e, r);
      readPlace(e, r);
      e.party = e.patterns.party(r, datelineEnd);
    }
    boolean dateFitsNoVisit = false;
    for (int i = 0; i < dates.size(); i++) {
      dateFitsNoVisit |= !fitDate(dates.get(i), evidence, strong.get(i));
    }

    int leadEnd = leadEnd(t, r.sentences);
    for (VisitEvidence e : evidence) {
      e.readLead(leadEnd);
    }
    List<VisitEvidence> candidates = new ArrayList<>();
    for (VisitEvidence e : evidence) {
      boolean contradicted = e.datelineContradicts || (dateFitsNoVisit && !e.anyDateInWindow);
      if (e.party != null && e.score() > 0 && !contradicted) {
        candidates.add(e);
      }
    }
    candidates.sort(Comparator.comparingInt(VisitEvidence::score).reversed());

    if (!candidates.isEmpty()) {
      VisitEvidence best = candidates.get(0);
      VisitEvidence second = candidates.size() > 1 ? candidates.get(1) : null;
      if (best.score() < MIN_SCORE) {
        return unassigned(cap("text: too little evidence: " + best.reasons() + " and " + best.party + " point at "
            + best.id() + " (score " + best.score() + ", at least " + MIN_SCORE + " needed)"), best, second);
      }
      if (second == null || best.score() - second.score() >= MIN_LEAD) {
        return chosen(best, second);
      }
      return ambiguous(candidates.stream().filter(e -> e.score() == best.score()).toList(), best, second);
    }
    return unassigned(cap("text: " + String.join("; ", unassignedNotes(evidence, dates))), null, null);
  }

  private static Attribution chosen(VisitEvidence best, VisitEvidence second) {
    List<String> parts = new ArrayList<>();
    parts.add(best.reasons());
    parts.add(best.party + " mentioned");
    if (best.fittingDate == null) {
      parts.add("no usable text date");
    }
    String versus = second == null ? "score " + best.score()
        : "score " + best.score() + " vs " + second.id() + " " + second.score() + " (" + second.reasons() + ")";
    parts.add(versus);
    String source = best.fittingDate != null ? Attribution.SOURCE_TEXT : Attribution.SOURCE_NONE;
    return new Attribution(best.id(), source, best.fittingDate, cap("text: " + String.join("; ", parts)), null,
        best.score(), second == null ? null : second.id(), second == null ? null : second.score());
  }

  private static Attribution ambiguous(List<VisitEvidence> tied, VisitEvidence best, VisitEvidence second) {
    String evidence;
    if (tied.stream().allMatch(e -> e.placeScore == 0 && e.fittingDate != null)) {
      evidence = "ambiguous: text dates fit " + tied.stream()
          .map(e -> e.id() + " (\"" + e.fittingQuote + "\")").collect(Collectors.joining(", "))
          + ", guests of each mentioned; score " + best.score() + " each";
    } else {
      evidence = "ambiguous: " + tied.stream().map(e -> e.id() + " (" + e.reasons() + ", " + e.party + ")")
          .collect(Collectors.joining(", ")) + " equally supported; score " + best.score() + " each";
    }
    return unassigned(cap(evidence), best, second);
  }

  private List<String> unassignedNotes(List<VisitEvidence> evidence, List<TextDate> dates) {
    List<String> notes = new ArrayList<>();
    for (VisitEvidence e : evidence) {
      if (e.party != null && e.score() > 0) {
        notes.add(e.reasons() + " and " + e.party + " point at " + e.id() + " but text dates "
            + quotes(dates) + " fall outside its window");
      }
    }
    for (VisitEvidence e : evidence) {
      if (e.party == null && e.score() > 0) {
        List<String> found = new ArrayList<>();
        if (e.placeScore > 0) {
          found.add(e.placeDesc);
        }
        if (e.fittingDate != null) {
          found.add("date \"" + e.fittingQuote + "\"");
        }
        notes.add(String.join(", ", found) + " fit " + e.id() + " but guest " + e.patterns.partyLabel()
            + " not mentioned");
      }
    }
    for (VisitEvidence e : evidence) {
      if (e.placeScore == 0 && e.recalledOnly) {
        notes.add(e.patterns.cityLabel() + " only in recall of a past visit (" + e.id() + ")");
      } else if (e.placeScore == 0 && e.plannedOnly) {
        notes.add(e.patterns.cityLabel() + " only in a planned or invited visit (" + e.id() + ")");
      } else if (e.placeScore == 0 && e.routeOnly) {
        notes.add(e.patterns.cityLabel() + " only as an end of a route (" + e.id() + ")");
      }
    }
    if (notes.isEmpty()) {
      if (dates.isEmpty()) {
        notes.add("no date and no host-city evidence");
      } else if (evidence.stream().noneMatch(e -> e.anyDateInWindow)) {
        notes.add("dates " + quotes(dates) + " fit no visit window; no host-city evidence");
      } else {
        notes.add("dates " + quotes(dates) + " give no day in a window; no host-city evidence");
      }
    }
    return notes;
  }

  /** An unassigned article; the two best candidates' scores when there were candidates. */
  private static Attribution unassigned(String evidence, VisitEvidence best, VisitEvidence second) {
    return new Attribution(null, Attribution.SOURCE_NONE, null, evidence, null,
        best == null ? null : best.score(), second == null ? null : second.id(),
        second == null ? null : second.score());
  }

  /**
   * The end of a dateline that names no catalogued city ("BERLIN, 28. September 2023 –", "MOSKAU (dpa) –"): a dash
   * or an agency in slashes within the first line's first characters; 0 when the text opens with none.
   */
  private static int genericDatelineEnd(String folded) {
    Matcher m = DATELINE_END.matcher(folded);
    return m.lookingAt() && m.end() <= DATELINE_REACH ? m.end() : 0;
  }

  /** True when a date stands in an agency byline: "(Beta, 27.02.2026)". */
  private static boolean isByline(String folded, TextDate d) {
    int from = Math.max(0, d.start() - 40);
    if (!BYLINE_BEFORE.matcher(folded).region(from, d.start()).find()) {
      return false;
    }
    return BYLINE_AFTER.matcher(folded).region(d.end(), folded.length()).lookingAt();
  }

  /**
   * Records a dateline naming the visit's host city ("ASTANA, Feb 27 (Reuters) -"); a dateline is where the
   * article was filed, so recall markers later in its sentence do not apply to it.
   *
   * @return the end of the dateline in the folded text, 0 when there is none
   */
  private static int readDateline(VisitEvidence e, FoldedText text) {
    VisitPatterns p = e.patterns;
    if (p.dateline() == null) {
      return 0;
    }
    Matcher dl = p.dateline().matcher(text.folded());
    if (!dl.lookingAt()) {
      return 0;
    }
    e.datelineCity = dl.start("city");
    e.placeScore = SCORE_DATELINE;
    e.placeAt = dl.start("city");
    e.placeDesc = "dateline " + text.original(dl.start("city"), dl.end("city"));
    return dl.end();
  }

  /**
   * Records the best host-city mention of {@code e} after its dateline that neither recalls the past nor is an end
   * of a route, or that all were such.
   */
  private void readPlace(VisitEvidence e, Reading r) {
    VisitPatterns p = e.patterns;
    if (p.city() == null) {
      return;
    }
    Matcher m = p.city().matcher(r.folded);
    while (m.find()) {
      if (m.start() == e.datelineCity) {
        continue;
      }
      int s = r.sentence(m.start());
      if (r.recalls(s, p)) {
        e.recalledOnly = true;
        continue;
      }
      if (s >= 0 && r.future[s]) {
        e.plannedOnly = true;
        continue;
      }
      int sentenceStart = r.sentenceStart(s);
      if (isRouteEnd(r.folded, r.words, m.start(), m.end(), sentenceStart)) {
        e.routeOnly = true;
        continue;
      }
      int score = SCORE_MENTION;
      String desc = "mention of " + r.text.original(m.start(), m.end());
      int goal = visitContextStart(r.words, m.start(), sentenceStart, WORDS_BETWEEN);
      if (goal >= 0) {
        score = SCORE_VISIT_TO;
        desc = "\"" + r.text.original(goal, m.end()) + "\"";
      }
      if (score > e.placeScore) {
        e.placeScore = score;
        e.placeDesc = desc;
        e.placeAt = m.start();
      }
    }
  }

  /** Records the host country as the goal of a visit ("official visit to Kazakhstan"), outside recalls and plans. */
  private static void readHostCountry(VisitEvidence e, Reading r) {
    if (e.patterns.hostCountry() == null) {
      return;
    }
    Matcher m = e.patterns.hostCountry().matcher(r.folded);
    while (m.find() && e.placeScore < SCORE_VISIT_TO) {
      int s = r.sentence(m.start());
      if (r.recalls(s, e.patterns) || (s >= 0 && r.future[s])) {
        continue;
      }
      int goal = visitContextStart(r.words, m.start(), r.sentenceStart(s), 1);
      if (goal >= 0) {
        e.placeScore = SCORE_VISIT_TO;
        e.placeDesc = "\"" + r.text.original(goal, m.end()) + "\"";
        e.placeAt = m.start();
      }
    }
  }

  /**
   * The end of the lead, where news states its event: the first paragraph (up to the first blank line), or the
   * first sentence when the text has no blank line.
   */
  static int leadEnd(String folded, List<int[]> sentences) {
    Matcher blank = BLANK_LINE.matcher(folded);
    if (blank.find()) {
      return blank.start();
    }
    return sentences.isEmpty() ? folded.length() : sentences.get(0)[1];
  }

  /** Where the nearest visit cue before a city begins ("arrived in", "u posetu", "прибыл в"), -1 when none. */
  private static int visitContextStart(Words words, int city, int sentenceStart, int between) {
    int i = VISIT_CONTEXT.before(words, words.firstAtOrAfter(city), near(words, city, sentenceStart), between);
    return i < 0 ? -1 : words.start(i);
  }

  /** The first word a cue before position {@code at} may begin at: in its sentence, and near enough. */
  private static int near(Words words, int at, int sentenceStart) {
    return Math.max(words.firstAtOrAfter(sentenceStart), words.firstAtOrAfter(at - CONTEXT_WINDOW));
  }

  /**
   * True when a city mention is an end of a route: joined by a dash to another catalogued city, between "from" and
   * "to", or next to a route word.
   */
  private boolean isRouteEnd(String t, Words words, int start, int end, int sentenceStart) {
    if (joinedAfter != null && joinedAfter.matcher(t).region(end, t.length()).useTransparentBounds(true)
        .lookingAt()) {
      return true;
    }
    if (joinedBefore != null && joinedBefore.matcher(t).region(Math.max(sentenceStart, start - 40), start)
        .useTransparentBounds(true).find()) {
      return true;
    }
    int next = words.firstAtOrAfter(end);
    if (next < words.size() && next > 0 && t.substring(end, words.start(next)).isBlank()
        && ROUTE.at(words, next, words.size()) > 0) {
      return true;
    }
    int back = Math.max(sentenceStart, start - 40);
    if ((FROM_BEFORE.matcher(t).region(back, start).useTransparentBounds(true).find()
        && FROM_TO_AFTER.matcher(t).region(end, t.length()).useTransparentBounds(true).lookingAt())
        || FROM_TO_BEFORE.matcher(t).region(back, start).useTransparentBounds(true).find()) {
      return true;
    }
    return ROUTE.before(words, words.firstAtOrAfter(start), near(words, start, sentenceStart), WORDS_BETWEEN) >= 0;
  }

  /**
   * Fits one in-text date to the visits: nearest-window rule for day dates, window overlap for month dates.
   * {@code strong}: the date is the dateline's or a byline's, which outranks the body's and contradicts the
   * visits it does not fit.
   *
   * @return whether the date lies in some visit's window
   */
  private boolean fitDate(TextDate d, List<VisitEvidence> evidence, boolean strong) {
    long best = Long.MAX_VALUE;
    boolean fitsSome = false;
    List<VisitEvidence> nearest = new ArrayList<>();
    List<LocalDate> resolved = new ArrayList<>();
    for (VisitEvidence e : evidence) {
      Visit v = e.visit;
      LocalDate lo = v.startDate().minusDays(toleranceDays);
      LocalDate hi = v.endDate().plusDays(toleranceDays);
      int firstYear = d.year() != null ? d.year() : v.startDate().getYear() - 1;
      int lastYear = d.year() != null ? d.year() : v.endDate().getYear() + 1;
      long visitBest = Long.MAX_VALUE;
      LocalDate visitDate = null;
      boolean inWindow = false;
      for (int y = firstYear; y <= lastYear; y++) {
        if (!d.validIn(y)) {
          continue;
        }
        LocalDate[] r = d.range(y);
        if (r[1].isBefore(lo) || r[0].isAfter(hi)) {
          continue;
        }
        inWindow = true;
        if (d.hasDay()) {
          long dist = distance(v, r[0]);
          if (dist < visitBest) {
            visitBest = dist;
            visitDate = r[0];
          }
        }
      }
      e.anyDateInWindow |= inWindow;
      fitsSome |= inWindow;
      if (strong && !inWindow) {
        e.datelineContradicts = true;
      }
      if (visitDate == null) {
        continue;
      }
      if (visitBest < best) {
        best = visitBest;
        nearest.clear();
        resolved.clear();
      }
      if (visitBest == best) {
        nearest.add(e);
        resolved.add(visitDate);
      }
    }
    int score = strong ? SCORE_DATELINE_DATE : SCORE_TEXT_DATE;
    for (int i = 0; i < nearest.size(); i++) {
      VisitEvidence e = nearest.get(i);
      LocalDate date = resolved.get(i);
      if (score > e.dateScore || (score == e.dateScore && date.isBefore(e.fittingDate))) {
        e.dateScore = score;
        e.fittingDate = date;
        e.fittingQuote = d.quote();
        e.dateAt = d.start();
      }
    }
    return fitsSome;
  }

  // ---------------------------------------------------------------- per-visit patterns

  /**
   * Patterns compiled once per catalogued visit. A null pattern means the catalogue lacks the field.
   *
   * @param visit         the visit
   * @param dateline      host city at the very start of the text, followed by a dateline separator
   * @param city          any whole-word mention of the host city or of an alias (inflected where starred)
   * @param guestSurname  the guest leader's surname, or an alias, as a whole word
   * @param guestCountry  a word starting with the guest country or with one of its aliases
   * @param hostCountry   a word starting with the host country or with one of its aliases, counted as the goal of
   *                      a visit only ("visit to Kazakhstan", "визит в Казахстан", "posetu Srbiji")
   * @param cityNames     the alternation of the host city's names, for routes between catalogued cities
   */
  private record VisitPatterns(Visit visit, Pattern dateline, Pattern city, Pattern guestSurname,
                               Pattern guestCountry, Pattern hostCountry, String cityNames)
      implements Serializable {

    static VisitPatterns compile(Visit v, NameAliases aliases) {
      Pattern dateline = null;
      Pattern city = null;
      String c = null;
      if (!blank(v.hostCity())) {
        c = names(v.hostCity(), aliases.of(v.hostCity(), "city"), false);
        // "ASTANA -", "ASTANA \u2014", "Astana:", "ASTANA, Feb 27 (Reuters) -", "ASTANA (AP) \u2014",
        // "АСТАНА, 27 февраля. /ТАСС/.", "BEOGRAD, 19.11.2024. (Tanjug) \u2013"
        dateline = Pattern.compile("\\s*(?<city>" + c + ")(?![\\p{L}\\p{N}])(?:\\s*\\([^)\\n]{0,30}\\))?"
            + "(?:,[^\\n]{0,60}?)?(?:\\s*[\u2014\u2013]|\\s+-(?=\\s)|\\s*:|\\s*/[\\p{L} -]{2,20}/)", FLAGS);
        city = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + c + ")(?![\\p{L}\\p{N}])", FLAGS);
      }
      Pattern surname = null;
      String s = surname(v.guestLeader());
      if (s != null) {
        String n = names(s, aliases.of(v.guestLeader(), "leader"), false);
        surname = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + n + ")(?![\\p{L}\\p{N}])", FLAGS);
      }
      Pattern country = null;
      if (!blank(v.guestCountry())) {
        String n = names(v.guestCountry(), aliases.of(v.guestCountry(), "country"), true);
        country = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + n + ")", FLAGS);
      }
      Pattern host = null;
      if (!blank(v.hostCountry())) {
        String n = names(v.hostCountry(), aliases.of(v.hostCountry(), "country"), true);
        // The country's name with a case ending (Kazahstanu, Srbiji, Казахстан), not its adjectives
        // ("kazahstanskog", "Kazakh"), which name the other side as often ("the first visit by a Kazakh president").
        host = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + n + ")\\p{L}{0," + HOST_COUNTRY_ENDING + "}(?![\\p{L}])", FLAGS);
      }
      return new VisitPatterns(v, dateline, city, surname, country, host, c);
    }

    /**
     * The catalogue's name and its aliases as one alternation, longest first; a starred alias also takes up to
     * {@link NameAliases#MAX_ENDING} letters after its stem, unless {@code prefix} (then every name is a prefix).
     */
    private static String names(String ownName, List<NameAliases.Alias> aliases, boolean prefix) {
      List<String> forms = new ArrayList<>();
      java.util.TreeSet<Character> initials = new java.util.TreeSet<>();
      forms.add(phrase(ownName));
      initials.add(FoldedText.fold(ownName.strip()).charAt(0));
      for (NameAliases.Alias a : aliases) {
        String f = phrase(a.text());
        forms.add(a.inflected() && !prefix ? f + "\\p{L}{0," + NameAliases.MAX_ENDING + "}" : f);
        initials.add(FoldedText.fold(a.text()).charAt(0));
      }
      // The names' first letters, in both cases, looked at before the alternation is tried: most positions of a
      // text fail there at once.
      return "(?=[" + initials.stream().map(c -> String.format("\\x{%x}\\x{%x}", (int) Character.toLowerCase(c),
          (int) Character.toUpperCase(c))).distinct().collect(Collectors.joining()) + "])(?:"
          + forms.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()
          .thenComparing(Comparator.naturalOrder())).collect(Collectors.joining("|")) + ")";
    }

    /**
     * "guest Vučić" or "guest country Serbia" when mentioned in a sentence of the folded text that neither recalls
     * the past nor plans a visit, or in the dateline's sentence (a leader named only as last week's guest is not
     * this article's), else null.
     */
    String party(Reading r, int datelineEnd) {
      if (guestSurname != null && inCurrentSentence(guestSurname.matcher(r.folded), r, datelineEnd)) {
        return "guest " + surname(visit.guestLeader());
      }
      if (guestCountry != null && inCurrentSentence(guestCountry.matcher(r.folded), r, datelineEnd)) {
        return "guest country " + visit.guestCountry().strip();
      }
      return null;
    }

    /** Whether a match stands in a sentence that is news of the day: neither a recall nor a plan, or the dateline's. */
    private static boolean inCurrentSentence(Matcher m, Reading r, int datelineEnd) {
      while (m.find()) {
        int s = r.sentence(m.start());
        if (s < 0 || !(r.recall[s] || r.future[s]) || (datelineEnd > 0 && r.sentenceStart(s) < datelineEnd)) {
          return true;
        }
      }
      return false;
    }

    String partyLabel() {
      List<String> names = new ArrayList<>();
      if (guestSurname != null) {
        names.add(surname(visit.guestLeader()));
      }
      if (guestCountry != null) {
        names.add(visit.guestCountry().strip());
      }
      return names.isEmpty() ? "(none catalogued)" : String.join("/", names);
    }

    String cityLabel() {
      return visit.hostCity().strip();
    }

    /** True when the sentence is set "in" a year other than the visit's ("in 2019", "u 2019", "2019. godine"). */
    boolean otherYear(int[] sentenceYears) {
      for (int y : sentenceYears) {
        if (y < visit.startDate().getYear() || y > visit.endDate().getYear()) {
          return true;
        }
      }
      return false;
    }

    private static String surname(String leader) {
      if (blank(leader)) {
        return null;
      }
      String[] words = leader.strip().split("\\s+");
      return words[words.length - 1];
    }

    /** A name as a folded, quoted pattern whose words may be separated by any white space. */
    private static String phrase(String name) {
      return Arrays.stream(FoldedText.fold(name.strip()).split("\\s+"))
          .map(Pattern::quote).collect(Collectors.joining("\\s+"));
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String ids(List<Visit> vs) {
    return vs.stream().map(Visit::visitId).collect(Collectors.joining(", "));
  }

  private static String quotes(List<TextDate> dates) {
    TreeMap<Integer, String> ordered = new TreeMap<>();
    for (TextDate d : dates) {
      ordered.putIfAbsent(d.start(), "\"" + d.quote() + "\"");
    }
    List<String> q = new ArrayList<>(ordered.values());
    String joined = String.join(", ", q.subList(0, Math.min(3, q.size())));
    return q.size() > 3 ? joined + ", \u2026" : joined;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static String cap(String evidence) {
    return shorten(evidence, MAX_EVIDENCE_LENGTH);
  }
}
