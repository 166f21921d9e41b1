package io.visitlens.nlp;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObject;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import com.optimaize.langdetect.text.UrlTextFilter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language of a document, as a BCP 47 tag: {@code en}, {@code de}, {@code ru}, {@code kk}, {@code sr-Latn},
 * {@code sr-Cyrl}, {@code hr}, … or {@link #UNDETERMINED} ({@code und}).
 *
 * <p>The detector is Optimaize language-detector 0.6: character n-gram profiles of 71 languages, loaded from its jar
 * once per JVM, on first use (nothing is downloaded, so it works on any executor). Its sampling is seeded with a
 * constant, so the same text always gets the same answer. Only the first {@value #MAX_CHARS} characters of a text are
 * read. A text is decided in this order:
 *
 * <ol>
 *   <li><b>Too little text.</b> Fewer than {@value #MIN_WORDS} words (runs of letters), which includes texts of
 *       digits and punctuation only, or at most {@value #SHORT_TEXT} characters once the library has dropped URLs,
 *       e-mail addresses and letters of minority scripts: {@code und}. On such short texts the library scores every
 *       n-gram at once and its probabilities are overconfident (it gives the 49-character headline "Serbian
 *       President Vučić visits Astana, Kazakhstan" to Indonesian at 0.98).
 *   <li><b>Kazakh, by its letters.</b> The library has no Kazakh profile and takes Kazakh for Ukrainian, Belarusian or
 *       Russian. Cyrillic text (more Cyrillic than Latin letters) with at least one of ә ғ қ ң ө ұ ү һ, which no
 *       language the library knows uses, where these and і make at least {@value #KAZAKH_SHARE_PERCENT}% of the
 *       Cyrillic letters, is {@code kk}. In Kazakh they make 5–12%; a Russian text that spells one Kazakh name the
 *       Kazakh way (Ақорда) stays below the share unless it is a single short sentence. Kyrgyz, Tatar and Bashkir,
 *       which share some of these letters and which the library does not know either, would come out {@code kk}.
 *   <li><b>The library's answer</b>, its most probable language. None: {@code und}.
 *   <li><b>Serbian or Russian, by their letters.</b> When that answer is Serbian or Russian on Cyrillic text, the
 *       letters decide if they can: ђ ј љ њ ћ џ occur in Serbian and never in Russian, ы э ъ ё щ й in Russian and
 *       never in Serbian. Text with letters of one set and none of the other is {@code sr-Cyrl} or {@code ru}
 *       whatever the library's confidence; with both or neither, the library's answer stands.
 *   <li><b>Confidence.</b> An answer with a probability below {@value #MIN_CONFIDENCE} is {@code und}. On longer
 *       texts the probability is the mean of seven trials on random samples of the text's n-grams, each of which
 *       settles on one language, so {@value #MIN_CONFIDENCE} asks five of the seven to agree (English naming three
 *       Serbian ministers gets 5/7; a list of names, 4/7 for Turkish, is {@code und}).
 *   <li><b>Serbian Latin.</b> Serbian, Croatian and Bosnian are one language with several standards; on Latin text
 *       the library cannot tell them apart (its Serbian profile is Cyrillic, so it answers Croatian for all of them).
 *       When it answers {@code hr}, {@code sr} or {@code bs} on Latin text, the words decide: the text is {@code hr}
 *       if it has more Croatian or ijekavian word forms ({@code predsjednik}, {@code tijekom}, {@code suradnja},
 *       {@code tisuća}, {@code tko}, the Croatian month names, …) than Serbian ekavian or Serbian-standard ones
 *       ({@code predsednik}, {@code tokom}, {@code saradnja}, {@code hiljada}, {@code ko}, {@code avgust}, …), and
 *       {@code sr-Latn} otherwise, ties and texts with neither included. Words are compared with diacritics
 *       removed and đ as dj, so {@code Predsednik Vucic} counts as {@code Predsednik Vučić} does. The tie goes to
 *       Serbian because VisitLens covers Serbia and Kazakhstan: most South Slavic Latin text in its corpus is
 *       Serbian, while Croatian news, written in ijekavian, rarely goes a sentence without a Croatian form. The cost:
 *       ijekavian Bosnian and Montenegrin come out {@code hr}, and so does the rare ijekavian Serbian written in
 *       Latin.
 *   <li><b>Script.</b> Serbian on Cyrillic text is {@code sr-Cyrl}, on Latin text {@code sr-Latn}. Any other answer
 *       is the library's language code: ISO 639-1 where the language has one ({@code zh} for both Chinese
 *       profiles), else ISO 639-3 (Asturian, {@code ast}).
 * </ol>
 *
 * <p>Instances hold no state: {@link #detect} is thread-safe, and an instance in a Spark task closure ships as a few
 * bytes, the executor loading the profiles (about 80 MB of heap, a few seconds) the first time it detects.
 */
public final class LanguageDetection implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The answer when the language cannot be told: too little text, no letters or a low confidence. */
  public static final String UNDETERMINED = "und";

  /**
   * Characters read of a text. 2,000 characters (about 300 words of news prose) settle the answer; the library's
   * cost grows with the text it reads (its n-gram extraction and script filter take most of it), and at 10,000 it
   * was two thirds of the attribution step on 3 KB articles.
   */
  static final int MAX_CHARS = 2_000;
  static final int MIN_WORDS = 3;
  /** The length up to which the library takes a text as short (its default, set explicitly). */
  static final int SHORT_TEXT = 50;
  static final double MIN_CONFIDENCE = 0.7;
  static final int KAZAKH_SHARE_PERCENT = 3;

  private static final String SERBIAN_NOT_RUSSIAN = "ђјљњћџЂЈЉЊЋЏ";
  private static final String RUSSIAN_NOT_SERBIAN = "ыэъёщйЫЭЪЁЩЙ";
  private static final String KAZAKH_ONLY = "әғқңөұүһӘҒҚҢӨҰҮҺ";
  private static final String KAZAKH_SHARED = "іІ";

  private static final Set<String> SOUTH_SLAVIC = Set.of("sr", "hr", "bs");

  /** Serbian (ekavian or Serbian-standard) word forms; a trailing {@code *} matches any ending. */
  private static final Cues SERBIAN_WORDS = new Cues("predsedn* potpredsedn* poset* sednic* savet* razmen* mesec*"
      + " mest* nedelj* saradnj* hiljad* saobracaj* bezbedn* obezbed* vazdu* istorij* univerzitet* uslov* opstin*"
      + " porodic* fudbal* avgust* septemb* oktob* novemb* decemb* januar* februar* tokom takodje takode uvek gde pre"
      + " posle dve deo ko sta vreme tacno");

  /** Croatian and ijekavian word forms (Croatian, Bosnian, Montenegrin). */
  private static final Cues CROATIAN_WORDS = new Cues("predsjedn* potpredsjedn* posjet* sjednic* savjet* razmjen*"
      + " mjesec* mjest* tjedan* tjedn* suradnj* tisuc* sveucilist* povijest* uvjet* opcin* obitelj* nogomet*"
      + " zrakoplov* zracn* izravn* izaslanstv* sijecanj* sijecnj* veljac* ozuj* travanj* travnj* svibanj* svibnj*"
      + " lipanj* lipnj* srpanj* srpnj* kolovoz* rujan* rujn* listopad* studenog* prosin* tijekom takodjer takoder"
      + " uvijek gdje prije poslije dvije dio tko vrijeme tocno studeni");

  private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private LanguageDetection() {}

  /** A detector; cheap, as the profiles load on the first {@link #detect} of the JVM. */
  public static LanguageDetection create() {
    return new LanguageDetection();
  }

  /**
   * Loads the profiles into this JVM now, if no detection has yet (a second or so: 71 profiles read from the
   * library's jar). Detection waits for a load in progress rather than starting another.
   */
  public static void loadProfiles() {
    Profiles.DETECTOR.getClass();
  }

  /** The language of {@code text} (see the class comment); {@link #UNDETERMINED} for {@code null}. */
  public String detect(CharSequence text) {
    if (text == null) {
      return UNDETERMINED;
    }
    CharSequence head = head(text);
    Letters letters = Letters.count(head);
    TextObject cleaned = Profiles.cleaner(mayHoldLinks(head), !oneScript(head)).forText(head);
    if (letters.words < MIN_WORDS || cleaned.length() <= SHORT_TEXT) {
      return UNDETERMINED;
    }
    boolean cyrillic = letters.cyrillic > letters.latin;
    if (cyrillic && letters.kazakhOnly > 0
        && (letters.kazakhOnly + letters.kazakhShared) * 100 >= KAZAKH_SHARE_PERCENT * letters.cyrillic) {
      return "kk";
    }
    List<DetectedLanguage> candidates = Profiles.DETECTOR.getProbabilities(cleaned);
    if (candidates.isEmpty()) {
      return UNDETERMINED;
    }
    DetectedLanguage best = candidates.get(0);
    String language = best.getLocale().getLanguage();
    if (cyrillic && (language.equals("sr") || language.equals("ru"))) {
      if (letters.serbian > 0 && letters.russian == 0) {
        return "sr-Cyrl";
      }
      if (letters.russian > 0 && letters.serbian == 0) {
        return "ru";
      }
    }
    if (best.getProbability() < MIN_CONFIDENCE) {
      return UNDETERMINED;
    }
    if (!cyrillic && SOUTH_SLAVIC.contains(language)) {
      return southSlavicLatin(head);
    }
    if (language.equals("sr")) {
      return cyrillic ? "sr-Cyrl" : "sr-Latn";
    }
    return language;
  }

  /** {@code hr} or {@code sr-Latn} for Latin text in the Serbian–Croatian–Bosnian group, by its word forms. */
  static String southSlavicLatin(CharSequence text) {
    int serbian = 0;
    int croatian = 0;
    for (String word : NOT_LETTER.split(fold(text))) {
      if (SERBIAN_WORDS.matches(word)) {
        serbian++;
      } else if (CROATIAN_WORDS.matches(word)) {
        croatian++;
      }
    }
    return croatian > serbian ? "hr" : "sr-Latn";
  }

  /** Lowercase, đ as dj, diacritics removed: {@code Međunarodni Učesnici} → {@code medjunarodni ucesnici}. */
  static String fold(CharSequence text) {
    String lower = text.toString().toLowerCase(Locale.ROOT).replace("đ", "dj");
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }

  /**
   * The text the library reads of {@code head}: cleaned by every filter when {@code everyFilter}, else by those
   * that {@link #mayHoldLinks} and {@link #oneScript} say can change it, as {@link #detect} does. The two are the
   * same text.
   */
  static String cleaned(CharSequence head, boolean everyFilter) {
    return (everyFilter ? Profiles.cleaner(true, true) : Profiles.cleaner(mayHoldLinks(head), !oneScript(head)))
        .forText(head).toString();
  }

  /**
   * Whether the library's URL and e-mail filter could change {@code text}: its patterns
   * ({@code https?://…}, {@code …@…}) need {@code http} or {@code @}. Without them the filter returns the text
   * unchanged, so it is skipped: its two regular expressions were a third of the detector's time on news prose.
   */
  static boolean mayHoldLinks(CharSequence text) {
    String s = text.toString();
    return s.indexOf('@') >= 0 || s.contains("http");
  }

  /**
   * Whether {@code text} has letters of one script at most, counted as the library's minority-script filter counts
   * them: per UTF-16 unit, characters of the common, inherited and unknown scripts left out. The filter returns
   * such a text unchanged, so it is skipped (an ASCII letter is Latin and any other ASCII character common, read off
   * without the lookup the filter makes for every character).
   */
  static boolean oneScript(CharSequence text) {
    Character.UnicodeScript seen = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Character.UnicodeScript script;
      if (c < 0x80) {
        if (!isAsciiLetter(c)) {
          continue;
        }
        script = Character.UnicodeScript.LATIN;
      } else {
        script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED
            || script == Character.UnicodeScript.UNKNOWN) {
          continue;
        }
      }
      if (seen == null) {
        seen = script;
      } else if (seen != script) {
        return false;
      }
    }
    return true;
  }

  /** An ASCII letter: Latin, read off without the Unicode script table. */
  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The first {@link #MAX_CHARS} characters, never ending inside a surrogate pair. */
  private static CharSequence head(CharSequence text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.subSequence(0, end);
  }

  /** The letter counts the rules read. */
  private static final class Letters {
    int words;
    int latin;
    int cyrillic;
    int serbian;
    int russian;
    int kazakhOnly;
    int kazakhShared;

    static Letters count(CharSequence text) {
      Letters n = new Letters();
      boolean inWord = false;
      for (int i = 0; i < text.length(); ) {
        int c = Character.codePointAt(text, i);
        i += Character.charCount(c);
        if (c < 0x80) {
          // ASCII, most of the text in most corpora: a letter is Latin, read off without the script table's
          // binary search (which was 8% of the attribution step at 100,000 articles).
          boolean letter = isAsciiLetter(c);
          if (letter) {
            n.words += inWord ? 0 : 1;
            n.latin++;
          }
          inWord = letter;
          continue;
        }
        if (!Character.isLetter(c)) {
          inWord = inWord && Character.getType(c) == Character.NON_SPACING_MARK;
          continue;
        }
        if (!inWord) {
          n.words++;
          inWord = true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.LATIN) {
          n.latin++;
        } else if (script == Character.UnicodeScript.CYRILLIC) {
          n.cyrillic++;
          n.serbian += SERBIAN_NOT_RUSSIAN.indexOf(c) >= 0 ? 1 : 0;
          n.russian += RUSSIAN_NOT_SERBIAN.indexOf(c) >= 0 ? 1 : 0;
          n.kazakhOnly += KAZAKH_ONLY.indexOf(c) >= 0 ? 1 : 0;
          n.kazakhShared += KAZAKH_SHARED.indexOf(c) >= 0 ? 1 : 0;
        }
      }
      return n;
    }
  }

  /** Folded word forms: whole words, and stems (written with a trailing {@code *}) that match any ending. */
  private static final class Cues {
    private final Set<String> words;
    private final List<String> stems;

    Cues(String spaceSeparated) {
      List<String> all = List.of(spaceSeparated.split(" "));
      words = Set.copyOf(all.stream().filter(w -> !w.endsWith("*")).toList());
      stems = all.stream().filter(w -> w.endsWith("*")).map(w -> w.substring(0, w.length() - 1)).toList();
    }

    boolean matches(String word) {
      if (words.contains(word)) {
        return true;
      }
      for (String stem : stems) {
        if (word.startsWith(stem)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The library's detector and text cleaner, built on first use: once per JVM, never serialized. */
  private static final class Profiles {
    static final LanguageDetector DETECTOR = load();
    /**
     * Text cleaners: each drops URLs and e-mail addresses and the letters of any script with under 30% of the main
     * script's count, or the filters that {@link #cleaner} is told cannot change the text are left out.
     */
    private static final TextObjectFactory[] CLEANERS = {build(false, false), build(false, true),
        build(true, false), build(true, true)};

    static TextObjectFactory cleaner(boolean links, boolean scripts) {
      return CLEANERS[(links ? 2 : 0) + (scripts ? 1 : 0)];
    }

    private static TextObjectFactory build(boolean links, boolean scripts) {
      TextObjectFactoryBuilder builder = new TextObjectFactoryBuilder().maxTextLength(MAX_CHARS);
      if (links) {
        builder.withTextFilter(UrlTextFilter.getInstance());
      }
      if (scripts) {
        builder.withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(0.3));
      }
      return builder.build();
    }

    private static LanguageDetector load() {
      try {
        return LanguageDetectorBuilder.create(NgramExtractors.standard())
            .shortTextAlgorithm(SHORT_TEXT)
            .withProfiles(new LanguageProfileReader().readAllBuiltIn())
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the language profiles of language-detector", e);
      }
    }
  }
}
