package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * keyword_contexts on articles written for the test, annotated by the real text core: contexts spread over the
 * articles by the documented pick, sides cut at K tokens inside the sentence, terms only in the compared visits,
 * sectors in every visit, nothing from unassigned articles, the same rows however the corpus is partitioned.
 */
class KeywordContextsReportTest extends SparkTestBase {
  static Dataset<Row> corpus;
  static final List<ComparedArticles.TermGroup> TERMS = List.of(
      new ComparedArticles.TermGroup("en", 1, List.of("energy", "trade")),
      new ComparedArticles.TermGroup("en", 2, List.of("energy minister")));

  @BeforeAll
  static void annotate() {
    startSpark();
    SectorLexicon lexicon = SectorLexicon.parse(String.join("\n", "sector,phrase,kind,cap_code,lang,notes",
        "energy,energy,word,8,en,", "trade,trade,word,18,en,", ""), "lexicon.csv");
    corpus = annotatedArticles(lexicon,
            row("d1", "v1", "en", "Energy talks.\n\nThe energy minister spoke about energy -- and trade, at length."),
            row("d2", "v1", "en", "Mr. Smith's energy was\nremarkable.\n\nTrade grew."),
            row("d3", "v2", "en", "Trade, trade and more trade. Energy too."),
            row("d4", "v2", "en", "Trade deals."),
            row("d5", null, "en", "Energy energy energy trade.")).cache();
  }

  static List<List<Object>> contexts(Dataset<Row> rows, String kind, String term, String visit) {
    return rowValues(rows.where(rows.col("kind").equalTo(kind).and(rows.col("term").equalTo(term))
        .and(rows.col("visit_id").equalTo(visit))).select("place", "doc_id", "left", "match", "right"));
  }

  @Test
  void firstEachArticlesFirstOccurrenceThenTheSecondOnesInTheDocumentedOrder() {
    Dataset<Row> rows = KeywordContextsReport.build(corpus, TERMS, Set.of("v1", "v2"), 3, 2);
    List<List<Object>> energy = contexts(rows, "term", "energy", "v1");
    // d1 has three occurrences, d2 one: d1's first and d2's first come before d1's second, whatever the hash says.
    List<String> firsts = new ArrayList<>(List.of("d1", "d2"));
    firsts.sort(Comparator.comparingInt(d -> (d + '\u0000' + "energy").hashCode()));
    assertEquals(List.of(firsts.get(0), firsts.get(1), "d1"), energy.stream().map(r -> r.get(1)).toList(),
        "spread over the articles: " + energy);
    assertEquals(List.of(1, 2, 3), energy.stream().map(r -> r.get(0)).toList());
    List<Object> d1First = energy.stream().filter(r -> r.get(1).equals("d1")).findFirst().orElseThrow();
    assertEquals(List.of("", "Energy", "talks."), d1First.subList(2, 5), "a sentence's first word: no left side");
    List<Object> d1Second = energy.get(2);
    assertEquals(List.of("The", "energy", "minister spoke"), d1Second.subList(2, 5),
        "d1's second occurrence, K = 2 tokens a side, inside the sentence");
    List<Object> d2 = energy.stream().filter(r -> r.get(1).equals("d2")).findFirst().orElseThrow();
    assertEquals(List.of("Smith's", "energy", "was remarkable"), d2.subList(2, 5),
        "the abbreviation is one token and the line break one space");
  }

  @Test
  void bigramsSectorsAndVisits() {
    Dataset<Row> rows = KeywordContextsReport.build(corpus, TERMS, Set.of("v1"), 2, 3);
    assertEquals(List.of(List.of(1, "d1", "The", "energy minister", "spoke about energy")),
        contexts(rows, "term", "energy minister", "v1"),
        "a bigram's contexts");
    assertEquals(List.of(), contexts(rows, "term", "trade", "v2"), "terms only in the visits asked for");
    List<List<Object>> tradeSector = contexts(rows, "sector", "trade", "v2");
    assertEquals(2, tradeSector.size(), "sectors in every visit, two kept: " + tradeSector);
    assertTrue(tradeSector.stream().map(r -> r.get(1)).distinct().count() == 2,
        "d3's three mentions do not crowd out d4's: " + tradeSector);
    assertEquals(0, rows.where(rows.col("doc_id").equalTo("d5")).count(), "an unassigned article has no context");
    assertEquals(0, rows.where(rows.col("kind").equalTo("sector").and(rows.col("ngram").isNotNull())).count(),
        "a sector has no n-gram order");
    List<List<Object>> all = rowValues(rows.select("kind", "language", "term", "visit_id", "place"));
    List<List<Object>> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing((List<Object> r) -> (String) r.get(0)).thenComparing(r -> (String) r.get(1))
        .thenComparing(r -> (String) r.get(2)).thenComparing(r -> (String) r.get(3))
        .thenComparing(r -> (Integer) r.get(4)));
    // the order within kind "term" is by ngram before term: compare the sector rows, which have no ngram
    assertEquals(sorted.stream().filter(r -> r.get(0).equals("sector")).toList(),
        all.stream().filter(r -> r.get(0).equals("sector")).toList(), "in the report's order");
  }

  @Test
  void theSameRowsHoweverTheCorpusIsPartitioned() {
    List<List<Object>> spread = rowValues(KeywordContextsReport.build(corpus, TERMS, Set.of("v1", "v2"), 2, 4));
    List<List<Object>> one = rowValues(KeywordContextsReport.build(corpus.coalesce(1), TERMS, Set.of("v1", "v2"),
        2, 4));
    assertTrue(corpus.rdd().getNumPartitions() > 1, "the corpus is spread: " + corpus.rdd().getNumPartitions());
    assertEquals(one, spread);
  }
}
