package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.nlp.TextCore;
import io.visitlens.transform.Annotations;
import io.visitlens.transform.Paragraphs;
import io.visitlens.transform.SectorMentions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * topic_cooccurrence counted in one pass over the annotated corpus ({@link SectorReports#topicCooccurrenceOfCorpus})
 * against the report built from the mentions ({@link SectorReports#topicCooccurrence}), on articles annotated by the
 * real text core in several languages, with an unassigned article and an article none of whose sentences is counted;
 * and the same pass's counts per visit and sector against sector_summary and emphasis_comparison built from the
 * mentions.
 */
class CooccurrenceOfCorpusTest extends SparkTestBase {
  static final String LEXICON = String.join("\n",
      "sector,phrase,kind,cap_code,notes",
      "energy,energy,word,8,",
      "energy,green energy,phrase,8,",
      "transport,direct flight,phrase,10,",
      "trade,trade,word,18,",
      "digital,information technology,phrase,17,",
      "");

  static SectorLexicon lexicon;
  static Dataset<Row> corpus;
  static Dataset<Row> mentions;
  static Dataset<Row> documents;

  @BeforeAll
  static void annotate() {
    startSpark();
    lexicon = SectorLexicon.parse(LEXICON, "test-lexicon.csv");
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("language", DataTypes.StringType).add("text", DataTypes.StringType);
    corpus = Annotations.annotate(TextCore.create(lexicon), Paragraphs.explodeParagraphs(spark.createDataFrame(List.of(
        row("a1", "v1", "en", "Mr. Vučić and Tokayev discussed trade and energy -- and direct flights. Energy, "
            + "again.\n\nTrade in information technology. Nothing here."),
        row("a2", "v1", "en", "Green energy and trade were on the table; direct flights too.\n\nNo sector."),
        row("a3", "v2", "en", "Direct flights from Astana. Trade, trade and green energy. The trade deal."),
        row("a4", null, "en", "Energy and information technology were discussed by the ministers."),
        row("a5", "v2", "en", "The visit ended.")), docs)));
    mentions = SectorMentions.explodeMentions(corpus);
    // As the documents report has them: every processed article, a6 with no counted sentence (its paragraphs
    // were all duplicates), so a document window without a sentence window.
    Dataset<Row> sentences = corpus.groupBy(col("doc_id")).agg(count(lit(1)).cast("int").as("n_sentences"));
    StructType d = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("language", DataTypes.StringType);
    documents = spark.createDataFrame(List.of(row("a1", "v1", "en"), row("a2", "v1", "en"), row("a3", "v2", "en"),
            row("a4", null, "en"), row("a5", "v2", "en"), row("a6", "v1", "sr")), d)
        .join(sentences, new String[] {"doc_id"}, "left").na().fill(0, new String[] {"n_sentences"});
  }

  static List<String> rows(Dataset<Row> report) {
    return report.orderBy("scope", "window", "sector_a", "sector_b").collectAsList().stream()
        .map(Row::toString).toList();
  }

  @Test
  void onePassOverTheCorpusGivesTheReportOfTheMentions() {
    List<String> expected = rows(TopicCooccurrenceReport.ofMentions(mentions, corpus, documents));
    List<String> actual = rows(TopicCooccurrenceReport.ofCorpus(corpus, mentions, documents));
    assertEquals(expected, actual, "one pass over the corpus against the report built from the mentions");
    assertTrue(expected.size() > 10, () -> "pairs in several scopes and windows: " + expected);
    assertEquals(TopicCooccurrenceReport.COOCCURRENCE_SCHEMA,
        TopicCooccurrenceReport.ofCorpus(corpus, mentions, documents).schema());
  }

  @Test
  void theOnePassCountsAreThoseOfTheMentionsPerVisitAndSector() {
    SectorReports.CorpusCounts counts = SectorReports.countCorpus(corpus);
    Map<List<String>, List<Long>> expected = new HashMap<>();
    for (Row r : mentions.groupBy(col("visit_id"), col("sector"))
        .agg(count(lit(1)), countDistinct(col("doc_id"))).collectAsList()) {
      expected.put(Arrays.asList(r.getString(0), r.getString(1)), List.of(r.getLong(2), r.getLong(3)));
    }
    Map<List<String>, List<Long>> actual = new HashMap<>();
    counts.byVisitSector().forEach((k, c) -> actual.put(k, List.of(c[0], c[1])));
    assertEquals(expected, actual, "mentions and documents per (visit, sector)");
    // a1 mentions trade twice and a2 once, two documents of v1; a4, unassigned, mentions energy.
    assertEquals(List.of(3L, 2L), actual.get(Arrays.asList("v1", "trade")), () -> actual.toString());
    assertTrue(actual.containsKey(Arrays.asList(null, "energy")), () -> "the unassigned article's: " + actual);

    Dataset<Row> docs = documents.withColumn("n_tokens", lit(50)).withColumn("language", lit("en"));
    List<String> visits = List.of("v1", "v2");
    Dataset<Row> fromMentions = SectorSummaryReport.build(spark, mentions, docs, visits, lexicon.sectors());
    Dataset<Row> fromCounts = SectorSummaryReport.build(spark, counts.byVisitLanguageSector(), docs, visits,
        lexicon.sectors());
    assertEquals(sorted(fromMentions, "visit_id", "language", "sector"),
        sorted(fromCounts, "visit_id", "language", "sector"),
        "sector_summary from the counts against the one from the mentions");
    assertEquals(sorted(EmphasisComparisonReport.build(fromMentions, mentions, "v1", "v2", 1.0), "sector"),
        sorted(EmphasisComparisonReport.build(fromCounts, counts.pooledBySector(), "v1", "v2", 1.0), "sector"),
        "emphasis_comparison with the pooled counts against the one from the mentions");
    assertEquals(setRows(SectorReports.windowSetCounts(corpus).collectAsList()),
        setRows(counts.windowSets()), "the window sets of the same pass");
    assertTrue(setRows(counts.windowSets()).stream().allMatch(r -> r.contains("|sentence|") || r.contains("|document|")),
        () -> "only sentence and document windows: " + setRows(counts.windowSets()));
  }

  @Test
  void theOnePassCountsEachLanguagesSentencesWithAMentionPerSectorAndInAll() {
    Map<List<String>, Long> actual = SectorReports.countCorpus(corpus).sentencesByLanguage();
    // the same from the mentions: distinct sentences per language and sector, and per language
    Map<List<String>, Long> expected = new HashMap<>();
    for (Row r : mentions.groupBy(col("language"), col("sector"))
        .agg(countDistinct(col("doc_id"), col("sentence_id"))).collectAsList()) {
      expected.put(Arrays.asList(r.getString(0), r.getString(1)), r.getLong(2));
    }
    for (Row r : mentions.groupBy(col("language")).agg(countDistinct(col("doc_id"), col("sentence_id")))
        .collectAsList()) {
      expected.put(Arrays.asList(r.getString(0), null), r.getLong(1));
    }
    assertEquals(expected, actual, "sentences with a mention by [language, sector] and by [language, null]");
    // trade: a1's first sentence and its "Trade in information technology.", a2's first, a3's last two; a3's
    // "Trade, trade and green energy." once, though it mentions trade twice
    assertEquals(5L, actual.get(Arrays.asList("en", "trade")), () -> actual.toString());
    assertTrue(actual.get(Arrays.asList("en", null)) >= actual.get(Arrays.asList("en", "energy")) + 1,
        () -> "every sentence with a mention, more than those with energy: " + actual);
  }

  static List<String> setRows(List<Row> sets) {
    return sets.stream().map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getList(2) + "|" + r.getLong(3))
        .sorted().toList();
  }

  static List<String> sorted(Dataset<Row> report, String... order) {
    return report.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length)).collectAsList().stream()
        .map(Row::toString).toList();
  }

  @Test
  void theSetsArePerVisitWindowAndSortedSet() {
    List<String> sets = SectorReports.windowSetCounts(corpus)
        .orderBy(col("visit_id"), col("window"), col("sectors").cast("string")).collectAsList().stream()
        .map(Row::toString).toList();
    // a1's first sentence: trade, energy, direct flights → {energy, trade, transport}; its document set adds
    // digital; a2's document {energy, trade, transport}; so v1 has that document set once and a1's once more.
    assertTrue(sets.contains("[v1,document,WrappedArray(digital, energy, trade, transport),1]"), () -> sets.toString());
    assertTrue(sets.contains("[v1,document,WrappedArray(energy, trade, transport),1]"), () -> sets.toString());
    assertTrue(sets.contains("[null,sentence,WrappedArray(digital, energy),1]"), () -> sets.toString());
    assertTrue(sets.stream().noneMatch(r -> r.contains("WrappedArray()")), "no empty set is counted: " + sets);
  }

  @Test
  void aDocumentSplitInItsPartitionIsRefusedWithItsId() {
    Dataset<Row> split = corpus.orderBy(col("sentence_id"), col("doc_id")).repartition(1);
    SparkException e = assertThrows(SparkException.class,
        () -> SectorReports.windowSetCounts(split.sortWithinPartitions(col("sentence_id"), col("doc_id")))
            .collectAsList());
    assertTrue(String.valueOf(e.getMessage()).contains("are not together"), e::getMessage);
  }
}
