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

/**
 * Hand-worked fixtures for {@link Keyness}. Every expected value is a literal worked from the
 * published formula (the arithmetic is in the comment next to it), never a call to the code under
 * test. Tolerance: 1e-9 relative, with a floor of 1e-12 for expected zeros.
 */
class KeynessTest {

  static double tolerance(double expected) {
    return Math.max(1e-12, 1e-9 * Math.abs(expected));
  }

  static void assertClose(double expected, double actual, String message) {
    assertEquals(expected, actual, tolerance(expected), message);
  }

  static String table(long countA, long totalA, long countB, long totalB) {
    return "A=" + countA + "/" + totalA + ", B=" + countB + "/" + totalB;
  }

  // ---------------------------------------------------------------- log-odds, informative prior

  static Stream<Arguments> logOddsFixtures() {
    return Stream.of(
        // δ = ln(31/(1000+100−30−1)) − ln(11/(1000+100−10−1)) = ln(31/1069) − ln(11/1089)
        //   = −3.540491706540 − (−4.595119850135) = 1.054628143595
        // σ² = 1/31 + 1/11 = 0.032258064516 + 0.090909090909 = 0.123167155425; σ = 0.350951785044
        // z = 1.054628143595 / 0.350951785044 = 3.005051373265
        argumentSet("B three times as frequent, flat prior 1/100", 10L, 1000L, 30L, 1000L, 1.0, 100.0,
            1.0546281435946909, 3.0050513732647558),
        // pooled prior, scale 1: α_w = 10+30 = 40, α_0 = 1000+2000 = 3000
        // δ = ln(70/(2000+3000−30−40)) − ln(50/(1000+3000−10−40)) = ln(70/4930) − ln(50/3950)
        //   = −4.254599024987 − (−4.369447852467) = 0.114848827480
        // σ² = 1/70 + 1/50 = 0.014285714286 + 0.02 = 0.034285714286; σ = 0.185164019955
        // z = 0.114848827480 / 0.185164019955 = 0.620254558676
        argumentSet("B 1.5% vs A 1%, pooled prior scale 1", 10L, 1000L, 30L, 2000L, 40.0, 3000.0,
            0.11484882747964469, 0.62025455867646366),
        // term only in B: δ = ln(20.5/(500+50−20−0.5)) − ln(0.5/(500+50−0−0.5))
        //   = ln(20.5/529.5) − ln(0.5/549.5)
        //   = −3.251508278897 − (−7.002155954404) = 3.750647675507
        // σ² = 1/20.5 + 1/0.5 = 0.048780487805 + 2 = 2.048780487805; σ = 1.431356170841
        // z = 3.750647675507 / 1.431356170841 = 2.620345482077
        argumentSet("term only in B", 0L, 500L, 20L, 500L, 0.5, 50.0,
            3.7506476755065227, 2.6203454820770199),
        // term only in A: the same table with A and B swapped, so −δ and −z
        argumentSet("term only in A", 20L, 500L, 0L, 500L, 0.5, 50.0,
            -3.7506476755065227, -2.6203454820770199),
        // empty A shrinks to the prior log-odds: δ = ln(7/(100+20−5−2)) − ln(2/(0+20−0−2))
        //   = ln(7/113) − ln(2/18)
        //   = −2.781477669657 − (−2.197224577336) = −0.584253092321  (prior mean 0.1 > B's 0.05)
        // σ² = 1/7 + 1/2 = 0.642857142857; σ = 0.801783725737; z = −0.728691632876
        argumentSet("empty corpus A (total 0)", 0L, 0L, 5L, 100L, 2.0, 20.0,
            -0.58425309232080788, -0.72869163287588945),
        // both empty: δ = ln(1/9) − ln(1/9) = 0; σ² = 1/1 + 1/1 = 2; z = 0
        argumentSet("both corpora empty", 0L, 0L, 0L, 0L, 1.0, 10.0, 0.0, 0.0),
        // equal rates 5/100 = 10/200 = 0.05, pooled prior α_w = 15, α_0 = 300 (mean 0.05):
        // δ = ln(25/(200+300−10−15)) − ln(20/(100+300−5−15)) = ln(25/475) − ln(20/380)
        //   = ln(1/19) − ln(1/19) = 0
        argumentSet("equal rates, pooled prior", 5L, 100L, 10L, 200L, 15.0, 300.0, 0.0, 0.0),
        // identical counts with any prior: δ = ln(3.25/51.75) − ln(3.25/51.75) = 0
        argumentSet("identical counts, uninformative prior", 3L, 50L, 3L, 50L, 0.25, 5.0, 0.0, 0.0));
  }

