package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.visitlens.transform.Terms;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the term reports share, and {@code term_frequencies}'s computation: the term pass over the annotated corpus
 * (per-document counts, {@link #documentTermCounts}), the per-visit counts both reports read
 * ({@link #visitTermCounts}), and the frequencies in their three scopes. {@code term_keyness} is built by
 * {@link TermKeynessReport}. Every step is distributed, and no window runs over a whole vocabulary except the
 * Benjamini–Hochberg step of the keyness, one per n-gram order.
 */
public final class TermReports {

  /**
   * The join strategy for joining the vocabulary to per-term rows: a hash table of the vocabulary's rows in each
   * shuffle partition, so neither side is sorted for the join (a sort-merge join sorted both, millions of rows).
   */
  static final String SHUFFLE_HASH = "shuffle_hash";

  private TermReports() {}

  /**
   * How often each n-gram of order 1 to {@link Terms#MAX_ORDER} occurs in each document of the annotated
   * corpus: one row per ({@code doc_id}, {@code visit_id}, {@code ngram}, {@code term}, {@code stem}) with its
   * {@code count} (long). Documents whose sentences hold no term have no row.
   */
  public static Dataset<Row> documentTermCounts(Dataset<Row> corpus) {
    return Terms.countPerDocument(corpus, Terms.MAX_ORDER, false);
  }

  /**
   * {@link #documentTermCounts} of a corpus whose documents' sentences are together in one partition each, as
   * {@link io.visitlens.transform.Annotations#annotate} gives them: counted with no shuffle.
   */
  public static Dataset<Row> documentTermCountsOfAnnotated(Dataset<Row> corpus) {
    return Terms.countPerDocument(corpus, Terms.MAX_ORDER, true);
  }

  /**
   * {@link #documentTermCountsOfAnnotated} cut to each document's first {@code topPerDocument} terms of each order
   * (the document scope of {@link #termFrequencies} keeps no more), as they are counted.
   */
  public static Dataset<Row> documentTermCountsOfAnnotated(Dataset<Row> corpus, int topPerDocument) {
    return Terms.countPerDocumentOfContiguous(corpus, Terms.MAX_ORDER, topPerDocument);
  }

  /**
   * Both term counts of the annotated corpus in one pass ({@link Terms#countOfContiguous}): each document's first
   * {@code topPerDocument} terms of each order and the per-visit partial sums; split with
   * {@link Terms#documentRows} (the same rows as {@link #documentTermCountsOfAnnotated(Dataset, int)}) and
   * {@link Terms#visitSums} (those of {@link #visitTermCountsOfAnnotated}). Persist it when using both.
   */
  public static Dataset<Row> termPassOfAnnotated(Dataset<Row> corpus, int topPerDocument) {
    return Terms.countOfContiguous(corpus, Terms.MAX_ORDER, topPerDocument);
  }

  /**
   * {@link #visitTermCounts} of the annotated corpus, counted without a row per document and term
   * ({@link Terms#countPerVisitOfContiguous}).
   */
  public static Dataset<Row> visitTermCountsOfAnnotated(Dataset<Row> corpus) {
    return Terms.countPerVisitOfContiguous(corpus, Terms.MAX_ORDER);
  }

  /**
   * The per-document term counts added up per visit: one row per ({@code visit_id}, {@code language},
   * {@code ngram}, {@code term}, {@code stem}) with {@code count} (occurrences in the visit's documents) and {@code doc_freq} (its documents
   * that contain the term); documents without a visit make the rows whose {@code visit_id} is null. Every
   * corpus-wide and visit-wide figure of the term reports is a sum over these rows, so the job aggregates the
   * per-document counts (the largest table after the annotated corpus) once and keeps this instead.
   */
  public static Dataset<Row> visitTermCounts(Dataset<Row> termCounts) {
    return termCounts.groupBy(col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count"), count(lit(1)).as("doc_freq"));
  }
}
