package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.ReportWriter;
import io.visitlens.stats.Keyness;
import io.visitlens.stats.MultipleTesting;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code term_keyness}: one row per document language, term of visit A or B in that language and n-gram order, by
 * {@code language}, {@code ngram}, {@code z_score} descending, {@code term}. Visits are compared within one language:
 * a term is weighed against the other terms of its language only.
 */
public final class TermKeynessReport {
  public static final String NAME = "term_keyness";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "language", STRING, "term", STRING, "ngram", INT, "visit_a", STRING, "visit_b", STRING, "count_a", LONG, "count_b", LONG,
      "total_a", LONG, "total_b", LONG, "alpha_w", DOUBLE, "alpha_0", DOUBLE, "log_odds", DOUBLE,
      "z_score", DOUBLE, "g2", DOUBLE, "log_ratio", DOUBLE, "p_value", DOUBLE, "q_value", DOUBLE,
      "log_ratio_ci_low", DOUBLE, "log_ratio_ci_high", DOUBLE, "n_articles_a", LONG, "n_articles_b", LONG),
      TermKeynessReport::plan,
      "language", "ngram", "z_score desc", "term");

  private TermKeynessReport() {}

  /** One row per term of A or B at most: the vocabulary bounds it. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.sorted(withIntervals(p.keyness(), p.keynessIntervals()), p.vocabulary());
  }

  /**
   * The keyness rows with the article-level intervals of their log ratio ({@link KeynessBootstrap}: the top terms of
   * each language and order; empty for the others), in the report's columns.
   */
  public static Dataset<Row> withIntervals(Dataset<Row> keyness, Dataset<Row> intervals) {
    Dataset<Row> joined = keyness.join(org.apache.spark.sql.functions.broadcast(intervals),
        new String[] {"language", "ngram", "term"}, "left");
    return REPORT.select(joined);
  }

  // Keyness statistics of io.visitlens.stats.Keyness as UDFs; counts are longs, the prior doubles.

  // Null without a usable prior (Keyness.usablePrior), as in emphasis_comparison.
  private static final UserDefinedFunction LOG_ODDS = udf(
      (UDF6<Long, Long, Long, Long, Double, Double, Double>) (ya, na, yb, nb, aw, a0) ->
          Keyness.usablePrior(aw, a0) ? Keyness.logOddsDelta(ya, na, yb, nb, aw, a0) : null, DataTypes.DoubleType);

  private static final UserDefinedFunction Z_SCORE = udf(
      (UDF6<Long, Long, Long, Long, Double, Double, Double>) (ya, na, yb, nb, aw, a0) ->
          Keyness.usablePrior(aw, a0) ? Keyness.logOddsZ(ya, na, yb, nb, aw, a0) : null, DataTypes.DoubleType);

  private static final UserDefinedFunction G2 = udf(
      (UDF4<Long, Long, Long, Long, Double>) Keyness::g2, DataTypes.DoubleType);

  private static final UserDefinedFunction LOG_RATIO = udf(
      (UDF4<Long, Long, Long, Long, Double>) Keyness::logRatio, DataTypes.DoubleType);

  private static final UserDefinedFunction P_VALUE = udf(
      (UDF1<Double, Double>) Keyness::pValueChi2df1, DataTypes.DoubleType);

  /**
   * The {@code term_keyness} report, from {@link TermReports#documentTermCounts}: visit A against visit B, within each
   * document language, for every term of the language that occurs in A or B, all n-gram orders. Positive statistics
   * mean the term is used more in B.
   *
   * <ul>
   *   <li>{@code count_a}, {@code count_b}: the term's counts in the documents of A and of B in the language;
   *       {@code total_a}, {@code total_b}: occurrences of all terms of that language and n-gram order in A and
   *       in B;</li>
   *   <li>{@code alpha_w} = scale × the term's count in the whole corpus's documents of the language (with or
   *       without a visit), {@code alpha_0} = Σ α_w over the language's vocabulary of that order = scale × the
   *       language's corpus total of the order: the informative Dirichlet prior of Monroe, Colaresi &amp; Quinn
   *       (2008);</li>
   *   <li>{@code log_odds}, {@code z_score}: {@link Keyness#logOddsDelta}, {@link Keyness#logOddsZ}; null when
   *       the order has a single term in the whole corpus (α_0 = α_w, no odds);</li>
   *   <li>{@code g2}: {@link Keyness#g2}, signed; {@code log_ratio}: {@link Keyness#logRatio};
   *       {@code p_value}: {@link Keyness#pValueChi2df1} of g2;</li>
   *   <li>{@code q_value}: Benjamini–Hochberg over the terms of the language and n-gram order (the window recipe
   *       of {@link io.visitlens.stats.MultipleTesting#withQValues}).</li>
   * </ul>
   *
   * A language and n-gram order with no occurrence in A or none in B has no rows: with an empty side there is
   * nothing to compare, so a language only one visit was covered in has no rows, and a visit without documents
   * gives an empty table.
   */
  public static Dataset<Row> ofDocumentCounts(Dataset<Row> termCounts, String visitA, String visitB,
      double priorScale) {
    return build(TermReports.visitTermCounts(termCounts), visitA, visitB, priorScale);
  }

  /** {@link #ofDocumentCounts} from the {@link TermReports#visitTermCounts} of the per-document counts. */
  public static Dataset<Row> build(Dataset<Row> visitTermCounts, String visitA, String visitB, double priorScale) {
    if (!(priorScale > 0.0) || Double.isInfinite(priorScale)) {
      throw new IllegalArgumentException("the prior scale must be finite and > 0, got " + priorScale);
    }
    Column inA = col("visit_id").equalTo(visitA);
    Column inB = col("visit_id").equalTo(visitB);
    Dataset<Row> ab = visitTermCounts.where(inA.or(inB));

    String[] order = {"language", "ngram"};
    Dataset<Row> pooled = visitTermCounts.groupBy(col("language"), col("ngram"), col("term"))
        .agg(sum(col("count")).as("pooled_count"));
    Dataset<Row> pooledTotals = visitTermCounts.groupBy(col("language"), col("ngram"))
        .agg(sum(col("count")).as("pooled_total"));
    Dataset<Row> counts = ab.groupBy(col("language"), col("ngram"), col("term")).agg(
        sum(when(inA, col("count")).otherwise(0L)).as("count_a"),
        sum(when(inB, col("count")).otherwise(0L)).as("count_b"));
    Dataset<Row> totals = ab.groupBy(col("language"), col("ngram")).agg(
        sum(when(inA, col("count")).otherwise(0L)).as("total_a"),
        sum(when(inB, col("count")).otherwise(0L)).as("total_b"));

    Column[] args = {col("count_a"), col("total_a"), col("count_b"), col("total_b")};
    Dataset<Row> scored = counts
        .join(pooled.hint(TermReports.SHUFFLE_HASH), new String[] {"language", "ngram", "term"})
        .join(totals.where(col("total_a").gt(0).and(col("total_b").gt(0))), order)
        .join(pooledTotals, order)
        .select(col("language"), col("term"), col("ngram"), lit(visitA).as("visit_a"), lit(visitB).as("visit_b"),
            col("count_a"), col("count_b"), col("total_a"), col("total_b"),
            col("pooled_count").multiply(priorScale).as("alpha_w"),
            col("pooled_total").multiply(priorScale).as("alpha_0"))
        .select(col("*"),
            LOG_ODDS.apply(args[0], args[1], args[2], args[3], col("alpha_w"), col("alpha_0")).as("log_odds"),
            Z_SCORE.apply(args[0], args[1], args[2], args[3], col("alpha_w"), col("alpha_0")).as("z_score"),
            G2.apply(args).as("g2"),
            LOG_RATIO.apply(args).as("log_ratio"))
        .withColumn("p_value", P_VALUE.apply(col("g2")));
    return MultipleTesting.withQValues(scored, "p_value", "q_value", "language", "ngram");
  }
}
