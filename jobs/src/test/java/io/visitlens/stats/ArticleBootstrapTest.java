package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.stats.ArticleBootstrap.Articles;
import io.visitlens.stats.ArticleBootstrap.Interval;
import io.visitlens.stats.ArticleBootstrap.Replicate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The article-level bootstrap on fixtures whose resamples are known by hand. */
class ArticleBootstrapTest {
  static final int ENERGY = 0;
  static final int TRADE = 1;

  /** Articles from rows {total, energy, trade}. */
  static Articles articles(int[]... rows) {
    int[] totals = new int[rows.length];
    int[] article = new int[rows.length * 2];
    int[] sector = new int[rows.length * 2];
    int[] count = new int[rows.length * 2];
    for (int i = 0; i < rows.length; i++) {
      totals[i] = rows[i][0];
      article[2 * i] = i;
      sector[2 * i] = ENERGY;
      count[2 * i] = rows[i][1];
      article[2 * i + 1] = i;
      sector[2 * i + 1] = TRADE;
      count[2 * i + 1] = rows[i][2];
    }
    return new Articles(totals, article, sector, count);
  }

  @Test
  void whenEveryArticleHasTheSameShareTheIntervalIsAPoint() {
    // A: every article half energy; B: every article a quarter energy. Any resample has the same shares.
    Articles a = articles(new int[] {4, 2, 2}, new int[] {10, 5, 5}, new int[] {2, 1, 1});
    Articles b = articles(new int[] {8, 2, 6}, new int[] {4, 1, 3});
    Replicate[] replicates = ArticleBootstrap.replicates(a, b, 2, 7L, 0, 500);
    Interval energy = ArticleBootstrap.interval(replicates, ENERGY, 0.95);
    assertEquals(new Interval(0.5, 0.5, 0.25, 0.25, -25.0, -25.0, 0.0), energy,
        "a point at the observed shares; every replicate below zero, so p = 0");
    assertArrayEquals(new double[] {0.5, 0.5}, ArticleBootstrap.observed(a, 2), 0.0);
  }

  @Test
  void twoArticlesGiveThreeResamplesWithProbabilitiesAQuarterAHalfAQuarter() {
    // A: a1 no energy of 10 mentions, a2 10 energy of 30. Resamples: a1 a1 → 0; a1 a2 → 10/40; a2 a2 → 20/60.
    // B: one article, energy 5 of 10: always 0.5. δ = (0.5 − share_A) × 100 ∈ {50, 25, 16.67}.
    Articles a = articles(new int[] {10, 0, 10}, new int[] {30, 10, 20});
    Articles b = articles(new int[] {10, 5, 5});
    int n = 4000;
    Replicate[] replicates = ArticleBootstrap.replicates(a, b, 2, 11L, 0, n);
    Map<Double, Integer> seen = new TreeMap<>();
    for (Replicate r : replicates) {
      seen.merge(r.a()[ENERGY], 1, Integer::sum);
    }
    assertEquals(java.util.Set.of(0.0, 0.25, 1 / 3.0), seen.keySet(), "the three resamples and nothing else");
    assertEquals(0.25, seen.get(0.0) / (double) n, 0.03, "a1 twice: 1/4 " + seen);
    assertEquals(0.50, seen.get(0.25) / (double) n, 0.03, "each once: 1/2 " + seen);
    assertEquals(0.25, seen.get(1 / 3.0) / (double) n, 0.03, "a2 twice: 1/4 " + seen);
    // Each extreme has probability 1/4, well over the 2.5% tails: the 95% interval is the whole support.
    Interval energy = ArticleBootstrap.interval(replicates, ENERGY, 0.95);
    assertEquals(0.0, energy.shareALow());
    assertEquals(1 / 3.0, energy.shareAHigh());
    assertEquals(0.5, energy.shareBLow());
    assertEquals(0.5, energy.shareBHigh());
    assertEquals((0.5 - 1 / 3.0) * 100, energy.deltaLow(), 1e-12);
    assertEquals(50.0, energy.deltaHigh(), 1e-12);
    assertEquals(0.0, energy.pBootstrap(), "every δ is above zero");
    // Trade is the mirror image: 10/10, 30/40, 40/60 in A against 0.5 in B; δ below zero except a1 a1 (−50) ...
    Interval trade = ArticleBootstrap.interval(replicates, TRADE, 0.95);
    assertEquals(-50.0, trade.deltaLow(), 1e-12);
    assertEquals((0.5 - 40 / 60.0) * 100, trade.deltaHigh(), 1e-12);
  }

