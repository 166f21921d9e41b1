package io.visitlens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest extends SparkTestBase {

  private static final StructType SCHEMA = new StructType()
      .add("doc", DataTypes.LongType, false)
      .add("pad", DataTypes.StringType, false);

  /**
   * Four tasks write very different amounts (Spark's own scan would read the largest file first, and split the
   * largest across both cores): read back, partition i is what task i wrote, whole and in its order.
   */
  @Test
  void readsEachFileWholeAsOnePartitionInTheOrderItsTaskWroteIt(@TempDir Path dir) {
    int tasks = 4;
    // Task t writes docs [t*1000, t*1000 + rows(t)), rows(0) the most, with incompressible padding.
    int[] rows = {40_000, 200, 9_000, 3};
    List<Row> expected = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      for (int i = 0; i < rows[t]; i++) {
        expected.add(row((long) t * 100_000 + i, Long.toHexString((t * 7919L + i) * 0x9E3779B97F4A7C15L)));
      }
    }
    // Partition t of range(0, tasks) holds t alone: task t writes its rows.
    Dataset<Row> written = spark.range(0, tasks, 1, tasks).flatMap(
        (org.apache.spark.api.java.function.FlatMapFunction<Long, Row>) t -> expected.stream()
            .filter(r -> r.getLong(0) / 100_000 == t).iterator(), org.apache.spark.sql.Encoders.row(SCHEMA));
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "checkpoint");
    written.write().parquet(out.toString());

    try (Checkpoint checkpoint = Checkpoint.open(spark)) {
      Dataset<Row> read = checkpoint.read(out, SCHEMA);
      assertEquals(tasks, read.rdd().getNumPartitions(), "one partition per file");
      List<Row> inOrder = read.collectAsList();
      assertEquals(expected, inOrder, "the rows in the order written, task after task");
      List<Row> partitions = read.select(col("doc"), spark_partition_id().as("p")).collectAsList();
      for (Row r : partitions) {
        assertEquals(r.getLong(0) / 100_000, r.getInt(1), "doc " + r.getLong(0) + " is read in its task's partition");
      }
      assertEquals(List.of(40_000L), read.select(col("doc")).where(col("doc").lt(100_000)).groupBy()
          .count().collectAsList().stream().map(x -> x.getLong(0)).toList(), "columns are pruned and filtered");
    }
  }

  @Test
  void aDirectoryWithoutPartsReadsAsNoRows(@TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("empty"));
    try (Checkpoint checkpoint = Checkpoint.open(spark)) {
      Dataset<Row> read = checkpoint.read(new org.apache.hadoop.fs.Path(dir.resolve("empty").toUri()), SCHEMA);
      assertEquals(0, read.count(), "no rows");
      assertEquals(List.of("doc", "pad"), List.of(read.columns()), "the schema asked for");
    }
  }

  @Test
  void closingPutsTheSessionsFileScanSettingsBack() {
    spark.conf().set(Checkpoint.OPEN_COST, "12345");
    spark.conf().unset(Checkpoint.MAX_PARTITION_BYTES);
    try {
      try (Checkpoint ignored = Checkpoint.open(spark)) {
        assertEquals(Long.toString(Checkpoint.WHOLE_FILE), spark.conf().get(Checkpoint.OPEN_COST), "open: whole files");
        assertEquals(Long.toString(Checkpoint.WHOLE_FILE), spark.conf().get(Checkpoint.MAX_PARTITION_BYTES),
            "open: whole files");
      }
      assertEquals("12345", spark.conf().get(Checkpoint.OPEN_COST), "a value set before is put back");
      assertFalse(spark.conf().contains(Checkpoint.MAX_PARTITION_BYTES), "an unset one is unset again");
      assertTrue(spark.conf().get(Checkpoint.MAX_PARTITION_BYTES).startsWith("134217728"),
          "and reads as Spark's default (128 MB)");
    } finally {
      spark.conf().unset(Checkpoint.OPEN_COST);
    }
  }
}