  @ParameterizedTest
  @MethodSource("logOddsFixtures")
  void logOddsDirichletMatchesHandWorkedValue(
      long countA, long totalA, long countB, long totalB, double alphaW, double alpha0,
      double expectedDelta, double expectedZ) {
    Keyness.LogOdds result = Keyness.logOddsDirichlet(countA, totalA, countB, totalB, alphaW, alpha0);
    String context = table(countA, totalA, countB, totalB) + ", alphaW=" + alphaW + ", alpha0=" + alpha0;
    assertAll(
        () -> assertClose(expectedDelta, result.logOdds(), "log-odds delta for " + context),
        () -> assertClose(expectedZ, result.zScore(), "z-score for " + context));
  }

  @ParameterizedTest
  @MethodSource("logOddsFixtures")
  void primitiveLogOddsFunctionsMatchHandWorkedValue(
      long countA, long totalA, long countB, long totalB, double alphaW, double alpha0,
      double expectedDelta, double expectedZ) {
    String context = table(countA, totalA, countB, totalB) + ", alphaW=" + alphaW + ", alpha0=" + alpha0;
    assertAll(
        () -> assertClose(expectedDelta, Keyness.logOddsDelta(countA, totalA, countB, totalB, alphaW, alpha0),
            "logOddsDelta for " + context),
        () -> assertClose(expectedZ, Keyness.logOddsZ(countA, totalA, countB, totalB, alphaW, alpha0),
            "logOddsZ for " + context));
  }

  static Stream<Arguments> priorFixtures() {
    return Stream.of(
        // α_w = 1.0 · 40 = 40, α_0 = 1.0 · 3000 = 3000
        argumentSet("default scale 1.0", 40L, 3000L, 1.0, 40.0, 3000.0),
        // α_w = 0.01 · 40 = 0.4, α_0 = 0.01 · 3000 = 30
        argumentSet("scale 0.01", 40L, 3000L, 0.01, 0.4, 30.0),
        // α_w = 2.5 · 1 = 2.5, α_0 = 2.5 · 7 = 17.5
        argumentSet("scale 2.5, hapax", 1L, 7L, 2.5, 2.5, 17.5));
  }

  @ParameterizedTest
  @MethodSource("priorFixtures")
  void informativePriorScalesPooledCounts(
      long pooledCount, long pooledTotal, double scale, double expectedAlphaW, double expectedAlpha0) {
    Keyness.DirichletPrior prior = Keyness.informativePrior(pooledCount, pooledTotal, scale);
    String context = "pooledCount=" + pooledCount + ", pooledTotal=" + pooledTotal + ", scale=" + scale;
    assertAll(
        () -> assertClose(expectedAlphaW, prior.alphaW(), "alpha_w for " + context),
        () -> assertClose(expectedAlpha0, prior.alpha0(), "alpha_0 for " + context));
  }

  @Test
  void defaultPriorScaleIsOne() {
    assertEquals(1.0, Keyness.DEFAULT_PRIOR_SCALE, "documented default prior scale");
  }

  static Stream<Arguments> equalRates() {
    // Equal rates in A and B: every directional statistic must be 0 (expected value in the last column).
    // The log-odds uses the pooled prior, whose mean (countA+countB)/(totalA+totalB) is that same rate.
    return Stream.of(
        argumentSet("1/20 in both, B twice the size", 5L, 100L, 10L, 200L, 0.0),
        argumentSet("1/3 in both, A larger", 300L, 900L, 1L, 3L, 0.0),
        argumentSet("identical tables", 7L, 70L, 7L, 70L, 0.0),
        argumentSet("term is the whole of both corpora but one token", 9L, 10L, 99L, 110L, 0.0),
        argumentSet("large corpora", 1_234_567L, 987_654_321L, 2_469_134L, 1_975_308_642L, 0.0));
  }

