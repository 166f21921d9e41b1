package io.visitlens.stats;

import java.util.Arrays;

/**
 * The tests' reference Benjamini–Hochberg: an in-memory, array-at-a-time implementation written independently of
 * the job's window-function one ({@link MultipleTesting#withQValues}), which the tests check against it.
 */
public final class BenjaminiHochbergReference {

  private BenjaminiHochbergReference() {}

  /**
   * Benjamini–Hochberg q-values (false discovery rate adjusted p-values), after Benjamini &amp;
   * Hochberg (1995), "Controlling the False Discovery Rate: A Practical and Powerful Approach to
   * Multiple Testing", <i>JRSS B</i> 57(1):289–300, in the step-up form of R's {@code
   * p.adjust(p, "BH")}.
   *
   * <p>With the m p-values sorted ascending, p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub>:
   *
   * <pre>
   *   q_(i) = min_{k ≥ i} min(1, m · p_(k) / k)
   * </pre>
   *
   * i.e. the raw bound m·p/i of {@link #bhAdjustAtRank}, then a running minimum taken from the
   * largest p downwards, which makes the q-values monotone in p. Tied p-values get the same q
   * whatever order the sort leaves them in (the running minimum over a tie reaches the tie's
   * highest rank), so the result does not depend on the order of the input. Since q<sub>(m)</sub>
   * = p<sub>(m)</sub> ≤ 1, the cap at 1 never binds after the running minimum; it is kept as in the
   * published form.
   *
   * <p><b>Edges.</b> The result has the input's length and order: {@code q[j]} belongs to {@code
   * p[j]}. An empty array gives an empty array. NaN entries (a test that could not be computed)
   * are left out of m and get NaN; every other q is finite in [0, 1]. A p outside [0, 1] is a bug
   * upstream and raises {@link IllegalArgumentException}. −0.0 is treated as 0.0. Allocates two
   * work arrays besides the result and sorts one: O(m log m).
   *
   * <p><b>In Spark SQL</b>, per family of tests (e.g. one visit pair; {@code family} below), with
   * window functions instead of a driver-side sort, over rows whose p is not null (filter nulls
   * out first, and turn NaN into null before that, because Spark SQL sorts NaN above every number):
   *
   * <pre>
   *   -- step 1
   *   m = count(*)  OVER (PARTITION BY family)
   *   i = m + 1 - rank() OVER (PARTITION BY family ORDER BY p DESC)
   *   -- step 2, on the output of step 1 (window results cannot be nested in one SELECT)
   *   q = least(1.0, min(m * p / i) OVER (PARTITION BY family ORDER BY p DESC))
   * </pre>
   *
   * {@code rank()} over p descending is 1 + the number of larger p-values, so i is the number of
   * p-values ≤ p: the ascending rank, and for a tie its highest rank, which is the rank that gives
   * tied p-values their common q. The {@code min} relies on the SQL default frame of a window with
   * ORDER BY, {@code RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW}: it runs from the largest
   * p down to the current one and takes in every peer (tied p) of the current row, which is the
   * running minimum above. Do not use {@code row_number()} for i or a {@code ROWS} frame for the
   * minimum: both split ties arbitrarily and can give tied p-values different q. Without {@code
   * PARTITION BY}, Spark moves every row to one partition. The per-row bound {@code m * p / i} is
   * {@link #bhAdjustAtRank}.
   *
   * @param p the p-values, each in [0, 1] or NaN; not modified
   * @return the q-values, in the order of {@code p}
   * @throws IllegalArgumentException if a p-value is outside [0, 1]
   * @throws NullPointerException if {@code p} is null
   */
  public static double[] benjaminiHochberg(double[] p) {
    int length = p.length;
    double[] sorted = new double[length];
    int m = 0;
    for (int j = 0; j < length; j++) {
      double value = p[j];
      if (Double.isNaN(value)) {
        continue;
      }
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException("p-value outside [0, 1] at index " + j + ": " + value);
      }
      sorted[m++] = value + 0.0; // + 0.0 turns -0.0 into 0.0
    }
    Arrays.sort(sorted, 0, m);

    double[] qSorted = new double[m];
    double running = 1.0;
    for (int k = m - 1; k >= 0; k--) {
      running = Math.min(running, bhAdjustAtRank(sorted[k], k + 1, m));
      qSorted[k] = running;
    }

    // Equal p-values have equal q (see above), so the q of any sorted position holding p[j] is q[j].
    double[] q = new double[length];
    for (int j = 0; j < length; j++) {
      double value = p[j];
      q[j] = Double.isNaN(value) ? Double.NaN : qSorted[Arrays.binarySearch(sorted, 0, m, value + 0.0)];
    }
    return q;
  }

  /**
   * The Benjamini–Hochberg bound for one p-value before the running minimum: min(1, m · p / i),
   * where i is the 1-based ascending rank of p among the m p-values (Benjamini &amp; Hochberg
   * 1995). The q-value of the p at rank i is the minimum of this bound over ranks i..m, see {@link
   * #benjaminiHochberg}; this helper is for cross-checks and for writing the same step in a column
   * expression.
   *
   * <p><b>Edges.</b> NaN p gives NaN. Arguments outside 1 ≤ i ≤ m or p outside [0, 1] raise
   * {@link IllegalArgumentException}.
   *
   * @param p the p-value, in [0, 1]
   * @param rank i, the ascending 1-based rank of p, 1 ≤ i ≤ m
   * @param m the number of tests, ≥ 1
   * @return min(1, m · p / i)
   * @throws IllegalArgumentException if the arguments break the bounds above
   */
  public static double bhAdjustAtRank(double p, int rank, int m) {
    if (rank < 1 || rank > m || p < 0.0 || p > 1.0) {
      throw new IllegalArgumentException(
          "need 0 <= p <= 1 and 1 <= rank <= m, got p=" + p + ", rank=" + rank + ", m=" + m);
    }
    return Math.min(1.0, (double) m * p / rank);
  }
}
