package io.visitlens.nlp;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.StopWordsCleaner;
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
 * The Spark NLP pipeline that annotates text: rule-based annotators only, no pretrained model.
 *
 * <pre>
 *   text ─ DocumentAssembler ─ SentenceDetector ─ Tokenizer ─ Normalizer ─ StopWordsCleaner
 *          document            sentence           token       normalized   clean
 * </pre>
 *
 * The Normalizer lowercases and keeps letters (diacritics included: {@code vučić}), digits and hyphens
 * ({@code kassym-jomart}); the StopWordsCleaner runs on the normalised tokens so {@code ’s} and
 * {@code The} are both caught. A token the normaliser empties (punctuation) has no term.
 */
public final class AnnotationPipeline {

  public static final String DOCUMENT = "nlp_document";
  public static final String SENTENCE = "nlp_sentence";
  public static final String TOKEN = "nlp_token";
  public static final String NORMALIZED = "nlp_normalized";
  public static final String CLEAN = "nlp_clean";

  /** What the Normalizer removes: everything but letters, combining marks, digits and hyphens. */
  public static final String CLEANUP_PATTERN = "[^\\p{L}\\p{M}\\p{N}\\-]";

  private AnnotationPipeline() {}

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

    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {normalizer.getOutputCol()});
    stopWords.setOutputCol(CLEAN);
    stopWords.setStopWords(StopWordsRemover.loadDefaultStopWords("english"));
    stopWords.setCaseSensitive(false);

    return new Pipeline().setStages(new PipelineStage[] {document, sentence, tokenizer, normalizer, stopWords});
  }

  /** The fitted pipeline. Every stage is rule-based, so fitting reads no data and loads no model. */
  public static PipelineModel fit(SparkSession spark, String inputCol) {
    Dataset<Row> empty = spark.createDataFrame(java.util.List.of(),
        new StructType().add(inputCol, DataTypes.StringType));
    return create(inputCol).fit(empty);
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
