package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

/**
 * {@code sector_summary}: one row per catalogued visit and lexicon sector (zeros included), by {@code visit_id},
 * {@code rank}, {@code sector}. Built by {@link SectorReports#sectorSummary} from the corpus's sector counts.
 */
public final class SectorSummaryReport {
  public static final String NAME = "sector_summary";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "sector", STRING, "mentions", LONG, "documents", LONG, "doc_share", DOUBLE,
      "share", DOUBLE, "per_10k_tokens", DOUBLE, "rank", INT),
      "visit_id", "rank", "sector");

  private SectorSummaryReport() {}
}
