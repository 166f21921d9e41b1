package io.visitlens.report;

import static io.visitlens.report.Report.DATE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.visitlens.config.Visit;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.ReportWriter;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code visits}: one row per catalogued visit, by {@code start_date}, {@code visit_id}. */
public final class VisitsReport {
  public static final String NAME = "visits";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "label", STRING, "start_date", DATE, "end_date", DATE, "host_city", STRING,
      "host_country", STRING, "n_documents", INT, "n_tokens", LONG), VisitsReport::plan,
      "start_date", "visit_id");

  private VisitsReport() {}

  /** One row per catalogued visit. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.sorted(build(p.spark(), p.catalog(), p.documents()), p.catalog().visits().size());
  }

  /**
   * One row per catalogued visit, with how many documents and counted tokens were attributed to it: from the
   * catalogue and the written {@code documents} report.
   */
  public static Dataset<Row> build(SparkSession spark, VisitCatalog catalog, Dataset<Row> documentsReport) {
    StructType schema = new StructType()
        .add("visit_id", DataTypes.StringType, false)
        .add("label", DataTypes.StringType, false)
        .add("start_date", DataTypes.DateType, false)
        .add("end_date", DataTypes.DateType, false)
        .add("host_city", DataTypes.StringType, false)
        .add("host_country", DataTypes.StringType, false);
    List<Row> rows = new ArrayList<>();
    for (Visit v : catalog.visits()) {
      rows.add(RowFactory.create(v.visitId(), v.label(), Date.valueOf(v.startDate()), Date.valueOf(v.endDate()),
          v.hostCity(), v.hostCountry()));
    }
    Dataset<Row> perVisit = documentsReport.where(col("visit_id").isNotNull()).groupBy(col("visit_id")).agg(
        countDistinct(col("doc_id")).cast("int").as("n_documents"),
        sum(col("n_tokens")).cast("long").as("n_tokens"));
    return spark.createDataFrame(rows, schema)
        .join(perVisit, "visit_id", "left")
        .select(col("visit_id"), col("label"), col("start_date"), col("end_date"), col("host_city"),
            col("host_country"), coalesce(col("n_documents"), lit(0)).as("n_documents"),
            coalesce(col("n_tokens"), lit(0L)).as("n_tokens"));
  }
}
