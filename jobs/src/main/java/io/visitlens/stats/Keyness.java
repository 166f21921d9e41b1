package io.visitlens.stats;

import org.apache.commons.math3.special.Erf;

/**
 * Keyness statistics: how differently a term is used in corpus A and corpus B.
 *
 * <p>Every directional statistic here follows one convention: <b>positive means the term is
 * relatively more frequent in B</b>, negative means more frequent in A, and swapping A and B
 * flips the sign. The functions are static, pure and deterministic so that they can be wrapped in
 * Spark UDFs or mirrored in column expressions.
 *
 * <p>Arguments are counts of tokens: {@code countX} is the number of occurrences of the term in
 * corpus X and {@code totalX} the number of tokens in corpus X. Impossible input (a negative count,
 * or a count larger than its total) is a bug upstream, not an edge case, and raises {@link
 * IllegalArgumentException} rather than being turned into a silent NaN. Empty corpora and zero
 * counts are edge cases; each method documents what it returns for them.
 */
public final class Keyness {

  private static final double LN2 = Math.log(2.0);

  /** Pseudo-count substituted for a zero count in {@link #logRatio}, after Hardie (2014). */
  public static final double LOG_RATIO_ZERO_COUNT = 0.5;

  /** The default prior scale for {@link #informativePrior}. */
  public static final double DEFAULT_PRIOR_SCALE = 1.0;

  /**
   * The z-score beyond which a difference between A and B is marked (the two-sided 5% line of the standard normal):
   * a sector is rising or falling, a chart draws its dashed line. The same for terms and sectors.
   */
  public static final double Z_CRITICAL = 1.96;

  private Keyness() {}

  /**
   * The result of {@link #logOddsDirichlet}: the log-odds ratio and its z-score.
   *
   * @param logOdds δ, the difference of the smoothed log-odds of the term in B and in A (natural log)
   * @param zScore δ / σ, with σ² the two-term approximate variance of MCQ (2008) eq. 20
   */
  public record LogOdds(double logOdds, double zScore) {}

  /**
   * The informative Dirichlet prior of {@link #informativePrior}: α<sub>w</sub> for the term and
   * α<sub>0</sub> = Σ<sub>w</sub> α<sub>w</sub> over the vocabulary.
   *
   * @param alphaW the term's pseudo-count α<sub>w</sub>
   * @param alpha0 the total pseudo-count α<sub>0</sub>
   */
  public record DirichletPrior(double alphaW, double alpha0) {}

