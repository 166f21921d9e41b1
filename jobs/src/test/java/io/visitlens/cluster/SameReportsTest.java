package io.visitlens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report comparison the cluster test relies on: what it accepts and what it catches. */
class SameReportsTest extends SparkTestBase {
  static final StructType SCHEMA = new StructType()
      .add("sector", DataTypes.StringType)
      .add("mentions", DataTypes.LongType)
      .add("share", DataTypes.DoubleType)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType));

  @TempDir
  Path tmp;

  /** A report directory with one report, written in the given number of Parquet files. */
  Path reports(String name, double share, long mentions, int files, String timings) throws Exception {
    Path dir = tmp.resolve(name);
    spark.createDataFrame(List.of(
            row("energy", mentions, share, List.of("oil", "gas")),
            row("trade", 3L, 0.25, List.of()),
            row("space", 0L, 0.0, null)), SCHEMA)
        .repartition(files).write().mode(SaveMode.ErrorIfExists).parquet(dir.resolve("parquet/sector_summary").toString());
    Files.createDirectories(dir.resolve("csv"));
    Files.writeString(dir.resolve("csv/sector_summary.csv"),
        "sector,mentions,share\n\"energy, oil\"," + mentions + "," + share + "\ntrade,3,0.25\n");
    Files.writeString(dir.resolve("README.md"), "reports\n");
    Files.writeString(dir.resolve("duckdb.sql"), "-- views\n");
    Files.writeString(dir.resolve("run.json"),
        "{\"run_id\":\"" + name + "\",\"row_counts\":{\"sector_summary\":3},\"timings_ms\":" + timings + "}");
    return dir;
  }

  @Test
  void acceptsOtherFilesRunIdsTimingsAndFloatsWithinTheTolerance() throws Exception {
    Path local = reports("local", 0.75, 9L, 1, "{\"total\":100}");
    Path cluster = reports("cluster", 0.75 + 4e-10, 9L, 3, "{\"total\":250}");
    assertEquals(List.of(), SameReports.compare(spark, local, cluster));
  }

  @Test
  void catchesADifferentCountAFloatBeyondTheToleranceAndAMissingReport() throws Exception {
    Path local = reports("local", 0.75, 9L, 1, "{}");

    List<String> count = SameReports.compare(spark, local, reports("count", 0.75, 10L, 2, "{}"));
    assertEquals(2, count.size(), count.toString());
    assertTrue(count.get(0).startsWith("parquet/sector_summary: row [energy,10,"), count.get(0));
    assertTrue(count.get(1).startsWith("csv/sector_summary.csv: row [energy, oil, 10, 0.75]"), count.get(1));

    List<String> share = SameReports.compare(spark, local, reports("share", 0.75 + 2e-9, 9L, 1, "{}"));
    assertEquals(2, share.size(), share.toString());

    Path missing = reports("missing", 0.75, 9L, 1, "{}");
    Files.delete(missing.resolve("csv/sector_summary.csv"));
    assertTrue(SameReports.compare(spark, local, missing).get(0).startsWith("csv: expected [sector_summary.csv], found []"));
  }
}
