package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.stats.CooccurrencePermutation.Article;
import io.visitlens.stats.CooccurrencePermutation.PairChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The co-occurrence change and its permutation test, on fixtures enumerated by hand. */
class CooccurrencePermutationTest {
  static final int E = 0;
  static final int T = 1;

  /** An article of one window holding {@code sectors}. */
  static Article one(int... sectors) {
    return new Article(1, sectors.length == 0 ? new int[0][] : new int[][] {sectors});
  }

  @Test
  void theSixLabellingsOfFourArticlesGiveAnExactP() {
    // A: a1 {e}, a2 {t}: never together, NPMI −1. B: b1 {e, t}, b2 {e, t}: always together, +1. Δ = 2.
    // The six ways to pick A's two articles among four: {a1 a2} Δ = 2; {b1 b2} Δ = −2; the four mixed ones put one
    // article of each kind in each group: e in 2, t in 1, together in 1 of 2 windows on both sides, Δ = 0.
    // |Δ| ≥ 2 in 2 of 6: p = 1/3.
    List<Article> a = List.of(one(E), one(T));
    List<Article> b = List.of(one(E, T), one(E, T));
    List<int[]> pairs = CooccurrencePermutation.pairs(a, b, 2);
    assertEquals(1, pairs.size());
    assertTrue(CooccurrencePermutation.exact(2, 2, 1000));
    long[] hits = CooccurrencePermutation.hits(a, b, 2, pairs, 1L, 0, 6, true);
    PairChange change = CooccurrencePermutation.changes(a, b, 2, pairs, hits, 6, true).get(0);
    assertEquals(new PairChange(E, T, 0, 2, 1, 1, 2, 2, 2, 2, -1.0, 1.0, 1 / 3.0), change);
    assertEquals(2.0, change.delta());
  }

  @Test
  void aPairSeenInOneVisitOnlyIsNeverTogetherInTheOther() {
    // A has no tourism at all: its NPMI is −1, not undefined.
    List<Article> a = List.of(one(E), one(E));
    List<Article> b = List.of(one(E, T), one(T));
    PairChange change = CooccurrencePermutation.changes(a, b, 2, CooccurrencePermutation.pairs(a, b, 2),
        new long[] {0}, 0, true).get(0);
    assertEquals(-1.0, change.npmiA());
    assertEquals(Association.npmi(1, 1, 2, 2), change.npmiB());
    assertTrue(Double.isNaN(change.pPermutation()), "no labelling counted, no p");
  }

  /** Ten articles of sentence windows with assorted sector sets. */
  static List<List<Article>> tenArticles() {
    List<Article> a = new ArrayList<>();
    List<Article> b = new ArrayList<>();
    a.add(new Article(3, new int[][] {{E}, {E, T}}));
    a.add(new Article(2, new int[][] {{T}}));
    a.add(new Article(4, new int[][] {{E}, {T}, {E}}));
    a.add(new Article(1, new int[0][]));
    a.add(new Article(2, new int[][] {{E, T}}));
    b.add(new Article(2, new int[][] {{E, T}, {E, T}}));
    b.add(new Article(3, new int[][] {{E, T}}));
    b.add(new Article(1, new int[][] {{T}}));
    b.add(new Article(2, new int[][] {{E, T}, {E}}));
    b.add(new Article(5, new int[][] {{E, T}, {T}, {E, T}}));
    return List.of(a, b);
  }

  @Test
  void randomLabellingsEstimateTheExactP() {
    List<Article> a = tenArticles().get(0);
    List<Article> b = tenArticles().get(1);
    List<int[]> pairs = CooccurrencePermutation.pairs(a, b, 2);
    long all = CooccurrencePermutation.choose(10, 5);
    assertEquals(252, all);
    double exact = CooccurrencePermutation.changes(a, b, 2, pairs,
        CooccurrencePermutation.hits(a, b, 2, pairs, 0L, 0, (int) all, true), all, true).get(0).pPermutation();
    assertFalse(CooccurrencePermutation.exact(5, 5, 200));
    double estimate = CooccurrencePermutation.changes(a, b, 2, pairs,
        CooccurrencePermutation.hits(a, b, 2, pairs, 17L, 0, 2000, false), 2000, false).get(0).pPermutation();
    assertEquals(exact, estimate, 0.04, "2,000 random labellings against all 252");
    assertTrue(exact > 0 && exact < 1, "a p between the extremes: " + exact);
  }

  @Test
  void theSameLabellingsHoweverTheyAreSplit() {
    List<Article> a = tenArticles().get(0);
    List<Article> b = tenArticles().get(1);
    List<int[]> pairs = CooccurrencePermutation.pairs(a, b, 2);
    for (boolean exact : new boolean[] {true, false}) {
      long[] whole = CooccurrencePermutation.hits(a, b, 2, pairs, 5L, 0, 252, exact);
      long[] first = CooccurrencePermutation.hits(a, b, 2, pairs, 5L, 0, 100, exact);
      long[] rest = CooccurrencePermutation.hits(a, b, 2, pairs, 5L, 100, 252, exact);
      assertEquals(whole[0], first[0] + rest[0], "exact: " + exact);
    }
  }

  @Test
  void combinationsAreInLexicographicOrder() {
    List<String> seen = new ArrayList<>();
    int[] c = CooccurrencePermutation.combination(4, 2, 0);
    for (int r = 0; r < 6; r++) {
      assertArrayEquals(CooccurrencePermutation.combination(4, 2, r), c, "rank " + r);
      seen.add(c[0] + "" + c[1]);
      CooccurrencePermutation.nextCombination(c, 4);
    }
    assertEquals(List.of("01", "02", "03", "12", "13", "23"), seen);
    assertEquals(Long.MAX_VALUE, CooccurrencePermutation.choose(2000, 1000), "too many to enumerate");
  }

  @Test
  void qValuesAreBenjaminiHochbergs() {
    double[] p = {0.01, 0.04, 0.03, 0.04, 0.5, 0.002, 1.0};
    assertArrayEquals(BenjaminiHochbergReference.benjaminiHochberg(p), CooccurrencePermutation.qValues(p), 1e-12);
  }
}
