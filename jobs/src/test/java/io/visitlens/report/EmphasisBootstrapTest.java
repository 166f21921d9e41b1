package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.stats.ArticleBootstrap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap on Spark ({@link ComparedArticles}) against the same computation in memory ({@link ArticleBootstrap}): the articles gathered
 * from the corpus's matches, articles without a mention counted as units, and the same intervals however many tasks
 * share the replicates.
 */
class EmphasisBootstrapTest extends SparkTestBase {
  static final List<String> SECTORS = List.of("energy", "trade", "tourism");
  static Dataset<Row> corpus;
  static Dataset<Row> documents;

  @BeforeAll
  static void fixture() {
    startSpark();
    StructType sentences = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("match_sector", DataTypes.createArrayType(DataTypes.StringType));
    // a: a1 energy ×2 + trade over two sentences, a2 trade, a3 no mention; b: b1 energy ×3, b2 energy + tourism.
    // c (not compared) and an unassigned article must not count.
    corpus = spark.createDataFrame(List.of(
        row("a1", "a", new String[] {"energy", "trade"}), row("a1", "a", new String[] {"energy"}),
        row("a2", "a", new String[] {"trade"}), row("a3", "a", new String[] {}),
        row("b1", "b", new String[] {"energy", "energy", "energy"}), row("b2", "b", new String[] {"energy", "tourism"}),
        row("c1", "c", new String[] {"trade"}), row("u1", null, new String[] {"tourism"})), sentences)
        .repartition(3, col("doc_id")).sortWithinPartitions("doc_id");
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("language", DataTypes.StringType);
    documents = spark.createDataFrame(List.of(row("a1", "a", "en"), row("a2", "a", "en"), row("a3", "a", "en"),
        row("a4", "a", "en"), row("b1", "b", "en"), row("b2", "b", "en"), row("c1", "c", "en"), row("u1", null, "en")),
        docs);
  }

  /** The comparison's bootstrap as the job computes it ({@link ComparedArticles}), without the other resampling. */
  static EmphasisBootstrap.Result bootstrap(Dataset<Row> corpus, String visitB, int replicates, long seed,
      double confidence, int tasks) {
    return ComparedArticles.run(corpus, documents, "a", visitB, SECTORS, List.of(),
        new ComparedArticles.Settings(replicates, 0, seed, confidence, tasks)).emphasis();
  }

  /** The same articles by hand, in doc_id order: a1 a2 a3 a4 and b1 b2, sectors energy, trade, tourism. */
  static ArticleBootstrap.Replicate[] byHand(int replicates, long seed) {
    ArticleBootstrap.Articles a = new ArticleBootstrap.Articles(new int[] {3, 1, 0, 0},
        new int[] {0, 0, 1}, new int[] {0, 1, 1}, new int[] {2, 1, 1});
    ArticleBootstrap.Articles b = new ArticleBootstrap.Articles(new int[] {3, 2},
        new int[] {0, 1, 1}, new int[] {0, 0, 2}, new int[] {3, 1, 1});
    return ArticleBootstrap.replicates(a, b, SECTORS.size(), seed, 0, replicates);
  }

