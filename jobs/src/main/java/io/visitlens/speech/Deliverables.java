package io.visitlens.speech;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.visitlens.transform.WordTriggers;

/**
 * What a visit produced, sentence by sentence, in English (the rules are in the README's {@code deliverables}
 * section): {@code agreement} (an agreement, memorandum, document, roadmap, declaration or treaty, with a verb of
 * concluding it: signed, reached, exchanged, adopted…; its count where one is given), {@code amount} (money: a
 * currency sign or name with a number, in digits or words, and its scale), {@code figure} (a number in digits with
 * the noun it counts: "60 Serbian companies", "30 years"; never a year, a date, an ordinal or an amount),
 * {@code launch} (a flight, route, council, commission, forum… launched, restarted, established or opened) and
 * {@code award} (an award or order given, presented or received). Each has a tense: {@code planned} when a word
 * of the future or of intent stands in the 40 characters before its verb ("will sign", "plans to", "to be signed",
 * "discussed the launch", "the decision was made to restart"), else {@code done}.
 */
public final class Deliverables implements Serializable {

  /** One deliverable: its kind, span in the sentence, value, unit, currency, object, tense. */
  public record Deliverable(String kind, int begin, int end, Double value, String unit, String currency,
      String object, String tense) implements Serializable {}

  static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1.0), Map.entry("two", 2.0),
      Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0), Map.entry("six", 6.0),
      Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0), Map.entry("ten", 10.0),
      Map.entry("eleven", 11.0), Map.entry("twelve", 12.0), Map.entry("fifteen", 15.0), Map.entry("twenty", 20.0),
      Map.entry("thirty", 30.0), Map.entry("forty", 40.0), Map.entry("fifty", 50.0), Map.entry("hundred", 100.0),
      Map.entry("a dozen", 12.0), Map.entry("dozens of", Double.NaN), Map.entry("a number of", Double.NaN),
      Map.entry("several", Double.NaN), Map.entry("many", Double.NaN), Map.entry("a series of", Double.NaN),
      Map.entry("a package of", Double.NaN));
  static final Map<String, Double> SCALES = Map.of("thousand", 1e3, "million", 1e6, "mln", 1e6, "billion", 1e9,
      "bn", 1e9, "trillion", 1e12);
  static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("$", "USD"), Map.entry("€", "EUR"),
      Map.entry("£", "GBP"), Map.entry("₸", "KZT"), Map.entry("dollar", "USD"), Map.entry("us dollar", "USD"),
      Map.entry("usd", "USD"), Map.entry("euro", "EUR"), Map.entry("eur", "EUR"), Map.entry("tenge", "KZT"),
      Map.entry("kzt", "KZT"), Map.entry("dinar", "RSD"), Map.entry("rsd", "RSD"), Map.entry("ruble", "RUB"),
      Map.entry("rouble", "RUB"), Map.entry("rub", "RUB"), Map.entry("pound", "GBP"), Map.entry("yuan", "CNY"));

  private static final String NUMBER_WORD = "(?:a\\s+number\\s+of|a\\s+series\\s+of|a\\s+package\\s+of|a\\s+dozen"
      + "|dozens\\s+of|several|many|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
      + "|thirty|forty|fifty|hundred)";
  private static final String DIGITS = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final String SCALE = "(?:thousand|million|mln|billion|bn|trillion)";

  /** What is agreed: the nouns, as written (a phrase of several words is found by its longest). */
  static final List<String> AGREEMENT_NOUNS = List.of("agreement", "agreements", "memorandum",
      "memoranda", "memorandum of understanding", "memoranda of understanding", "mou", "mous", "documents", "roadmap",
      "roadmaps", "road map", "road maps", "declaration", "declarations", "treaty", "treaties", "accord", "accords",
      "contract", "contracts");
  private static final Pattern AGREEMENT = Pattern.compile("(?i)\\b(?:(?<count>" + NUMBER_WORD + "|" + DIGITS
      + ")\\s+(?:[\\p{L}-]+\\s+){0,2}?)?(?<noun>" + forms(AGREEMENT_NOUNS) + ")\\b"
      + "(?<object>(?:\\s+(?:on|in|to|for|of)\\s+(?:(?!\\s(?:were|was|are|is|will|would|have|has|had|shall)\\b)"
      + "[^,.;]){1,60})?)");
  /** The verbs that conclude an agreement, as written: each a word the trigger scan looks for. */
  static final List<String> AGREEMENT_VERBS = List.of("sign", "signs", "signed", "signing", "reach",
      "reached", "reaches", "exchange", "exchanged", "exchanges", "conclude", "concluded", "concludes", "adopt",
      "adopted", "adopts", "ink", "inked", "inks", "approve", "approved", "approves", "initialed", "initialled");
  private static final Pattern AGREEMENT_VERB = Pattern.compile("(?i)\\b(?:" + forms(AGREEMENT_VERBS) + ")\\b");
  /** The currencies written as words (their codes are {@link #CURRENCIES}'). */
  static final List<String> CURRENCY_WORDS = List.of("us dollar", "us dollars", "dollar", "dollars", "usd",
      "euro", "euros", "eur", "tenge", "kzt", "dinar", "dinars", "rsd", "rouble", "roubles", "ruble", "rubles", "rub",
      "pound", "pounds", "yuan");
  static final String CURRENCY_SIGNS = "$€£₸";
  private static final Pattern AMOUNT = Pattern.compile("(?i)(?<sign>[" + CURRENCY_SIGNS + "])\\s?(?<num>" + DIGITS
      + ")(?:\\s*(?<scale>" + SCALE + ")\\b)?|\\b(?<num2>" + DIGITS + "|" + NUMBER_WORD + ")(?:\\s+(?<scale2>" + SCALE
      + "))?\\s+(?<cur>" + forms(CURRENCY_WORDS) + ")\\b");
  private static final Pattern FIGURE = Pattern.compile("(?<![\\p{L}\\d.,$€£₸])(?<num>" + DIGITS
      + ")(?![\\d%]|st\\b|nd\\b|rd\\b|th\\b)\\s+(?<object>(?:[\\p{L}-]+\\s+){0,2}?(?<unit>[\\p{L}-]{2,}s))\\b");
  private static final Pattern MONTH = Pattern.compile("(?i)\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
      + "|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s*$");
  /** The verbs (and nouns of action) of a launch; a form of two words is found by its longest. */
  static final List<String> LAUNCH_VERBS = List.of("launch", "launched", "launches", "launching", "relaunch",
      "relaunched", "relaunches", "relaunching", "restart", "restarted", "restarts", "restarting", "re-establish",
      "re-established", "re-establishes", "re-establishing", "re-establishment", "reestablish", "reestablished",
      "reestablishes", "reestablishing", "reestablishment", "establish", "established", "establishes", "establishing",
      "establishment", "set up", "open", "opened", "opens", "opening", "resume", "resumed", "resumes", "resumption",
      "create", "created", "creates", "creation");
  /** The participles of the passive launch, each one of {@link #LAUNCH_VERBS}. */
  static final List<String> LAUNCH_PARTICIPLES = List.of("launched", "relaunched", "restarted",
      "re-established", "reestablished", "established", "opened", "set up", "resumed", "created");
  /** What is launched. */
  static final List<String> LAUNCH_NOUNS = List.of("flight", "flights", "route", "routes", "council",
      "commission", "forum", "committee", "office", "centre", "center", "hub", "fund", "consulate", "embassy",
      "corridor", "plant", "factory", "line");
  private static final Pattern LAUNCH = Pattern.compile("(?i)\\b(?<verb>" + forms(LAUNCH_VERBS) + ")\\b(?:\\s+of)?"
      + "\\s+(?<object>(?:[\\p{L}\\p{M}–—-]+\\s+){0,4}?(?:" + forms(LAUNCH_NOUNS) + "))\\b");
  /** The passive: "the Business Council was restarted", "a direct route will be launched". */
  private static final Pattern LAUNCH_PASSIVE = Pattern.compile("(?i)\\b(?<object>(?:[\\p{L}\\p{M}–—-]+\\s+){0,4}?"
      + "(?:" + forms(LAUNCH_NOUNS) + "))\\s+(?:was|were|has\\s+been|have\\s+been|will\\s+be|is\\s+to\\s+be"
      + "|are\\s+to\\s+be|is\\s+being|are\\s+being)\\s+(?<verb>" + forms(LAUNCH_PARTICIPLES) + ")\\b");
  /** The verbs of giving or receiving an award; "present" needs a "with" within 80 characters. */
  static final List<String> AWARD_VERBS = List.of("awarded", "awarding", "confer", "conferr", "confered",
      "conferred", "confers", "conferrs", "confering", "conferring", "bestow", "bestowed", "bestows", "bestowing",
      "decorated", "decorates", "decorating", "receive", "received", "receives", "receiving", "accept", "accepted",
      "accepts", "accepting");
  static final List<String> PRESENT = List.of("present", "presented", "presents", "presenting");
  static final List<String> AWARD_NOUNS = List.of("award", "decoration", "medal", "prize");
  private static final Pattern AWARD = Pattern.compile("(?i)\\b(?:" + forms(AWARD_VERBS) + "|(?:" + forms(PRESENT)
      + ")\\b.{0,80}?\\bwith)\\b");
  private static final Pattern ORDER = Pattern.compile("\\b(?:the\\s+)?(?:Order\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*"
      + "(?:\\s+\\p{Lu}[\\p{L}-]*)*|(?:\\p{Lu}[\\p{L}-]*\\s+){1,3}(?:\\([^)]{1,40}\\)\\s+)?Order)\\b"
      + "|\\b(?i:" + forms(AWARD_NOUNS) + ")\\b");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d|2100");
  /** Units a figure never has: what the agreement kind counts. */
  private static final Pattern COUNTED_ELSEWHERE = Pattern.compile("(?i)documents|agreements|memoranda|treaties");
  private static final Pattern PLANNED = Pattern.compile("(?i)\\b(?:will|shall|plan(?:s|ned)?\\s+to|planned|set\\s+to"
      + "|expected\\s+to|intend(?:s|ed)?\\s+to|to\\s+be|is\\s+to|are\\s+to"
      + "|discuss(?:ed|es)?|decision\\s+(?:was|has\\s+been)\\s+(?:also\\s+)?made\\s+to|agreed\\s+to|would|could"
      + "|proposed|next\\s+year|upcoming)\\b");

  /** The deliverables of one sentence, in order of their begin. */
  public List<Deliverable> find(String sentence) {
    // Which kinds can occur at all, from the sentence's words and characters in one scan: most sentences have none,
    // and each pattern below is tried only when its trigger words are there.
    int t = TRIGGERS.scan(sentence);
    if (t == 0) {
      return List.of();
    }
    List<Deliverable> out = new ArrayList<>();
    List<int[]> amounts = new ArrayList<>();
    if (all(t, AMOUNT_BIT)) {
      Matcher m = AMOUNT.matcher(sentence);
      while (m.find()) {
        amounts.add(new int[] {m.start(), m.end()});
        boolean sign = m.group("sign") != null;
        double number = number(sign ? m.group("num") : m.group("num2"));
        String scale = sign ? m.group("scale") : m.group("scale2");
        Double value = Double.isNaN(number) ? null
            : number * (scale == null ? 1 : SCALES.get(scale.toLowerCase(Locale.ROOT)));
        String currency = CURRENCIES.get(sign ? m.group("sign")
            : m.group("cur").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("s$", ""));
        out.add(new Deliverable("amount", m.start(), m.end(), value,
            scale == null ? null : scale.toLowerCase(Locale.ROOT), currency, m.group().strip(),
            tense(sentence, m.start())));
      }
    }
    if (all(t, AGREEMENT_VERB_BIT | AGREEMENT_NOUN_BIT)) {
      Matcher verb = AGREEMENT_VERB.matcher(sentence);
      Matcher m = AGREEMENT.matcher(sentence);
      if (verb.find() && m.find()) {
        String count = m.group("count");
        Double value = count == null ? null : number(count);
        out.add(new Deliverable("agreement", m.start(), m.end(), value == null || value.isNaN() ? null : value,
            m.group("noun").toLowerCase(Locale.ROOT), null, m.group().strip(), tense(sentence, verb.start())));
      }
    }
    if (all(t, DIGIT_BIT)) {
      Matcher m = FIGURE.matcher(sentence);
      while (m.find()) {
        if (insideAny(m.start(), amounts) || isYear(m.group("num"))
            || MONTH.matcher(sentence).region(0, m.start()).find() || COUNTED_ELSEWHERE.matcher(m.group("unit")).matches()) {
          continue;
        }
        out.add(new Deliverable("figure", m.start(), m.end(), number(m.group("num")),
            m.group("unit").toLowerCase(Locale.ROOT), null, m.group("object"), tense(sentence, m.start())));
      }
    }
    if (all(t, LAUNCH_VERB_BIT | LAUNCH_NOUN_BIT)) {
      Matcher m = LAUNCH.matcher(sentence);
      if (m.find()) {
        out.add(new Deliverable("launch", m.start(), m.end(), null, null, null, m.group("object"),
            tense(sentence, m.start())));
      } else if ((m = LAUNCH_PASSIVE.matcher(sentence)).find()) {
        out.add(new Deliverable("launch", m.start(), m.end(), null, null, null, m.group("object").strip(),
            tense(sentence, m.start("verb"))));
      }
    }
    Matcher m = all(t, AWARD_VERB_BIT | AWARD_NOUN_BIT) ? AWARD.matcher(sentence) : null;
    if (m != null && m.find()) {
      // the named order when there is one, else the word (award, decoration…)
      Matcher order = ORDER.matcher(sentence);
      String object = null;
      int begin = -1;
      int end = -1;
      while (order.find()) {
        if (object == null || !object.contains("Order") && order.group().contains("Order")) {
          object = order.group();
          begin = order.start();
          end = order.end();
        }
      }
      if (object != null) {
        out.add(new Deliverable("award", Math.min(m.start(), begin), Math.max(m.end(), end), null, null, null,
            object.replaceFirst("^the\\s+", ""), tense(sentence, m.start())));
      }
    }
    out.sort((x, y) -> Integer.compare(x.begin(), y.begin()));
    return out;
  }

  /** The alternatives of a pattern: the forms quoted, longest first, their words separated by any whitespace. */
  static String forms(List<String> forms) {
    return forms.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .map(f -> Pattern.quote(f).replace(" ", "\\E\\s+\\Q")).collect(java.util.stream.Collectors.joining("|"));
  }

  private static List<String> triggerWords(List<String> forms) {
    return forms.stream().map(WordTriggers::longestWord).distinct().toList();
  }

  // What a sentence's words and characters allow: each bit is necessary (not sufficient) for its patterns to match.
  static final int AMOUNT_BIT = 1;
  static final int DIGIT_BIT = 2;
  static final int AGREEMENT_VERB_BIT = 4;
  static final int AGREEMENT_NOUN_BIT = 8;
  static final int LAUNCH_VERB_BIT = 16;
  static final int LAUNCH_NOUN_BIT = 32;
  static final int AWARD_VERB_BIT = 64;
  static final int AWARD_NOUN_BIT = 128;

  /** The words and characters of every pattern's bit, found in one scan of a sentence. */
  static final WordTriggers TRIGGERS = WordTriggers.builder()
      .chars(AMOUNT_BIT, CURRENCY_SIGNS).words(AMOUNT_BIT, triggerWords(CURRENCY_WORDS))
      .chars(DIGIT_BIT, "0123456789")
      .words(AGREEMENT_VERB_BIT, triggerWords(AGREEMENT_VERBS)).words(AGREEMENT_NOUN_BIT, triggerWords(AGREEMENT_NOUNS))
      .words(LAUNCH_VERB_BIT, triggerWords(LAUNCH_VERBS)).words(LAUNCH_NOUN_BIT, triggerWords(LAUNCH_NOUNS))
      .words(AWARD_VERB_BIT, triggerWords(AWARD_VERBS)).words(AWARD_VERB_BIT, PRESENT)
      .words(AWARD_NOUN_BIT, triggerWords(AWARD_NOUNS)).words(AWARD_NOUN_BIT, "order")
      .build();

  private static boolean all(int bits, int wanted) {
    return (bits & wanted) == wanted;
  }

  /** {@code planned} when a word of the future or of intent stands in the 40 characters before {@code at}. */
  static String tense(String sentence, int at) {
    return PLANNED.matcher(sentence.substring(Math.max(0, at - 40), at)).find() ? "planned" : "done";
  }

  private static boolean insideAny(int at, List<int[]> spans) {
    return spans.stream().anyMatch(s -> at >= s[0] && at < s[1]);
  }

  /** A four-digit number from 1900 to 2100 alone: a year, never a figure. */
  private static boolean isYear(String number) {
    return YEAR.matcher(number).matches();
  }

  /** A number in digits (thousands separated by commas) or words; NaN for "a number of" and the like. */
  static double number(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    Double word = NUMBER_WORDS.get(t);
    if (word != null) {
      return word;
    }
    return Double.parseDouble(t.replace(",", ""));
  }
}
