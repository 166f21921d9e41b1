package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.stats.TermBootstrap;
import io.visitlens.transform.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The term intervals of {@link ComparedArticles} on articles annotated by the real text core
 * ({@link CooccurrenceOfCorpusTest}'s), against {@link TermBootstrap} on each article's counts worked out here with
 * {@link Terms#forEachNgram} (every n-gram built and compared, where the pass builds only those a chosen term could
 * start); and that the three resamplings share one pass without changing one another.
 */
class ComparedArticlesTest extends SparkTestBase {
  static final List<ComparedArticles.TermGroup> GROUPS = List.of(
      new ComparedArticles.TermGroup("en", 1, List.of("trade", "energy", "flights", "absent")),
      new ComparedArticles.TermGroup("en", 2, List.of("direct flights", "green energy")),
      new ComparedArticles.TermGroup("sr", 1, List.of("trgovina")));

  @BeforeAll
  static void fixture() {
    CooccurrenceOfCorpusTest.annotate();
  }

  static ComparedArticles.Result run(int replicates, int permutations, int tasks) {
    return ComparedArticles.run(CooccurrenceOfCorpusTest.corpus, CooccurrenceOfCorpusTest.documents, "v1", "v2",
        CooccurrenceOfCorpusTest.lexicon.sectors(), GROUPS,
        new ComparedArticles.Settings(replicates, permutations, 11L, 0.9, tasks));
  }

  /** One visit's English articles in doc_id order, counted by hand for a group. */
  static TermBootstrap.Side byHand(List<Row> sentences, List<String> docs, ComparedArticles.TermGroup g) {
    long[] totals = new long[docs.size()];
    List<long[]> entries = new ArrayList<>();
    Map<String, long[]> counts = new TreeMap<>();
    for (Row s : sentences) {
      int i = docs.indexOf(s.<String>getAs("doc_id"));
      if (i < 0) {
        continue;
      }
      Terms.forEachNgram(s.getList(s.fieldIndex("terms")), s.getList(s.fieldIndex("is_stop")), Terms.MAX_ORDER,
          (at, order, term) -> {
            if (order == g.ngram()) {
              totals[i]++;
              int t = g.terms().indexOf(term);
              if (t >= 0) {
                counts.computeIfAbsent(i + "/" + t, k -> new long[] {i, t, 0})[2]++;
              }
            }
          });
    }
    entries.addAll(counts.values());
    return new TermBootstrap.Side(totals, entries.stream().mapToInt(e -> (int) e[0]).toArray(),
        entries.stream().mapToInt(e -> (int) e[1]).toArray(), entries.stream().mapToLong(e -> e[2]).toArray());
  }

  @Test
  void theTermIntervalsAreThoseOfTheArticlesCountedByHand() {
    List<Row> sentences = CooccurrenceOfCorpusTest.corpus.collectAsList();
    // v1's English articles are a1 and a2 (a6 is Serbian and has no counted sentence), v2's a3 and a5.
    List<String> a = List.of("a1", "a2");
    List<String> b = List.of("a3", "a5");
    Map<String, Row> got = new HashMap<>();
    List<Row> rows = run(400, 0, 3).termIntervals().collectAsList();
    for (Row r : rows) {
      got.put(r.getAs("ngram") + "/" + r.getAs("term"), r);
    }
    assertEquals(6, rows.size(), () -> "one row per chosen English term; none for Serbian (no v2 article): " + rows);
    for (ComparedArticles.TermGroup g : GROUPS.subList(0, 2)) {
      TermBootstrap.Side sa = byHand(sentences, a, g);
      TermBootstrap.Side sb = byHand(sentences, b, g);
      assertTrue(sa.totals()[0] > 0 && sb.totals()[0] > 0, "the fixture's articles have n-grams of each order");
      double[][] expected = TermBootstrap.intervals(sa, sb, g.terms().size(), 400,
          TermBootstrap.groupSeed(11L, g.language(), g.ngram()), 0.9);
      for (int t = 0; t < g.terms().size(); t++) {
        Row r = got.get(g.ngram() + "/" + g.terms().get(t));
        assertEquals(expected[t][0], r.<Double>getAs("log_ratio_ci_low"), 1e-12, r::toString);
        assertEquals(expected[t][1], r.<Double>getAs("log_ratio_ci_high"), 1e-12, r::toString);
        assertEquals(List.of(2L, 2L), List.of(r.getAs("n_articles_a"), r.getAs("n_articles_b")), r::toString);
      }
    }
    assertTrue(byHand(sentences, a, GROUPS.get(0)).entryCount().length >= 3,
        "trade and energy occur in v1's articles, so the counts are tested, not only the totals");
  }

  @Test
  void theResamplingsShareThePassWithoutChangingOneAnother() {
    ComparedArticles.Result all = run(300, 200, 2);
    ComparedArticles.Result onOneTask = run(300, 200, 1);
    ComparedArticles.Result noTest = run(300, 0, 2);
    ComparedArticles.Result noBootstrap = run(0, 200, 2);
    assertEquals(all.emphasis(), onOneTask.emphasis());
    assertEquals(all.emphasis(), noTest.emphasis(), "the permutations do not move the bootstrap");
    assertEquals(CooccurrenceChangeTest.sorted(all.cooccurrenceChange()),
        CooccurrenceChangeTest.sorted(noBootstrap.cooccurrenceChange()), "nor the bootstrap the permutations");
    assertEquals(CooccurrenceChangeTest.sorted(all.termIntervals()),
        CooccurrenceChangeTest.sorted(onOneTask.termIntervals()));
    assertEquals(CooccurrenceChangeTest.sorted(all.termIntervals()),
        CooccurrenceChangeTest.sorted(noTest.termIntervals()));
    assertTrue(noBootstrap.termIntervals().isEmpty(), "no bootstrap, no term interval");
    assertEquals(List.of(3L, 2L), List.of(noBootstrap.emphasis().articlesA(), noBootstrap.emphasis().articlesB()),
        "the article counts come without the bootstrap: a1, a2, a6 and a3, a5");
    assertNull(noTest.cooccurrenceChange().first().getAs("p_permutation"));
  }
}
