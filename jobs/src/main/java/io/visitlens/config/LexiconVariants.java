package io.visitlens.config;

import io.visitlens.config.SectorLexicon.Entry;
import io.visitlens.config.SectorLexicon.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The surface forms the matcher accepts for one lexicon entry, so that the lexicon lists each phrase
 * once, in its base form. Pure Java, deterministic: the entry as written comes first, no form twice.
 *
 * <h2>Acronyms</h2>
 * The acronym itself and, when it ends in an upper-case letter other than {@code S}, its plural with a
 * lower-case {@code s} ({@code ICT -> ICTs}, {@code NGO -> NGOs}); nothing else. Acronyms are matched
 * case-sensitively, so a form that never occurs ({@code UNs}) costs nothing.
 *
 * <h2>Words and phrases</h2>
 * Matched case-insensitively; every combination of these three independent rules:
 * <ol>
 *   <li><b>Spelling.</b> The phrase as written and, if any of its words has one, the form with every
 *       such word in the other spelling: a pair from {@link #spellingPairs()} (defence/defense,
 *       centre/center, programme/program, labour/labor, ...), or the generic
 *       {@code -isation <-> -ization} rule (digitalisation/digitalization). Mixed forms are not made.
 *   <li><b>Word joints.</b> Each joint between two words ({@code ' '} or {@code '-'}) may be written
 *       either way ({@code military-industrial complex <-> military industrial complex}); after a
 *       prefix from {@link #closablePrefixes()} it may also be closed ({@code e-commerce -> ecommerce},
 *       {@code inter-parliamentary -> interparliamentary}, {@code cyber security -> cybersecurity}).
 *       All combinations are made for up to {@value #MAX_FREE_JOINTS} joints; a longer phrase gets only
 *       the form as written, all joints spaced and all joints hyphenated. A closed compound is never
 *       split, so write prefix compounds with their hyphen.
 *   <li><b>Number.</b> The singular and the regular English plural of the <em>last</em> word: see
 *       {@link #plural(String)}.
 * </ol>
 * Forms are generated mechanically; a form that is not English simply never matches.
 */
public final class LexiconVariants {

  /** Phrases with more joints than this get only three joint forms, not all combinations. */
  public static final int MAX_FREE_JOINTS = 3;

  /** British spelling to American spelling, applied in both directions, whole words only. */
  private static final Map<String, String> BRITISH_AMERICAN = Map.ofEntries(
      Map.entry("aluminium", "aluminum"),
      Map.entry("armour", "armor"),
      Map.entry("catalogue", "catalog"),
      Map.entry("centre", "center"),
      Map.entry("defence", "defense"),
      Map.entry("fertiliser", "fertilizer"),
      Map.entry("harbour", "harbor"),
      Map.entry("jewellery", "jewelry"),
      Map.entry("labour", "labor"),
      Map.entry("licence", "license"),
      Map.entry("manoeuvre", "maneuver"),
      Map.entry("modelling", "modeling"),
      Map.entry("neighbour", "neighbor"),
      Map.entry("paediatric", "pediatric"),
      Map.entry("programme", "program"),
      Map.entry("sulphur", "sulfur"),
      Map.entry("theatre", "theater"));

  private static final Map<String, String> SPELLING_SWAP = bidirectional(BRITISH_AMERICAN);

  /** Prefixes after which a joint may also be closed up. */
  private static final Set<String> CLOSABLE_PREFIXES = Set.of(
      "agro", "anti", "bio", "co", "cyber", "e", "eco", "geo", "hydro", "inter", "intra", "macro",
      "micro", "multi", "nano", "non", "petro", "post", "pre", "re", "socio", "tele", "trans");

  /**
   * Last words that get no plural: mass nouns, and words whose mechanical plural means something else
   * ({@code aid -> AIDS}, {@code security -> securities}, {@code nuclear power -> nuclear powers}).
   */
  private static final Set<String> NO_PLURAL = Set.of(
      "agriculture", "aid", "commerce", "cooperation", "education", "equipment", "expertise", "healthcare",
      "information", "livestock", "machinery", "people", "power", "research", "security", "tech",
      "veterinary");

  /** Irregular plurals of last words. */
  private static final Map<String, String> IRREGULAR_PLURAL = Map.of(
      "businessman", "businessmen",
      "cargo", "cargoes",
      "child", "children",
      "criterion", "criteria",
      "gas", "gases",
      "man", "men",
      "medium", "media",
      "person", "people",
      "woman", "women");

  /** A run of joint characters between two non-joint characters. */
  private static final Pattern JOINT = Pattern.compile("(?<=[^ -])[ -]+(?=[^ -])");

  private LexiconVariants() {}

  /** The forms of {@code entry}, the entry's phrase first. */
  public static List<String> of(Entry entry) {
    // The rules are English; another language's inflected forms are matched by their stems (nlp.TextCore).
    return entry.isEnglish() ? of(entry.phrase(), entry.kind()) : List.of(entry.phrase());
  }

  /** The forms of {@code phrase} read as an entry of {@code kind}, {@code phrase} first. */
  public static List<String> of(String phrase, Kind kind) {
    if (phrase.isEmpty()) {
      throw new IllegalArgumentException("empty phrase");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    if (kind == Kind.ACRONYM) {
      out.add(phrase);
      char last = phrase.charAt(phrase.length() - 1);
      if (last >= 'A' && last <= 'Z' && last != 'S') {
        out.add(phrase + "s");
      }
      return List.copyOf(out);
    }

    List<String> words = new ArrayList<>();
    List<String> joints = new ArrayList<>();
    Matcher m = JOINT.matcher(phrase);
    int start = 0;
    while (m.find()) {
      words.add(phrase.substring(start, m.start()));
      joints.add(m.group());
      start = m.end();
    }
    words.add(phrase.substring(start));

    List<List<String>> spellings = new ArrayList<>();
    spellings.add(words);
    List<String> swapped = new ArrayList<>(words.size());
    boolean anySwap = false;
    for (String w : words) {
      String s = swapSpelling(w);
      anySwap |= s != null;
      swapped.add(s == null ? w : s);
    }
    if (anySwap) {
      spellings.add(swapped);
    }

    for (List<String> spelling : spellings) {
      String lastWord = spelling.get(spelling.size() - 1);
      String pluralLast = plural(lastWord);
      for (List<String> jointChoice : jointChoices(spelling, joints)) {
        out.add(join(spelling, jointChoice, lastWord));
        if (pluralLast != null) {
          out.add(join(spelling, jointChoice, pluralLast));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The regular English plural of {@code word}, or {@code null} when it gets none. None for: a word not
   * ending in a letter ({@code 2027}); a capitalised word (a proper name: {@code Middle Corridor},
   * {@code World Nomad Games}); a word in the no-plural list ({@code aid, information, research,
   * security, healthcare, ...}); a word ending in {@code -ics, -ism, -ware, -ing} (logistics,
   * tourism, software, mining); a word already ending in {@code -s} other than {@code -ss, -us, -is}
   * (taken as plural: minerals, relations). Otherwise: irregular table ({@code gas -> gases},
   * {@code cargo -> cargoes}, {@code medium -> media}, ...); {@code -is -> -es} (analysis -> analyses);
   * {@code -s, -x, -z, -ch, -sh -> +es} (complex -> complexes); consonant + {@code y -> ies}
   * (technology -> technologies, industry -> industries); else {@code +s}.
   */
  public static String plural(String word) {
    if (word.isEmpty() || !Character.isLetter(word.charAt(word.length() - 1))) {
      return null;
    }
    if (Character.isUpperCase(word.charAt(0))) {
      return null;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (NO_PLURAL.contains(lower)) {
      return null;
    }
    String irregular = IRREGULAR_PLURAL.get(lower);
    if (irregular != null) {
      return irregular;
    }
    if (lower.endsWith("ics") || lower.endsWith("ism") || lower.endsWith("ware") || lower.endsWith("ing")) {
      return null;
    }
    if (lower.endsWith("is")) {
      return word.substring(0, word.length() - 2) + "es";
    }
    if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh")) {
      return word + "es";
    }
    if (lower.endsWith("s")) {
      return null;
    }
    if (lower.length() >= 2 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }

  /** The British/American spelling pairs, British first (the generic -isation/-ization rule aside). */
  public static Map<String, String> spellingPairs() {
    return BRITISH_AMERICAN;
  }

  /** The prefixes after which a joint may be closed up. */
  public static Set<String> closablePrefixes() {
    return CLOSABLE_PREFIXES;
  }

  /** {@code word} in the other spelling, its letter case kept, or {@code null} if it has none. */
  static String swapSpelling(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String swapped = SPELLING_SWAP.get(lower);
    if (swapped == null && lower.endsWith("s")) {
      String singular = SPELLING_SWAP.get(lower.substring(0, lower.length() - 1));
      swapped = singular == null ? null : singular + "s";
    }
    if (swapped == null) {
      swapped = swapSuffix(lower, "isation", "ization");
    }
    if (swapped == null) {
      swapped = swapSuffix(lower, "isations", "izations");
    }
    return swapped == null ? null : matchCase(word, swapped);
  }

  private static String swapSuffix(String lower, String british, String american) {
    if (lower.endsWith(british) && lower.length() > british.length()) {
      return lower.substring(0, lower.length() - british.length()) + american;
    }
    if (lower.endsWith(american) && lower.length() > american.length()) {
      return lower.substring(0, lower.length() - american.length()) + british;
    }
    return null;
  }

  /** {@code lower} cased like {@code model}: all upper, capitalised, or lower. */
  private static String matchCase(String model, String lower) {
    if (model.length() > 1 && model.equals(model.toUpperCase(Locale.ROOT))) {
      return lower.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(model.charAt(0))) {
      return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
    return lower;
  }

  /** The joint strings to use, one list per form, the joints as written first. */
  private static List<List<String>> jointChoices(List<String> words, List<String> joints) {
    List<List<String>> options = new ArrayList<>(joints.size());
    for (int i = 0; i < joints.size(); i++) {
      String j = joints.get(i);
      List<String> opts = new ArrayList<>(3);
      opts.add(j);
      if (j.equals(" ") || j.equals("-")) {
        opts.add(j.equals(" ") ? "-" : " ");
        if (CLOSABLE_PREFIXES.contains(words.get(i).toLowerCase(Locale.ROOT))) {
          opts.add("");
        }
      }
      options.add(opts);
    }
    List<List<String>> out = new ArrayList<>();
    if (joints.size() > MAX_FREE_JOINTS) {
      out.add(joints);
      out.add(uniform(joints, " "));
      out.add(uniform(joints, "-"));
      return out;
    }
    combine(options, 0, new ArrayList<>(), out);
    return out;
  }

  private static List<String> uniform(List<String> joints, String joint) {
    List<String> out = new ArrayList<>(joints.size());
    for (String j : joints) {
      out.add(j.equals(" ") || j.equals("-") ? joint : j);
    }
    return out;
  }

  private static void combine(List<List<String>> options, int i, List<String> prefix, List<List<String>> out) {
    if (i == options.size()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String o : options.get(i)) {
      prefix.add(o);
      combine(options, i + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static String join(List<String> words, List<String> joints, String lastWord) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        b.append(joints.get(i - 1));
      }
      b.append(i == words.size() - 1 ? lastWord : words.get(i));
    }
    return b.toString();
  }

  private static Map<String, String> bidirectional(Map<String, String> pairs) {
    Map<String, String> m = new HashMap<>();
    pairs.forEach((british, american) -> {
      m.put(british, american);
      m.put(american, british);
    });
    return Map.copyOf(m);
  }
}
