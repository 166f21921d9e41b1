package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.transform.Terms;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The term reports: {@code term_frequencies} (counts of unigrams to trigrams per corpus, visit and document),
 * from the per-document counts of {@link #documentTermCounts}; every step is distributed, and no window runs
 * over a whole vocabulary.
 */
public final class TermReports {

  /** The sort order of {@code term_frequencies}. */
  public static final String[] TERM_FREQUENCIES_ORDER = {"scope", "scope_id", "ngram", "rank", "term"};

  /** The {@code scope} values of {@code term_frequencies}. */
  public static final String CORPUS = "corpus";
  public static final String VISIT = "visit";
  public static final String DOCUMENT = "document";

  private TermReports() {}

  /**
   * How often each n-gram of order 1 to {@link Terms#MAX_ORDER} occurs in each document of the annotated
   * corpus: one row per ({@code doc_id}, {@code visit_id}, {@code ngram}, {@code term}, {@code stem}) with its
   * {@code count} (long). Documents whose sentences hold no term have no row.
   */
  public static Dataset<Row> documentTermCounts(Dataset<Row> corpus) {
    return Terms.explodeNgrams(corpus, Terms.MAX_ORDER)
        .groupBy(col("doc_id"), col("visit_id"), col("ngram"), col("term"), col("stem"))
        .agg(count(lit(1)).as("count"));
  }

  /**
   * The {@code term_frequencies} report, from {@link #documentTermCounts}: every term of every n-gram order
   * in three scopes, the whole corpus ({@code scope_id} empty), each visit (documents without a visit are in
   * the corpus and document scopes only) and each document.
   *
   * <ul>
   *   <li>{@code count}: occurrences in the scope; {@code doc_freq}: documents of the scope that contain it;</li>
   *   <li>{@code per_10k} = count × 10,000 / (occurrences of all terms of that n-gram order in the scope);</li>
   *   <li>{@code tf_idf} = count × ln(N / df), N = {@code nDocuments}, df = the term's doc_freq in the corpus
   *       (the same idf in every scope; 0 for a term in every document);</li>
   *   <li>{@code rank}: competition rank by count within (scope, scope_id, ngram), 1 for the most frequent,
   *       ties sharing a rank (1, 2, 2, 4);</li>
   *   <li>{@code stem}: the stems of the term's tokens joined by a space.</li>
   * </ul>
   *
   * Bounds: the corpus and visit scopes keep the terms with count ≥ {@code minCount}; the document scope
   * keeps the first {@code topPerDocument} terms of each document and n-gram order by count descending, then
   * term ascending. Denominators, doc_freq and ranks are computed before either cut.
   *
   * @param termCounts     {@link #documentTermCounts}
   * @param nDocuments     N, the number of documents in the annotated corpus
   * @param minCount       the smallest count kept in the corpus and visit scopes, ≥ 1
   * @param topPerDocument terms kept per document and n-gram order, ≥ 1
   */
  public static Dataset<Row> termFrequencies(Dataset<Row> termCounts, long nDocuments, int minCount,
      int topPerDocument) {
    if (minCount < 1 || topPerDocument < 1) {
      throw new IllegalArgumentException("need minCount >= 1 and topPerDocument >= 1, got " + minCount + ", "
          + topPerDocument);
    }
    Dataset<Row> counts = termCounts.withColumn("corpus_doc_freq",
        count(lit(1)).over(Window.partitionBy(col("ngram"), col("term"))));

    Dataset<Row> corpusScope = counts
        .groupBy(col("ngram"), col("term"), col("stem"), col("corpus_doc_freq"))
        .agg(sum(col("count")).as("count"), count(lit(1)).as("doc_freq"))
        .select(lit(CORPUS).as("scope"), lit("").as("scope_id"), col("ngram"), col("term"), col("stem"),
            col("count"), col("doc_freq"), col("corpus_doc_freq"), lit(null).cast("int").as("position"));
    Dataset<Row> visitScope = counts.where(col("visit_id").isNotNull())
        .groupBy(col("visit_id"), col("ngram"), col("term"), col("stem"), col("corpus_doc_freq"))
        .agg(sum(col("count")).as("count"), count(lit(1)).as("doc_freq"))
        .select(lit(VISIT).as("scope"), col("visit_id").as("scope_id"), col("ngram"), col("term"), col("stem"),
            col("count"), col("doc_freq"), col("corpus_doc_freq"), lit(null).cast("int").as("position"));
    WindowSpec inDocument = Window.partitionBy(col("doc_id"), col("ngram"))
        .orderBy(col("count").desc(), col("term").asc());
    Dataset<Row> documentScope = counts
        .select(lit(DOCUMENT).as("scope"), col("doc_id").as("scope_id"), col("ngram"), col("term"), col("stem"),
            col("count"), lit(1L).as("doc_freq"), col("corpus_doc_freq"),
            row_number().over(inDocument).as("position"));

    Dataset<Row> all = corpusScope.unionByName(visitScope).unionByName(documentScope);
    Dataset<Row> kept = all.where(when(col("scope").equalTo(DOCUMENT), col("position").leq(topPerDocument))
        .otherwise(col("count").geq(minCount)));

    return kept.join(countProfile(all), new String[] {"scope", "scope_id", "ngram", "count"})
        .select(col("scope"), col("scope_id"), col("term"), col("ngram"), col("count"),
            col("count").multiply(10_000.0).divide(col("scope_total")).as("per_10k"),
            col("doc_freq"),
            col("count").multiply(log(lit((double) nDocuments).divide(col("corpus_doc_freq")))).as("tf_idf"),
            col("rank"), col("stem"));
  }

  /**
   * Per (scope, scope_id, ngram, count): the competition rank of that count and the scope's total count of
   * the n-gram order. Computed on the profile of counts (how many terms have each count), which has a few
   * hundred rows where the vocabulary has millions, so that no window sorts a whole vocabulary:
   * rank = 1 + the number of terms with a larger count.
   */
  private static Dataset<Row> countProfile(Dataset<Row> all) {
    WindowSpec scope = Window.partitionBy(col("scope"), col("scope_id"), col("ngram"));
    return all.groupBy(col("scope"), col("scope_id"), col("ngram"), col("count"))
        .agg(count(lit(1)).as("n_terms"))
        .select(col("scope"), col("scope_id"), col("ngram"), col("count"),
            sum(col("n_terms")).over(scope.orderBy(col("count").desc()))
                .minus(col("n_terms")).plus(1).cast("int").as("rank"),
            sum(col("count").multiply(col("n_terms"))).over(scope).as("scope_total"));
  }
}
