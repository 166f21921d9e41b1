package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.visitlens.io.ReportWriter;
import io.visitlens.stats.ArticleBootstrap;
import io.visitlens.stats.Keyness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** {@code emphasis_comparison}: one row per sector mentioned in visit A or B, by {@code sector}. */
public final class EmphasisComparisonReport {
  public static final String NAME = "emphasis_comparison";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "sector", STRING, "visit_a", STRING, "visit_b", STRING, "mentions_a", LONG, "mentions_b", LONG,
      "total_a", LONG, "total_b", LONG, "share_a", DOUBLE, "share_b", DOUBLE, "delta_pp", DOUBLE,
      "doc_share_a", DOUBLE, "doc_share_b", DOUBLE, "alpha_w", DOUBLE, "alpha_0", DOUBLE, "log_odds", DOUBLE,
      "z_score", DOUBLE, "trend", STRING, "share_a_ci_low", DOUBLE, "share_a_ci_high", DOUBLE,
      "share_b_ci_low", DOUBLE, "share_b_ci_high", DOUBLE, "delta_pp_ci_low", DOUBLE, "delta_pp_ci_high", DOUBLE,
      "p_bootstrap", DOUBLE, "n_articles_a", LONG, "n_articles_b", LONG, "confidence", DOUBLE),
      EmphasisComparisonReport::plan,
      "sector");

  private EmphasisComparisonReport() {}

  /** A local relation of one row per sector at most. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.sorted(build(p.sectorSummary(), p.sectorCounts().pooledBySector(), p.visitA(), p.visitB(),
        p.options().priorScale(), p.emphasisBootstrap()), p.lexicon().sectors().size());
  }

  /**
   * One row per sector mentioned in visit A or B: how its share of the sector mentions moved from A to B, and
   * whether that is more than chance, by the log-odds ratio with an informative Dirichlet prior (Monroe,
   * Colaresi &amp; Quinn 2008) whose α_w is {@code priorScale} × the sector's mentions over the whole corpus.
   *
   * @param summary  sector_summary
   * @param mentions sector_mentions (for the pooled prior over every document, attributed or not)
   */
  public static Dataset<Row> build(Dataset<Row> summary, Dataset<Row> mentions, String visitA,
      String visitB, double priorScale) {
    Map<String, Long> pooled = new HashMap<>();
    for (Row r : SectorReports.boundedCollect(mentions.groupBy("sector").agg(count(lit(1)).as("pooled")), "mentions by sector")) {
      pooled.put(r.getString(0), r.getLong(1));
    }
    return build(summary, pooled, visitA, visitB, priorScale);
  }

  /**
   * {@link #build(Dataset, Dataset, String, String, double)} from each sector's mentions over the whole
   * corpus ({@link SectorReports.CorpusCounts#pooledBySector}), already counted.
   */
  public static Dataset<Row> build(Dataset<Row> summary, Map<String, Long> pooled,
      String visitA, String visitB, double priorScale) {
    return build(summary, pooled, visitA, visitB, priorScale, null);
  }

  /**
   * {@link #build(Dataset, Map, String, String, double)} with the article-level bootstrap's intervals
   * ({@link EmphasisBootstrap}); null leaves the interval columns and the article counts null.
   */
  public static Dataset<Row> build(Dataset<Row> summary, Map<String, Long> pooled,
      String visitA, String visitB, double priorScale, EmphasisBootstrap.Result bootstrap) {
    // sector → [mentions, share, doc_share] of each side, and the side's total; bounded by the lexicon.
    Map<String, Object[]> a = new TreeMap<>(SectorReports::compareUtf8);
    Map<String, Object[]> b = new TreeMap<>(SectorReports::compareUtf8);
    long[] totals = new long[2];
    for (Row r : SectorReports.boundedCollect(summary.where(col("visit_id").isin(visitA, visitB)
        .and(col("language").equalTo(SectorSummaryReport.ALL_LANGUAGES)))
        .select(col("visit_id"), col("sector"), col("mentions"), col("share"), col("doc_share")), "sector_summary")) {
      boolean isA = visitA.equals(r.getString(0));
      (isA ? a : b).put(r.getString(1), new Object[] {r.getLong(2), r.get(3), r.get(4)});
      totals[isA ? 0 : 1] += r.getLong(2);
      if (visitA.equals(visitB)) {
        b.put(r.getString(1), new Object[] {r.getLong(2), r.get(3), r.get(4)});
        totals[1] += r.getLong(2);
      }
    }
    long pooledTotal = 0;
    for (long n : pooled.values()) {
      pooledTotal += n;
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Object[]> e : a.entrySet()) {
      Object[] sb = b.get(e.getKey());
      if (sb == null) {
        continue;
      }
      Object[] sa = e.getValue();
      long ma = (Long) sa[0];
      long mb = (Long) sb[0];
      if (ma + mb <= 0) {
        continue;
      }
      Long p = pooled.get(e.getKey());
      Double alphaW = p == null ? null : p * priorScale;
      Double alpha0 = p == null ? null : pooledTotal * priorScale;
      Double logOdds = null;
      Double z = null;
      if (Keyness.usablePrior(alphaW, alpha0)) {
        Keyness.LogOdds lo = Keyness.logOddsDirichlet(ma, totals[0], mb, totals[1], alphaW, alpha0);
        logOdds = lo.logOdds();
        z = lo.zScore();
      }
      Double shareA = (Double) sa[1];
      Double shareB = (Double) sb[1];
      int direction = Keyness.direction(z);
      String trend = ma == 0 ? "new" : mb == 0 ? "dropped" : direction > 0 ? "rising" : direction < 0 ? "falling"
          : "stable";
      ArticleBootstrap.Interval ci = bootstrap == null ? null : bootstrap.bySector().get(e.getKey());
      rows.add(RowFactory.create(e.getKey(), visitA, visitB, ma, mb, totals[0], totals[1], shareA, shareB,
          shareA == null || shareB == null ? null : (shareB - shareA) * 100.0, sa[2], sb[2], alphaW, alpha0, logOdds,
          z, trend, ci == null ? null : ci.shareALow(), ci == null ? null : ci.shareAHigh(),
          ci == null ? null : ci.shareBLow(), ci == null ? null : ci.shareBHigh(),
          ci == null ? null : ci.deltaLow(), ci == null ? null : ci.deltaHigh(), ci == null ? null : ci.pBootstrap(),
          bootstrap == null ? null : bootstrap.articlesA(), bootstrap == null ? null : bootstrap.articlesB(),
          ci == null ? null : bootstrap.confidence()));
    }
    return summary.sparkSession().createDataFrame(rows, EMPHASIS_SCHEMA);
  }

  /** The rows' schema: {@link #REPORT}'s columns, with the nullability the Parquet files have always had. */
  static final StructType EMPHASIS_SCHEMA = REPORT.schemaRequiring("sector", "visit_a", "visit_b", "mentions_a",
      "mentions_b", "total_a", "total_b", "trend");
}
