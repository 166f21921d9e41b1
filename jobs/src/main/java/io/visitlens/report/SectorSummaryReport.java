package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.visitlens.io.ReportWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code sector_summary}: one row per catalogued visit and lexicon sector (zeros included), by {@code visit_id},
 * {@code rank}, {@code sector}.
 */
public final class SectorSummaryReport {
  public static final String NAME = "sector_summary";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "sector", STRING, "mentions", LONG, "documents", LONG, "doc_share", DOUBLE,
      "share", DOUBLE, "per_10k_tokens", DOUBLE, "rank", INT), SectorSummaryReport::plan,
      "visit_id", "rank", "sector");

  private SectorSummaryReport() {}

  /** A local relation of (catalogued visits + 1) × sectors rows at most. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.sorted(p.sectorSummary(), (p.catalog().visits().size() + 1L) * p.lexicon().sectors().size());
  }

  /**
   * One row per visit and sector (every catalogued visit × every lexicon sector, zeros included).
   *
   * @param mentions  sector_mentions
   * @param documents the documents report (for each visit's documents and tokens)
   */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> mentions, Dataset<Row> documents,
      List<String> visitIds, List<String> sectors) {
    Map<List<String>, long[]> perSector = new HashMap<>();
    for (Row r : SectorReports.boundedCollect(mentions.groupBy("visit_id", "sector")
        .agg(count(lit(1)).as("mentions"), countDistinct(col("doc_id")).as("documents")), "sector mentions by visit")) {
      perSector.put(Arrays.asList(r.getString(0), r.getString(1)), new long[] {r.getLong(2), r.getLong(3)});
    }
    return build(spark, perSector, documents, visitIds, sectors);
  }

  /**
   * {@link #build(SparkSession, Dataset, Dataset, List, List)} from the mentions already counted per visit and
   * sector ({@link SectorReports.CorpusCounts#byVisitSector}): computed on the driver, since the counts are bounded by the
   * catalogue and the lexicon whatever the corpus (joins and a window over a handful of rows cost Spark more than the
   * counting).
   *
   * @param perSector [visit_id (null for none), sector] → {mentions, documents}
   */
  public static Dataset<Row> build(SparkSession spark, Map<List<String>, long[]> perSector,
      Dataset<Row> documents, List<String> visitIds, List<String> sectors) {
    Map<String, long[]> perVisit = new HashMap<>();
    for (Row r : SectorReports.boundedCollect(documents.where(col("visit_id").isNotNull()).groupBy("visit_id").agg(
        count(lit(1)).as("visit_documents"), sum(col("n_tokens")).cast("long").as("visit_tokens")),
        "documents by visit")) {
      perVisit.put(r.getString(0), new long[] {r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2)});
    }
    List<Row> rows = new ArrayList<>();
    for (String v : visitIds) {
      long[] visit = perVisit.getOrDefault(v, new long[2]);
      long total = 0;
      List<long[]> counts = new ArrayList<>();
      for (String sector : sectors) {
        long[] c = perSector.getOrDefault(Arrays.asList(v, sector), new long[2]);
        counts.add(c);
        total += c[0];
      }
      for (int i = 0; i < sectors.size(); i++) {
        long[] c = counts.get(i);
        int rank = 1;
        for (long[] other : counts) {
          if (other[0] > c[0]) {
            rank++;
          }
        }
        rows.add(RowFactory.create(v, sectors.get(i), c[0], c[1], ratio(c[1], visit[0]), ratio(c[0], total),
            ratio(c[0] * 10_000.0, visit[1]), rank));
      }
    }
    return spark.createDataFrame(rows, SUMMARY_SCHEMA);
  }

  /** The rows' schema: {@link #REPORT}'s columns, with the nullability the Parquet files have always had. */
  static final StructType SUMMARY_SCHEMA = REPORT.schemaRequiring("visit_id", "sector", "mentions", "documents",
      "rank");

  /** x / y, 0 when y is 0 (an empty visit has no share of anything). */
  private static double ratio(double x, long y) {
    return y == 0 ? 0.0 : x / y;
  }
}
