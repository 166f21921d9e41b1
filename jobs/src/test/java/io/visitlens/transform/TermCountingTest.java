package io.visitlens.transform;

import static io.visitlens.transform.TermsTest.SENTENCES;
import static io.visitlens.transform.TermsTest.sentence;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.nlp.TextCore;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The two counting passes the job runs over the annotated corpus: per-visit sums taken with partial sums per task
 * ({@link Terms#countPerVisitOfContiguous}) and the per-document counts cut to each document's top terms as they
 * are counted ({@link Terms#countPerDocumentOfContiguous}), each against the per-document counts added up or
 * filtered by Spark.
 */
class TermCountingTest extends SparkTestBase {

  /** Documents in two visits and none; d1 and d2 share terms; d5 spells "trade" with another stem. */
  static Dataset<Row> contiguous() {
    Dataset<Row> s = spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "direct flights between Astana and Belgrade , direct flights ."),
        sentence("d1", "v1", 1, "trade and energy ; trade deal ."),
        sentence("d2", "v1", 0, "trade deal on energy , flights to Astana ."),
        sentence("d3", "v2", 0, "culture and trade ."),
        sentence("d3", "v2", 1, "trade , trade , trade deal signed ."),
        sentence("d4", null, 0, "trade fair in Belgrade ."),
        sentence("d5", "v1", 0, "trades of the fair")), SENTENCES);
    return s.repartition(3, col("doc_id")).sortWithinPartitions(col("doc_id"), col("sentence_id"));
  }

  /** The per-visit figures as Spark adds up the per-document rows: visit, ngram, term, stem, count, doc_freq. */
  static List<String> bySpark(Dataset<Row> sentences) {
    return rows(Terms.countPerDocument(sentences, 3, false)
        .groupBy(col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count"), count(lit(1)).as("doc_freq")));
  }

  static List<String> rows(Dataset<Row> visitCounts) {
    return visitCounts.select(col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"), col("count"),
            col("doc_freq"))
        .orderBy(col("visit_id"), col("language"), col("ngram"), col("term"), col("stem")).collectAsList().stream()
        .map(Row::toString).toList();
  }

  @Test
  void perVisitSumsEqualTheAddedUpDocumentCounts() {
    List<String> expected = bySpark(contiguous());
    List<String> actual = rows(Terms.countPerVisitOfContiguous(contiguous(), 3));
    assertEquals(expected, actual, "countPerVisitOfContiguous against Spark's aggregation of countPerDocument");
    // By hand: "trade" is in d1 (2 times) and d2 (once) of v1, d3 (4 times) of v2, d4 without a visit; d5's
    // "trades" has its own term.
    assertTrue(actual.contains("[v1,und,1,trade,trade,3,2]"), () -> "v1's trade: " + actual);
    assertTrue(actual.contains("[v2,und,1,trade,trade,4,1]"), () -> "v2's trade: " + actual);
    assertTrue(actual.contains("[null,und,1,trade,trade,1,1]"), () -> "trade without a visit: " + actual);
    assertTrue(actual.contains("[v1,und,2,direct flights,direct flight,2,1]"), () -> "v1's bigram: " + actual);
    assertTrue(actual.contains("[v2,und,3,trade deal signed,trade deal signed,1,1]"), () -> "v2's trigram: " + actual);
  }

  @Test
  void partialSumsEmptiedAfterEveryFewTermsGiveTheSameRows() {
    assertEquals(bySpark(contiguous()), rows(Terms.countPerVisitOfContiguous(contiguous(), 3, 2)),
        "partial sums emptied every 2 entries");
  }

  @Test
  void oneTermInTwoLanguagesOfOneVisitStaysTwoRows() {
    // The same term in two documents of one visit whose languages stem it differently: a row per language.
    StructType schema = SENTENCES.add("language", DataTypes.StringType);
    Dataset<Row> s = spark.createDataFrame(List.of(
        row("a", "v", 0, new String[] {"partner"}, new String[] {"partn"}, new Boolean[] {false}, "en"),
        row("b", "v", 0, new String[] {"partner"}, new String[] {"partner"}, new Boolean[] {false}, "de"),
        row("c", "v", 0, new String[] {"partner"}, new String[] {"partner"}, new Boolean[] {false}, "de")), schema)
        .repartition(1).sortWithinPartitions(col("doc_id"));
    assertEquals(List.of("[v,de,1,partner,partner,2,2]", "[v,en,1,partner,partn,1,1]"),
        rows(Terms.countPerVisitOfContiguous(s, 1)));
  }

  @Test
  void aDocumentSplitInItsPartitionIsRefusedWithItsId() {
    Dataset<Row> split = spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "direct flights"), sentence("d2", "v1", 0, "trade deal"),
        sentence("d1", "v1", 1, "energy")), SENTENCES).repartition(1);
    SparkException e = assertThrows(SparkException.class,
        () -> Terms.countPerVisitOfContiguous(split, 2).collectAsList());
    assertTrue(String.valueOf(e.getMessage()).contains("document d1"), e::getMessage);
  }

  @Test
  void theTopCutKeepsTheFirstTermsWithTheirRankAndTheWholeDocumentsTotal() {
    for (int top : new int[] {1, 2, 3, 1000}) {
      Dataset<Row> all = Terms.countPerDocument(contiguous(), 3, true).where(col("position").leq(top));
      Dataset<Row> cut = Terms.countPerDocumentOfContiguous(contiguous(), 3, top);
      assertEquals(sorted(all), sorted(cut), "top " + top);
    }
    // d3: trade 4, culture 1, deal 1, signed 1 → with the top 2 unigrams: trade (rank 1), culture (rank 2) and the
    // total of all seven unigram occurrences.
    List<String> d3 = sorted(Terms.countPerDocumentOfContiguous(contiguous(), 3, 2).where("doc_id = 'd3' and ngram = 1"));
    assertEquals(List.of("[d3,v2,und,1,trade,trade,4,1,1,7]", "[d3,v2,und,1,culture,culture,1,2,2,7]"), d3,
        "sentences without a language are und");
    assertThrows(IllegalArgumentException.class, () -> Terms.countPerDocumentOfContiguous(contiguous(), 3, 0));
  }

  @Test
  void onRealAnnotatedArticlesInFourLanguagesThePerVisitSumsAgree() {
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("language", DataTypes.StringType).add("text", DataTypes.StringType);
    Dataset<Row> paragraphs = Paragraphs.explodeParagraphs(spark.createDataFrame(List.of(
        row("en1", "v1", "en", "Mr. Vučić met Tokayev -- and they didn't sign it. Direct flights between "
            + "Astana and Belgrade.\n\nDirect flights, energy and trade."),
        row("en2", "v2", "en", "The trade deal on energy was signed; direct flights follow."),
        row("sr1", "v1", "sr-Cyrl", "Вучић и Токајев у Београду: директни летови између Астане и Београда."),
        row("de1", "v2", "de", "Vučić traf Tokajew in Astana. Direkte Flüge und Handel."),
        row("ru1", null, "ru", "Токаев и Вучич в Астане обсудили прямые рейсы и торговлю.")), docs));
    Dataset<Row> corpus = Annotations.annotate(TextCore.create(null), paragraphs);
    assertEquals(bySpark(corpus), rows(Terms.countPerVisitOfContiguous(corpus, 3)));
    assertEquals(sorted(Terms.countPerDocument(corpus, 3, true).where(col("position").leq(2))),
        sorted(Terms.countPerDocumentOfContiguous(corpus, 3, 2)));
  }

  static List<String> sorted(Dataset<Row> counts) {
    return counts.orderBy(col("doc_id"), col("ngram"), col("position")).collectAsList().stream()
        .map(Row::toString).toList();
  }
}
