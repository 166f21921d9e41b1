package io.visitlens.transform;

import io.visitlens.config.Visit;
import io.visitlens.transform.TextDates.TextDate;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * it), or stays unassigned when no window does. Without a usable date the text is read:
 * <ul>
 *   <li>in-text dates ("Feb. 27", "27 February 2026", "Nov. 18-19", "2026-02-27"); year-less ones are resolved
 *       against each visit's years;</li>
 *   <li>the host city as a dateline, as the goal of a visit ("visit to", "arrived in") or as a plain mention,
 *       ignoring mentions in sentences that recall a past visit ("two years ago", "in 2019", "memories");</li>
 *   <li>the guest's side: the guest leader's surname or a word starting with the guest country.</li>
 * </ul>
 * Dates fitting exactly one visit whose guest is mentioned decide first (date source {@code text}); otherwise
 * host-city plus guest evidence for a single best visit decides (date source {@code none}) unless the text's
 * dates contradict that visit's window. Ties are reported as ambiguous and left unassigned.
 *
 * <p>Matching is case-insensitive and diacritic-insensitive. Everything comes from the catalogue; nothing is
 * specific to a country, city, leader or year. Instances are immutable, thread-safe and serializable, so one
 * instance can be shipped to Spark executors and shared by all tasks.
 */