  @ParameterizedTest
  @MethodSource("equalRates")
  void equalRatesGiveZeroForEveryDirectionalStatistic(
      long countA, long totalA, long countB, long totalB, double expected) {
    String context = table(countA, totalA, countB, totalB);
    Keyness.DirichletPrior prior = Keyness.informativePrior(countA + countB, totalA + totalB, 1.0);
    Keyness.LogOdds logOdds =
        Keyness.logOddsDirichlet(countA, totalA, countB, totalB, prior.alphaW(), prior.alpha0());
    assertAll(
        () -> assertClose(expected, logOdds.logOdds(), "log-odds delta for " + context),
        () -> assertClose(expected, logOdds.zScore(), "z-score for " + context),
        () -> assertEquals(expected, Keyness.g2(countA, totalA, countB, totalB), "G2 (exact) for " + context),
        () -> assertClose(expected, Keyness.logRatio(countA, totalA, countB, totalB), "log ratio for " + context));
  }

  // ---------------------------------------------------------------- symmetry

  static Stream<Arguments> asymmetricTables() {
    return Stream.of(
        argumentSet("B higher", 10L, 1000L, 30L, 1000L),
        argumentSet("only in B", 0L, 500L, 20L, 1500L),
        argumentSet("only in A", 20L, 1500L, 0L, 500L),
        argumentSet("B made of the term", 3L, 10L, 4L, 4L),
        argumentSet("uneven sizes", 123L, 45678L, 456L, 98765L),
        argumentSet("A empty", 0L, 0L, 5L, 100L));
  }

  @ParameterizedTest
  @MethodSource("asymmetricTables")
  void swappingAAndBFlipsTheSignOfEveryDirectionalStatistic(long countA, long totalA, long countB, long totalB) {
    String context = table(countA, totalA, countB, totalB) + " swapped";
    double alphaW = 0.5;
    double alpha0 = 50.0;
    Keyness.LogOdds forward = Keyness.logOddsDirichlet(countA, totalA, countB, totalB, alphaW, alpha0);
    Keyness.LogOdds backward = Keyness.logOddsDirichlet(countB, totalB, countA, totalA, alphaW, alpha0);
    double g2 = Keyness.g2(countA, totalA, countB, totalB);
    double logRatio = Keyness.logRatio(countA, totalA, countB, totalB);
    assertAll(
        () -> assertTrue(forward.logOdds() != 0.0, "fixture must be directional: " + context),
        // delta 0.0: exact negation, with 0.0 and -0.0 counted equal
        () -> assertEquals(-forward.logOdds(), backward.logOdds(), 0.0, "log-odds for " + context),
        () -> assertEquals(-forward.zScore(), backward.zScore(), 0.0, "z-score for " + context),
        () -> assertEquals(-g2, Keyness.g2(countB, totalB, countA, totalA), 0.0, "G2 for " + context),
        () -> assertEquals(-logRatio, Keyness.logRatio(countB, totalB, countA, totalA), 0.0,
            "log ratio for " + context));
  }

  // ---------------------------------------------------------------- G2

