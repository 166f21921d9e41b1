package io.visitlens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

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
 * Both are written from one sorted, persisted copy of the report, so they hold the same rows in the same order
 * and the report is computed and sorted once.
 */
public final class ReportWriter {
  private final Path root;
  private final FileSystem fs;

  public ReportWriter(SparkSession spark, Path root) {
    this.root = root;
    try {
      this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
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
    return writeSorted(name, report.orderBy(columns(sortColumns)));
  }

  /**
   * Writes a report that is small whatever the corpus (bounded by the catalogue and the lexicon, such as
   * {@code sector_summary}): sorted in one partition, so without the sampling job of a range partitioning, into
   * one Parquet file. Same rows and order as {@link #write}.
   */
  public long writeSmall(String name, Dataset<Row> report, String... sortColumns) {
    return writeSorted(name, report.repartition(1).sortWithinPartitions(columns(sortColumns)));
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
      return new Kept(writePersisted(name, sorted), sorted);
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
    return writeSorted(name, orderedRows);
  }

  /** {@link #writeSmall}, keeping the sorted rows persisted; see {@link #writeAndKeep}. */
  public Kept writeSmallAndKeep(String name, Dataset<Row> report, String... sortColumns) {
    Dataset<Row> sorted = report.repartition(1).sortWithinPartitions(columns(sortColumns))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return new Kept(writePersisted(name, sorted), sorted);
    } catch (RuntimeException e) {
      sorted.unpersist();
      throw e;
    }
  }

  /** Writes sorted rows through a persisted copy that is dropped afterwards. */
  private long writeSorted(String name, Dataset<Row> sortedRows) {
    Dataset<Row> sorted = sortedRows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return writePersisted(name, sorted);
    } finally {
      sorted.unpersist();
    }
  }

  /**
   * Writes persisted sorted rows as Parquet, then the CSV from the same copy; the row count is observed while
   * the Parquet is written, not counted by a job of its own.
   */
  private long writePersisted(String name, Dataset<Row> sorted) {
    Observation rows = new Observation("rows of " + name);
    writeParquet(name, sorted.observe(rows, count(lit(1)).as("rows")));
    // The persisted rows are in sort order partition by partition; the CSV parts are concatenated in that order,
    // so the single CSV file is sorted without sorting again.
    writeCsv(name, sorted);
    return observedCount(rows);
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

  /**
   * Writes the CSV in parallel, one headerless part per partition of the sorted rows, then concatenates the parts in
   * partition order behind one header line into {@code csv/<name>.csv}. Partition i of a sorted Dataset holds the
   * i-th range of the order, so the file is sorted; a task formats its own part, so a report of millions of rows
   * is not formatted by one task (as {@code coalesce(1)} would), and the concatenation only copies bytes.
   */
  private void writeCsv(String name, Dataset<Row> rows) {
    Path tmp = new Path(root, "_tmp_csv_" + name);
    Dataset<Row> cells = neutraliseFormulas(rows);
    cells.write()
        .mode(SaveMode.ErrorIfExists)
        .option("header", false)
        .option("encoding", "UTF-8")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("lineSep", "\n")
        .option("ignoreLeadingWhiteSpace", false)
        .option("ignoreTrailingWhiteSpace", false)
        .option("dateFormat", "yyyy-MM-dd")
        .csv(tmp.toString());
    try {
      FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*"));
      List<FileStatus> ordered = new ArrayList<>(Arrays.asList(parts == null ? new FileStatus[0] : parts));
      ordered.sort(Comparator.comparingLong(f -> partNumber(f.getPath())));
      Path target = new Path(new Path(root, "csv"), name + ".csv");
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(target, false)) {
        out.write(header(cells.columns()).getBytes(StandardCharsets.UTF_8));
        for (FileStatus part : ordered) {
          try (InputStream in = fs.open(part.getPath())) {
            IOUtils.copyBytes(in, out, 1 << 16, false);
          }
        }
      }
      fs.delete(tmp, true);
      // This file's side file only: other reports' CSVs are written into the same directory at the same time.
      HadoopFiles.removeChecksum(fs, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header line, quoted as RFC 4180 wants (Commons CSV). */
  static String header(String[] columns) {
    StringBuilder line = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
      printer.printRecord((Object[]) columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }

  /** The task number of a Spark output part, {@code part-00012-<uuid>-c000.csv} → 12. */
  static long partNumber(Path part) {
    String n = part.getName();
    int end = n.indexOf('-', "part-".length());
    try {
      return Long.parseLong(n.substring("part-".length(), end < 0 ? n.length() : end));
    } catch (RuntimeException e) {
      throw new IllegalStateException("not a Spark part file name: " + part, e);
    }
  }

  /** The first characters that make a spreadsheet read a cell as a formula. */
  private static final Object[] FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"};

  /**
   * Prefixes text cells that a spreadsheet would read as a formula ({@code = + - @}, tab, CR) with an
   * apostrophe (OWASP's advice for CSV injection). Other columns pass unchanged.
   */
  public static Dataset<Row> neutraliseFormulas(Dataset<Row> rows) {
    List<Column> select = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      Column c = col(f.name());
      if (f.dataType().equals(DataTypes.StringType)) {
        // The first character compared with a set (no regular expression per cell: reports have millions of them).
        c = when(substring(c, 1, 1).isin(FORMULA_STARTS), concat(lit("'"), c)).otherwise(c).as(f.name());
      }
      select.add(c);
    }
    return rows.select(select.toArray(new Column[0]));
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