  /**
   * The informative Dirichlet prior of Monroe, Colaresi &amp; Quinn (2008), built from a
   * pooled (background) corpus: α<sub>w</sub> = scale · pooledCount and α<sub>0</sub> =
   * Σ<sub>w</sub> α<sub>w</sub> = scale · pooledTotal, since the pooled counts of all vocabulary
   * terms sum to the pooled total.
   *
   * <p>The pooled corpus is normally A ∪ B (pooledCount = countA + countB, pooledTotal = totalA +
   * totalB); a larger background corpus may be used instead. With the pooled A ∪ B corpus the
   * prior mean α<sub>w</sub>/α<sub>0</sub> equals the pooled rate, so a term used at equal rates in
   * A and B gets δ = 0 (up to rounding in the last bit), as it should. {@code scale} sets the
   * weight of the prior: at the default {@link #DEFAULT_PRIOR_SCALE} = 1.0 the prior adds as many
   * pseudo-counts as the pooled corpus has tokens (strong shrinkage of rare terms); a smaller scale
   * such as 0.01 shrinks less. In a Spark column expression the same prior is simply {@code scale *
   * pooled_count} and {@code scale * pooled_total}.
   *
   * @param pooledCount the term's count in the pooled corpus, &gt; 0 (a term never seen anywhere
   *     has no prior)
   * @param pooledTotal the number of tokens in the pooled corpus, &gt; pooledCount
   * @param scale the prior scale, finite and &gt; 0
   * @return the prior (α<sub>w</sub>, α<sub>0</sub>)
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static DirichletPrior informativePrior(long pooledCount, long pooledTotal, double scale) {
    if (pooledCount <= 0 || pooledTotal <= pooledCount || !(scale > 0.0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "prior needs 0 < pooledCount < pooledTotal and a finite scale > 0, got pooledCount=" + pooledCount
              + ", pooledTotal=" + pooledTotal + ", scale=" + scale);
    }
    return new DirichletPrior(scale * pooledCount, scale * pooledTotal);
  }

  /**
   * Log-odds ratio with an informative Dirichlet prior and its z-score, after Monroe, Colaresi
   * &amp; Quinn (2008, "MCQ"), "Fightin' Words: Lexical Feature Selection and Evaluation for Identifying
   * the Content of Political Conflict", <i>Political Analysis</i> 16(4):372–403; the variance is
   * their eq. 20.
   *
   * <pre>
   *   δ  = ln((y_B + α_w) / (n_B + α_0 − y_B − α_w)) − ln((y_A + α_w) / (n_A + α_0 − y_A − α_w))
   *   σ² = 1/(y_B + α_w) + 1/(y_A + α_w)
   *   z  = δ / σ
   * </pre>
   *
   * <p><b>Variance form.</b> σ² is the two-term approximation of MCQ eq. 20. The full
   * delta-method variance would add 1/(n_B + α_0 − y_B − α_w) + 1/(n_A + α_0 − y_A − α_w); these
   * terms are of order 1/n and negligible beside 1/(y + α_w) for any term that is a small share of
   * its corpus (a term that is 1% of both corpora changes σ by about 0.5%). The two-term form is
   * kept so that z-scores are comparable with the published method and its usual implementations;
   * the price is a slightly anti-conservative |z| for very frequent (function) words.
   *
   * <p><b>Edges.</b> With α<sub>w</sub> &gt; 0 and α<sub>0</sub> &gt; α<sub>w</sub> every logarithm
   * and denominator is positive, so δ and z are always finite: a zero count or an empty corpus
   * shrinks that side to the prior log-odds ln(α<sub>w</sub>/(α<sub>0</sub> − α<sub>w</sub>)). Two
   * empty corpora give δ = 0, z = 0. Equal rates give δ = 0 when the prior mean
   * α<sub>w</sub>/α<sub>0</sub> equals that rate (true of the pooled A ∪ B prior of {@link
   * #informativePrior}) or when the two sides have identical counts; with another prior, equal
   * rates on corpora of different sizes are shrunk by different amounts and δ is small but not 0.
   * Swapping A and B negates δ and z exactly.
   *
   * <p>Allocates one small record; {@link #logOddsDelta} and {@link #logOddsZ} return the two
   * fields without allocating.
   *
   * @param countA y_A, the term's count in A, 0 ≤ countA ≤ totalA
   * @param totalA n_A, the number of tokens in A, ≥ 0
   * @param countB y_B, the term's count in B, 0 ≤ countB ≤ totalB
   * @param totalB n_B, the number of tokens in B, ≥ 0
   * @param alphaW α<sub>w</sub>, the term's prior pseudo-count, finite and &gt; 0
   * @param alpha0 α<sub>0</sub>, the prior's total pseudo-count, finite and &gt; alphaW
   * @return (δ, z), positive when the term leans to B
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static LogOdds logOddsDirichlet(
      long countA, long totalA, long countB, long totalB, double alphaW, double alpha0) {
    double delta = logOddsDelta(countA, totalA, countB, totalB, alphaW, alpha0);
    return new LogOdds(delta, delta / Math.sqrt(logOddsVariance(countA, countB, alphaW)));
  }

  /**
   * δ of {@link #logOddsDirichlet} alone (Monroe, Colaresi &amp; Quinn 2008), without allocation:
   * δ = ln((y_B + α_w)/(n_B + α_0 − y_B − α_w)) − ln((y_A + α_w)/(n_A + α_0 − y_A − α_w)).
   * Edges and bounds as in {@link #logOddsDirichlet}; always finite.
   *
   * @param countA y_A, 0 ≤ countA ≤ totalA
   * @param totalA n_A, ≥ 0
   * @param countB y_B, 0 ≤ countB ≤ totalB
   * @param totalB n_B, ≥ 0
   * @param alphaW α<sub>w</sub>, finite and &gt; 0
   * @param alpha0 α<sub>0</sub>, finite and &gt; alphaW
   * @return δ (natural log), positive when the term leans to B
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static double logOddsDelta(
      long countA, long totalA, long countB, long totalB, double alphaW, double alpha0) {
    checkCounts(countA, totalA, countB, totalB);
    checkAlphas(alphaW, alpha0);
    return smoothedLogOdds(countB, totalB, alphaW, alpha0) - smoothedLogOdds(countA, totalA, alphaW, alpha0);
  }

  /**
   * z = δ/σ of {@link #logOddsDirichlet} alone (Monroe, Colaresi &amp; Quinn 2008), without
   * allocation, with σ² = 1/(y_B + α_w) + 1/(y_A + α_w) (their eq. 20). Edges and bounds as in
   * {@link #logOddsDirichlet}; always finite.
   *
   * @param countA y_A, 0 ≤ countA ≤ totalA
   * @param totalA n_A, ≥ 0
   * @param countB y_B, 0 ≤ countB ≤ totalB
   * @param totalB n_B, ≥ 0
   * @param alphaW α<sub>w</sub>, finite and &gt; 0
   * @param alpha0 α<sub>0</sub>, finite and &gt; alphaW
   * @return z, positive when the term leans to B
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static double logOddsZ(
      long countA, long totalA, long countB, long totalB, double alphaW, double alpha0) {
    return logOddsDelta(countA, totalA, countB, totalB, alphaW, alpha0)
        / Math.sqrt(logOddsVariance(countA, countB, alphaW));
  }

  /** ln((y + α_w)/(n + α_0 − y − α_w)); both operands are positive once the bounds are checked. */
  private static double smoothedLogOdds(long count, long total, double alphaW, double alpha0) {
    double numerator = count + alphaW;
    double denominator = (total - count) + (alpha0 - alphaW);
    return Math.log(numerator / denominator);
  }

