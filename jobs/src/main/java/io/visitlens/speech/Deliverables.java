package io.visitlens.speech;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  private static final Pattern AGREEMENT = Pattern.compile("(?i)\\b(?:(?<count>" + NUMBER_WORD + "|" + DIGITS
      + ")\\s+(?:[\\p{L}-]+\\s+){0,2}?)?(?<noun>agreements?|memorand(?:um|a)(?:\\s+of\\s+understanding)?|MoUs?"
      + "|documents|roadmaps?|road\\s+maps?|declarations?|treat(?:y|ies)|accords?|contracts?)\\b"
      + "(?<object>(?:\\s+(?:on|in|to|for|of)\\s+(?:(?!\\s(?:were|was|are|is|will|would|have|has|had|shall)\\b)"
      + "[^,.;]){1,60})?)");
  private static final Pattern AGREEMENT_VERB = Pattern.compile("(?i)\\b(?:sign(?:s|ed|ing)?|reach(?:ed|es)?"
      + "|exchang(?:e|ed|es)|conclud(?:e|ed|es)|adopt(?:ed|s)?|ink(?:ed|s)?|approv(?:e|ed|es)|initial(?:l)?ed)\\b");
  private static final Pattern AMOUNT = Pattern.compile("(?i)(?<sign>[$€£₸])\\s?(?<num>" + DIGITS + ")(?:\\s*(?<scale>"
      + SCALE + ")\\b)?|\\b(?<num2>" + DIGITS + "|" + NUMBER_WORD + ")(?:\\s+(?<scale2>" + SCALE + "))?\\s+(?<cur>"
      + "US\\s+dollars?|dollars?|USD|euros?|EUR|tenge|KZT|dinars?|RSD|roubles?|rubles?|RUB|pounds?|yuan)\\b");
  private static final Pattern FIGURE = Pattern.compile("(?<![\\p{L}\\d.,$€£₸])(?<num>" + DIGITS
      + ")(?![\\d%]|st\\b|nd\\b|rd\\b|th\\b)\\s+(?<object>(?:[\\p{L}-]+\\s+){0,2}?(?<unit>[\\p{L}-]{2,}s))\\b");
  private static final Pattern MONTH = Pattern.compile("(?i)\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
      + "|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s*$");
  private static final Pattern LAUNCH = Pattern.compile("(?i)\\b(?<verb>launch(?:ed|es|ing)?|relaunch(?:ed|es|ing)?"
      + "|restart(?:ed|s|ing)?|re-?establish(?:ed|es|ing|ment)?|establish(?:ed|es|ing|ment)?|set\\s+up|open(?:ed|s|ing)?"
      + "|resum(?:e|ed|es|ption)|creat(?:e|ed|es|ion))\\b(?:\\s+of)?\\s+(?<object>(?:[\\p{L}\\p{M}–—-]+\\s+){0,4}?"
      + "(?:flights?|routes?|council|commission|forum|committee|office|centre|center|hub|fund|consulate|embassy"
      + "|corridor|plant|factory|line))\\b");
  /** The passive: "the Business Council was restarted", "a direct route will be launched". */
  private static final Pattern LAUNCH_PASSIVE = Pattern.compile("(?i)\\b(?<object>(?:[\\p{L}\\p{M}–—-]+\\s+){0,4}?"
      + "(?:flights?|routes?|council|commission|forum|committee|office|centre|center|hub|fund|consulate|embassy"
      + "|corridor|plant|factory|line))\\s+(?:was|were|has\\s+been|have\\s+been|will\\s+be|is\\s+to\\s+be"
      + "|are\\s+to\\s+be|is\\s+being|are\\s+being)\\s+(?<verb>launched|relaunched|restarted|re-?established"
      + "|established|opened|set\\s+up|resumed|created)\\b");
  private static final Pattern AWARD = Pattern.compile("(?i)\\b(?:awarded|awarding|present(?:ed|s|ing)?\\b.{0,80}?"
      + "\\bwith|conferr?(?:ed|s|ing)?|bestow(?:ed|s|ing)?|decorat(?:ed|es|ing)|receiv(?:e|ed|es|ing)|accept(?:ed|s|ing)?)"
      + "\\b");
  private static final Pattern ORDER = Pattern.compile("\\b(?:the\\s+)?(?:Order\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]*"
      + "(?:\\s+\\p{Lu}[\\p{L}-]*)*|(?:\\p{Lu}[\\p{L}-]*\\s+){1,3}(?:\\([^)]{1,40}\\)\\s+)?Order)\\b"
      + "|\\b(?i:award|decoration|medal|prize)\\b");
  private static final Pattern PLANNED = Pattern.compile("(?i)\\b(?:will|shall|plan(?:s|ned)?\\s+to|planned|set\\s+to"
      + "|expected\\s+to|intend(?:s|ed)?\\s+to|to\\s+be|is\\s+to|are\\s+to"
      + "|discuss(?:ed|es)?|decision\\s+(?:was|has\\s+been)\\s+(?:also\\s+)?made\\s+to|agreed\\s+to|would|could"
      + "|proposed|next\\s+year|upcoming)\\b");

  /** The deliverables of one sentence, in order of their begin. */
  public List<Deliverable> find(String sentence) {
    List<Deliverable> out = new ArrayList<>();
    // Which kinds can occur at all, from the sentence's words in one scan: most sentences have none, and each
    // pattern below is tried only when its trigger words are there.
    Triggers t = Triggers.of(sentence);
    List<int[]> amounts = new ArrayList<>();
    Matcher m = AMOUNT.matcher(sentence);
    while (t.amount && m.find()) {
      amounts.add(new int[] {m.start(), m.end()});
      boolean sign = m.group("sign") != null;
      double number = number(sign ? m.group("num") : m.group("num2"));
      String scale = sign ? m.group("scale") : m.group("scale2");
      Double value = Double.isNaN(number) ? null
          : number * (scale == null ? 1 : SCALES.get(scale.toLowerCase(Locale.ROOT)));
      String currency = CURRENCIES.get(sign ? m.group("sign")
          : m.group("cur").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("s$", ""));
      out.add(new Deliverable("amount", m.start(), m.end(), value, scale == null ? null : scale.toLowerCase(Locale.ROOT),
          currency, m.group().strip(), tense(sentence, m.start())));
    }
    Matcher verb = AGREEMENT_VERB.matcher(sentence);
    if (t.agreement && t.agreementNoun && verb.find()) {
      m = AGREEMENT.matcher(sentence);
      if (m.find()) {
        String count = m.group("count");
        Double value = count == null ? null : number(count);
        out.add(new Deliverable("agreement", m.start(), m.end(), value == null || value.isNaN() ? null : value,
            m.group("noun").toLowerCase(Locale.ROOT), null, m.group().strip(), tense(sentence, verb.start())));
      }
    }
    m = FIGURE.matcher(sentence);
    while (t.digit && m.find()) {
      if (insideAny(m.start(), amounts) || isYear(m.group("num")) || MONTH.matcher(sentence.substring(0, m.start()))
          .find() || m.group("unit").matches("(?i)documents|agreements|memoranda|treaties")) {
        continue;
      }
      out.add(new Deliverable("figure", m.start(), m.end(), number(m.group("num")),
          m.group("unit").toLowerCase(Locale.ROOT), null, m.group("object"), tense(sentence, m.start())));
    }
    if (t.launch && t.launchNoun) {
      m = LAUNCH.matcher(sentence);
      if (m.find()) {
        out.add(new Deliverable("launch", m.start(), m.end(), null, null, null, m.group("object"),
            tense(sentence, m.start())));
      } else if ((m = LAUNCH_PASSIVE.matcher(sentence)).find()) {
        out.add(new Deliverable("launch", m.start(), m.end(), null, null, null, m.group("object").strip(),
            tense(sentence, m.start("verb"))));
      }
    }
    m = AWARD.matcher(sentence);
    if (t.award && t.awardNoun && m.find()) {
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

  /** What a sentence's words allow: each flag is necessary (not sufficient) for its pattern to match. */
  private static final class Triggers {
    boolean amount;
    boolean agreement;
    boolean digit;
    boolean launch;
    boolean award;
    boolean agreementNoun;
    boolean launchNoun;
    boolean awardNoun;

    static final java.util.Set<String> CURRENCY_WORDS = java.util.Set.of("dollar", "dollars", "usd", "euro", "euros",
        "eur", "tenge", "kzt", "dinar", "dinars", "rsd", "rub", "ruble", "rubles", "rouble", "roubles", "pound",
        "pounds", "yuan");
    static final String[] AGREEMENT_STEMS = {"sign", "reach", "exchang", "conclud", "adopt", "ink", "approv",
        "initial"};
    static final String[] LAUNCH_STEMS = {"launch", "relaunch", "restart", "establish", "reestablish", "re-establish",
        "set", "open", "resum", "creat"};
    static final String[] AWARD_STEMS = {"award", "present", "confer", "bestow", "decorat", "receiv", "accept"};
    static final java.util.Set<String> AGREEMENT_NOUNS = java.util.Set.of("agreement", "agreements", "memorandum",
        "memoranda", "mou", "mous", "documents", "roadmap", "roadmaps", "road", "declaration", "declarations", "treaty",
        "treaties", "accord", "accords", "contract", "contracts");
    static final java.util.Set<String> LAUNCH_NOUNS = java.util.Set.of("flight", "flights", "route", "routes",
        "council", "commission", "forum", "committee", "office", "centre", "center", "hub", "fund", "consulate",
        "embassy", "corridor", "plant", "factory", "line");
    static final java.util.Set<String> AWARD_NOUNS = java.util.Set.of("order", "award", "decoration", "medal",
        "prize");

    static Triggers of(String sentence) {
      Triggers t = new Triggers();
      int start = -1;
      for (int i = 0; i <= sentence.length(); i++) {
        char c = i < sentence.length() ? sentence.charAt(i) : ' ';
        if (c == '$' || c == '€' || c == '£' || c == '₸') {
          t.amount = true;
        }
        if (Character.isDigit(c)) {
          t.digit = true;
        }
        boolean letter = Character.isLetter(c) || c == '-' && start >= 0;
        if (letter && start < 0) {
          start = i;
        } else if (!letter && start >= 0) {
          String w = sentence.substring(start, i).toLowerCase(Locale.ROOT);
          t.amount |= CURRENCY_WORDS.contains(w);
          t.agreement |= startsWithAny(w, AGREEMENT_STEMS);
          t.launch |= startsWithAny(w, LAUNCH_STEMS);
          t.award |= startsWithAny(w, AWARD_STEMS);
          t.agreementNoun |= AGREEMENT_NOUNS.contains(w);
          t.launchNoun |= LAUNCH_NOUNS.contains(w);
          t.awardNoun |= AWARD_NOUNS.contains(w);
          start = -1;
        }
      }
      return t;
    }

    private static boolean startsWithAny(String word, String[] stems) {
      for (String s : stems) {
        if (word.startsWith(s)) {
          return true;
        }
      }
      return false;
    }
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
    return number.matches("(19|20)\\d\\d|2100");
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
