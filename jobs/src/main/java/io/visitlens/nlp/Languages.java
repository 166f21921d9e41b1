package io.visitlens.nlp;

import com.ibm.icu.util.ULocale;
import io.visitlens.io.ClasspathText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.tartarus.snowball.SnowballStemmer;

/**
 * The per-language resources of the text core, chosen by a document's language code
 * ({@code documents.language}: {@code en}, {@code de}, {@code ru}, {@code sr-Latn}, {@code sr-Cyrl}, another
 * ISO 639-1 code, or {@code und}).
 *
 * <table>
 *   <caption>What each language gets</caption>
 *   <tr><th>resource</th><th>source</th></tr>
 *   <tr><td>sentence and word boundaries</td><td>ICU4J's UAX #29 iterators for the language's locale, with CLDR's
 *       abbreviation suppressions where it has them, plus the project's {@link #ABBREVIATIONS}</td></tr>
 *   <tr><td>stop words</td><td>Spark ML's list for the language ({@link StopWordsRemover#loadDefaultStopWords});
 *       English adds the clitic remainders and the negative contractions Spark's list lacks; Serbian (both
 *       scripts) a list shipped with VisitLens ({@code stopwords-sr.txt}); none for the other languages Spark has no
 *       list for</td></tr>
 *   <tr><td>stems</td><td>English: Spark NLP's Porter stemmer (the project's stems since the start); others:
 *       Lucene's Snowball stemmer of the language where one exists, else the term itself</td></tr>
 * </table>
 *
 * {@code und} (the detector was unsure) uses the English resources, the corpus's main language so far.
 * Resources are built once per JVM and language and shared; stemmers are made per {@link Resources#stemmer()}
 * call because Snowball stemmers keep state.
 */
public final class Languages {

  public static final String ENGLISH = "en";
  public static final String UNDETERMINED = "und";

  private Languages() {}