  static Stream<Arguments> g2Fixtures() {
    return Stream.of(
        // table [[10, 990], [30, 970]], N = 2000, C = (40, 1960), E = [[20, 980], [20, 980]]
        // 10 ln(10/20) + 990 ln(990/980) + 30 ln(30/20) + 970 ln(970/980)
        //   = −6.931471805599 + 10.050847749380 + 12.163953243244 − 9.948805162173 = 5.334524024850
        // G² = 2 · 5.334524024850 = 10.669048049700, B higher so +
        argumentSet("B three times as frequent", 10L, 1000L, 30L, 1000L, 10.669048049699762),
        // table [[0, 500], [20, 1480]], N = 2000, C = (20, 1980), E = [[5, 495], [15, 1485]]
        // 0 ln 0 + 500 ln(500/495) + 20 ln(20/15) + 1480 ln(1480/1485)
        //   = 0 + 5.025167926751 + 5.753641449036 − 4.991573028386 = 5.787236347400; G² = +11.574472694801
        argumentSet("term only in B", 0L, 500L, 20L, 1500L, 11.574472694800511),
        // rows swapped: same G², A higher so −
        argumentSet("term only in A", 20L, 1500L, 0L, 500L, -11.574472694800511),
        // table [[3, 7], [4, 0]], N = 14, C = (7, 7), E = [[5, 5], [2, 2]]
        // 3 ln(3/5) + 7 ln(7/5) + 4 ln(4/2) + 0 ln 0 = −1.532476871298 + 2.355305656348 + 2.772588722240 + 0
        //   = 3.595417507290; G² = +7.190835014581 (B is all term)
        argumentSet("B made entirely of the term", 3L, 10L, 4L, 4L, 7.1908350145805994),
        // table [[123, 45555], [456, 98309]], N = 144443, C = (579, 143864)
        // E = [[183.100337157, 45494.899662843], [395.899662843, 98369.100337157]]
        // −48.935542335780 + 60.140017001060 + 64.447395203320 − 60.081973736420 = 15.569896132181
        // G² = +31.139792264363
        argumentSet("uneven corpus sizes", 123L, 45678L, 456L, 98765L, 31.139792264362555),
        // one row empty: E of the other row equals O, every term is O ln 1 = 0 or 0 ln 0 = 0
        argumentSet("A empty (total 0)", 0L, 0L, 5L, 100L, 0.0),
        argumentSet("B empty (total 0)", 5L, 100L, 0L, 0L, 0.0),
        argumentSet("both empty", 0L, 0L, 0L, 0L, 0.0),
        // term absent everywhere: rates 0 = 0
        argumentSet("term absent from both", 0L, 100L, 0L, 300L, 0.0));
  }

  @ParameterizedTest
  @MethodSource("g2Fixtures")
  void g2MatchesHandWorkedValue(long countA, long totalA, long countB, long totalB, double expected) {
    assertClose(expected, Keyness.g2(countA, totalA, countB, totalB),
        "signed G2 for " + table(countA, totalA, countB, totalB));
  }

