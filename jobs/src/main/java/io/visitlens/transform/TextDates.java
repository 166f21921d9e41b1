package io.visitlens.transform;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in news prose in English, Serbian (both scripts), Russian and German, in the folded text
 * ({@link FoldedText}: Cyrillic already in Latin letters, diacritics gone):
 * <ul>
 *   <li>month first: "Feb. 27", "February 27, 2026", "Nov. 18-19" (first day kept), and month-year mentions such
 *       as "September 2019", "u novembru 2024", "в ноябре 2024";</li>
 *   <li>day first: "27 February 2026", "18-19 November", "19. novembra 2024", "19. новембра 2024. године",
 *       "27 февраля 2026 года", "26-27 февраля", "26. и 27. фебруара", "am 27. Februar";</li>
 *   <li>numeric: "2026-02-27", and day.month.year as Serbian, Russian and German write it: "19.11.2024.",
 *       "27.02.2026", "(Beta, 27.02.2026)".</li>
 * </ul>
 * Bare years ("EXPO 2027", "30 years") are not dates. The English month names that are also common words
 * ("may", "march", "august") must be capitalised (or all capitals), so that the modal verb "may" is never read
 * as a month; the other languages' month names, which newspapers write in lower case, match in any case. Month
 * names are written in their own script in {@link #MONTH_FORMS} and folded by the text's own folding.
 */
final class TextDates {

  private TextDates() {}

  /**
   * Month names and abbreviations by month, as written: English, Serbian Latin (nominative, genitive, locative),
   * Serbian Cyrillic, Russian (nominative, genitive, prepositional) and German.
   */
  static final List<String> MONTH_FORMS = List.of(
      "january jan januar januara januaru јануар јануара јануару январь января январе jänner jan",
      "february feb febr februar februara februaru фебруар фебруара фебруару февраль февраля феврале",
      "march mar mart marta martu март марта марту марте märz mär",
      "april apr aprila aprilu април априла априлу апрель апреля апреле",
      "may maj maja maju мај маја мају май мая мае mai",
      "june jun juni juna junu јун јуна јуну июнь июня июне",
      "july jul juli jula julu јул јула јулу июль июля июле",
      "august aug avgust avgusta avgustu август августа августу августе",
      "september sep sept septembar septembra septembru септембар септембра септембру сентябрь сентября "
          + "сентябре",
      "october oct oktobar oktobra oktobru октобар октобра октобру октябрь октября октябре oktober okt",
      "november nov novembar novembra novembru новембар новембра новембру ноябрь ноября ноябре",
      "december dec decembar decembra decembru децембар децембра децембру декабрь декабря декабре dezember "
          + "dez");

  /** English month words that are also ordinary words: matched only capitalised or in capitals. */
  private static final Set<String> CASED_ONLY = Set.of("may", "march", "mar", "august", "aug", "jan", "dec", "sep");

  /** Folded month names and abbreviations, lower case, to month number. */
  static final Map<String, Integer> MONTHS = months();

  /** Alternation of month names for case-insensitive patterns, longest first. */
  static final String MONTH_ALTERNATION_CI = String.join("|", MONTHS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
      .toList());

  /** The month names as the text may write them: any case, but {@link #CASED_ONLY} capitalised or in capitals. */
  private static final String MONTH_CASED = String.join("|", MONTHS.keySet().stream()
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
      .map(m -> CASED_ONLY.contains(m)
          ? Character.toUpperCase(m.charAt(0)) + m.substring(1) + "|" + m.toUpperCase(Locale.ROOT)
          : "(?i:" + m + ")")
      .toList());

  private static final String ORD = "(?:st|nd|rd|th|\\.)?";
  /** "18-19", "18.-19.", "26. i 27.", "26 и 27", "18 and 19": the first day is kept. */
  private static final String RANGE_TAIL = "(?:(?:\\s*[-\u2013]\\s*|\\s+(?:i|and|und|bis)\\s+)\\d{1,2}" + ORD
      + "(?!\\d))?";
  private static final String YEAR_TAIL = "(?:,?\\s+(?<%s>\\d{4})(?!\\d))?";

  /**
   * One alternation scanned left to right, so overlapping readings of the same words cannot both match. Every
   * reading begins a word or a number, with a digit or a letter that can begin a month name: the lookbehind and
   * lookahead in front tell so with two characters, so that at the other positions of the text (most of them: the
   * lower-case month initials are common letters inside words) none of the readings is tried.
   */
  private static final Pattern DATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?=[\\p{Lu}0-9jfmasondJFMASOND])(?:"
      // February 27 / Feb. 27, 2026 / Nov. 18-19
      + "(?<![\\p{L}])(?<m1>" + MONTH_CASED + ")\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?"
          + "(?:\\s*[-\u2013]\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?!\\d)" + String.format(YEAR_TAIL, "y1")
          // September 2019 / u novembru 2024
          + "|(?<![\\p{L}])(?<m3>" + MONTH_CASED + ")\\.?\\s+(?<y3>\\d{4})(?!\\d)"
          // 27 February 2026 / 18-19 November / 19. novembra 2024 / 26. i 27. februara
          + "|(?<![\\p{L}\\p{N}.,])(?<d2>\\d{1,2})" + ORD + RANGE_TAIL + "\\s+(?:of\\s+)?(?<m2>" + MONTH_CASED
          + ")\\.?(?![\\p{L}])" + String.format(YEAR_TAIL, "y2")
          // 2026-02-27
          + "|(?<![\\p{N}-])(?<y4>\\d{4})-(?<mo4>\\d{2})-(?<d4>\\d{2})(?![\\p{N}])"
          // 19.11.2024. / 27.02.2026 / 19. 11. 2024.
          + "|(?<![\\p{N}.])(?<d5>\\d{1,2})\\.\\s?(?<mo5>\\d{1,2})\\.\\s?(?<y5>\\d{4})(?![\\p{N}]))");

  /**
   * A date found in a text.
   *
   * @param start position in the folded text
   * @param end   the end of the date in the folded text (exclusive)
   * @param quote the words as written in the original text
   * @param year  the year, or null when the text gave none
   * @param month 1..12
   * @param day   the day of month, or null for a month-year mention
   */
  record TextDate(int start, int end, String quote, Integer year, int month, Integer day) implements Serializable {

    boolean hasDay() {
      return day != null;
    }

    /** The first and last day this mention can denote within {@code year} (its own year when it has one). */
    LocalDate[] range(int inYear) {
      if (day != null) {
        LocalDate d = LocalDate.of(inYear, month, day);
        return new LocalDate[] {d, d};
      }
      YearMonth ym = YearMonth.of(inYear, month);
      return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
    }

    /** True when the mention denotes a real date in {@code inYear} (Feb 29 only in leap years). */
    boolean validIn(int inYear) {
      return day == null || MonthDay.of(month, day).isValidYear(inYear);
    }
  }

  /** All dates in the text, in text order. Impossible dates ("Feb 30", "2026-13-45") are skipped. */
  static List<TextDate> find(FoldedText text) {
    List<TextDate> out = new ArrayList<>();
    String t = text.folded();
    int n = t.length();
    Matcher m = DATE.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
    // As DATE.find() would, left to right, but tried only where a date can begin: a number, or a word whose first
    // three letters begin a month name. The pattern itself, tried at every word, took most of attribution's time.
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (!(digit || Character.isLetter(c)) || (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)))) {
        continue;
      }
      if (!digit && (i + 3 > n || !MONTH_PREFIXES.contains(t.substring(i, i + 3).toLowerCase(Locale.ROOT)))) {
        continue;
      }
      if (m.region(i, n).lookingAt()) {
        TextDate d = toDate(m, text);
        if (d != null) {
          out.add(d);
        }
        i = Math.max(i, m.end() - 1);
      }
    }
    return out;
  }

  /** The first three letters of every month name and abbreviation (all have three or more). */
  private static final Set<String> MONTH_PREFIXES = MONTHS.keySet().stream().map(k -> k.substring(0, 3))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static TextDate toDate(Matcher m, FoldedText text) {
    String quote = text.original(m.start(), m.end()).strip();
    try {
      if (m.group("m1") != null) {
        return dayDate(m.start(), m.end(), quote, m.group("y1"), month(m.group("m1")), Integer.parseInt(m.group("d1")));
      }
      if (m.group("m3") != null) {
        YearMonth.of(Integer.parseInt(m.group("y3")), month(m.group("m3")));
        return new TextDate(m.start(), m.end(), quote, Integer.parseInt(m.group("y3")), month(m.group("m3")), null);
      }
      if (m.group("m2") != null) {
        // "27 февраля." at a sentence's end: the period is the sentence's, not an abbreviation's.
        if (m.group("y2") == null && quote.endsWith(".") && m.group("m2").length() > 4) {
          quote = quote.substring(0, quote.length() - 1);
        }
        return dayDate(m.start(), m.end(), quote, m.group("y2"), month(m.group("m2")), Integer.parseInt(m.group("d2")));
      }
      LocalDate iso = m.group("y4") != null
          ? LocalDate.of(Integer.parseInt(m.group("y4")), Integer.parseInt(m.group("mo4")),
              Integer.parseInt(m.group("d4")))
          : LocalDate.of(Integer.parseInt(m.group("y5")), Integer.parseInt(m.group("mo5")),
              Integer.parseInt(m.group("d5")));
      return new TextDate(m.start(), m.end(), quote, iso.getYear(), iso.getMonthValue(), iso.getDayOfMonth());
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static TextDate dayDate(int start, int end, String quote, String yearText, int month, int day) {
    if (yearText != null) {
      LocalDate d = LocalDate.of(Integer.parseInt(yearText), month, day); // validates
      return new TextDate(start, end, quote, d.getYear(), month, day);
    }
    MonthDay.of(month, day); // validates, Feb 29 allowed
    return new TextDate(start, end, quote, null, month, day);
  }

  private static int month(String name) {
    Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT));
    if (m == null) {
      throw new IllegalStateException("month alternation and table disagree on " + name);
    }
    return m;
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < MONTH_FORMS.size(); i++) {
      for (String form : MONTH_FORMS.get(i).split(" ")) {
        String folded = FoldedText.fold(form).toLowerCase(Locale.ROOT);
        Integer before = m.putIfAbsent(folded, i + 1);
        if (before != null && before != i + 1) {
          throw new IllegalStateException("month form " + form + " folds to " + folded + ", already month " + before);
        }
      }
    }
    return Map.copyOf(m);
  }
}
