package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-worked fixtures for {@link Association}; the arithmetic is in the comment next to each row. */
class AssociationTest {

  static final double TOLERANCE = 1e-12;

  static String counts(long co, long a, long b, long n) {
    return "co=" + co + ", a=" + a + ", b=" + b + ", n=" + n;
  }

  /** assertEquals that also accepts an expected NaN or infinity, with context. */
  static void assertValue(double expected, double actual, String message) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), message + ": expected NaN, got " + actual);
    } else if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, message);
    } else {
      assertEquals(expected, actual, TOLERANCE, message);
    }
  }

  static Stream<Arguments> jaccardFixtures() {
    return Stream.of(
        // 3 / (5 + 7 − 3) = 3/9 = 0.333333333333
        argumentSet("partial overlap", 3L, 5L, 7L, 0.33333333333333333),
        // 10 / (20 + 25 − 10) = 10/35 = 0.285714285714
        argumentSet("sectors of different size", 10L, 20L, 25L, 0.28571428571428571),
        // 5 / (5 + 5 − 5) = 1
        argumentSet("always together", 5L, 5L, 5L, 1.0),
        // 0 / (4 + 6 − 0) = 0
        argumentSet("never together", 0L, 4L, 6L, 0.0),
        // 0 / (0 + 0 − 0): denominator 0 → 0 by convention
        argumentSet("neither sector occurs", 0L, 0L, 0L, 0.0),
        // 0 / (0 + 6 − 0) = 0
        argumentSet("A never occurs", 0L, 0L, 6L, 0.0));
  }

  @ParameterizedTest
  @MethodSource("jaccardFixtures")
  void jaccardMatchesHandWorkedValue(long co, long a, long b, double expected) {
    assertAll(
        () -> assertValue(expected, Association.jaccard(co, a, b), "jaccard for co=" + co + ", a=" + a + ", b=" + b),
        () -> assertValue(expected, Association.jaccard(co, b, a), "jaccard with a, b swapped for co=" + co));
  }

  static Stream<Arguments> pmiFixtures() {
    return Stream.of(
        // ln((10/100) / ((20/100)(25/100))) = ln(0.1/0.05) = ln 2 = 0.693147180560
        // npmi = 0.693147180560 / −ln(0.1) = 0.693147180560 / 2.302585092994 = 0.301029995664
        argumentSet("twice the chance rate", 10L, 20L, 25L, 100L, 0.69314718055994531, 0.30102999566398120),
        // A always with B, B not always with A: ln(0.1 / (0.1 · 0.5)) = ln 2; npmi = ln 2 / ln 10 = 0.301029995664
        argumentSet("A inside B", 10L, 10L, 50L, 100L, 0.69314718055994531, 0.30102999566398120),
        // ln(0.05 / (0.1 · 0.5)) = ln 1 = 0; npmi = 0 / −ln(0.05) = 0
        argumentSet("independent", 5L, 10L, 50L, 100L, 0.0, 0.0),
        // ln(0.03 / (0.4 · 0.6)) = ln(0.125) = −2.079441541680
        // npmi = −2.079441541680 / −ln(0.03) = −2.079441541680 / 3.506557897320 = −0.593015031427
        argumentSet("less than chance", 3L, 40L, 60L, 100L, -2.0794415416798359, -0.59301503142700911),
        // ln(0.001 / (0.001 · 0.002)) = ln 500 = 6.214608098422
        // npmi = 6.214608098422 / −ln(0.001) = 6.214608098422 / 6.907755278982 = 0.899656668112
        argumentSet("rare pair", 1L, 1L, 2L, 1000L, 6.2146080984221917, 0.89965666811200627),
        // ln((7/12) / ((9/12)(8/12))) = ln(7·12 / 72) = ln(1.166666666667) = 0.154150679827
        // npmi = 0.154150679827 / −ln(7/12) = 0.154150679827 / 0.538996500733 = 0.285995696851
        argumentSet("dense windows", 7L, 9L, 8L, 12L, 0.15415067982725830, 0.28599569685093127),
        // perfect co-occurrence co = a = b = 30: ln(0.3 / 0.09) = ln(3.333333333333) = 1.203972804326
        // npmi = 1.203972804326 / −ln(0.3) = 1.203972804326 / 1.203972804326 = 1
        argumentSet("perfect co-occurrence", 30L, 30L, 30L, 100L, 1.2039728043259360, 1.0),
        // co = a = b = n: pmi = ln(1 / (1 · 1)) = 0, npmi = 0/0 → defined as 1
        argumentSet("both in every window", 40L, 40L, 40L, 40L, 0.0, 1.0),
        // never co-occurring: pmi = ln 0 = −∞, npmi = −1 (Bouma 2009)
        argumentSet("never together", 0L, 20L, 30L, 100L, Double.NEGATIVE_INFINITY, -1.0),
        // never together and covering all windows between them
        argumentSet("never together, complementary", 0L, 60L, 40L, 100L, Double.NEGATIVE_INFINITY, -1.0),
        // a sector never occurs: p(A) = 0, 0/0 → NaN
        argumentSet("A never occurs", 0L, 0L, 30L, 100L, Double.NaN, Double.NaN),
        argumentSet("no windows at all", 0L, 0L, 0L, 0L, Double.NaN, Double.NaN));
  }

  @ParameterizedTest
  @MethodSource("pmiFixtures")
  void pmiAndNpmiMatchHandWorkedValues(long co, long a, long b, long n, double expectedPmi, double expectedNpmi) {
    String context = counts(co, a, b, n);
    assertAll(
        () -> assertValue(expectedPmi, Association.pmi(co, a, b, n), "pmi for " + context),
        () -> assertValue(expectedNpmi, Association.npmi(co, a, b, n), "npmi for " + context),
        () -> assertValue(expectedPmi, Association.pmi(co, b, a, n), "pmi with a, b swapped for " + context),
        () -> assertValue(expectedNpmi, Association.npmi(co, b, a, n), "npmi with a, b swapped for " + context));
  }

  @Test
  void perfectCoOccurrenceIsExactlyOneForAnySize() {
    // small counts, and counts whose products co·n and a·b exceed 2^53 and are rounded
    long[] sizes = new long[520];
    for (int k = 0; k < 500; k++) {
      sizes[k] = k + 1;
    }
    for (int k = 500; k < 520; k++) {
      sizes[k] = 3_000_000_017L * (k - 498) + 12_345L * k;
    }
    for (long co : sizes) {
      for (long n : new long[] {co, co + 1, 3 * co, co + 1000, 7 * co + 3}) {
        assertEquals(1.0, Association.npmi(co, co, co, n), "npmi of co = a = b, " + counts(co, co, co, n));
      }
    }
  }

  @Test
  void npmiStaysWithinMinusOneAndOne() {
    SplittableRandom random = new SplittableRandom(2009L);
    for (int trial = 0; trial < 2000; trial++) {
      long n = 1 + random.nextLong(trial < 1000 ? 30 : 10_000_000);
      long a = 1 + random.nextLong(n);
      long b = 1 + random.nextLong(n);
      long minCo = Math.max(0, a + b - n);
      long co = minCo + random.nextLong(Math.min(a, b) - minCo + 1);
      double npmi = Association.npmi(co, a, b, n);
      String context = counts(co, a, b, n);
      assertTrue(npmi >= -1.0 && npmi <= 1.0, "npmi out of [-1, 1] for " + context + ": " + npmi);
      double pmi = Association.pmi(co, a, b, n);
      assertTrue(Math.signum(npmi) == Math.signum(pmi) || npmi == 1.0,
          "npmi and pmi must share a sign for " + context + ": pmi=" + pmi + ", npmi=" + npmi);
    }
  }

  static Stream<Arguments> inconsistentCounts() {
    return Stream.of(
        argumentSet("co above a", 6L, 5L, 10L, 100L),
        argumentSet("co above b", 6L, 10L, 5L, 100L),
        argumentSet("negative co", -1L, 5L, 5L, 100L),
        // 1000 + 1000 − 999 = 1001 windows with A or B, but only 1000 windows
        argumentSet("union larger than n", 999L, 1000L, 1000L, 1000L),
        argumentSet("a larger than n", 0L, 11L, 0L, 10L));
  }

  @ParameterizedTest
  @MethodSource("inconsistentCounts")
  void inconsistentCountsAreRejected(long co, long a, long b, long n) {
    String context = counts(co, a, b, n);
    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> Association.pmi(co, a, b, n), "pmi for " + context),
        () -> assertThrows(IllegalArgumentException.class, () -> Association.npmi(co, a, b, n), "npmi for " + context));
  }

  @Test
  void jaccardRejectsCoAboveEitherCount() {
    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> Association.jaccard(4, 3, 10), "co > a"),
        () -> assertThrows(IllegalArgumentException.class, () -> Association.jaccard(4, 10, 3), "co > b"),
        () -> assertThrows(IllegalArgumentException.class, () -> Association.jaccard(-1, 3, 3), "co < 0"));
  }
}
