package io.visitlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.bench.Benchmark.Contender;
import io.visitlens.bench.Benchmark.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table and summary lines of {@link Benchmark#table}, on measurements made up here: with one round the goals'
 * ratios are those of the one run; with several, each ratio is taken within its round and the median printed with
 * every round's value.
 */
class BenchmarkTableTest {
  static final long MB_31 = 31_394_000L;

  static Measurement m(int round, Contender c, long wallMs) {
    return new Measurement(10_000, MB_31, c, wallMs, 1_000_000_000L, Double.NaN, round);
  }

  static Measurement sklearn(int round, long wallMs, double fitS) {
    return new Measurement(10_000, MB_31, Contender.SKLEARN, wallMs, 400_000_000L, fitS, round);
  }

  static Benchmark.Options options(boolean resampling, boolean speech, int topics, List<String> csvScopes) {
    java.nio.file.Path p = java.nio.file.Path.of("x");
    return new Benchmark.Options(List.of(10), p, 6, java.util.EnumSet.allOf(Contender.class), p, p, p, p, 0,
        resampling, speech, topics, 1, csvScopes);
  }

  @Test
  void theAnalysisFlagsBeyondTheDefaultsAreSpelledAsOnTheCommandLine() {
    assertEquals("", Benchmark.analysisFlags(options(true, true, io.visitlens.config.JobOptions.AUTO_TOPICS,
        io.visitlens.config.JobOptions.TERM_SCOPES)), "the defaults: no flags");
    assertEquals("--bootstrap 0 --permutations 0 --no-speech --topics 0 --csv-scopes corpus,visit",
        Benchmark.analysisFlags(options(false, false, 0, List.of("visit", "corpus"))));
    assertEquals("--csv-scopes document", Benchmark.analysisFlags(options(true, true,
        io.visitlens.config.JobOptions.AUTO_TOPICS, List.of("document"))));
  }

  @Test
  void oneRoundGivesTheRatiosOfThatRound() {
    String table = Benchmark.table(List.of(m(1, Contender.ANALYSIS, 40_000), m(1, Contender.NAIVE, 48_000),
        m(1, Contender.WORDCOUNT, 5_000)));
    assertTrue(table.contains("10,000 articles: analysis takes 8.00× the word count's time (goal at 10,000: ≤ 2.0)"),
        table);
    assertTrue(table.contains("10,000 articles: the naive pipeline takes 1.20× the analysis's time (goal at 10,000: ≥ 5)"),
        table);
    assertFalse(table.contains("median"), table);
  }

  @Test
  void severalRoundsGiveTheMedianOfTheRatiosTakenWithinEachRound() {
    // Round 2 is a slow phase of the machine: every contender is slower, the ratios barely move.
    List<Measurement> all = List.of(
        m(1, Contender.ANALYSIS, 36_000), m(1, Contender.NAIVE, 45_000), m(1, Contender.WORDCOUNT, 4_500),
        sklearn(1, 6_000, 5.0),
        m(2, Contender.ANALYSIS, 44_000), m(2, Contender.NAIVE, 52_800), m(2, Contender.WORDCOUNT, 5_000),
        sklearn(2, 7_000, 6.0),
        m(3, Contender.ANALYSIS, 37_000), m(3, Contender.NAIVE, 44_400), m(3, Contender.WORDCOUNT, 4_625),
        sklearn(3, 6_200, 5.2));
    assertEquals(List.of(8.0, 8.8, 8.0), Benchmark.ratios(all, 10_000, Contender.ANALYSIS, Contender.WORDCOUNT));
    String table = Benchmark.table(all);
    assertTrue(table.contains("10,000 articles: analysis takes 8.00× the word count's time (median of 3 rounds: "
        + "8.00, 8.80, 8.00) (goal at 10,000: ≤ 2.0)"), table);
    assertTrue(table.contains("10,000 articles: the naive pipeline takes 1.20× the analysis's time (median of 3 "
        + "rounds: 1.25, 1.20, 1.20) (goal at 10,000: ≥ 5)"), table);
    // sklearn's line: medians of its rounds (6.2 s as a process, 5.2 s in fit_transform) and of ours.
    assertTrue(table.contains("sklearn CountVectorizer (1–3-grams) 5.064 MB/s as a process, 6.037 MB/s in "
        + "fit_transform alone (5.2 s); ours: analysis 0.848 MB/s, naive 0.698 MB/s, wordcount 6.788 MB/s (medians "
        + "of 3 rounds)"), table);
    // one row per round and contender, each with its round and its ratios within the round
    List<String> rows = table.lines().filter(l -> l.contains("analysis") && l.contains("31.4")).toList();
    assertEquals(3, rows.size(), table);
    assertTrue(rows.get(1).matches("\\s+10,000\\s+2\\s+31\\.4\\s+analysis\\s+44\\.0\\s+0\\.713\\s+1000\\s+8\\.80\\s+1\\.00"),
        rows.get(1));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(3.0, Benchmark.median(List.of(4.0, 1.0, 2.0, 9.0)));
    assertEquals(2.0, Benchmark.median(List.of(2.0)));
    assertThrows(IllegalArgumentException.class, () -> Benchmark.median(List.of()));
  }
}