  @Test
  void pCountsTheReplicatesOnTheFarSideOfZeroTwice() {
    // A: a1 all energy (10 of 10), a2 none (0 of 10): share 1, 0.5 or 0. B: always 0.5. δ = 50 − 100·share_A:
    // −50 (1/4), 0 (1/2), +50 (1/4). At or below zero 3/4, at or above 3/4: p = min(1, 2 · 3/4) = 1.
    Articles a = articles(new int[] {10, 10, 0}, new int[] {10, 0, 10});
    Articles b = articles(new int[] {10, 5, 5});
    Interval energy = ArticleBootstrap.interval(ArticleBootstrap.replicates(a, b, 2, 3L, 0, 2000), ENERGY, 0.95);
    assertEquals(1.0, energy.pBootstrap());
    assertEquals(-50.0, energy.deltaLow());
    assertEquals(50.0, energy.deltaHigh());
  }

  @Test
  void theSameSeedGivesTheSameReplicatesHoweverTheyAreSplit() {
    Articles a = articles(new int[] {3, 1, 2}, new int[] {7, 0, 7}, new int[] {5, 5, 0}, new int[] {1, 1, 0});
    Articles b = articles(new int[] {9, 3, 6}, new int[] {2, 2, 0});
    Replicate[] whole = ArticleBootstrap.replicates(a, b, 2, 42L, 0, 100);
    Replicate[] first = ArticleBootstrap.replicates(a, b, 2, 42L, 0, 37);
    Replicate[] rest = ArticleBootstrap.replicates(a, b, 2, 42L, 37, 100);
    for (int r = 0; r < 100; r++) {
      Replicate split = r < 37 ? first[r] : rest[r - 37];
      assertArrayEquals(whole[r].a(), split.a(), 0.0, "replicate " + r);
      assertArrayEquals(whole[r].b(), split.b(), 0.0, "replicate " + r);
    }
    Replicate[] otherSeed = ArticleBootstrap.replicates(a, b, 2, 43L, 0, 100);
    assertTrue(java.util.stream.IntStream.range(0, 100).anyMatch(r -> !Arrays.equals(whole[r].a(), otherSeed[r].a())),
        "another seed, other replicates");
  }

  @Test
  void aVisitWithoutMentionsHasSharesOfZero() {
    Articles none = articles(new int[] {0, 0, 0}, new int[] {0, 0, 0});
    Articles b = articles(new int[] {4, 4, 0});
    Interval energy = ArticleBootstrap.interval(ArticleBootstrap.replicates(none, b, 2, 1L, 0, 50), ENERGY, 0.9);
    assertEquals(new Interval(0, 0, 1, 1, 100, 100, 0), energy);
  }

  @Test
  void quantilesAreNearestRank() {
    double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(1.0, ArticleBootstrap.quantile(v, 0.025), "⌈0.25⌉ = 1st");
    assertEquals(10.0, ArticleBootstrap.quantile(v, 0.975), "⌈9.75⌉ = 10th");
    assertEquals(5.0, ArticleBootstrap.quantile(v, 0.5), "⌈5⌉ = 5th");
    assertEquals(6.0, ArticleBootstrap.quantile(v, 0.51), "⌈5.1⌉ = 6th");
    assertThrows(IllegalArgumentException.class, () -> ArticleBootstrap.interval(new Replicate[0], 0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> ArticleBootstrap.interval(
        new Replicate[] {new Replicate(new double[1], new double[1])}, 0, 1.0));
  }
}