  /** MCQ eq. 20: 1/(y_B + α_w) + 1/(y_A + α_w), summed in an order that is symmetric in A and B. */
  private static double logOddsVariance(long countA, long countB, double alphaW) {
    double inverseA = 1.0 / (countA + alphaW);
    double inverseB = 1.0 / (countB + alphaW);
    return inverseA + inverseB;
  }

  /**
   * Dunning's log-likelihood ratio G² for the 2×2 table of the term against all other tokens in A
   * and B, signed by direction. Dunning (1993), "Accurate Methods for the Statistics of Surprise
   * and Coincidence", <i>Computational Linguistics</i> 19(1); the corpus-comparison use is Rayson
   * &amp; Garside (2000), "Comparing Corpora using Frequency Profiling".
   *
   * <pre>
   *              term          other tokens
   *   A   O11 = countA   O12 = totalA − countA   | R1 = totalA
   *   B   O21 = countB   O22 = totalB − countB   | R2 = totalB
   *       C1 = countA + countB, C2 = N − C1,       N = totalA + totalB
   *
   *   E_ij = R_i · C_j / N,    G² = 2 Σ_ij O_ij ln(O_ij / E_ij),  with 0 · ln 0 = 0
   * </pre>
   *
   * <p>The value returned is sign · G² with sign = +1 when countB/totalB &gt; countA/totalA, −1
   * when lower and 0 when the rates are equal (decided exactly on the integers, so equal rates
   * give exactly 0.0). |result| is compared with χ²<sub>1</sub>, see {@link #pValueChi2df1}.
   *
   * <p><b>Edges.</b> An empty corpus (totalA = 0 or totalB = 0, or both) gives 0: with one row of
   * the table empty, the other row equals its expectation and there is no evidence either way. A
   * term absent from one corpus gives a finite value through 0 · ln 0 = 0. Never NaN. Swapping A
   * and B negates the result exactly.
   *
   * @param countA the term's count in A, 0 ≤ countA ≤ totalA
   * @param totalA the number of tokens in A, ≥ 0
   * @param countB the term's count in B, 0 ≤ countB ≤ totalB
   * @param totalB the number of tokens in B, ≥ 0
   * @return signed G², positive when the term is relatively more frequent in B
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static double g2(long countA, long totalA, long countB, long totalB) {
    checkCounts(countA, totalA, countB, totalB);
    int sign = compareRates(countA, totalA, countB, totalB);
    if (sign == 0 || totalA == 0 || totalB == 0) {
      return 0.0;
    }
    double n = (double) totalA + (double) totalB;
    double termColumn = (double) countA + (double) countB;
    double otherColumn = n - termColumn;
    // Each row is summed on its own and the two rows added last, so that swapping A and B
    // computes the same two numbers and the magnitude is exactly symmetric.
    double rowA = g2Row(countA, totalA, termColumn, otherColumn, n);
    double rowB = g2Row(countB, totalB, termColumn, otherColumn, n);
    double g2 = 2.0 * (rowA + rowB);
    return sign * Math.max(0.0, g2);
  }

  /** O1 ln(O1/E1) + O2 ln(O2/E2) for one row (count, total − count) of the 2×2 table. */
  private static double g2Row(long count, long total, double termColumn, double otherColumn, double n) {
    double rowTotal = total;
    return xLogXOverE(count, rowTotal * termColumn / n) + xLogXOverE(total - count, rowTotal * otherColumn / n);
  }

