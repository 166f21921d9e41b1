package io.visitlens.bench;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.Stemmer;
import com.johnsnowlabs.nlp.annotators.StopWordsCleaner;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.TokenizerModel;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import io.visitlens.config.SectorLexicon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The annotation pipeline VisitLens ran before its own text core ({@link io.visitlens.nlp.TextCore}), kept only
 * as the reference of {@link TextCoreBenchmark}: its speed per stage, and the agreement of the two on the same
 * paragraphs. Spark NLP's rule-based annotators only, no pretrained model.
 *
 * <pre>
 *   text ─ DocumentAssembler ─ SentenceDetector ─ Tokenizer ─ Normalizer ─┬─ Stemmer
 *          document            sentence           token       normalized  │  stem
 *                                                                         └─ StopWordsCleaner
 *                                                                            clean
 * </pre>
 *
 * The Normalizer lowercases and keeps letters (diacritics included: {@code vučić}), digits and hyphens
 * ({@code kassym-jomart}); the StopWordsCleaner runs on the normalised tokens so {@code ’s} and
 * {@code The} are both caught. A token the normaliser empties (punctuation) has no term. The Stemmer (Porter's
 * rule-based English stemmer, no model) also reads the normalised tokens, so that {@code flight} and
 * {@code flights} share the stem {@code flight}.
 */
public final class LegacyAnnotationPipeline {

  public static final String DOCUMENT = "nlp_document";
  public static final String SENTENCE = "nlp_sentence";
  public static final String TOKEN = "nlp_token";
  public static final String NORMALIZED = "nlp_normalized";
  public static final String CLEAN = "nlp_clean";
  /** Sector phrases matched ignoring case (lexicon kinds word and phrase). */
  public static final String SECTOR_WORDS = "nlp_sector_words";
  /** Sector acronyms matched with case ({@code IT}, never the pronoun {@code it}). */
  public static final String SECTOR_ACRONYMS = "nlp_sector_acronyms";
  public static final String STEM = "nlp_stem";

  /** What the Normalizer removes: everything but letters, combining marks, digits and hyphens. */
  public static final String CLEANUP_PATTERN = "[^\\p{L}\\p{M}\\p{N}\\-]";

  private LegacyAnnotationPipeline() {}

  /** The unfitted pipeline reading {@code inputCol}; every stage reads the output of the one before. */
  public static Pipeline create(String inputCol) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(inputCol);
    document.setOutputCol(DOCUMENT);

