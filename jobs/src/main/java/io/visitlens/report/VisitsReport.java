package io.visitlens.report;

import static io.visitlens.report.Report.DATE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.config.VisitCatalog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code visits}: one row per catalogued visit, by {@code start_date}, {@code visit_id}. */
public final class VisitsReport {
  public static final String NAME = "visits";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "label", STRING, "start_date", DATE, "end_date", DATE, "host_city", STRING,
      "host_country", STRING, "n_documents", INT, "n_tokens", LONG),
      "start_date", "visit_id");

  private VisitsReport() {}

  /** The report from the catalogue and the written {@code documents} report. */
  public static Dataset<Row> build(SparkSession spark, VisitCatalog catalog, Dataset<Row> documentsReport) {
    return CorpusReports.visits(spark, catalog, documentsReport);
  }
}