  @Test
  void theIntervalsAreThoseOfTheArticlesComputedInMemory() {
    EmphasisBootstrap.Result result = bootstrap(corpus, "b", 500, 9L, 0.9, 3);
    assertEquals(4, result.articlesA(), "a4 has no sentence and a3 no mention: both are articles of the visit");
    assertEquals(2, result.articlesB());
    ArticleBootstrap.Replicate[] expected = byHand(500, 9L);
    for (int s = 0; s < SECTORS.size(); s++) {
      assertEquals(ArticleBootstrap.interval(expected, s, 0.9), result.bySector().get(SECTORS.get(s)),
          SECTORS.get(s));
    }
    // Observed: energy 2 of 4 in a, 4 of 5 in b; the interval holds it.
    ArticleBootstrap.Interval energy = result.bySector().get("energy");
    double delta = (4 / 5.0 - 2 / 4.0) * 100;
    assertTrue(energy.deltaLow() <= delta && delta <= energy.deltaHigh(), energy::toString);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsOnOneTaskOrEightAndAnArticleSplitOverPartitions() {
    Map<String, ArticleBootstrap.Interval> one = bootstrap(corpus, "b", 300, 5L, 0.95, 1).bySector();
    Map<String, ArticleBootstrap.Interval> eight = bootstrap(corpus.repartition(8, col("doc_id"))
        .sortWithinPartitions("doc_id"), "b", 300, 5L, 0.95, 8).bySector();
    assertEquals(one, eight);
    // a1's two sentences in two partitions: its parts are added up into one article.
    StructType s = corpus.schema();
    Dataset<Row> split = spark.createDataFrame(List.of(row("a1", "a", new String[] {"energy", "trade"}),
            row("a2", "a", new String[] {"trade"}), row("b1", "b", new String[] {"energy", "energy", "energy"})), s)
        .coalesce(1).union(spark.createDataFrame(List.of(row("a1", "a", new String[] {"energy"}),
            row("a3", "a", new String[] {}), row("b2", "b", new String[] {"energy", "tourism"})), s).coalesce(1));
    assertEquals(2, split.rdd().getNumPartitions());
    assertEquals(one, bootstrap(split, "b", 300, 5L, 0.95, 3).bySector());
    Map<String, ArticleBootstrap.Interval> otherSeed = bootstrap(corpus, "b", 300, 6L, 0.95, 1).bySector();
    assertTrue(!one.equals(otherSeed), "another seed draws other replicates");
  }

  @Test
  void aVisitWithoutArticlesHasNoIntervals() {
    EmphasisBootstrap.Result result = bootstrap(corpus, "nowhere", 100, 1L, 0.95, 2);
    assertEquals(List.of(4L, 0L), List.of(result.articlesA(), result.articlesB()));
    assertEquals(Map.of(), result.bySector());
  }

  @Test
  void theComparisonCarriesTheIntervalsAndTheArticleCounts() {
    StructType s = SectorSummaryReport.SUMMARY_SCHEMA;
    Dataset<Row> summary = spark.createDataFrame(List.of(
        row("a", "all", "energy", 2L, 1L, 0.25, 0.5, 0.0, 1), row("a", "all", "trade", 2L, 2L, 0.5, 0.5, 0.0, 1),
        row("a", "all", "tourism", 0L, 0L, 0.0, 0.0, 0.0, 3), row("b", "all", "energy", 4L, 2L, 1.0, 0.8, 0.0, 1),
        row("b", "all", "trade", 0L, 0L, 0.0, 0.0, 0.0, 3), row("b", "all", "tourism", 1L, 1L, 0.5, 0.2, 0.0, 2)), s);
    EmphasisBootstrap.Result bootstrap = bootstrap(corpus, "b", 400, 2L, 0.95, 2);
    Map<String, Long> pooled = Map.of("energy", 6L, "trade", 3L, "tourism", 2L);
    for (Row r : EmphasisComparisonReport.build(summary, pooled, "a", "b", 1.0, bootstrap).collectAsList()) {
      double delta = r.getAs("delta_pp");
      assertTrue(r.<Double>getAs("delta_pp_ci_low") <= delta && delta <= r.<Double>getAs("delta_pp_ci_high"),
          () -> "the interval holds the observed change: " + r);
      assertEquals(bootstrap.bySector().get(r.<String>getAs("sector")).deltaLow(), r.<Double>getAs("delta_pp_ci_low"));
      assertEquals(List.of(4L, 2L), List.of(r.getAs("n_articles_a"), r.getAs("n_articles_b")));
    }
    Row without = EmphasisComparisonReport.build(summary, pooled, "a", "b", 1.0).first();
    assertNull(without.getAs("delta_pp_ci_low"), "no bootstrap, no interval");
  }
}
