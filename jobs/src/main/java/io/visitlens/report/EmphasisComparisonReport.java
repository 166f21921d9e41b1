package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

/**
 * {@code emphasis_comparison}: one row per sector mentioned in visit A or B, by {@code sector}. Built by
 * {@link SectorReports#emphasisComparison} from {@code sector_summary} and the pooled sector counts.
 */
public final class EmphasisComparisonReport {
  public static final String NAME = "emphasis_comparison";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "sector", STRING, "visit_a", STRING, "visit_b", STRING, "mentions_a", LONG, "mentions_b", LONG,
      "total_a", LONG, "total_b", LONG, "share_a", DOUBLE, "share_b", DOUBLE, "delta_pp", DOUBLE,
      "doc_share_a", DOUBLE, "doc_share_b", DOUBLE, "alpha_w", DOUBLE, "alpha_0", DOUBLE, "log_odds", DOUBLE,
      "z_score", DOUBLE, "trend", STRING),
      "sector");

  private EmphasisComparisonReport() {}
}
