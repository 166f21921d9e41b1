package io.visitlens.report;

import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.visitlens.io.ReportWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code rejected_documents}: one row per article that could not be processed, by {@code doc_id},
 * {@code source_path}, {@code reason} (a total order: rows equal in all three are equal in every column).
 */
public final class RejectedDocumentsReport {
  public static final String NAME = "rejected_documents";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "source_path", STRING, "reason", STRING, "reason_class", STRING), RejectedDocumentsReport::plan,
      "doc_id", "source_path", "reason");

  private RejectedDocumentsReport() {}

  /** The report's rows, sorted and kept by the analysis. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.rejected());
  }

  /** The report from the articles as read, with their {@code reject_reason} and {@code reject_class}. */
  public static Dataset<Row> build(Dataset<Row> articles) {
    return articles.where(col("reject_reason").isNotNull())
        .select(coalesce(col("doc_id"), lit("")).as("doc_id"), col("source_path"), col("reject_reason").as("reason"),
            col("reject_class").as("reason_class"));
  }
}
