package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lexicon_gaps on articles written for the test, annotated by the real text core: a sector left out of a list of
 * sectors on purpose ("IT, space and tourism"), a word that keeps company with one sector, and what is never a
 * candidate (a lexicon phrase, a matched token, a stop word).
 */
class LexiconGapsReportTest extends SparkTestBase {
  static final SectorLexicon LEXICON = SectorLexicon.parse(String.join("\n",
      "sector,phrase,kind,cap_code,lang,notes",
      "IT and digital,IT,acronym,17,en,",
      "tourism,tourism,word,17,en,",
      "healthcare,healthcare,word,3,en,",
      "space,space industry,phrase,17,en,\"Bare 'space' left out: post-Soviet space is frequent.\"",
      "energy,energy,word,8,en,",
      "energy,oil and gas,phrase,8,en,",
      "trade,trade,word,18,en,", ""), "lexicon.csv");
  static Map<String, Row> byReasonAndCandidate;
  static Dataset<Row> gaps;

  @BeforeAll
  static void annotate() {
    startSpark();
    Dataset<Row> corpus = annotatedArticles(LEXICON,
            row("d1", "v1", "en", "Serbia was offered to work jointly in healthcare, IT, space and tourism sectors."),
            row("d2", "v1", "en", "Energy pipelines matter. The energy pipelines are long. Trade grew."),
            row("d3", "v2", "en", "New energy pipelines were built. Trade rose again, and trade fell. Trade is trade."),
            row("d4", "v2", "en", "Oil and gas and energy pipelines, they said."));
    gaps = LexiconGapsReport.build(corpus, LEXICON).cache();
    byReasonAndCandidate = gaps.collectAsList().stream().collect(Collectors.toMap(
        r -> r.getAs("reason") + "/" + r.getAs("sector") + "/" + r.getAs("candidate"), r -> r, (a, b) -> a));
  }

  @Test
  void aSectorLeftOutOfAListOfSectorsIsProposedAndFlagged() {
    Row space = byReasonAndCandidate.get("enumeration/space/space");
    assertTrue(space != null, byReasonAndCandidate.keySet().toString());
    assertEquals(1, space.<Integer>getAs("ngram"));
    assertEquals(1L, space.<Long>getAs("count"));
    assertEquals(true, space.getAs("rejected_by_note"), "the lexicon's note leaves bare 'space' out on purpose");
    assertEquals("d1", space.getAs("evidence_doc_id"));
    assertTrue(space.<String>getAs("evidence").contains("healthcare, IT, space and tourism"), space.toString());
    assertFalse(byReasonAndCandidate.keySet().stream().anyMatch(k -> k.startsWith("enumeration/") && (k.endsWith("/it")
        || k.endsWith("/tourism") || k.endsWith("/healthcare") || k.endsWith("/tourism sectors"))),
        "a matched item is not a candidate: " + byReasonAndCandidate.keySet());
  }

  @Test
  void aWordThatKeepsCompanyWithOneSectorIsAssociatedWithIt() {
    Row pipelines = byReasonAndCandidate.get("association/energy/pipelines");
    assertTrue(pipelines != null, byReasonAndCandidate.keySet().toString());
    // 8 sentences with a sector mention: 4 with energy, all with "pipelines"; 4 others (trade; the list of d1),
    // none with it. Observed 4, 0, 0, 4 against 2, 2, 2, 2 expected: G² = 2 (4 ln 2 + 4 ln 2) = 16 ln 2.
    assertEquals(4L, pipelines.<Long>getAs("count"));
    assertEquals(3L, pipelines.<Long>getAs("doc_freq"));
    assertEquals(16 * Math.log(2), pipelines.<Double>getAs("score"), 1e-12);
    assertEquals(false, pipelines.getAs("rejected_by_note"));
    assertFalse(byReasonAndCandidate.containsKey("association/trade/pipelines"), "not over-represented with trade");
  }

  @Test
  void neverALexiconPhraseAMatchedTokenOrAStopWord() {
    Set<String> candidates = byReasonAndCandidate.values().stream().map(r -> r.<String>getAs("candidate"))
        .collect(Collectors.toSet());
    for (String never : List.of("energy", "trade", "oil and gas", "oil", "gas", "and", "the", "were")) {
      assertFalse(candidates.contains(never), never + " in " + candidates);
    }
    assertEquals(Set.of("space"), LexiconGapsReport.leftOutOnPurpose(LEXICON));
    List<String> order = gaps.collectAsList().stream().map(r -> r.getAs("reason") + "/" + r.getAs("sector"))
        .toList();
    assertEquals(order.stream().sorted().toList(), order, "by reason, then sector");
  }
}
