package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The article-level interval of a term's log ratio, on fixtures worked by hand. */
class TermBootstrapTest {

  /** One term (index 0) in articles given as {total, count}. */
  static TermBootstrap.Side side(long[]... articles) {
    long[] totals = new long[articles.length];
    int[] article = new int[articles.length];
    int[] term = new int[articles.length];
    long[] count = new long[articles.length];
    for (int i = 0; i < articles.length; i++) {
      totals[i] = articles[i][0];
      article[i] = i;
      count[i] = articles[i][1];
    }
    return new TermBootstrap.Side(totals, article, term, count);
  }

  @Test
  void whenEveryArticleHasTheSameRateTheIntervalIsThePoint() {
    // A: every article 1 in 5 (rate 0.2); B: every article 1 in 2 (rate 0.5). log2(0.5 / 0.2) = 1.3219 in any resample.
    TermBootstrap.Side a = side(new long[] {10, 2}, new long[] {20, 4}, new long[] {5, 1});
    TermBootstrap.Side b = side(new long[] {10, 5}, new long[] {4, 2});
    double[] ci = TermBootstrap.intervals(a, b, 1, 500, 3L, 0.95)[0];
    double expected = Keyness.logRatio(7, 35, 7, 14);
    assertEquals(Math.log(0.5 / 0.2) / Math.log(2), expected, 1e-12);
    assertArrayEquals(new double[] {expected, expected}, ci, 1e-12);
  }

  @Test
  void twoArticlesGiveTheirThreeResamples() {
    // A: a1 0 of 10, a2 10 of 10. Resamples: a1 a1 (0 of 20: the zero counts 0.5), a1 a2 (10 of 20), a2 a2 (20 of 20).
    // B: one article, 5 of 10. log ratios: log2(0.5 / (0.5/20)) = 4.32, log2(0.5/0.5) = 0, log2(0.5/1) = −1.
    TermBootstrap.Side a = side(new long[] {10, 0}, new long[] {10, 10});
    TermBootstrap.Side b = side(new long[] {10, 5});
    double[] ci = TermBootstrap.intervals(a, b, 1, 2000, 9L, 0.95)[0];
    assertEquals(-1.0, ci[0], 1e-12);
    assertEquals(Keyness.logRatio(0, 20, 10, 20), ci[1], 1e-12);
    assertTrue(ci[1] > 4.3 && ci[1] < 4.33, "log2(20) = 4.32: " + ci[1]);
  }

  @Test
  void aSideWithoutTermsGivesNoInterval() {
    TermBootstrap.Side a = side(new long[] {0, 0});
    TermBootstrap.Side b = side(new long[] {10, 5});
    double[] ci = TermBootstrap.intervals(a, b, 1, 100, 1L, 0.95)[0];
    assertTrue(Double.isNaN(ci[0]) && Double.isNaN(ci[1]));
    assertTrue(TermBootstrap.groupSeed(1L, "en", 1) != TermBootstrap.groupSeed(1L, "en", 2)
        && TermBootstrap.groupSeed(1L, "en", 1) != TermBootstrap.groupSeed(1L, "sr-Latn", 1), "groups draw apart");
  }
}
