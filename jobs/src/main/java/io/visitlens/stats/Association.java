package io.visitlens.stats;

/**
 * Association of two sectors by co-occurrence over N windows (sentences or documents).
 *
 * <p>All methods take the same counts: {@code a} windows contain sector A, {@code b} windows
 * contain sector B, {@code co} windows contain both, out of {@code n} windows. They must be
 * consistent, 0 ≤ co ≤ min(a, b) and a + b − co ≤ n (the windows containing A or B are among the
 * n); inconsistent counts are a bug upstream and raise {@link IllegalArgumentException} rather
 * than becoming a silent NaN. Static, pure, deterministic and allocation-free.
 *
 * <p>NaN is returned only where the quantity is mathematically undefined, and each method says
 * when. Note for Spark callers: Spark SQL sorts NaN above every number, so filter those rows or
 * map NaN to null before ordering by these values.
 */
public final class Association {

  private Association() {}

  /**
   * Jaccard similarity of the sets of windows containing A and containing B: |A ∩ B| / |A ∪ B|.
   * Jaccard (1912), "The distribution of the flora in the alpine zone", <i>New Phytologist</i>
   * 11(2).
   *
   * <pre>
   *   jaccard = co / (a + b − co)
   * </pre>
   *
   * <p><b>Edges.</b> When neither sector occurs (a = b = 0, so the denominator is 0) the result
   * is 0 by convention, not NaN. Never NaN. Symmetric in a and b; in [0, 1].
   *
   * @param co windows containing both A and B, 0 ≤ co ≤ min(a, b)
   * @param a windows containing A, ≥ 0
   * @param b windows containing B, ≥ 0
   * @return co / (a + b − co), or 0 when a = b = 0
   * @throws IllegalArgumentException if co is negative or exceeds a or b
   */
  public static double jaccard(long co, long a, long b) {
    checkPair(co, a, b);
    long union = a + b - co;
    return union == 0 ? 0.0 : (double) co / union;
  }

  /**
   * Pointwise mutual information of A and B over windows, in <b>natural log</b> (nats). Church
   * &amp; Hanks (1990), "Word Association Norms, Mutual Information, and Lexicography",
   * <i>Computational Linguistics</i> 16(1); as normalised in Bouma (2009), see {@link #npmi}.
   *
   * <pre>
   *   pmi = ln( (co/n) / ((a/n) · (b/n)) ) = ln( co · n / (a · b) )
   * </pre>
   *
   * <p><b>Edges.</b> 0 when A and B are independent (co · n = a · b). When both sectors occur
   * (a, b &gt; 0) but never together (co = 0) the result is {@link Double#NEGATIVE_INFINITY}, the
   * limit of the formula; use {@link #npmi} (−1 in that case) where a finite value is needed. When
   * a sector never occurs (a = 0 or b = 0, which includes n = 0) p(A) or p(B) is 0 and the ratio
   * is 0/0: the result is NaN, the only NaN. Symmetric in a and b.
   *
   * @param co windows containing both, 0 ≤ co ≤ min(a, b)
   * @param a windows containing A, ≥ 0
   * @param b windows containing B, ≥ 0
   * @param n all windows, ≥ a + b − co
   * @return PMI in nats; −∞ when co = 0 &lt; a, b; NaN when a = 0 or b = 0
   * @throws IllegalArgumentException if the counts are inconsistent
   */
  public static double pmi(long co, long a, long b, long n) {
    checkCounts(co, a, b, n);
    if (a == 0 || b == 0) {
      return Double.NaN;
    }
    if (co == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    // One quotient, one log: the rounding error stays near one ulp of the ratio, and co · n = a · b
    // gives exactly 0.
    return Math.log(((double) co * (double) n) / ((double) a * (double) b));
  }

  /**
   * Normalised pointwise mutual information, Bouma (2009), "Normalized (Pointwise) Mutual
   * Information in Collocation Extraction", <i>Proceedings of GSCL</i>, pp. 31–40:
   *
   * <pre>
   *   npmi = pmi / (−ln(co/n)) = ln( co · n / (a · b) ) / ln( n / co )
   * </pre>
   *
   * (the base of the logarithm cancels). The result lies in [−1, 1]: −1 for never co-occurring, 0
   * for independence, +1 for perfect co-occurrence.
   *
   * <p><b>Edges.</b>
   *
   * <ul>
   *   <li>co = 0 with a, b &gt; 0 (never together): −1, Bouma's limit, although pmi is −∞.
   *   <li>co = a = b (A and B always occur together): exactly +1, including co = a = b = n, where
   *       the formula is 0/0 (pmi = ln 1 = 0 and −ln(n/n) = 0); that case is <b>defined</b> as 1
   *       because it is the limit of perfect co-occurrence, co = a = b &lt; n, which is always 1.
   *   <li>a = 0 or b = 0 (a sector never occurs, including n = 0): NaN, the only NaN, because
   *       co-occurrence with a sector that is never seen is undefined (pmi is 0/0 too).
   *   <li>Rounding is clamped into [−1, 1]. Symmetric in a and b.
   * </ul>
   *
   * @param co windows containing both, 0 ≤ co ≤ min(a, b)
   * @param a windows containing A, ≥ 0
   * @param b windows containing B, ≥ 0
   * @param n all windows, ≥ a + b − co
   * @return NPMI in [−1, 1]; NaN when a = 0 or b = 0
   * @throws IllegalArgumentException if the counts are inconsistent
   */
  public static double npmi(long co, long a, long b, long n) {
    checkCounts(co, a, b, n);
    if (a == 0 || b == 0) {
      return Double.NaN;
    }
    if (co == 0) {
      return -1.0;
    }
    if (co == a && co == b) {
      return 1.0;
    }
    // Here co < n: co = n would force a = b = n = co, handled above. So ln(n/co) > 0.
    double normaliser = Math.log((double) n / (double) co);
    double value = pmi(co, a, b, n) / normaliser;
    return Math.max(-1.0, Math.min(1.0, value));
  }

  private static void checkPair(long co, long a, long b) {
    if (co < 0 || co > a || co > b) {
      throw new IllegalArgumentException(
          "need 0 <= co <= min(a, b), got co=" + co + ", a=" + a + ", b=" + b);
    }
  }

  private static void checkCounts(long co, long a, long b, long n) {
    checkPair(co, a, b);
    if (a + b - co > n) {
      throw new IllegalArgumentException(
          "need a + b - co <= n, got co=" + co + ", a=" + a + ", b=" + b + ", n=" + n);
    }
  }
}
