package io.visitlens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Writes reports into a (staging) report directory, each twice with the same rows:
 *
 * <ul>
 *   <li>{@code parquet/<report>/*.parquet}: flat snake_case columns, DATE for dates, rows in the report's
 *       sort order, and nothing but {@code .parquet} files (no {@code _SUCCESS}, no {@code .crc});</li>
 *   <li>{@code csv/<report>.csv}: one UTF-8 file with a header, RFC 4180 quoting, the same sort order, and
 *       text cells beginning with {@code = + - @} (or a tab or CR) prefixed with {@code '} so that
 *       spreadsheets do not run them as formulas.</li>
 * </ul>
 *
 * Both are written by the same tasks from the same sorted rows ({@link CsvParts}), so they hold the same rows
 * in the same order and the report is computed and sorted once, with no cached copy between the two files.
 */
public final class ReportWriter {
  private final Path root;
  private final FileSystem fs;
  private final Configuration hadoopConf;

  public ReportWriter(SparkSession spark, Path root) {
    this.root = root;
    this.hadoopConf = spark.sparkContext().hadoopConfiguration();
    try {
      this.fs = root.getFileSystem(hadoopConf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where a report's Parquet goes. */
  public Path parquetPath(String report) {
    return new Path(new Path(root, "parquet"), report);
  }

  /** Writes Parquet only (for datasets, like the annotated corpus, that are not tabular reports). */
  public void writeParquet(String name, Dataset<Row> data, String... sortColumns) {
    Path dir = parquetPath(name);
    Dataset<Row> sorted = sortColumns.length == 0 ? data : data.orderBy(columns(sortColumns));
    sorted.write().mode(SaveMode.ErrorIfExists).parquet(dir.toString());
    keepOnlyParquet(dir);
  }

  /**
   * Writes a report as Parquet and CSV, sorted by {@code sortColumns}; returns its row count. A sort column is
   * ascending, or descending when written {@code "name desc"}. The rows are range-partitioned by the sort
   * (Spark samples them first), so a large report is sorted in parallel.
   */
  public long write(String name, Dataset<Row> report, String... sortColumns) {
    return writeBoth(name, report.orderBy(columns(sortColumns)));
  }

  /**
   * Writes a report that is small whatever the corpus (bounded by the catalogue and the lexicon, such as
   * {@code sector_summary}): sorted in one partition, so without the sampling job of a range partitioning, into
   * one Parquet file. Same rows and order as {@link #write}.
   */
  public long writeSmall(String name, Dataset<Row> report, String... sortColumns) {
    return writeBoth(name, report.repartition(1).sortWithinPartitions(columns(sortColumns)));
  }

  /**
   * Rows up to which a report whose size is bounded in advance is sorted in one task ({@link #writeSmall}'s way)
   * rather than by ranges: a range partitioning first runs a job that computes the report's whole plan to sample
   * it, which on a small corpus costs more than sorting a few hundred thousand rows in one task.
   */
  public static final long ONE_TASK_ROWS = 200_000;

  /**
   * {@link #write} of a report known to have at most {@code maxRows} rows: sorted in one task when that is at most
   * {@link #ONE_TASK_ROWS}, by ranges otherwise. The same rows in the same order either way.
   */
  public long write(String name, Dataset<Row> report, long maxRows, String... sortColumns) {
    return maxRows <= ONE_TASK_ROWS ? writeSmall(name, report, sortColumns) : write(name, report, sortColumns);
  }

  /**
   * {@link #writeAndKeep} of a report known to have at most {@code maxRows} rows; see
   * {@link #write(String, Dataset, long, String...)}.
   */
  public Kept writeAndKeep(String name, Dataset<Row> report, long maxRows, String... sortColumns) {
    return maxRows <= ONE_TASK_ROWS ? writeSmallAndKeep(name, report, sortColumns)
        : writeAndKeep(name, report, sortColumns);
  }

  /** A written report whose sorted rows are kept in memory for later steps; the caller unpersists them. */
  public record Kept(long count, Dataset<Row> rows) {}

  /**
   * {@link #write}, keeping the sorted rows persisted for the steps that build on the report (instead of
   * reading back what was written).
   */
  public Kept writeAndKeep(String name, Dataset<Row> report, String... sortColumns) {
    Dataset<Row> sorted = report.orderBy(columns(sortColumns)).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new Kept(writeBoth(name, sorted), sorted);
    } catch (RuntimeException e) {
      sorted.unpersist();
      throw e;
    }
  }

  /**
   * Writes rows that are already in the report's sort order, partition after partition (derived row by row from a
   * range-partitioned, sorted Dataset, such as the annotated corpus), as they are, with no sampling job and no
   * shuffle; returns the row count. The caller vouches for the order; a test of the report checks it.
   */
  public long writeInOrder(String name, Dataset<Row> orderedRows) {
    return writeBoth(name, orderedRows);
  }

  /** {@link #writeSmall}, keeping the sorted rows persisted; see {@link #writeAndKeep}. */
  public Kept writeSmallAndKeep(String name, Dataset<Row> report, String... sortColumns) {
    Dataset<Row> sorted = report.repartition(1).sortWithinPartitions(columns(sortColumns))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new Kept(writeBoth(name, sorted), sorted);
    } catch (RuntimeException e) {
      sorted.unpersist();
      throw e;
    }
  }

  /**
   * Writes sorted rows as Parquet and, in the same tasks, as CSV parts ({@link CsvParts}) that are then joined in
   * partition order behind one header; the row count is observed while they are written, not counted by a job of
   * its own. Partition i of a sorted Dataset holds the i-th range of the order, so the single CSV file is sorted
   * without sorting again, and a report of millions of rows is printed by many tasks.
   */
  private long writeBoth(String name, Dataset<Row> sortedRows) {
    Path parts = new Path(root, "_tmp_csv_" + name);
    Observation rows = new Observation("rows of " + name);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(sortedRows.sparkSession().sparkContext());
    Broadcast<SerializableConfiguration> conf = context.broadcast(new SerializableConfiguration(hadoopConf));
    try {
      Dataset<Row> printed = sortedRows.mapPartitions(new CsvParts(parts, conf), Encoders.row(sortedRows.schema()));
      writeParquet(name, printed.observe(rows, count(lit(1)).as("rows")));
      long n = observedCount(rows);
      CsvParts.concatenate(fs, parts, new Path(new Path(root, "csv"), name + ".csv"),
          header(sortedRows.columns()), n);
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      conf.destroy();
    }
  }

  /** The count an observation collected during the write that has just finished. */
  private static long observedCount(Observation rows) {
    try {
      return ((Number) rows.getAsJava().get("rows")).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a report's row count", e);
    }
  }

  /** The header line, quoted as the rows are ({@link CsvParts#FORMAT}). */
  static String header(String[] columns) {
    StringBuilder line = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(line, CsvParts.FORMAT)) {
      printer.printRecord((Object[]) columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }

  /** The task number of a Spark output part, {@code part-00012-<uuid>-c000.snappy.parquet} → 12. */
  static long partNumber(Path part) {
    String n = part.getName();
    int end = n.indexOf('-', "part-".length());
    try {
      return Long.parseLong(n.substring("part-".length(), end < 0 ? n.length() : end));
    } catch (RuntimeException e) {
      throw new IllegalStateException("not a Spark part file name: " + part, e);
    }
  }

  /** Deletes everything in a Parquet directory that DuckDB's {@code read_parquet('dir/*.parquet')} should not see. */
  private void keepOnlyParquet(Path dir) {
    try {
      HadoopFiles.removeChecksums(fs, dir);
      for (FileStatus f : fs.listStatus(dir)) {
        if (!f.isFile() || !f.getPath().getName().endsWith(".parquet")) {
          fs.delete(f.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sort columns: {@code "x"} ascending, {@code "x desc"} descending; nulls first ascending, last descending. */
  private static Column[] columns(String... names) {
    return Arrays.stream(names)
        .map(n -> n.endsWith(DESC) ? col(n.substring(0, n.length() - DESC.length())).desc() : col(n))
        .toArray(Column[]::new);
  }

  private static final String DESC = " desc";
}
