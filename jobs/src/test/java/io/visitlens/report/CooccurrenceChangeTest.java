package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.stats.Association;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cooccurrence_change} on the corpus of {@link CooccurrenceOfCorpusTest} (articles annotated by the real text
 * core): each visit's side is that visit's {@code topic_cooccurrence} row, the change recomputes from the columns,
 * and the test does not depend on the tasks.
 */
class CooccurrenceChangeTest extends SparkTestBase {
  static List<String> sectors;
  static Dataset<Row> change;

  @BeforeAll
  static void build() {
    CooccurrenceOfCorpusTest.annotate();
    sectors = CooccurrenceOfCorpusTest.lexicon.sectors();
    change = change(CooccurrenceOfCorpusTest.corpus, CooccurrenceOfCorpusTest.documents, "v1", "v2", sectors, 1000, 3L,
        2).cache();
  }

  /** The report as the job computes it ({@link ComparedArticles}), without the bootstrap. */
  static Dataset<Row> change(Dataset<Row> corpus, Dataset<Row> documents, String visitA, String visitB,
      List<String> sectors, int permutations, long seed, int tasks) {
    return ComparedArticles.run(corpus, documents, visitA, visitB, sectors, List.of(),
        new ComparedArticles.Settings(0, permutations, seed, 0.95, tasks)).cooccurrenceChange();
  }

  static String key(Row r) {
    return r.getAs("window") + "/" + r.getAs("sector_a") + "/" + r.getAs("sector_b");
  }

  @Test
  void eachSideIsThatVisitsTopicCooccurrenceRow() {
    Map<String, Row> byScope = new HashMap<>();
    for (Row r : TopicCooccurrenceReport.ofCorpus(CooccurrenceOfCorpusTest.corpus, CooccurrenceOfCorpusTest.mentions,
        CooccurrenceOfCorpusTest.documents).collectAsList()) {
      byScope.put(r.getAs("scope") + "/" + r.getAs("window") + "/" + r.getAs("sector_a") + "/" + r.getAs("sector_b"), r);
    }
    List<Row> rows = change.collectAsList();
    assertTrue(rows.size() >= 6, () -> "pairs in both windows: " + rows);
    for (Row r : rows) {
      for (String side : List.of("a", "b")) {
        Row t = byScope.get((side.equals("a") ? "v1" : "v2") + "/" + key(r));
        double npmi = r.getAs("npmi_" + side);
        if (t == null) {
          assertEquals(-1.0, npmi, () -> "a pair without a row in the visit is never together there: " + r);
        } else {
          assertEquals(t.<Long>getAs("co_count"), r.<Long>getAs("co_count_" + side), () -> key(r) + " " + side);
          assertEquals(t.<Long>getAs("n_windows"), r.<Long>getAs("n_windows_" + side), () -> key(r) + " " + side);
          assertEquals(t.<Long>getAs("count_a"), r.<Long>getAs("sector_a_windows_" + side), () -> key(r) + " " + side);
          assertEquals(t.<Long>getAs("count_b"), r.<Long>getAs("sector_b_windows_" + side), () -> key(r) + " " + side);
          Double expected = t.getAs("npmi");
          assertEquals(expected == null ? -1.0 : expected, npmi, 1e-12, () -> key(r) + " " + side);
        }
      }
    }
  }

  @Test
  void theChangeRecomputesFromTheColumns() {
    for (Row r : change.collectAsList()) {
      for (String side : List.of("a", "b")) {
        long a = r.getAs("sector_a_windows_" + side);
        long b = r.getAs("sector_b_windows_" + side);
        double npmi = a == 0 || b == 0 ? -1.0
            : Association.npmi(r.getAs("co_count_" + side), a, b, r.getAs("n_windows_" + side));
        assertEquals(npmi, r.<Double>getAs("npmi_" + side), 1e-12, () -> key(r));
      }
      assertEquals(r.<Double>getAs("npmi_b") - r.<Double>getAs("npmi_a"), r.<Double>getAs("delta_npmi"), 1e-12);
      double p = r.getAs("p_permutation");
      assertTrue(p > 0 && p <= 1, () -> "p in (0, 1]: " + r);
      assertTrue(r.<Double>getAs("q_value") >= p - 1e-12, () -> "q is never below p: " + r);
      // v1 has 3 articles (a1, a2, a6) and v2 2 (a3, a5): 10 labellings, all enumerated.
      assertEquals(10L, r.<Long>getAs("labellings"));
      assertTrue(r.<Boolean>getAs("exact"));
    }
  }

  @Test
  void theSameRowsOnOneTaskOrFourAndNoTestWithoutPermutations() {
    // Four partitions, each article's sentences together in one (as the annotated corpus always has them).
    Dataset<Row> four = change(CooccurrenceOfCorpusTest.corpus
        .repartition(4, org.apache.spark.sql.functions.col("doc_id")).sortWithinPartitions("doc_id", "sentence_id"),
        CooccurrenceOfCorpusTest.documents, "v1", "v2", sectors, 1000, 3L, 4);
    assertEquals(sorted(change), sorted(four));
    Row untested = change(CooccurrenceOfCorpusTest.corpus,
        CooccurrenceOfCorpusTest.documents, "v1", "v2", sectors, 0, 3L, 2).first();
    assertNull(untested.getAs("p_permutation"));
    assertNull(untested.getAs("q_value"));
  }

  @Test
  void aPairIsNamedInSparksOrderWithItsOwnCounts() {
    // Lexicon order (ignoring case) puts energy before IT and digital; Spark's order puts upper case first.
    StructType sentences = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("match_sector", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> corpus = spark.createDataFrame(List.of(
        row("x1", "x", new String[] {"IT and digital", "energy"}), row("x1", "x", new String[] {"IT and digital"}),
        row("y1", "y", new String[] {"energy"})), sentences);
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("language", DataTypes.StringType);
    Dataset<Row> documents = spark.createDataFrame(List.of(row("x1", "x", "en"), row("y1", "y", "en")), docs);
    Row r = change(corpus, documents, "x", "y", List.of("energy", "IT and digital"), 10, 1L, 1).where("window = 'sentence'").first();
    assertEquals(List.of("IT and digital", "energy", 2L, 1L, 1L, 2L, 0L, 1L), List.of(r.getAs("sector_a"),
        r.getAs("sector_b"), r.getAs("sector_a_windows_a"), r.getAs("sector_b_windows_a"), r.getAs("co_count_a"),
        r.getAs("n_windows_a"), r.getAs("sector_a_windows_b"), r.getAs("sector_b_windows_b")));
  }

  static List<String> sorted(Dataset<Row> d) {
    return d.collectAsList().stream().map(Row::toString).sorted().collect(Collectors.toList());
  }
}
