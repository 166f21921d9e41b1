package io.visitlens.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's floor: a Spark ML word count over the same corpus, the least any term count can cost.
 *
 * <pre>
 *   text ─ RegexTokenizer (lowercase, split at non-letters/digits) ─ StopWordsRemover (Spark's English list) ─ words
 * </pre>
 * then the words exploded and counted ({@code word}, {@code count}), written as Parquet to {@code out}.
 */
public final class WordCountBaseline {

  /** What the tokenizer splits at: anything but letters, combining marks and digits. */
  public static final String SPLIT_PATTERN = "[^\\p{L}\\p{M}\\p{N}]+";

  private WordCountBaseline() {}

  /** Runs the contender on the JSON Lines corpus {@code corpus} into the Parquet directory {@code out}. */
  public static void run(SparkSession spark, String corpus, String out) {
    Dataset<Row> articles = spark.read().schema("id STRING, text STRING").json(corpus)
        .where(col("text").isNotNull());
    RegexTokenizer tokenizer = new RegexTokenizer().setInputCol("text").setOutputCol("words")
        .setPattern(SPLIT_PATTERN).setToLowercase(true);
    StopWordsRemover stopWords = new StopWordsRemover().setInputCol(tokenizer.getOutputCol()).setOutputCol("filtered");
    Dataset<Row> words = new Pipeline().setStages(new PipelineStage[] {tokenizer, stopWords}).fit(articles)
        .transform(articles);
    words.select(explode(col(stopWords.getOutputCol())).as("word"))
        .groupBy(col("word")).count()
        .write().mode(SaveMode.Overwrite).parquet(out);
  }
}