  /** The key resources are kept under: the code without its script, {@code und} and null as English. */
  public static String resourceKey(String language) {
    if (language == null || language.isEmpty() || language.equals(UNDETERMINED)) {
      return ENGLISH;
    }
    int dash = language.indexOf('-');
    return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  /** A stemmer for one thread. */
  public interface Stemmer {
    String stem(String term);
  }

  /** One language's locale, stop words and Snowball stemmer name. */
  public record Resources(String key, ULocale locale, Set<String> stopWords, String snowball) {
    /** A new stemmer (Snowball stemmers are stateful: one per thread). */
    public Stemmer stemmer() {
      if (key.equals(ENGLISH)) {
        return com.johnsnowlabs.nlp.annotators.EnglishStemmer::stem;
      }
      if (snowball == null) {
        return term -> term;
      }
      SnowballStemmer s = newSnowball(snowball);
      return term -> {
        s.setCurrent(term);
        s.stem();
        return s.getCurrent();
      };
    }
  }

  private static final Map<String, Resources> RESOURCES = new ConcurrentHashMap<>();

  /** The resources for a language code (see {@link #resourceKey}). */
  public static Resources of(String language) {
    return RESOURCES.computeIfAbsent(resourceKey(language), Languages::build);
  }

  /** Spark ML's stop-word list names by ISO 639-1 code. */
  private static final Map<String, String> SPARK_STOP_LISTS = Map.ofEntries(
      Map.entry("da", "danish"), Map.entry("nl", "dutch"), Map.entry("en", "english"), Map.entry("fi", "finnish"),
      Map.entry("fr", "french"), Map.entry("de", "german"), Map.entry("hu", "hungarian"), Map.entry("it", "italian"),
      Map.entry("no", "norwegian"), Map.entry("nb", "norwegian"), Map.entry("pt", "portuguese"),
      Map.entry("ru", "russian"), Map.entry("es", "spanish"), Map.entry("sv", "swedish"), Map.entry("tr", "turkish"));

  /**
   * Stop lists shipped with VisitLens for languages Spark ML has none for, by code: classpath resources in this
   * package, one word per line in each of the language's scripts ({@code stopwords-sr.txt}: Serbian, Latin and
   * Cyrillic).
   */
  private static final Map<String, String> SHIPPED_STOP_LISTS = Map.of("sr", "stopwords-sr.txt");

  /** The words of a shipped stop list, lower case. */
  static Set<String> shippedStopWords(String resource) {
    Set<String> words = new HashSet<>();
    for (String line : ClasspathText.read(Languages.class, resource, "the classpath").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        for (String w : line.strip().split("\\s+")) {
          words.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }

  /** Lucene's Snowball stemmer class names ({@code org.tartarus.snowball.ext.<Name>Stemmer}) by code. */
  private static final Map<String, String> SNOWBALL = Map.ofEntries(
      Map.entry("ar", "Arabic"), Map.entry("hy", "Armenian"), Map.entry("eu", "Basque"), Map.entry("ca", "Catalan"),
      Map.entry("da", "Danish"), Map.entry("nl", "Dutch"), Map.entry("et", "Estonian"), Map.entry("fi", "Finnish"),
      Map.entry("fr", "French"), Map.entry("de", "German"), Map.entry("el", "Greek"), Map.entry("hi", "Hindi"),
      Map.entry("hu", "Hungarian"), Map.entry("id", "Indonesian"), Map.entry("ga", "Irish"),
      Map.entry("it", "Italian"), Map.entry("lt", "Lithuanian"), Map.entry("ne", "Nepali"),
      Map.entry("no", "Norwegian"), Map.entry("nb", "Norwegian"), Map.entry("pt", "Portuguese"),
      Map.entry("ro", "Romanian"), Map.entry("ru", "Russian"), Map.entry("sr", "Serbian"),
      Map.entry("es", "Spanish"), Map.entry("sv", "Swedish"), Map.entry("ta", "Tamil"), Map.entry("tr", "Turkish"),
      Map.entry("yi", "Yiddish"));

  /**
   * What the tokenizer leaves of a clitic it splits off ({@code I’m}, {@code I’d}, {@code we’re},
   * {@code they’ll}, {@code we’ve}); Spark's English list already has {@code s}, {@code t}.
   */
  public static final List<String> CLITIC_REMAINDERS = List.of("m", "d", "re", "ll", "ve", "nt");

  /** Negative contractions, kept whole by the tokenizer, that Spark's English list lacks. */
  public static final List<String> MORE_NEGATIVE_CONTRACTIONS = List.of(
      "ain't", "needn't", "mightn't", "oughtn't", "daren't", "mayn't");

  /**
   * Abbreviations after which no sentence ends, on top of CLDR's suppressions for the language (which have
   * {@code Mr.} and {@code Feb.}, but leave out {@code Dr.} and {@code St.}). A break is kept out only when the
   * whole word before it is one of these, compared with case: never because a longer word ends the same way
   * ({@code careful.} is no {@code ul.}). Forms that also end ordinary sentences ({@code No.}, {@code a.m.}) are
   * left out.
   */
  public static final Set<String> ABBREVIATIONS = Set.of(
      "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Prof.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Maj.",
      "Sgt.", "Rev.", "Hon.", "Jr.", "Sr.", "Mt.", "Ft.", "vs.", "approx.", "incl.", "Inc.", "Ltd.", "Corp.",
      "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
      "U.S.", "U.K.", "U.N.", "E.U.", "e.g.", "i.e.",
      // German, Serbian, Russian
      "Nr.", "bzw.", "z.B.", "vgl.", "tzv.", "npr.", "т.е.", "тзв.", "нпр.");

  /** Capitalised month names a day number ({@code 19.}) may stand before, in German and English. */
  private static final Set<String> MONTHS = Set.of(
      "Januar", "Jänner", "Februar", "März", "Maerz", "April", "Mai", "Juni", "Juli", "August", "September",
      "Oktober", "November", "Dezember", "January", "February", "March", "May", "June", "July", "October",
      "December");

  static boolean isMonthName(String word) {
    return MONTHS.contains(word);
  }

  private static Resources build(String key) {
    Set<String> stops = new HashSet<>();
    String list = SPARK_STOP_LISTS.get(key);
    if (list != null) {
      for (String w : StopWordsRemover.loadDefaultStopWords(list)) {
        stops.add(w.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
      }
    }
    if (key.equals(ENGLISH)) {
      stops.addAll(CLITIC_REMAINDERS);
      stops.addAll(MORE_NEGATIVE_CONTRACTIONS);
    }
    String shipped = SHIPPED_STOP_LISTS.get(key);
    if (shipped != null) {
      stops.addAll(shippedStopWords(shipped));
    }
    String snowball = SNOWBALL.get(key);
    if (snowball != null) {
      newSnowball(snowball); // fail now, not per term
    }
    return new Resources(key, ULocale.forLanguageTag(key), Set.copyOf(stops), snowball);
  }

  private static SnowballStemmer newSnowball(String name) {
    try {
      return (SnowballStemmer) Class.forName("org.tartarus.snowball.ext." + name + "Stemmer")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no Snowball stemmer " + name, e);
    }
  }
}
