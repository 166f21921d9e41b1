package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sector reports on a corpus small enough to work by hand: visits v1 (d1, d2) and v2 (d3), unassigned d4.
 * <pre>
 *   d1 sentence 0: s1 s2   d1 sentence 1: s1   d1 sentence 2: —
 *   d2 sentence 0: s2      d2 sentence 1: —
 *   d3 sentence 0: s1 s3   d3 sentence 1: s3
 *   d4 sentence 0: s1
 * </pre>
 */
class SectorReportsTest extends SparkTestBase {
  static final double EPS = 1e-9;
  static Dataset<Row> mentions;
  static Dataset<Row> documents;
  static Dataset<Row> sentences;
  static Dataset<Row> summary;

  @BeforeAll
  static void corpus() {
    startSpark();
    // v1 is covered in English (d1) and German (d2), v2 in Serbian (d3).
    StructType m = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("sentence_id", DataTypes.IntegerType).add("sector", DataTypes.StringType)
        .add("language", DataTypes.StringType);
    mentions = spark.createDataFrame(List.of(
        row("d1", "v1", 0, "s1", "en"), row("d1", "v1", 0, "s2", "en"), row("d1", "v1", 1, "s1", "en"),
        row("d2", "v1", 0, "s2", "de"), row("d3", "v2", 0, "s1", "sr-Latn"), row("d3", "v2", 0, "s3", "sr-Latn"),
        row("d3", "v2", 1, "s3", "sr-Latn"), row("d4", null, 0, "s1", "en")), m);
    StructType d = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("n_tokens", DataTypes.IntegerType).add("language", DataTypes.StringType);
    documents = spark.createDataFrame(List.of(row("d1", "v1", 100, "en"), row("d2", "v1", 100, "de"),
        row("d3", "v2", 200, "sr-Latn"), row("d4", null, 50, "en")), d);
    StructType s = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("sentence_id", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (Object[] doc : new Object[][] {{"d1", "v1", 3}, {"d2", "v1", 2}, {"d3", "v2", 2}, {"d4", null, 1}}) {
      for (int i = 0; i < (int) doc[2]; i++) {
        rows.add(row(doc[0], doc[1], i));
      }
    }
    sentences = spark.createDataFrame(rows, s);
    summary = SectorSummaryReport.build(spark, mentions, documents, List.of("v1", "v2"), List.of("s1", "s2", "s3"));
  }

  static Map<String, Row> byKey(Dataset<Row> df, String... keys) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String key : keys) {
        k.append(k.length() == 0 ? "" : "/").append((Object) r.getAs(key));
      }
      out.put(k.toString(), r);
    }
    return out;
  }

  @Test
  void summaryHasEveryVisitAndSectorWithSharesDocSharesAndRanks() {
    Map<String, Row> got = byKey(summary.where("language = 'all'"), "visit_id", "sector");
    assertEquals(6, got.size(), "2 visits × 3 sectors, zeros included, every language pooled");
    // row: mentions, documents, doc_share, share, per_10k_tokens, rank — worked by hand from the picture above
    Object[][] expected = {
        {"v1/s1", 2L, 1L, 0.5, 0.5, 100.0, 1}, {"v1/s2", 2L, 2L, 1.0, 0.5, 100.0, 1}, {"v1/s3", 0L, 0L, 0.0, 0.0, 0.0, 3},
        {"v2/s1", 1L, 1L, 1.0, 1 / 3.0, 50.0, 2}, {"v2/s2", 0L, 0L, 0.0, 0.0, 0.0, 3},
        {"v2/s3", 2L, 1L, 1.0, 2 / 3.0, 100.0, 1}};
    assertSummaryRows(expected, got);
  }

  /** Each expected row {key, mentions, documents, doc_share, share, per_10k_tokens, rank} against the row of its key. */
  static void assertSummaryRows(Object[][] expected, Map<String, Row> got) {
    for (Object[] e : expected) {
      Row r = got.get((String) e[0]);
      assertNotNull(r, e[0] + " in " + got.keySet());
      assertEquals(e[1], r.getAs("mentions"), e[0] + " mentions");
      assertEquals(e[2], r.getAs("documents"), e[0] + " documents");
      assertEquals((double) e[3], r.<Double>getAs("doc_share"), EPS, e[0] + " doc_share");
      assertEquals((double) e[4], r.<Double>getAs("share"), EPS, e[0] + " share");
      assertEquals((double) e[5], r.<Double>getAs("per_10k_tokens"), EPS, e[0] + " per_10k_tokens");
      assertEquals(e[6], r.getAs("rank"), e[0] + " rank");
    }
  }

  @Test
  void summaryHasTheRowsOfEachLanguageOfAVisit() {
    Map<String, Row> got = byKey(summary.where("language <> 'all'"), "visit_id", "language", "sector");
    assertEquals(9, got.size(), "v1 in en and de, v2 in sr-Latn, × 3 sectors: " + got.keySet());
    // Each language's shares are of its own documents, tokens and mentions: v1/en is d1 alone (3 mentions, 100
    // tokens), v1/de is d2 alone (1 mention).
    Object[][] expected = {
        {"v1/en/s1", 2L, 1L, 1.0, 2 / 3.0, 200.0, 1}, {"v1/en/s2", 1L, 1L, 1.0, 1 / 3.0, 100.0, 2},
        {"v1/en/s3", 0L, 0L, 0.0, 0.0, 0.0, 3},
        {"v1/de/s2", 1L, 1L, 1.0, 1.0, 100.0, 1}, {"v1/de/s1", 0L, 0L, 0.0, 0.0, 0.0, 2},
        {"v2/sr-Latn/s3", 2L, 1L, 1.0, 2 / 3.0, 100.0, 1}};
    assertSummaryRows(expected, got);
    assertNull(got.get("v2/en/s1"), "no rows for a language a visit has no documents in");
  }

  @Test
  void cooccurrenceCountsWindowsAndScoresPairsAfterBouma() {
    Map<String, Row> got = byKey(TopicCooccurrenceReport.ofMentions(mentions, sentences, documents),
        "scope", "window", "sector_a", "sector_b");
    // v1 sentences: n = 5, s1 in 2, s2 in 2, both in 1 → jaccard 1/3, pmi ln(1·5/(2·2)), npmi pmi/−ln(1/5)
    Row v1s = got.get("v1/sentence/s1/s2");
    assertEquals(List.of(1L, 2L, 2L, 5L), List.of(v1s.getAs("co_count"), v1s.getAs("count_a"), v1s.getAs("count_b"),
        v1s.getAs("n_windows")));
    assertEquals(1 / 3.0, v1s.<Double>getAs("jaccard"), EPS);
    assertEquals(0.22314355131420976, v1s.<Double>getAs("pmi"), EPS);
    assertEquals(0.13864688385321391, v1s.<Double>getAs("npmi"), EPS);
    // v1 documents: n = 2, s1 in 1, s2 in 2, both in 1 → pmi ln(1·2/(1·2)) = 0
    Row v1d = got.get("v1/document/s1/s2");
    assertEquals(List.of(1L, 1L, 2L, 2L), List.of(v1d.getAs("co_count"), v1d.getAs("count_a"), v1d.getAs("count_b"),
        v1d.getAs("n_windows")));
    assertEquals(0.5, v1d.<Double>getAs("jaccard"), EPS);
    assertEquals(0.0, v1d.<Double>getAs("pmi"), EPS);
    // all sentences (unassigned d4 included): n = 8; s2 and s3 never share a sentence → npmi −1, pmi undefined
    Row never = got.get("all/sentence/s2/s3");
    assertEquals(List.of(0L, 2L, 2L, 8L), List.of(never.getAs("co_count"), never.getAs("count_a"),
        never.getAs("count_b"), never.getAs("n_windows")));
    assertNull(never.getAs("pmi"), "ln 0 is not a number a report can hold");
    assertEquals(-1.0, never.<Double>getAs("npmi"), EPS);
    assertEquals(0.0, never.<Double>getAs("jaccard"), EPS);
    assertEquals(4L, got.get("all/sentence/s1/s2").<Long>getAs("count_a"), "s1 is in 4 sentences overall");
    assertNull(got.get("v2/sentence/s1/s2"), "s2 never occurs in v2, so no pair with it there");
  }

  @Test
  void theDriverAndSparkCountTheCooccurrencesAlike() {
    Dataset<Row> sets = TopicCooccurrenceReport.windowSectorSets(mentions);
    List<String> onDriver = rows(TopicCooccurrenceReport.ofSets(sets, sentences, documents));
    List<String> bySpark = rows(TopicCooccurrenceReport.distributed(sets, sentences, documents));
    assertEquals(bySpark, onDriver, "the same rows counted on the driver as by Spark's aggregations and joins");
    assertEquals(TopicCooccurrenceReport.COOCCURRENCE_SCHEMA,
        TopicCooccurrenceReport.distributed(sets, sentences, documents).schema(), "one schema for both");
    assertTrue(onDriver.size() > 5, "the fixture has pairs in several scopes and windows: " + onDriver);
  }

  @Test
  void comparesSectorNamesAsSparkDoes() {
    assertTrue(SectorReports.compareUtf8("Energy", "energy") < 0, "upper case first");
    assertTrue(SectorReports.compareUtf8("\uFB01nance", "\uD83D\uDE80space") < 0,
        "by code point, not by UTF-16 unit (U+FB01 before U+1F680)");
  }

  private static List<String> rows(Dataset<Row> report) {
    return report.orderBy("scope", "window", "sector_a", "sector_b").collectAsList().stream()
        .map(Row::toString).toList();
  }

  @Test
  void emphasisComparisonScoresEachSectorWithThePooledPrior() {
    Map<String, Row> got = byKey(EmphasisComparisonReport.build(summary, mentions, "v1", "v2", 1.0), "sector");
    // pooled mentions over every document: s1 4, s2 2, s3 2 → α_0 = 8
    // s1: y_A 2 of 4, y_B 1 of 3, α_w 4: δ = ln(5/6) − ln(6/6); σ² = 1/5 + 1/6
    Row s1 = got.get("s1");
    assertEquals(List.of(2L, 1L, 4L, 3L), List.of(s1.getAs("mentions_a"), s1.getAs("mentions_b"), s1.getAs("total_a"),
        s1.getAs("total_b")));
    assertEquals(4.0, s1.<Double>getAs("alpha_w"), EPS);
    assertEquals(8.0, s1.<Double>getAs("alpha_0"), EPS);
    assertEquals(-0.1823215567939546, s1.<Double>getAs("log_odds"), EPS);
    assertEquals(-0.30109414144735774, s1.<Double>getAs("z_score"), EPS);
    assertEquals((1 / 3.0 - 0.5) * 100, s1.<Double>getAs("delta_pp"), EPS);
    assertEquals("stable", s1.getAs("trend"));
    assertEquals("dropped", got.get("s2").getAs("trend"));
    assertEquals(-0.9363815572529979, got.get("s2").<Double>getAs("z_score"), EPS);
    assertEquals("new", got.get("s3").getAs("trend"));
    assertEquals(1.2122301723610724, got.get("s3").<Double>getAs("z_score"), EPS);
    assertEquals(3, got.size());
  }

  @Test
  void trendIsRisingOrFallingOnlyBeyondTheFivePercentZ() {
    // 40 of 100 in A against 80 of 100 in B, pooled 120 of 200: a clear rise
    StructType m = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("sentence_id", DataTypes.IntegerType).add("sector", DataTypes.StringType)
        .add("language", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(row("a" + i, "A", 0, i < 40 ? "up" : "down", "en"));
      rows.add(row("b" + i, "B", 0, i < 80 ? "up" : "down", i % 2 == 0 ? "en" : "sr-Latn"));
    }
    Dataset<Row> many = spark.createDataFrame(rows, m);
    StructType d = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("n_tokens", DataTypes.IntegerType).add("language", DataTypes.StringType);
    List<Row> docs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      docs.add(row("a" + i, "A", 10, "en"));
      docs.add(row("b" + i, "B", 10, i % 2 == 0 ? "en" : "sr-Latn"));
    }
    Dataset<Row> sum = SectorSummaryReport.build(spark, many, spark.createDataFrame(docs, d), List.of("A", "B"),
        List.of("up", "down"));
    Map<String, Row> got = byKey(EmphasisComparisonReport.build(sum, many, "A", "B", 1.0), "sector");
    assertEquals("rising", got.get("up").getAs("trend"), "z = " + got.get("up").getAs("z_score"));
    assertEquals("falling", got.get("down").getAs("trend"), "z = " + got.get("down").getAs("z_score"));
  }
}
