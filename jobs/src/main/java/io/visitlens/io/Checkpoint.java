package io.visitlens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A deliberate, named checkpoint: Parquet the job has written (the annotated corpus, which is a deliverable of its
 * own) read back by the later steps, instead of a cached copy of the same rows. Each file becomes one partition,
 * in the order of the tasks that wrote it ({@code part-00000}, {@code part-00001}, …), and is never split: so rows
 * that were together and in order in a task (a document's sentences, in document order) are so again, and
 * partition i holds what task i wrote.
 *
 * <p>Spark's file scan would by itself split a file larger than a core's share of the input, and order the splits
 * by size. While a checkpoint is open, the session's {@code spark.sql.files.maxPartitionBytes} and
 * {@code spark.sql.files.openCostInBytes} are set so that no file is split or shares a partition; every file is
 * read by a scan of its own and the scans are concatenated in part order. {@link #close} puts the two settings back
 * (a value set with {@code --conf} too). The reads are planned lazily: they must run before the checkpoint is closed.
 */
public final class Checkpoint implements AutoCloseable {
  static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  static final String OPEN_COST = "spark.sql.files.openCostInBytes";
  /** Larger than any file: 1 PiB. */
  static final long WHOLE_FILE = 1L << 50;

  private final SparkSession spark;
  private final Map<String, String> previous = new LinkedHashMap<>();

  private Checkpoint(SparkSession spark) {
    this.spark = spark;
    for (String key : List.of(MAX_PARTITION_BYTES, OPEN_COST)) {
      previous.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
      spark.conf().set(key, Long.toString(WHOLE_FILE));
    }
  }

  /** Opens a checkpoint scope on the session: its file scans read whole files, one per partition. */
  public static Checkpoint open(SparkSession spark) {
    return new Checkpoint(spark);
  }

  /**
   * The Parquet files of {@code dir} with {@code schema} (columns not read are pruned as usual), one partition per
   * file in part order. A directory without part files (nothing was written) reads as no rows.
   */
  public Dataset<Row> read(Path dir, StructType schema) {
    List<Path> parts = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] found = fs.globStatus(new Path(dir, "part-*.parquet"));
      if (found != null) {
        for (FileStatus f : found) {
          parts.add(f.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (parts.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    parts.sort(Comparator.comparingLong(ReportWriter::partNumber));
    Dataset<Row> rows = null;
    for (Path part : parts) {
      Dataset<Row> file = spark.read().schema(schema).parquet(part.toString());
      rows = rows == null ? file : rows.union(file);
    }
    return rows;
  }

  /** Puts the session's file-scan settings back as they were before {@link #open}. */
  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        spark.conf().unset(key);
      } else {
        spark.conf().set(key, value);
      }
    });
  }
}
