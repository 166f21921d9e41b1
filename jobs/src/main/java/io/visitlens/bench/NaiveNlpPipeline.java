package io.visitlens.bench;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.StopWordsCleaner;
import com.johnsnowlabs.nlp.annotators.TextMatcher;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import io.visitlens.config.SectorLexicon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The benchmark's naive Spark NLP contender: what a first attempt at VisitLens's counts looks like with Spark NLP's
 * rule-based annotators at (nearly) their defaults, over every paragraph, syndicated copies included.
 *
 * <pre>
 *   text ─ DocumentAssembler ─ SentenceDetector ─ Tokenizer ─ Normalizer (lowercase) ─ StopWordsCleaner ─ clean
 *                                                           └─ TextMatcher (the lexicon's phrases, ignoring case) ─ matches
 * </pre>
 * then {@code term_counts} (the cleaned tokens, exploded and counted) and {@code sector_counts} (the matches,
 * lower-cased, joined to the lexicon's phrases and counted by sector), both written as Parquet under {@code out}.
 * The annotated columns are persisted so the pipeline runs once for both counts. The TextMatcher gets the
 * lexicon's phrases as written (no plurals or spelling variants) from a temporary file, as it requires.
 */
public final class NaiveNlpPipeline {

  private NaiveNlpPipeline() {}

  /** Runs the contender on the JSON Lines corpus {@code corpus} into the directory {@code out}. */
  public static void run(SparkSession spark, String corpus, SectorLexicon lexicon, String out) throws IOException {
    Path phrases = Files.createTempFile("visitlens-naive-phrases-", ".txt");
    try {
      Files.write(phrases, english(lexicon).entries().stream().map(SectorLexicon.Entry::phrase).toList(),
          StandardCharsets.UTF_8);
      Dataset<Row> articles = spark.read().schema("id STRING, text STRING").json(corpus)
          .where(col("text").isNotNull());
      PipelineModel model = pipeline(phrases).fit(articles);
      Dataset<Row> annotated = model.transform(articles)
          .select(col("id").as("doc_id"), col("clean.result").as("terms"), col("sector_matches.result").as("matches"))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        annotated.select(explode(col("terms")).as("term"))
            .groupBy(col("term")).count()
            .write().mode(SaveMode.Overwrite).parquet(out + "/term_counts");
        annotated.select(explode(col("matches")).as("match"))
            .select(lower(col("match")).as("phrase"))
            .join(broadcast(phraseSectors(spark, lexicon)), "phrase")
            .groupBy(col("sector")).count()
            .write().mode(SaveMode.Overwrite).parquet(out + "/sector_counts");
      } finally {
        annotated.unpersist();
      }
    } finally {
      Files.deleteIfExists(phrases);
    }
  }

  static Pipeline pipeline(Path phrases) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol("text");
    document.setOutputCol("document");

    SentenceDetector sentence = new SentenceDetector();
    sentence.setInputCols(new String[] {document.getOutputCol()});
    sentence.setOutputCol("sentence");

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {sentence.getOutputCol()});
    tokenizer.setOutputCol("token");

    Normalizer normalizer = new Normalizer();
    normalizer.setInputCols(new String[] {tokenizer.getOutputCol()});
    normalizer.setOutputCol("normalized");
    normalizer.setLowercase(true);

    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {normalizer.getOutputCol()});
    stopWords.setOutputCol("clean");

    TextMatcher matcher = new TextMatcher();
    matcher.setInputCols(new String[] {sentence.getOutputCol(), tokenizer.getOutputCol()});
    matcher.setOutputCol("sector_matches");
    matcher.setCaseSensitive(false);
    matcher.setEntities(phrases.toUri().toString(), ReadAs.TEXT(),
        new scala.collection.immutable.Map.Map1<>("format", "text"));

    return new Pipeline().setStages(new PipelineStage[] {document, sentence, tokenizer, normalizer, stopWords, matcher});
  }

  /** The naive pipeline is English (Spark NLP's rule-based annotators): the lexicon's English rows. */
  private static SectorLexicon english(SectorLexicon lexicon) {
    return lexicon.onlyLanguage(SectorLexicon.ENGLISH);
  }

  /** The lexicon's phrases, lower-cased, with their sector: a small table for a broadcast join. */
  private static Dataset<Row> phraseSectors(SparkSession spark, SectorLexicon lexicon) {
    List<Tuple2<String, String>> rows = english(lexicon).entries().stream()
        .map(e -> new Tuple2<>(e.phrase().toLowerCase(Locale.ROOT), e.sector())).distinct().toList();
    return spark.createDataset(rows, Encoders.tuple(Encoders.STRING(), Encoders.STRING())).toDF("phrase", "sector");
  }
}