public final class VisitAttributor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Evidence strings are cut to this many characters. */
  public static final int MAX_EVIDENCE_LENGTH = 200;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Words that mark a sentence as recalling a past event. */
  private static final Pattern RECALL = Pattern.compile(
      "(?<![\\p{L}])(?:ago|last\\s+(?:year|month|week|time)|previous(?:ly)?|earlier\\s+visits?|"
          + "recall(?:s|ed|ing)?|memor(?:y|ies)|back\\s+in|former(?:ly)?|years\\s+earlier)(?![\\p{L}])",
      FLAGS);

  /** "in 2019", "in September 2019", "in early 2019": a year the sentence is set in. */
  private static final Pattern IN_YEAR = Pattern.compile(
      "(?<![\\p{L}])in\\s+(?:(?:early|late|mid)[-\\s]+)?(?:(?:" + TextDates.MONTH_ALTERNATION_CI
          + ")\\.?\\s+)?(?<year>\\d{4})(?!\\d)",
      FLAGS);

  /** Words right before a city that make it the goal of a visit; matched against the text before the city. */
  private static final Pattern VISIT_CONTEXT = Pattern.compile(
      "(?<![\\p{L}])(?:visit(?:s|ed|ing)?(?:\\s+to|\\s+in)?|arriv(?:e|es|ed|ing|al)\\s+(?:in|at)|trip\\s+to|"
          + "travel(?:s|ed|led|ing|ling)?\\s+to|came\\s+to|landed\\s+in)"
          + "\\s+(?:the\\s+)?(?:capital(?:\\s+city)?(?:\\s+of\\s+\\p{L}+)?,?\\s+)?$",
      FLAGS);

  private static final int CONTEXT_WINDOW = 60;

  private static final int SCORE_MENTION = 1;
  private static final int SCORE_VISIT_TO = 2;
  private static final int SCORE_DATELINE = 3;

  private final List<Visit> visits;
  private final int toleranceDays;
  private final List<VisitPatterns> patterns;

  /**
   * Creates an attributor over a catalogue.
   *
   * @param visits        the catalogue; ids must be unique, each visit needs start and end dates
   * @param toleranceDays days a date may lie before the start or after the end of a visit, at least 0
   */
  public VisitAttributor(List<Visit> visits, int toleranceDays) {
    Objects.requireNonNull(visits, "visits");
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
      compiled.add(VisitPatterns.compile(v));
    }
    this.visits = List.copyOf(visits);
    this.toleranceDays = toleranceDays;
    this.patterns = List.copyOf(compiled);
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
        cap(prefix + fromText.evidence()), note);
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

  /** Evidence gathered for one visit from the text. */
  private static final class VisitEvidence {
    final Visit visit;
    final VisitPatterns patterns;
    int placeScore;
    String placeDesc;
    /** Start of the host city in the text's dateline, -1 when the text has no dateline naming it. */
    int datelineCity = -1;
    boolean recalledOnly;
    String party;
    /** Earliest day-precise in-text date fitting this visit (nearest-window rule), with its quote. */
    LocalDate fittingDate;
    String fittingQuote;
    /** True when some in-text date (day or month precision) lies in this visit's tolerant window. */
    boolean anyDateInWindow;

    VisitEvidence(Visit visit, VisitPatterns patterns) {
      this.visit = visit;
      this.patterns = patterns;
    }

    String id() {
      return visit.visitId();
    }

    boolean dateCandidate() {
      return fittingDate != null && party != null;
    }
  }

  private Attribution byText(String rawText) {
    FoldedText text = FoldedText.of(rawText);
    String t = text.folded();
    List<int[]> sentences = text.sentences();
    boolean[] recallSentence = new boolean[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      int[] s = sentences.get(i);
      recallSentence[i] = RECALL.matcher(t).region(s[0], s[1]).find();
    }

    List<VisitEvidence> evidence = new ArrayList<>();
    int datelineEnd = 0;
    for (VisitPatterns p : patterns) {
      VisitEvidence e = new VisitEvidence(p.visit(), p);
      datelineEnd = Math.max(datelineEnd, readDateline(e, text));
      readPlace(e, text, sentences, recallSentence);
      e.party = p.party(t);
      evidence.add(e);
    }

    // Dates in a sentence recalling the past are not evidence, except a date inside the dateline itself.
    List<TextDate> dates = new ArrayList<>();
    for (TextDate d : TextDates.find(text)) {
      int s = FoldedText.spanIndexAt(sentences, d.start());
      if (d.start() < datelineEnd || s < 0 || !recallSentence[s]) {
        dates.add(d);
      }
    }
    for (TextDate d : dates) {
      fitDate(d, evidence);
    }

    // 1. in-text dates fitting a visit whose guest is mentioned
    List<VisitEvidence> byDate = evidence.stream().filter(VisitEvidence::dateCandidate).toList();
    if (!byDate.isEmpty()) {
      VisitEvidence chosen = byDate.size() == 1 ? byDate.get(0) : strictlyBestPlace(byDate);
      if (chosen == null) {
        return unassigned(cap("ambiguous: text dates fit " + byDate.stream()
            .map(e -> e.id() + " (\"" + e.fittingQuote + "\")").collect(Collectors.joining(", "))
            + ", guests of each mentioned"));
      }
      List<String> parts = new ArrayList<>();
      if (chosen.placeScore > 0) {
        parts.add(chosen.placeDesc);
      }
      parts.add("date \"" + chosen.fittingQuote + "\" \u2192 " + chosen.fittingDate);
      parts.add(chosen.party + " mentioned");
      return new Attribution(chosen.id(), Attribution.SOURCE_TEXT, chosen.fittingDate,
          cap("text: " + String.join("; ", parts)));
    }

    // 2. host city (not recalled) + guest, unless the text's dates contradict the visit's window
    List<VisitEvidence> placed = evidence.stream().filter(e -> e.placeScore > 0 && e.party != null).toList();
    List<VisitEvidence> viable = placed.stream().filter(e -> dates.isEmpty() || e.anyDateInWindow).toList();
    if (!viable.isEmpty()) {
      VisitEvidence chosen = viable.size() == 1 ? viable.get(0) : strictlyBestPlace(viable);
      if (chosen == null) {
        int top = viable.stream().mapToInt(e -> e.placeScore).max().orElse(0);
        return unassigned(cap("ambiguous: " + viable.stream().filter(e -> e.placeScore == top)
            .map(e -> e.id() + " (" + e.placeDesc + ", " + e.party + ")").collect(Collectors.joining(", "))
            + " equally supported"));
      }
      return new Attribution(chosen.id(), Attribution.SOURCE_NONE, null,
          cap("text: " + chosen.placeDesc + "; " + chosen.party + " mentioned; no usable text date"));
    }

    // 3. unassigned: say why
    List<String> notes = new ArrayList<>();
    for (VisitEvidence e : placed) {
      notes.add(e.placeDesc + " and " + e.party + " point at " + e.id() + " but text dates "
          + quotes(dates) + " fall outside its window");
    }
    for (VisitEvidence e : evidence) {
      if (e.party == null && (e.placeScore > 0 || e.fittingDate != null)) {
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
      if (e.recalledOnly && e.placeScore == 0) {
        notes.add(e.patterns.cityLabel() + " only in recall of a past visit (" + e.id() + ")");
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
    return unassigned(cap("text: " + String.join("; ", notes)));
  }

  private static Attribution unassigned(String evidence) {
    return new Attribution(null, Attribution.SOURCE_NONE, null, evidence);
  }

  /** The single candidate with the highest place score, or null when the top score is shared or zero. */
  private static VisitEvidence strictlyBestPlace(List<VisitEvidence> candidates) {
    VisitEvidence best = null;
    boolean tie = false;
    for (VisitEvidence e : candidates) {
      if (best == null || e.placeScore > best.placeScore) {
        best = e;
        tie = false;
      } else if (e.placeScore == best.placeScore) {
        tie = true;
      }
    }
    return best == null || tie || best.placeScore == 0 ? null : best;
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
    e.placeDesc = "dateline " + text.original(dl.start("city"), dl.end("city"));
    return dl.end();
  }

  /** Records the best non-recall host-city mention of {@code e} after its dateline, or that all were recalls. */
  private static void readPlace(VisitEvidence e, FoldedText text, List<int[]> sentences, boolean[] recallSentence) {
    VisitPatterns p = e.patterns;
    if (p.city() == null) {
      return;
    }
    String t = text.folded();
    Matcher m = p.city().matcher(t);
    while (m.find()) {
      if (m.start() == e.datelineCity) {
        continue;
      }
      int s = FoldedText.spanIndexAt(sentences, m.start());
      if (s >= 0 && (recallSentence[s] || p.otherYear(t, sentences.get(s)))) {
        e.recalledOnly = true;
        continue;
      }
      int from = Math.max(0, m.start() - CONTEXT_WINDOW);
      Matcher ctx = VISIT_CONTEXT.matcher(t).region(from, m.start()).useTransparentBounds(true);
      int score = SCORE_MENTION;
      String desc = "mention of " + text.original(m.start(), m.end());
      if (ctx.find()) {
        score = SCORE_VISIT_TO;
        desc = "\"" + text.original(ctx.start(), m.end()) + "\"";
      }
      if (score > e.placeScore) {
        e.placeScore = score;
        e.placeDesc = desc;
      }
    }
    if (e.placeScore > 0) {
      e.recalledOnly = false;
    }
  }

  /** Fits one in-text date to the visits: nearest-window rule for day dates, window overlap for month dates. */
  private void fitDate(TextDate d, List<VisitEvidence> evidence) {
    long best = Long.MAX_VALUE;
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
      for (int y = firstYear; y <= lastYear; y++) {
        if (!d.validIn(y)) {
          continue;
        }
        LocalDate[] r = d.range(y);
        if (r[1].isBefore(lo) || r[0].isAfter(hi)) {
          continue;
        }
        e.anyDateInWindow = true;
        if (d.hasDay()) {
          long dist = distance(v, r[0]);
          if (dist < visitBest) {
            visitBest = dist;
            visitDate = r[0];
          }
        }
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
    for (int i = 0; i < nearest.size(); i++) {
      VisitEvidence e = nearest.get(i);
      LocalDate date = resolved.get(i);
      if (e.fittingDate == null || date.isBefore(e.fittingDate)) {
        e.fittingDate = date;
        e.fittingQuote = d.quote();
      }
    }
  }

  // ---------------------------------------------------------------- per-visit patterns

  /**
   * Patterns compiled once per catalogued visit. A null pattern means the catalogue lacks the field.
   *
   * @param visit         the visit
   * @param dateline      host city at the very start of the text, followed by a dateline separator
   * @param city          any whole-word mention of the host city
   * @param guestSurname  the guest leader's surname as a whole word
   * @param guestCountry  a word starting with the guest country ("Serbia" matches "Serbian")
   */
  private record VisitPatterns(Visit visit, Pattern dateline, Pattern city, Pattern guestSurname,
                               Pattern guestCountry) implements Serializable {

    static VisitPatterns compile(Visit v) {
      Pattern dateline = null;
      Pattern city = null;
      if (!blank(v.hostCity())) {
        String c = phrase(v.hostCity());
        // "ASTANA -", "ASTANA \u2014", "Astana:", "ASTANA, Feb 27 (Reuters) -", "ASTANA (AP) \u2014"
        dateline = Pattern.compile("\\s*(?<city>" + c + ")(?![\\p{L}\\p{N}])(?:\\s*\\([^)\\n]{0,30}\\))?"
            + "(?:,[^\\n]{0,60}?)?(?:\\s*[\u2014\u2013]|\\s+-(?=\\s)|\\s*:)", FLAGS);
        city = Pattern.compile("(?<![\\p{L}\\p{N}])" + c + "(?![\\p{L}\\p{N}])", FLAGS);
      }
      Pattern surname = null;
      String s = surname(v.guestLeader());
      if (s != null) {
        surname = Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase(s) + "(?![\\p{L}\\p{N}])", FLAGS);
      }
      Pattern country = null;
      if (!blank(v.guestCountry())) {
        country = Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase(v.guestCountry()), FLAGS);
      }
      return new VisitPatterns(v, dateline, city, surname, country);
    }

    /** "guest Vučić" or "guest country Serbia" when mentioned in the folded text, else null. */
    String party(String folded) {
      if (guestSurname != null && guestSurname.matcher(folded).find()) {
        return "guest " + surname(visit.guestLeader());
      }
      if (guestCountry != null && guestCountry.matcher(folded).find()) {
        return "guest country " + visit.guestCountry().strip();
      }
      return null;
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

    /** True when the sentence is set "in" a year other than the visit's ("in 2019", "in September 2019"). */
    boolean otherYear(String folded, int[] sentence) {
      Matcher m = IN_YEAR.matcher(folded).region(sentence[0], sentence[1]);
      while (m.find()) {
        int y = Integer.parseInt(m.group("year"));
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

    /** A catalogue name as a folded, quoted pattern whose words may be separated by any white space. */
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
