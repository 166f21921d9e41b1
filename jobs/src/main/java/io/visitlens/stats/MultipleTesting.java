package io.visitlens.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Multiple-testing correction for the many terms tested in one keyness comparison. */
public final class MultipleTesting {

  private MultipleTesting() {}

  /**
   * Adds the Benjamini–Hochberg q-value (false discovery rate adjusted p-value) of each row's p-value among the rows
   * of its family, after Benjamini &amp; Hochberg (1995), "Controlling the False Discovery Rate: A Practical and
   * Powerful Approach to Multiple Testing", <i>JRSS B</i> 57(1):289–300, in the step-up form of R's
   * {@code p.adjust(p, "BH")}. With a family's m p-values sorted ascending, p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub>:
   *
   * <pre>
   *   q_(i) = min_{k ≥ i} min(1, m · p_(k) / k)
   * </pre>
   *
   * <p>Computed with window functions, without collecting anything:
   *
   * <pre>
   *   m = count(*)  OVER (PARTITION BY family)
   *   i = m + 1 - rank() OVER (PARTITION BY family ORDER BY p DESC)
   *   q = least(1.0, min(m * p / i) OVER (PARTITION BY family ORDER BY p DESC))
   * </pre>
   *
   * {@code rank()} over p descending is 1 + the number of larger p-values, so i is the number of p-values ≤ p: the
   * ascending rank, and for a tie its highest rank, which gives tied p-values their common q whatever order they come
   * in. The {@code min} runs over the default frame of an ordered window, {@code RANGE BETWEEN UNBOUNDED PRECEDING AND
   * CURRENT ROW}: from the largest p down to the current one, every peer (tied p) of the current row included, which
   * is the running minimum that makes q monotone in p. ({@code row_number()} for i or a {@code ROWS} frame would split
   * ties arbitrarily.) Without a family, every row would go to one partition.
   *
   * <p><b>Edges.</b> p must be in [0, 1] and not null (the keyness p-values always are): Spark sorts NaN above every
   * number and a null p would be counted in m. One test in a family gets q = p.
   *
   * @param tests   the rows, each with a p-value
   * @param p       the p-value column
   * @param q       the name of the column added
   * @param family  the columns whose values make one family of tests (for the keyness: the n-gram order)
   */
  public static Dataset<Row> withQValues(Dataset<Row> tests, String p, String q, String... family) {
    if (family.length == 0) {
      throw new IllegalArgumentException("a family is needed: without one, every row goes to one partition");
    }
    String m = "__bh_m";
    String i = "__bh_i";
    WindowSpec inFamily = Window.partitionBy(Arrays.stream(family).map(c -> col(c)).toArray(Column[]::new));
    WindowSpec fromLargest = inFamily.orderBy(col(p).desc());
    return tests
        .withColumn(m, count(lit(1)).over(inFamily))
        .withColumn(i, col(m).plus(1).minus(rank().over(fromLargest)))
        .withColumn(q, least(lit(1.0), min(col(m).multiply(col(p)).divide(col(i))).over(fromLargest)))
        .drop(m, i);
  }
}
