package io.visitlens.stats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import io.visitlens.SparkTestBase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-worked Benjamini–Hochberg q-values for {@link MultipleTesting#withQValues}, the job's window-function
 * implementation, and for {@link BenjaminiHochbergReference}, the tests' in-memory one. Each fixture lists the
 * p-values sorted ascending with their raw bound m·p/i and the running minimum from the top.
 */
class MultipleTestingTest extends SparkTestBase {

  /**
   * The q-values {@link MultipleTesting#withQValues} gives {@code p}, in the order of {@code p}: the p-values are
   * one family, with an index column to put them back in order.
   */
  static double[] qValues(double[] p) {
    return qValues(new double[][] {p})[0];
  }

  /** The same for several families at once, each array one family (one query, so families must not mix). */
  static double[][] qValues(double[][] families) {
    List<Row> rows = new ArrayList<>();
    for (int f = 0; f < families.length; f++) {
      for (int j = 0; j < families[f].length; j++) {
        rows.add(row(f, j, families[f][j]));
      }
    }
    StructType schema = new StructType().add("family", DataTypes.IntegerType, false)
        .add("idx", DataTypes.IntegerType, false).add("p", DataTypes.DoubleType, false);
    double[][] q = new double[families.length][];
    for (int f = 0; f < families.length; f++) {
      q[f] = new double[families[f].length];
    }
    for (Row r : MultipleTesting.withQValues(spark.createDataFrame(rows, schema), "p", "q", "family")
        .select("family", "idx", "q").collectAsList()) {
      q[r.getInt(0)][r.getInt(1)] = r.getDouble(2);
    }
    return q;
  }

  static final double TOLERANCE = 1e-12;

  static Stream<Arguments> bhFixtures() {
    return Stream.of(
        // m = 4; sorted 0.005 (i=1), 0.01 (2), 0.03 (3), 0.04 (4)
        // raw: 4·0.005/1 = 0.02, 4·0.01/2 = 0.02, 4·0.03/3 = 0.04, 4·0.04/4 = 0.04
        // running min from the top: 0.04, 0.04, 0.02, 0.02 → back in input order:
        argumentSet("textbook vector", new double[] {0.01, 0.04, 0.03, 0.005}, new double[] {0.02, 0.04, 0.04, 0.02}),
        // Benjamini & Hochberg (1995) §4 example, m = 15, already sorted.
        // raw 15p/i: 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695 (=15·0.0278/6), 0.063857142857 (=15·0.0298/7),
        //   0.0645, 0.0765, 0.486, 0.581181818182, 0.714875, 0.753230769231, 0.813214285714, 1.0
        // running min from the top changes only rank 6: min(0.0695, 0.063857142857) = 0.063857142857
        argumentSet("Benjamini & Hochberg 1995 example",
            new double[] {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
                0.4262, 0.5719, 0.6528, 0.7590, 1.000},
            new double[] {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857142857142857, 0.063857142857142857,
                0.0645, 0.0765, 0.486, 0.58118181818181818, 0.714875, 0.75323076923076923, 0.81321428571428571,
                1.0}),
        // ties: sorted 0.02 (i=1,2,3), 0.5 (4); raw 0.08, 0.04, 4·0.02/3 = 0.026666666667, 0.5
        // running min: 0.5, 0.026666666667 for all three tied values
        argumentSet("three-way tie", new double[] {0.02, 0.5, 0.02, 0.02},
            new double[] {0.026666666666666667, 0.5, 0.026666666666666667, 0.026666666666666667}),
        // two ties: sorted 0.01 0.01 0.03 0.04 0.04; raw 5·0.01/1 = 0.05, 5·0.01/2 = 0.025, 5·0.03/3 = 0.05,
        //   5·0.04/4 = 0.05, 5·0.04/5 = 0.04; running min: 0.04, 0.04, 0.04, 0.025, 0.025
        argumentSet("two ties", new double[] {0.04, 0.01, 0.04, 0.03, 0.01},
            new double[] {0.04, 0.025, 0.04, 0.04, 0.025}),
        // sorted 0.8 0.9 0.95; raw min(1, 3·0.8/1 = 2.4) = 1, min(1, 3·0.9/2 = 1.35) = 1, 0.95
        // running min: 0.95 everywhere
        argumentSet("cap at 1 then running min", new double[] {0.9, 0.8, 0.95}, new double[] {0.95, 0.95, 0.95}),
        // raw 5·p/i = 0.05 at every rank
        argumentSet("evenly spaced", new double[] {0.01, 0.02, 0.03, 0.04, 0.05},
            new double[] {0.05, 0.05, 0.05, 0.05, 0.05}),
        // raw 0, 0, 3·0.3/3 = 0.3
        argumentSet("zeros", new double[] {0.0, 0.0, 0.3}, new double[] {0.0, 0.0, 0.3}),
        // m = 1: q = p
        argumentSet("single test", new double[] {0.05}, new double[] {0.05}),
        // NaN left out of m: m = 2, sorted 0.01 (raw 0.02), 0.04 (raw 0.04)
        argumentSet("NaN left out of m", new double[] {0.01, Double.NaN, 0.04},
            new double[] {0.02, Double.NaN, 0.04}),
        argumentSet("empty", new double[] {}, new double[] {}));
  }

  @ParameterizedTest
  @MethodSource("bhFixtures")
  void benjaminiHochbergMatchesHandWorkedValues(double[] p, double[] expected) {
    double[] q = BenjaminiHochbergReference.benjaminiHochberg(p);
    assertArrayEquals(expected, q, TOLERANCE, "reference q-values for p = " + Arrays.toString(p));
    if (Arrays.stream(p).noneMatch(Double::isNaN)) {
      // The job's p-values are never NaN (see withQValues): that fixture is the reference's alone.
      assertArrayEquals(expected, qValues(p), TOLERANCE, "withQValues for p = " + Arrays.toString(p));
    }
  }

  @Test
  void familiesAreCorrectedApart() {
    double[][] q = qValues(new double[][] {{0.01, 0.04, 0.03, 0.005}, {0.02, 0.5, 0.02, 0.02}, {0.05}});
    assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, q[0], TOLERANCE, "textbook vector, m = 4");
    assertArrayEquals(new double[] {0.026666666666666667, 0.5, 0.026666666666666667, 0.026666666666666667}, q[1],
        TOLERANCE, "three-way tie, m = 4, not m = 9");
    assertArrayEquals(new double[] {0.05}, q[2], TOLERANCE, "a family of one: q = p");
  }

  @Test
  void aFamilyIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> MultipleTesting.withQValues(spark.emptyDataFrame(), "p", "q"));
  }

  @Test
  void inputIsNotModified() {
    double[] p = {0.04, 0.01, 0.03};
    BenjaminiHochbergReference.benjaminiHochberg(p);
    assertArrayEquals(new double[] {0.04, 0.01, 0.03}, p, 0.0, "benjaminiHochberg must not sort its input");
  }

  @Test
  void negativeZeroComesBackAsPositiveZero() {
    double[] q = BenjaminiHochbergReference.benjaminiHochberg(new double[] {-0.0, 0.5});
    // assertEquals(double, double) tells 0.0 from -0.0
    assertEquals(0.0, q[0], "q of p = -0.0");
  }

  static Stream<Arguments> invalidP() {
    return Stream.of(
        argumentSet("negative", new double[] {0.1, -0.01}),
        argumentSet("above one", new double[] {1.0000001}),
        argumentSet("infinite", new double[] {Double.POSITIVE_INFINITY, 0.2}));
  }

  @ParameterizedTest
  @MethodSource("invalidP")
  void pOutsideUnitIntervalIsRejected(double[] p) {
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochbergReference.benjaminiHochberg(p),
        "p = " + Arrays.toString(p));
  }

  static Stream<Arguments> rankFixtures() {
    return Stream.of(
        // 4 · 0.005 / 1 = 0.02
        argumentSet("rank 1 of 4", 0.005, 1, 4, 0.02),
        // 4 · 0.03 / 3 = 0.04
        argumentSet("rank 3 of 4", 0.03, 3, 4, 0.04),
        // 15 · 0.0278 / 6 = 0.0695 (before the running minimum)
        argumentSet("rank 6 of 15", 0.0278, 6, 15, 0.0695),
        // 3 · 0.8 / 1 = 2.4 → capped at 1
        argumentSet("capped", 0.8, 1, 3, 1.0),
        argumentSet("p = 0", 0.0, 2, 10, 0.0));
  }

  @ParameterizedTest
  @MethodSource("rankFixtures")
  void bhAdjustAtRankMatchesHandWorkedValue(double p, int rank, int m, double expected) {
    assertEquals(expected, BenjaminiHochbergReference.bhAdjustAtRank(p, rank, m), TOLERANCE,
        "m·p/i for p=" + p + ", i=" + rank + ", m=" + m);
  }

  @Test
  void bhAdjustAtRankRejectsImpossibleRanks() {
    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> BenjaminiHochbergReference.bhAdjustAtRank(0.1, 0, 3), "rank 0"),
        () -> assertThrows(IllegalArgumentException.class, () -> BenjaminiHochbergReference.bhAdjustAtRank(0.1, 4, 3), "rank > m"),
        () -> assertThrows(IllegalArgumentException.class, () -> BenjaminiHochbergReference.bhAdjustAtRank(1.5, 1, 3), "p > 1"));
  }

  @Test
  void bhAdjustAtRankOfNaNIsNaN() {
    double raw = BenjaminiHochbergReference.bhAdjustAtRank(Double.NaN, 1, 3);
    assertTrue(Double.isNaN(raw), "m·p/i of NaN should be NaN, got " + raw);
  }

  /**
   * The documented Spark SQL recipe, row by row: i = m + 1 − rank() over p descending (the number
   * of p-values ≤ p) and q = min of m·p'/i' over every p' ≥ p (the RANGE frame over p descending,
   * peers included), built on {@link BenjaminiHochbergReference#bhAdjustAtRank}. Must agree exactly.
   */
  static double[] windowRecipe(double[] p) {
    int m = p.length;
    int[] i = new int[m];
    for (int j = 0; j < m; j++) {
      int larger = 0;
      for (double other : p) {
        if (other > p[j]) {
          larger++;
        }
      }
      i[j] = m + 1 - (1 + larger);
    }
    double[] q = new double[m];
    for (int j = 0; j < m; j++) {
      double min = Double.POSITIVE_INFINITY;
      for (int k = 0; k < m; k++) {
        if (p[k] >= p[j]) {
          min = Math.min(min, BenjaminiHochbergReference.bhAdjustAtRank(p[k], i[k], m));
        }
      }
      q[j] = Math.min(1.0, min);
    }
    return q;
  }

  @Test
  void agreesWithTheWindowRecipeOnRandomVectorsWithTies() {
    SplittableRandom random = new SplittableRandom(1995L);
    double[][] vectors = new double[200][];
    for (int trial = 0; trial < 200; trial++) {
      double[] p = new double[1 + random.nextInt(60)];
      for (int j = 0; j < p.length; j++) {
        // two decimals: plenty of ties; every tenth vector dense in the small p-values
        double u = random.nextDouble();
        p[j] = Math.round((trial % 10 == 0 ? u * u * u : u) * 100) / 100.0;
      }
      assertArrayEquals(windowRecipe(p), BenjaminiHochbergReference.benjaminiHochberg(p), 0.0,
          "q-values against the window recipe for p = " + Arrays.toString(p));
      vectors[trial] = p;
    }
    double[][] job = qValues(vectors);
    for (int trial = 0; trial < 200; trial++) {
      assertArrayEquals(BenjaminiHochbergReference.benjaminiHochberg(vectors[trial]), job[trial], TOLERANCE,
          "withQValues against the reference for p = " + Arrays.toString(vectors[trial]));
    }
  }

  /** The same recipe as SQL text, run on an in-process SQL engine with standard window frames. */
  @Test
  void documentedSqlRecipeGivesTheSameQValues() throws Exception {
    double[] textbook = {0.01, 0.04, 0.03, 0.005};
    double[] ties = {0.02, 0.5, 0.02, 0.02};
    // worked in bhFixtures: "textbook vector" and "three-way tie"
    double[] expectedTextbook = {0.02, 0.04, 0.04, 0.02};
    double[] expectedTies = {0.026666666666666667, 0.5, 0.026666666666666667, 0.026666666666666667};

    StringBuilder values = new StringBuilder();
    appendRows(values, "textbook", textbook);
    appendRows(values, "ties", ties);
    String sql = "WITH tests(family, idx, p) AS (VALUES " + values + "),\n"
        + "ranked AS (SELECT family, idx, p,\n"
        + "  count(*) OVER (PARTITION BY family) AS m,\n"
        + "  count(*) OVER (PARTITION BY family) + 1 - rank() OVER (PARTITION BY family ORDER BY p DESC) AS i\n"
        + "  FROM tests)\n"
        + "SELECT family, idx, least(1.0, min(m * p / i) OVER (PARTITION BY family ORDER BY p DESC)) AS q\n"
        + "FROM ranked ORDER BY family, idx";

    double[] sqlTextbook = new double[textbook.length];
    double[] sqlTies = new double[ties.length];
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        double[] target = rows.getString("family").equals("textbook") ? sqlTextbook : sqlTies;
        target[rows.getInt("idx")] = rows.getDouble("q");
      }
    }
    assertAll(
        () -> assertArrayEquals(expectedTextbook, sqlTextbook, TOLERANCE, "SQL recipe, textbook vector:\n" + sql),
        () -> assertArrayEquals(expectedTies, sqlTies, TOLERANCE, "SQL recipe, ties:\n" + sql));
  }

  private static void appendRows(StringBuilder values, String family, double[] p) {
    for (int j = 0; j < p.length; j++) {
      if (values.length() > 0) {
        values.append(", ");
      }
      values.append("('").append(family).append("', ").append(j).append(", CAST(").append(p[j]).append(" AS DOUBLE))");
    }
  }
}
