package io.visitlens;

import java.util.Arrays;
import java.util.List;
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
  protected static Row row(Object... values) {
    return RowFactory.create(values);
  }

  protected static List<Object> values(Row r) {
    Object[] v = new Object[r.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(i);
    }
    return Arrays.asList(v);
  }
}