  /** 2 Σ O ln(O/E) over an explicit 2×2 table, written independently of the code under test. */
  static double contingencyG2(double[][] observed) {
    double[] rows = {observed[0][0] + observed[0][1], observed[1][0] + observed[1][1]};
    double[] columns = {observed[0][0] + observed[1][0], observed[0][1] + observed[1][1]};
    double total = rows[0] + rows[1];
    double sum = 0.0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double o = observed[i][j];
        if (o > 0) {
          double e = rows[i] * columns[j] / total;
          sum += o * Math.log(o / e);
        }
      }
    }
    return 2.0 * sum;
  }

  @Test
  void g2AgreesWithTheContingencyTableFormula() {
    SplittableRandom random = new SplittableRandom(20240611L);
    for (int trial = 0; trial < 500; trial++) {
      long totalA = 1 + random.nextLong(trial < 250 ? 50 : 5_000_000);
      long totalB = 1 + random.nextLong(trial < 250 ? 50 : 5_000_000);
      long countA = random.nextLong(totalA + 1);
      long countB = random.nextLong(totalB + 1);
      double[][] observed = {{countA, totalA - countA}, {countB, totalB - countB}};
      double magnitude = contingencyG2(observed);
      // B's rate is higher iff countB · totalA > countA · totalB (exact in long for these sizes).
      int sign = Long.signum(countB * totalA - countA * totalB);
      double expected = sign == 0 ? 0.0 : sign * magnitude;
      double actual = Keyness.g2(countA, totalA, countB, totalB);
      assertEquals(expected, actual, 1e-9 * Math.max(1.0, magnitude),
          "G2 against 2 sum O ln(O/E) for " + table(countA, totalA, countB, totalB));
    }
  }

  // ---------------------------------------------------------------- log ratio

  static Stream<Arguments> logRatioFixtures() {
    return Stream.of(
        // log2((30/1000)/(10/1000)) = log2(3) = 1.584962500721
        argumentSet("three times as frequent in B", 10L, 1000L, 30L, 1000L, 1.5849625007211562),
        // zero count in A → 0.5: log2((20/1000)/(0.5/500)) = log2(0.02/0.001) = log2(20) = 4.321928094887
        argumentSet("term only in B", 0L, 500L, 20L, 1000L, 4.3219280948873623),
        // log2((0.5/500)/(20/1000)) = −log2(20) = −4.321928094887
        argumentSet("term only in A", 20L, 1000L, 0L, 500L, -4.3219280948873623),
        // log2((0.5/400)/(7/1000)) = log2(0.00125/0.007) = log2(0.178571428571) = −2.485426827170
        argumentSet("zero in B, uneven sizes", 7L, 1000L, 0L, 400L, -2.4854268271702418),
        // log2((1/8)/(4/8)) = log2(1/4) = −2 exactly
        argumentSet("four times as frequent in A", 4L, 8L, 1L, 8L, -2.0),
        // rates 0 = 0: 0, not log2(totalA/totalB) = log2(100/300)
        argumentSet("term absent from both", 0L, 100L, 0L, 300L, 0.0),
        argumentSet("term absent from both, A empty", 0L, 0L, 0L, 300L, 0.0),
        // relative frequency of an empty corpus is 0/0, so the ratio is undefined
        argumentSet("A empty, term in B", 0L, 0L, 5L, 100L, Double.NaN),
        argumentSet("B empty, term in A", 5L, 100L, 0L, 0L, Double.NaN));
  }

  @ParameterizedTest
  @MethodSource("logRatioFixtures")
  void logRatioMatchesHandWorkedValue(long countA, long totalA, long countB, long totalB, double expected) {
    double actual = Keyness.logRatio(countA, totalA, countB, totalB);
    String message = "log ratio for " + table(countA, totalA, countB, totalB);
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), message + ": expected NaN, got " + actual);
    } else {
      assertClose(expected, actual, message);
    }
  }

  // ---------------------------------------------------------------- p-value

  static Stream<Arguments> pValueFixtures() {
    return Stream.of(
        // χ²₁ critical values: erfc(sqrt(3.841458820694124/2)) = erfc(1.385903824349) = 0.05
        argumentSet("5% critical value", 3.841458820694124, 0.050000000000000058),
        // erfc(sqrt(6.634896601021214/2)) = erfc(1.821386367718) = 0.01
        argumentSet("1% critical value", 6.634896601021214, 0.010000000000000006),
        // erfc(sqrt(10.827566170662733/2)) = erfc(2.326752886672) = 0.001
        argumentSet("0.1% critical value", 10.827566170662733, 0.00099999999999999962),
        // erfc(sqrt(1/2)) = erfc(0.707106781187) = 0.317310507863 (the two-sided 1σ tail)
        argumentSet("G2 = 1", 1.0, 0.31731050786291410),
        argumentSet("negative G2 (A side) uses |G2|", -1.0, 0.31731050786291410),
        // erfc(sqrt(0.25)) = erfc(0.5) = 0.479500122187
        argumentSet("G2 = 0.5", 0.5, 0.47950012218695346),
        // erfc(5) = 1.537459794428e-12
        argumentSet("G2 = 50", 50.0, 1.5374597944280349e-12),
        argumentSet("G2 = 0", 0.0, 1.0),
        argumentSet("G2 = +infinity", Double.POSITIVE_INFINITY, 0.0),
        argumentSet("G2 = -infinity", Double.NEGATIVE_INFINITY, 0.0));
  }

  @ParameterizedTest
  @MethodSource("pValueFixtures")
  void pValueMatchesHandWorkedValue(double g2, double expected) {
    assertClose(expected, Keyness.pValueChi2df1(g2), "p-value of G2=" + g2);
  }

  @Test
  void pValueOfNaNIsNaN() {
    double p = Keyness.pValueChi2df1(Double.NaN);
    assertTrue(Double.isNaN(p), "p-value of NaN G2 should be NaN, got " + p);
  }

  // ---------------------------------------------------------------- invalid input

  static Stream<Arguments> impossibleCounts() {
    return Stream.of(
        argumentSet("negative countA", -1L, 10L, 1L, 10L),
        argumentSet("negative countB", 1L, 10L, -1L, 10L),
        argumentSet("countA above totalA", 11L, 10L, 1L, 10L),
        argumentSet("countB above totalB", 1L, 10L, 11L, 10L),
        argumentSet("negative totals", 0L, -5L, 0L, 10L));
  }

  @ParameterizedTest
  @MethodSource("impossibleCounts")
  void impossibleCountsAreRejected(long countA, long totalA, long countB, long totalB) {
    String context = table(countA, totalA, countB, totalB);
    assertAll(
        () -> assertThrows(IllegalArgumentException.class,
            () -> Keyness.logOddsDirichlet(countA, totalA, countB, totalB, 1.0, 10.0), "log-odds for " + context),
        () -> assertThrows(IllegalArgumentException.class,
            () -> Keyness.g2(countA, totalA, countB, totalB), "G2 for " + context),
        () -> assertThrows(IllegalArgumentException.class,
            () -> Keyness.logRatio(countA, totalA, countB, totalB), "log ratio for " + context));
  }

  static Stream<Arguments> invalidPriors() {
    return Stream.of(
        argumentSet("alphaW zero", 0.0, 10.0),
        argumentSet("alphaW negative", -1.0, 10.0),
        argumentSet("alpha0 equal to alphaW", 2.0, 2.0),
        argumentSet("alpha0 below alphaW", 2.0, 1.0),
        argumentSet("alphaW NaN", Double.NaN, 10.0),
        argumentSet("alpha0 infinite", 1.0, Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest
  @MethodSource("invalidPriors")
  void invalidPriorsAreRejected(double alphaW, double alpha0) {
    assertThrows(IllegalArgumentException.class,
        () -> Keyness.logOddsDirichlet(1, 10, 2, 10, alphaW, alpha0),
        "log-odds with alphaW=" + alphaW + ", alpha0=" + alpha0);
  }

  static Stream<Arguments> invalidPooledCounts() {
    return Stream.of(
        argumentSet("term never seen", 0L, 100L, 1.0),
        argumentSet("term is the whole corpus", 100L, 100L, 1.0),
        argumentSet("scale zero", 5L, 100L, 0.0),
        argumentSet("scale negative", 5L, 100L, -1.0),
        argumentSet("scale NaN", 5L, 100L, Double.NaN),
        argumentSet("scale infinite", 5L, 100L, Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest
  @MethodSource("invalidPooledCounts")
  void invalidPooledCountsAreRejected(long pooledCount, long pooledTotal, double scale) {
    assertThrows(IllegalArgumentException.class,
        () -> Keyness.informativePrior(pooledCount, pooledTotal, scale),
        "prior with pooledCount=" + pooledCount + ", pooledTotal=" + pooledTotal + ", scale=" + scale);
  }

  @Test
  void aPriorIsUsableOnlyWhenBothArePositiveFiniteAndOrdered() {
    assertAll(
        () -> assertTrue(Keyness.usablePrior(2.0, 10.0), "2 < 10"),
        () -> assertEquals(false, Keyness.usablePrior(null, 10.0), "no pooled count: a sector never mentioned"),
        () -> assertEquals(false, Keyness.usablePrior(2.0, null), "no pooled total"),
        () -> assertEquals(false, Keyness.usablePrior(0.0, 10.0), "alpha_w = 0"),
        () -> assertEquals(false, Keyness.usablePrior(10.0, 10.0), "alpha_0 = alpha_w: the rest of the vocabulary empty"),
        () -> assertEquals(false, Keyness.usablePrior(2.0, Double.POSITIVE_INFINITY), "infinite total"),
        () -> assertEquals(false, Keyness.usablePrior(Double.NaN, 10.0), "NaN"));
  }

  @Test
  void aDirectionNeedsTheTwoSidedFivePercentLine() {
    assertEquals(1.96, Keyness.Z_CRITICAL, "the conventional two-sided 5% critical value of the normal");
    assertAll(
        () -> assertEquals(1, Keyness.direction(1.96), "exactly on the line: marked"),
        () -> assertEquals(0, Keyness.direction(1.9599), "just inside"),
        () -> assertEquals(-1, Keyness.direction(-2.5), "more in A"),
        () -> assertEquals(0, Keyness.direction(-1.0), "within the line"),
        () -> assertEquals(0, Keyness.direction(null), "no z: no direction"));
  }
}
