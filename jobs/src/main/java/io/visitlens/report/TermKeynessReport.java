package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code term_keyness}: one row per term of visit A or B and n-gram order, by {@code ngram}, {@code z_score}
 * descending, {@code term}.
 */
public final class TermKeynessReport {
  public static final String NAME = "term_keyness";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "term", STRING, "ngram", INT, "visit_a", STRING, "visit_b", STRING, "count_a", LONG, "count_b", LONG,
      "total_a", LONG, "total_b", LONG, "alpha_w", DOUBLE, "alpha_0", DOUBLE, "log_odds", DOUBLE,
      "z_score", DOUBLE, "g2", DOUBLE, "log_ratio", DOUBLE, "p_value", DOUBLE, "q_value", DOUBLE),
      "ngram", "z_score desc", "term");

  private TermKeynessReport() {}

  /** The report from the per-visit term counts, A against B. */
  public static Dataset<Row> build(Dataset<Row> visitTermCounts, String visitA, String visitB, double priorScale) {
    return TermReports.termKeynessOfVisitCounts(visitTermCounts, visitA, visitB, priorScale);
  }
}
