package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.Visit;
import io.visitlens.stats.Keyness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The speech pass on Spark: statements and deliverables of articles annotated by the real text core, in the reports'
 * order; and speaker_emphasis against values worked by hand.
 */
class SpeechReportsTest extends SparkTestBase {
  static final Visit V1 = new Visit("v1", "Belgrade", LocalDate.of(2024, 11, 18), LocalDate.of(2024, 11, 19),
      "Serbia", "Belgrade", "Kazakhstan", "Kassym-Jomart Tokayev", "Aleksandar Vučić");
  static final Visit V2 = new Visit("v2", "Astana", LocalDate.of(2026, 2, 26), LocalDate.of(2026, 2, 27),
      "Kazakhstan", "Astana", "Serbia", "Aleksandar Vučić", "Kassym-Jomart Tokayev");
  static Dataset<Row> speech;

  @BeforeAll
  static void annotate() {
    startSpark();
    SectorLexicon lexicon = SectorLexicon.parse(String.join("\n", "sector,phrase,kind,cap_code,lang,notes",
        "energy,energy,word,8,en,", "trade,trade,word,18,en,", ""), "lexicon.csv");
    Dataset<Row> corpus = annotatedArticles(lexicon,
            row("a1", "v1", "en", "Energy and energy again, said the Kazakh leader. Vučić stressed trade.\n\n"
                + "The presidents signed ten documents on energy."),
            row("a2", "v2", "en", "Tokayev noted that energy matters. The two sides will sign a roadmap."),
            row("a3", "v2", "sr-Latn", "Vučić je rekao da je energija važna."));
    speech = SpeechReports.pass(corpus, List.of(V1, V2)).cache();
  }

  @Test
  void statementsAndDeliverablesInTheReportsOrder() {
    List<List<Object>> statements = rowValues(SpeechReports.statements(speech)
        .select("doc_id", "speaker", "speaker_role", "cue", "kind", "sectors", "sector_mentions"));
    assertEquals(List.of(
        List.of("a1", "Kassym-Jomart Tokayev", "guest_leader", "said", "quote", "energy", 2),
        List.of("a1", "Aleksandar Vučić", "host_leader", "stressed", "reported", "trade", 1),
        List.of("a2", "Kassym-Jomart Tokayev", "host_leader", "noted", "reported", "energy", 1)), statements,
        "a3 is Serbian: no cue words yet, no statement");
    List<List<Object>> deliverables = rowValues(SpeechReports.deliverables(speech)
        .select("doc_id", "kind", "value", "unit", "sector", "tense"));
    assertEquals(List.of(List.of("a1", "agreement", 10.0, "documents", "energy", "done"),
        java.util.Arrays.asList("a2", "agreement", null, "roadmap", null, "planned")), deliverables);
  }

  @Test
  void speakerEmphasisAgainstValuesWorkedByHand() {
    Map<String, Long> pooled = Map.of("energy", 4L, "trade", 1L);
    List<Row> rows = SpeakerEmphasisReport.build(spark, speech, "v1", "v2", pooled, 0.5).orderBy("speaker", "sector")
        .collectAsList();
    // Tokayev: v1 energy 2 of 2, v2 energy 1 of 1. Vučić: v1 trade 1 of 1, nothing in v2.
    assertEquals(2, rows.size(), rows::toString);
    Row tokayev = rows.stream().filter(r -> r.getAs("speaker").equals("Kassym-Jomart Tokayev")).findFirst()
        .orElseThrow();
    assertEquals(List.of("energy", "guest_leader", "host_leader", 1L, 1L, 2L, 1L, 2L, 1L, 1.0, 1.0, 0.0),
        List.of(tokayev.getAs("sector"), tokayev.getAs("role_a"), tokayev.getAs("role_b"), tokayev.getAs("statements_a"),
            tokayev.getAs("statements_b"), tokayev.getAs("mentions_a"), tokayev.getAs("mentions_b"),
            tokayev.getAs("total_a"), tokayev.getAs("total_b"), tokayev.getAs("share_a"), tokayev.getAs("share_b"),
            tokayev.getAs("delta_pp")));
    Keyness.LogOdds lo = Keyness.logOddsDirichlet(2, 2, 1, 1, 2.0, 2.5);
    assertEquals(lo.zScore(), tokayev.<Double>getAs("z_score"), 1e-12);
    Row vucic = rows.stream().filter(r -> r.getAs("speaker").equals("Aleksandar Vučić")).findFirst().orElseThrow();
    assertEquals("silent_in_b", vucic.getAs("trend"));
    assertNull(vucic.getAs("share_b"));
    assertNull(vucic.getAs("z_score"));
  }
}
