package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.ReportWriter;
import io.visitlens.speech.Statements;
import io.visitlens.stats.Keyness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code speaker_emphasis}: one row per catalogued leader who made a statement in visit A or B and sector that
 * leader mentioned in a statement of A or B, by {@code speaker}, {@code sector}: what each leader stressed at one
 * visit against the other, with {@code emphasis_comparison}'s statistics over the sector mentions inside the leader's
 * statements.
 */
public final class SpeakerEmphasisReport {
  public static final String NAME = "speaker_emphasis";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "speaker", STRING, "sector", STRING, "visit_a", STRING, "visit_b", STRING, "role_a", STRING, "role_b", STRING,
      "statements_a", LONG, "statements_b", LONG, "mentions_a", LONG, "mentions_b", LONG, "total_a", LONG,
      "total_b", LONG, "share_a", DOUBLE, "share_b", DOUBLE, "delta_pp", DOUBLE, "alpha_w", DOUBLE, "alpha_0", DOUBLE,
      "log_odds", DOUBLE, "z_score", DOUBLE, "trend", STRING), SpeakerEmphasisReport::plan, "speaker", "sector");

  static final StructType SCHEMA = REPORT.schemaRequiring("speaker", "sector", "visit_a", "visit_b",
      "statements_a", "statements_b", "mentions_a", "mentions_b", "total_a", "total_b", "trend");

  private SpeakerEmphasisReport() {}

  /** A local relation: leaders × sectors at most. */
  static ReportWriter.Plan plan(Products p) {
    return p.speakerEmphasis() == null ? null : REPORT.sorted(p.speakerEmphasis(), (long) p.lexicon().sectors().size() * 4 * Math.max(1,
        p.catalog().visits().size()));
  }

  /**
   * What one aggregation of the speech rows gives: each item's rows ({@code statement}, {@code deliverable}), and
   * for each catalogued leader in visit A and in B, the statements, the role and the sector mentions inside them.
   *
   * @param statements [visit, speaker] → statements
   * @param roles      [visit, speaker] → role
   * @param mentions   [visit, speaker, sector] → mentions
   */
  public record Counts(Map<String, Long> items, Map<List<String>, Long> statements, Map<List<String>, String> roles,
      Map<List<String>, Long> mentions) {}

  /**
   * {@link Counts} of the speech pass's rows ({@link SpeechReports#pass}) in one action: its rows bounded by the
   * leaders, and each leader's sector mentions gathered in one list. On kept rows, it is the action that fills them.
   */
  public static Counts counts(Dataset<Row> speech, String visitA, String visitB) {
    Column leader = col("item").equalTo(SpeechReports.STATEMENT).and(col("visit_id").isin(visitA, visitB))
        .and(col("speaker_role").notEqual(Statements.OTHER));
    Map<String, Long> items = new TreeMap<>();
    Map<List<String>, Long> statements = new TreeMap<>(SectorReports::compareKeys);
    Map<List<String>, String> roles = new TreeMap<>(SectorReports::compareKeys);
    Map<List<String>, Long> mentions = new TreeMap<>(SectorReports::compareKeys);
    for (Row r : SectorReports.boundedCollect(speech.groupBy(col("item"), when(leader, col("visit_id")).as("v"),
            when(leader, col("speaker")).as("s"), when(leader, col("speaker_role")).as("r"))
        .agg(count(lit(1)), flatten(collect_list(when(leader, col("sector_list"))))), "statements by leader")) {
      items.merge(r.getString(0), r.getLong(4), Long::sum);
      if (r.isNullAt(1)) {
        continue;
      }
      List<String> key = List.of(r.getString(1), r.getString(2));
      statements.merge(key, r.getLong(4), Long::sum);
      roles.put(key, r.getString(3));
      for (Object sector : r.getList(5)) {
        mentions.merge(List.of(r.getString(1), r.getString(2), (String) sector), 1L, Long::sum);
      }
    }
    return new Counts(items, statements, roles, mentions);
  }

  /** {@link #build(SparkSession, Counts, String, String, Map, double)} of {@link #counts}. */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> speech, String visitA, String visitB,
      Map<String, Long> pooled, double priorScale) {
    return build(spark, counts(speech, visitA, visitB), visitA, visitB, pooled, priorScale);
  }

  /**
   * The rows from the leaders' counts; the prior as in {@code emphasis_comparison}: α_w = {@code priorScale} × the
   * sector's mentions in the whole corpus ({@code pooled}).
   */
  public static Dataset<Row> build(SparkSession spark, Counts counts, String visitA, String visitB,
      Map<String, Long> pooled, double priorScale) {
    Map<List<String>, Long> statements = counts.statements();
    Map<List<String>, String> roles = counts.roles();
    Map<List<String>, Long> mentions = counts.mentions();
    long pooledTotal = pooled.values().stream().mapToLong(Long::longValue).sum();
    TreeSet<String> speakers = new TreeSet<>(SectorReports::compareUtf8);
    statements.keySet().forEach(k -> speakers.add(k.get(1)));
    List<Row> rows = new ArrayList<>();
    for (String speaker : speakers) {
      long statementsA = statements.getOrDefault(List.of(visitA, speaker), 0L);
      long statementsB = statements.getOrDefault(List.of(visitB, speaker), 0L);
      long totalA = 0;
      long totalB = 0;
      TreeSet<String> sectors = new TreeSet<>(SectorReports::compareUtf8);
      for (Map.Entry<List<String>, Long> m : mentions.entrySet()) {
        if (m.getKey().get(1).equals(speaker)) {
          sectors.add(m.getKey().get(2));
          if (m.getKey().get(0).equals(visitA)) {
            totalA += m.getValue();
          } else {
            totalB += m.getValue();
          }
        }
      }
      for (String sector : sectors) {
        long ma = mentions.getOrDefault(List.of(visitA, speaker, sector), 0L);
        long mb = mentions.getOrDefault(List.of(visitB, speaker, sector), 0L);
        Double shareA = totalA == 0 ? null : ma / (double) totalA;
        Double shareB = totalB == 0 ? null : mb / (double) totalB;
        Long p = pooled.get(sector);
        Double alphaW = p == null ? null : p * priorScale;
        Double alpha0 = p == null ? null : pooledTotal * priorScale;
        Double logOdds = null;
        Double z = null;
        if (totalA > 0 && totalB > 0 && Keyness.usablePrior(alphaW, alpha0)) {
          Keyness.LogOdds lo = Keyness.logOddsDirichlet(ma, totalA, mb, totalB, alphaW, alpha0);
          logOdds = lo.logOdds();
          z = lo.zScore();
        }
        int direction = Keyness.direction(z);
        String trend = statementsA == 0 ? "silent_in_a" : statementsB == 0 ? "silent_in_b"
            : ma == 0 ? "new" : mb == 0 ? "dropped" : direction > 0 ? "rising" : direction < 0 ? "falling" : "stable";
        rows.add(RowFactory.create(speaker, sector, visitA, visitB, roles.get(List.of(visitA, speaker)),
            roles.get(List.of(visitB, speaker)), statementsA, statementsB, ma, mb, totalA, totalB, shareA, shareB,
            shareA == null || shareB == null ? null : (shareB - shareA) * 100.0, alphaW, alpha0, logOdds, z, trend));
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
