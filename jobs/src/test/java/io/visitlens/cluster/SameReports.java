package io.visitlens.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Checks that two report directories hold the same reports: the same Parquet reports with the same schema and
 * the same rows once sorted, the same CSV files with the same rows once sorted, floating-point values equal
 * within {@link #TOLERANCE}, the same shipped files, and a {@code run.json} that differs only in
 * {@code run_id} and {@code timings_ms}. Rows that are not identical are found on Spark
 * ({@code exceptAll} both ways), so only those reach this JVM.
 *
 * <pre>java io.visitlens.cluster.SameReports EXPECTED_DIR ACTUAL_DIR</pre>
 * Exit code 0 when the directories match, 1 with the differences listed otherwise.
 */
public final class SameReports {
  /** Largest difference allowed between two floating-point values (absolute). */
  public static final double TOLERANCE = 1e-9;
  /** Non-identical rows looked at in detail per report; more than this is reported as a count. */
  private static final int MAX_LEFTOVERS = 10_000;

  private SameReports() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SameReports EXPECTED_DIR ACTUAL_DIR");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("same-reports").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    List<String> differences;
    try {
      differences = compare(spark, Path.of(args[0]), Path.of(args[1]));
    } finally {
      spark.stop();
    }
    if (differences.isEmpty()) {
      System.out.println("same reports: " + args[1] + " matches " + args[0]);
      return;
    }
    System.out.println("reports differ: " + args[1] + " vs " + args[0]);
    differences.forEach(d -> System.out.println("  " + d));
    System.exit(1);
  }

  /** The differences between two report directories; empty when they hold the same reports. */
  public static List<String> compare(SparkSession spark, Path expected, Path actual) throws IOException {
    List<String> out = new ArrayList<>();
    Set<String> parquet = sameNames(out, "parquet", expected.resolve("parquet"), actual.resolve("parquet"));
    for (String report : parquet) {
      long t0 = System.nanoTime();
      int before = out.size();
      long rows = compareParquet(spark, out, report, expected.resolve("parquet").resolve(report).toString(),
          actual.resolve("parquet").resolve(report).toString());
      System.out.printf("  parquet/%s: %d rows, %s (%.1f s)%n", report, rows,
          out.size() == before ? "same" : "DIFFERENT", (System.nanoTime() - t0) / 1e9);
    }
    Set<String> csv = sameNames(out, "csv", expected.resolve("csv"), actual.resolve("csv"));
    for (String file : csv) {
      long t0 = System.nanoTime();
      int before = out.size();
      long rows = compareCsv(out, file, expected.resolve("csv").resolve(file), actual.resolve("csv").resolve(file));
      System.out.printf("  csv/%s: %d rows, %s (%.1f s)%n", file, rows,
          out.size() == before ? "same" : "DIFFERENT", (System.nanoTime() - t0) / 1e9);
    }
    for (String shipped : List.of("README.md", "duckdb.sql")) {
      if (!Arrays.equals(Files.readAllBytes(expected.resolve(shipped)), Files.readAllBytes(actual.resolve(shipped)))) {
        out.add(shipped + ": contents differ");
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode a = withoutRunSpecifics(json.readTree(expected.resolve("run.json").toFile()));
    JsonNode b = withoutRunSpecifics(json.readTree(actual.resolve("run.json").toFile()));
    if (!a.equals(b)) {
      out.add("run.json differs beyond run_id and timings_ms:\n    expected " + a + "\n    actual   " + b);
    }
    return out;
  }

  private static JsonNode withoutRunSpecifics(JsonNode runJson) {
    ObjectNode copy = ((ObjectNode) runJson).deepCopy();
    copy.remove("run_id");
    copy.remove("timings_ms");
    return copy;
  }

  private static Set<String> sameNames(List<String> out, String what, Path expected, Path actual) throws IOException {
    Set<String> a = names(expected);
    Set<String> b = names(actual);
    if (!a.equals(b)) {
      out.add(what + ": expected " + a + ", found " + b);
    }
    Set<String> common = new TreeSet<>(a);
    common.retainAll(b);
    if (common.isEmpty()) {
      out.add(what + ": no reports");
    }
    return common;
  }

  private static Set<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new TreeSet<>();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
    }
  }

  /** Compares one Parquet report; returns its expected row count. */
  static long compareParquet(SparkSession spark, List<String> out, String report, String expected, String actual) {
    Dataset<Row> a = spark.read().parquet(expected);
    Dataset<Row> b = spark.read().parquet(actual);
    if (!a.schema().equals(b.schema())) {
      out.add("parquet/" + report + ": schema " + b.schema().simpleString() + ", expected " + a.schema().simpleString());
      return -1;
    }
    Row fa = fingerprint(a);
    Row fb = fingerprint(b);
    long na = fa.getLong(0);
    long nb = fb.getLong(0);
    if (na != nb) {
      out.add("parquet/" + report + ": " + nb + " rows, expected " + na);
      return na;
    }
    if (fa.equals(fb)) {
      return na;
    }
    Dataset<Row> onlyA = a.exceptAll(b);
    Dataset<Row> onlyB = b.exceptAll(a);
    long da = onlyA.count();
    if (da == 0) {
      return na;
    }
    if (da > MAX_LEFTOVERS) {
      out.add("parquet/" + report + ": " + da + " of " + na + " rows differ");
      return na;
    }
    StructField[] fields = a.schema().fields();
    Comparator<Row> byExactFields = Comparator.comparing(r -> exactKey(r, fields));
    List<Row> la = new ArrayList<>(onlyA.collectAsList());
    List<Row> lb = new ArrayList<>(onlyB.collectAsList());
    la.sort(byExactFields);
    lb.sort(byExactFields);
    for (int i = 0; i < la.size(); i++) {
      if (!within(la.get(i), lb.get(i))) {
        out.add("parquet/" + report + ": row " + lb.get(i) + ", expected " + la.get(i));
        if (out.size() > 20) {
          return na;
        }
      }
    }
    System.out.printf("  parquet/%s: %d rows equal within %.0e, not bit for bit%n", report, la.size(), TOLERANCE);
    return na;
  }

  /**
   * The row count and an order-independent digest of the rows (the sum of every row's 64-bit hash): equal
   * digests mean the same rows, so the costlier {@code exceptAll} only runs when something differs.
   */
  private static Row fingerprint(Dataset<Row> d) {
    return d.select(count(lit(1)).as("n"),
        sum(xxhash64(d.columns().length == 0 ? new Column[] {lit(0)}
            : Arrays.stream(d.columns()).map(c -> col(c)).toArray(Column[]::new)).cast("decimal(38,0)")).as("digest"))
        .first();
  }

  /** The row's values that must match exactly (all but floating-point columns), as a sort key. */
  private static String exactKey(Row r, StructField[] fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (!isFloating(fields[i].dataType())) {
        b.append(valueString(r.get(i))).append('\u0001');
      }
    }
    return b.toString();
  }

  private static boolean isFloating(DataType t) {
    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType);
  }

  private static String valueString(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      return scala.collection.JavaConverters.seqAsJavaList(seq).toString();
    }
    return String.valueOf(v);
  }

  /** Whether two values are equal, floating-point numbers (also inside rows and arrays) within the tolerance. */
  static boolean within(Object x, Object y) {
    if (x == null || y == null) {
      return x == y;
    }
    if (x instanceof Double || x instanceof Float) {
      double a = ((Number) x).doubleValue();
      double b = ((Number) y).doubleValue();
      return Double.compare(a, b) == 0 || Math.abs(a - b) <= TOLERANCE;
    }
    if (x instanceof Row rx && y instanceof Row ry) {
      if (rx.length() != ry.length()) {
        return false;
      }
      for (int i = 0; i < rx.length(); i++) {
        if (!within(rx.get(i), ry.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof scala.collection.Seq<?> sx && y instanceof scala.collection.Seq<?> sy) {
      List<?> lx = scala.collection.JavaConverters.seqAsJavaList(sx);
      List<?> ly = scala.collection.JavaConverters.seqAsJavaList(sy);
      if (lx.size() != ly.size()) {
        return false;
      }
      for (int i = 0; i < lx.size(); i++) {
        if (!within(lx.get(i), ly.get(i))) {
          return false;
        }
      }
      return true;
    }
    return x.equals(y);
  }

  /** Compares one CSV report; returns its expected row count (without the header). */
  static long compareCsv(List<String> out, String file, Path expected, Path actual) throws IOException {
    List<List<String>> a = readCsv(expected);
    List<List<String>> b = readCsv(actual);
    if (!a.get(0).equals(b.get(0))) {
      out.add("csv/" + file + ": header " + b.get(0) + ", expected " + a.get(0));
      return a.size() - 1;
    }
    if (a.size() != b.size()) {
      out.add("csv/" + file + ": " + (b.size() - 1) + " rows, expected " + (a.size() - 1));
      return a.size() - 1;
    }
    Map<List<String>, Integer> counts = new HashMap<>();
    for (List<String> r : a.subList(1, a.size())) {
      counts.merge(r, 1, Integer::sum);
    }
    List<List<String>> onlyB = new ArrayList<>();
    for (List<String> r : b.subList(1, b.size())) {
      if (counts.merge(r, -1, Integer::sum) < 0) {
        onlyB.add(r);
      }
    }
    List<List<String>> onlyA = new ArrayList<>();
    counts.forEach((r, n) -> {
      for (int i = 0; i < n; i++) {
        onlyA.add(r);
      }
    });
    Comparator<List<String>> byNonNumeric = Comparator.comparing(SameReports::nonNumericKey);
    onlyA.sort(byNonNumeric);
    onlyB.sort(byNonNumeric);
    for (int i = 0; i < onlyA.size(); i++) {
      if (!cellsWithin(onlyA.get(i), onlyB.get(i))) {
        out.add("csv/" + file + ": row " + onlyB.get(i) + ", expected " + onlyA.get(i));
        if (out.size() > 20) {
          return a.size() - 1;
        }
      }
    }
    if (!onlyA.isEmpty()) {
      System.out.printf("  csv/%s: %d rows equal within %.0e, not character for character%n", file, onlyA.size(),
          TOLERANCE);
    }
    return a.size() - 1;
  }

  private static List<List<String>> readCsv(Path file) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180)) {
      for (CSVRecord rec : p) {
        rows.add(rec.toList());
      }
    }
    if (rows.isEmpty()) {
      throw new IOException(file + ": empty, not even a header");
    }
    return rows;
  }

  private static String nonNumericKey(List<String> row) {
    StringBuilder b = new StringBuilder();
    for (String cell : row) {
      b.append(number(cell) == null ? cell : "#").append('\u0001');
    }
    return b.toString();
  }

  private static boolean cellsWithin(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        Double x = number(a.get(i));
        Double y = number(b.get(i));
        if (x == null || y == null || !within(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static Double number(String cell) {
    try {
      return cell.isEmpty() ? null : Double.valueOf(cell);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