    SentenceDetector sentence = new SentenceDetector();
    sentence.setInputCols(new String[] {document.getOutputCol()});
    sentence.setOutputCol(SENTENCE);

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {sentence.getOutputCol()});
    tokenizer.setOutputCol(TOKEN);
    tokenizer.setContextChars(CONTEXT_CHARS);
    tokenizer.setInfixPatterns(new String[] {CLITIC_INFIX, WHOLE_INFIX});

    Normalizer normalizer = new Normalizer();
    normalizer.setInputCols(new String[] {tokenizer.getOutputCol()});
    normalizer.setOutputCol(NORMALIZED);
    normalizer.setLowercase(true);
    normalizer.setCleanupPatterns(new String[] {CLEANUP_PATTERN});

    Stemmer stemmer = new Stemmer();
    stemmer.setInputCols(new String[] {normalizer.getOutputCol()});
    stemmer.setOutputCol(STEM);

    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {normalizer.getOutputCol()});
    stopWords.setOutputCol(CLEAN);
    stopWords.setStopWords(stopWords());
    stopWords.setCaseSensitive(false);

    return new Pipeline().setStages(new PipelineStage[] {document, sentence, tokenizer, normalizer, stemmer, stopWords});
  }

  /**
   * What the Tokenizer leaves of a clitic it splits off ({@code I’m}, {@code I’d}, {@code we’re},
   * {@code they’ll}, {@code we’ve}, {@code don’t}) once normalised. Spark's list already has {@code s} and
   * {@code t}; without these the remainders would be counted as words.
   */
  public static final List<String> CLITIC_REMAINDERS = List.of("m", "d", "re", "ll", "ve", "nt");

  /** The stop words: Spark's English list plus {@link #CLITIC_REMAINDERS}. */
  public static String[] stopWords() {
    List<String> words = new ArrayList<>(Arrays.asList(StopWordsRemover.loadDefaultStopWords("english")));
    words.addAll(CLITIC_REMAINDERS);
    return words.toArray(new String[0]);
  }

  /** The fitted pipeline. Every stage is rule-based, so fitting reads no data and loads no model. */
  public static PipelineModel fit(SparkSession spark, String inputCol) {
    return create(inputCol).fit(empty(spark, inputCol));
  }

  /**
   * The fitted pipeline followed by two TextMatchers that find the lexicon's phrases on the pipeline's own
   * tokens: one ignoring case for words and phrases, one with case for acronyms. Each matcher tokenises the
   * lexicon's surface forms ({@link SectorLexicon#variants}) with the same TokenizerModel as the text, so a
   * phrase matches exactly the token sequences the text would give it, and never inside a word.
   * Overlapping matches are all kept here; the longest wins when they are flattened.
   */
  public static PipelineModel fit(SparkSession spark, String inputCol, SectorLexicon lexicon) {
    Dataset<Row> empty = empty(spark, inputCol);
    PipelineModel base = create(inputCol).fit(empty);
    TokenizerModel tokenizer = (TokenizerModel) base.stages()[2];
    List<PipelineStage> stages = new ArrayList<>(Arrays.asList(base.stages()));
    List<String> words = new ArrayList<>();
    List<String> acronyms = new ArrayList<>();
    // An English pipeline: the English rows.
    for (SectorLexicon.Entry e : lexicon.onlyLanguage(SectorLexicon.ENGLISH).entries()) {
      (e.kind() == SectorLexicon.Kind.ACRONYM ? acronyms : words).addAll(SectorLexicon.variants(e));
    }
    stages.add(matcher(words, false, SECTOR_WORDS, tokenizer));
    stages.add(matcher(acronyms, true, SECTOR_ACRONYMS, tokenizer));
    return new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(empty);
  }

  private static TextMatcher matcher(List<String> phrases, boolean caseSensitive, String outputCol,
      TokenizerModel tokenizer) {
    TextMatcher matcher = new TextMatcher();
    matcher.setInputCols(new String[] {SENTENCE, tokenizer.getOutputCol()});
    matcher.setOutputCol(outputCol);
    matcher.setCaseSensitive(caseSensitive);
    matcher.setMergeOverlapping(false);
    matcher.setBuildFromTokens(false);
    matcher.setTokenizer(tokenizer);
    matcher.setEntityValue(outputCol);
    matcher.setEntities(phrasesFile(phrases.isEmpty() ? List.of("\u0000no entries\u0000") : phrases),
        ReadAs.TEXT(), textFormat());
    return matcher;
  }

  /**
   * TextMatcher reads its phrases from a file while it is fitted on the driver; the fitted model carries them
   * to the executors. The file is a driver-local temporary.
   */
  private static String phrasesFile(List<String> phrases) {
    try {
      java.nio.file.Path file = Files.createTempFile("visitlens-phrases-", ".txt");
      file.toFile().deleteOnExit();
      Files.write(file, phrases, StandardCharsets.UTF_8);
      return file.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the lexicon phrases for TextMatcher", e);
    }
  }

  private static scala.collection.immutable.Map<String, String> textFormat() {
    return new scala.collection.immutable.Map.Map1<>("format", "text");
  }

  private static Dataset<Row> empty(SparkSession spark, String inputCol) {
    return spark.createDataFrame(List.of(), new StructType().add(inputCol, DataTypes.StringType));
  }

  /**
   * Characters the Tokenizer takes off the start and end of a token as tokens of their own: Spark NLP's
   * defaults plus typographic quotes, dashes and the ellipsis, common in news text.
   */
  static final String[] CONTEXT_CHARS = {
      ".", ",", ";", ":", "!", "?", "*", "-", "(", ")", "\"", "'",
      "“", "”", "‘", "’", "«", "»", "—", "–", "…", "[", "]"};

  private static final String NOT_CONTEXT = "[^" + java.util.regex.Pattern.quote(String.join("", CONTEXT_CHARS)) + "]";

  /**
   * A word and its clitic ({@code Serbia’s}, {@code it's}, {@code don’t}) as two tokens, either apostrophe.
   * Written without nested quantifiers: every token that has no clitic fails this rule, and a backtracking
   * pattern would cost exponential time there.
   */
  static final String CLITIC_INFIX = "(\\p{L}[\\p{L}\\p{M}\\-]*?)((?i:[’'](?:s|re|ll|ve|d|m)|n[’']t))";

  /**
   * The whole token between the context characters: the language of Spark NLP's default infix
   * {@code ([^ctx](?:.*[^ctx])*)}, without its nested quantifier.
   */
  static final String WHOLE_INFIX = "(" + NOT_CONTEXT + "(?:.*" + NOT_CONTEXT + ")?)";
}