  /** O ln(O/E) with 0 ln 0 = 0. E &gt; 0 whenever O &gt; 0, because E is a product of margins of O. */
  private static double xLogXOverE(long observed, double expected) {
    return observed == 0 ? 0.0 : observed * Math.log(observed / expected);
  }

  /**
   * Hardie's log ratio, the binary log of the ratio of relative frequencies, positive when B uses
   * the term more. Hardie (2014), "Log Ratio – an informal introduction", CASS, Lancaster
   * University.
   *
   * <pre>
   *   logRatio = log2( (countB / totalB) / (countA / totalA) ),  a zero count replaced by 0.5
   * </pre>
   *
   * <p>Each unit is a doubling: 1 means twice as frequent in B, −1 twice as frequent in A.
   *
   * <p><b>Edges.</b> A count of 0 on one side is replaced by {@link #LOG_RATIO_ZERO_COUNT} = 0.5,
   * so a term only in B or only in A gets a finite value. When both counts are 0 the rates are
   * equal (both zero) and the result is 0, not the log2(totalA/totalB) that the 0.5 substitution
   * on both sides would produce. When either total is 0 the relative frequency of that corpus is
   * undefined (0/0), and so is the ratio: the result is {@code NaN} (unless both counts are 0,
   * which returns 0 as above). Swapping A and B negates the result exactly.
   *
   * @param countA the term's count in A, 0 ≤ countA ≤ totalA
   * @param totalA the number of tokens in A, ≥ 0
   * @param countB the term's count in B, 0 ≤ countB ≤ totalB
   * @param totalB the number of tokens in B, ≥ 0
   * @return log2 of the ratio of relative frequencies B over A, NaN only for an empty corpus
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static double logRatio(long countA, long totalA, long countB, long totalB) {
    checkCounts(countA, totalA, countB, totalB);
    if (countA == 0 && countB == 0) {
      return 0.0;
    }
    if (totalA == 0 || totalB == 0) {
      return Double.NaN;
    }
    double rateA = (countA == 0 ? LOG_RATIO_ZERO_COUNT : countA) / (double) totalA;
    double rateB = (countB == 0 ? LOG_RATIO_ZERO_COUNT : countB) / (double) totalB;
    // A difference of logs rather than the log of a quotient: exactly antisymmetric in A and B.
    return (Math.log(rateB) - Math.log(rateA)) / LN2;
  }

  /**
   * The p-value of a (signed) G² against the χ² distribution with one degree of freedom:
   *
   * <pre>
   *   p = P(χ²₁ ≥ |G²|) = erfc( sqrt(|G²| / 2) )
   * </pre>
   *
   * since a χ²₁ variable is the square of a standard normal Z and P(Z² ≥ x) = 2 P(Z ≥ √x) =
   * erfc(√(x/2)). The complementary error function is {@code
   * org.apache.commons.math3.special.Erf.erfc} from commons-math3 3.6.1, which Spark puts on the
   * classpath (relative accuracy about 1e-15; it returns exactly 0 once its argument exceeds 40,
   * i.e. for |G²| &gt; 3200, where the true p is below 1e-697 anyway).
   *
   * <p><b>Edges.</b> G² = 0 gives p = 1; ±∞ gives 0; the sign is ignored (a two-sided test of the
   * signed statistics of {@link #g2}); NaN gives NaN, the only NaN.
   *
   * @param g2 a G² value, signed or not
   * @return the upper-tail probability in [0, 1]
   */
  public static double pValueChi2df1(double g2) {
    if (Double.isNaN(g2)) {
      return Double.NaN;
    }
    double x = Math.abs(g2);
    if (x == 0.0) {
      return 1.0;
    }
    if (Double.isInfinite(x)) {
      return 0.0;
    }
    return Erf.erfc(Math.sqrt(x / 2.0));
  }

