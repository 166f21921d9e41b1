package io.visitlens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * One SparkSession for the whole test JVM: {@code local[2]}, loopback driver, no UI, few shuffle partitions.
 * The job code never sets a master; only tests and the CLI do.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  protected static void startSpark() {
    if (spark == null) {
      spark = SparkSession.builder()
          .appName("visitlens-tests")
          .master("local[2]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .getOrCreate();
    }
  }

  /** A row of values, for expected-row lists. */
  /**
   * Articles ({@code doc_id}, {@code visit_id}, {@code language}, {@code text} rows) cut into paragraphs and annotated
   * by the real text core with {@code lexicon}: the annotated corpus as the job makes it.
   */
  protected static Dataset<Row> annotatedArticles(io.visitlens.config.SectorLexicon lexicon, Row... articles) {
    org.apache.spark.sql.types.StructType docs = new org.apache.spark.sql.types.StructType()
        .add("doc_id", org.apache.spark.sql.types.DataTypes.StringType)
        .add("visit_id", org.apache.spark.sql.types.DataTypes.StringType)
        .add("language", org.apache.spark.sql.types.DataTypes.StringType)
        .add("text", org.apache.spark.sql.types.DataTypes.StringType);
    return io.visitlens.transform.Annotations.annotate(io.visitlens.nlp.TextCore.create(lexicon),
        io.visitlens.transform.Paragraphs.explodeParagraphs(spark.createDataFrame(List.of(articles), docs)));
  }

  protected static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** The rows of {@code d}, in its order, each as its values. */
  protected static List<List<Object>> rowValues(Dataset<Row> d) {
    return d.collectAsList().stream().map(SparkTestBase::values).toList();
  }

  /**
   * Asserts that {@code actual} holds the {@code expected} rows, in order; doubles are compared to a relative 1e-9.
   * A failure names the context, the row, the column and both values, and lists every actual row.
   */
  protected static void assertRows(String context, List<List<Object>> expected, List<List<Object>> actual) {
    String all = actual.stream().map(Object::toString).collect(Collectors.joining("\n  "));
    assertEquals(expected.size(), actual.size(), () -> context + ": row count; rows:\n  " + all);
    for (int i = 0; i < expected.size(); i++) {
      List<Object> e = expected.get(i);
      List<Object> a = actual.get(i);
      int row = i;
      assertEquals(e.size(), a.size(), () -> context + ": columns of row " + row + ": " + a);
      for (int j = 0; j < e.size(); j++) {
        int column = j;
        String where = context + ": row " + row + " column " + column + " of " + a;
        if (e.get(j) instanceof Double d && a.get(j) instanceof Double x) {
          assertEquals(d, x, 1e-9 * Math.max(1.0, Math.abs(d)), () -> where);
        } else {
          assertEquals(e.get(j), a.get(j), () -> where);
        }
      }
    }
  }

  protected static List<Object> values(Row r) {
    Object[] v = new Object[r.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return Arrays.asList(v);
  }
}