  /**
   * Compares the rates countB/totalB and countA/totalA exactly, treating an empty corpus as rate 0:
   * the sign of countB · totalA − countA · totalB, in 128-bit arithmetic so that it cannot
   * overflow.
   */
  private static int compareRates(long countA, long totalA, long countB, long totalB) {
    long highB = Math.multiplyHigh(countB, totalA);
    long lowB = countB * totalA;
    long highA = Math.multiplyHigh(countA, totalB);
    long lowA = countA * totalB;
    int high = Long.compare(highB, highA);
    return high != 0 ? high : Long.compareUnsigned(lowB, lowA);
  }

  private static void checkCounts(long countA, long totalA, long countB, long totalB) {
    if (countA < 0 || countB < 0 || countA > totalA || countB > totalB) {
      throw new IllegalArgumentException(
          "counts must satisfy 0 <= count <= total, got countA=" + countA + ", totalA=" + totalA
              + ", countB=" + countB + ", totalB=" + totalB);
    }
  }

  /**
   * Whether a prior can be used by {@link #logOddsDirichlet}: both given, α<sub>w</sub> &gt; 0 and
   * α<sub>w</sub> &lt; α<sub>0</sub> &lt; ∞. A term or sector never seen in the pooled corpus has none (no
   * α<sub>w</sub>, or α<sub>w</sub> = 0), and its log-odds and z are left empty (null) rather than refused.
   */
  public static boolean usablePrior(Double alphaW, Double alpha0) {
    return alphaW != null && alpha0 != null && alphaW > 0.0 && alpha0 > alphaW && !Double.isInfinite(alpha0);
  }

  /**
   * The direction of a z-score of {@link #logOddsDirichlet}: {@code 1} when z ≥ {@link #Z_CRITICAL} (more in B),
   * {@code -1} when z ≤ −{@link #Z_CRITICAL} (more in A), {@code 0} otherwise, a null z included.
   */
  public static int direction(Double z) {
    return z == null ? 0 : z >= Z_CRITICAL ? 1 : z <= -Z_CRITICAL ? -1 : 0;
  }

  private static void checkAlphas(double alphaW, double alpha0) {
    if (!(alphaW > 0.0) || !(alpha0 > alphaW) || Double.isInfinite(alpha0)) {
      throw new IllegalArgumentException(
          "prior must satisfy 0 < alphaW < alpha0 < infinity, got alphaW=" + alphaW + ", alpha0=" + alpha0);
    }
  }
}
