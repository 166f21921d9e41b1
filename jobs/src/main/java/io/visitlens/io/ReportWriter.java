package io.visitlens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
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

  /**
   * A report ready to be written: its rows, and how they reach the report's order. {@code order} empty: the rows are
   * already in it, partition after partition (see {@link #writeInOrder}). Otherwise the writer sorts them by
   * {@code order}, in one task when at most {@code maxRows} rows are expected and that is at most
   * {@link #ONE_TASK_ROWS}, by ranges beyond ({@link #write(String, Dataset, long, String...)}); {@code maxRows}
   * {@link Long#MAX_VALUE} when no bound is known. Built by each report's class, written by {@link #write(Plan)}.
   */
  public record Plan(String name, Dataset<Row> rows, List<String> order, long maxRows, CsvRows csvRows) {
    public Plan {
      order = List.copyOf(order);
    }

    /** Every row in the CSV too. */
    public Plan(String name, Dataset<Row> rows, List<String> order, long maxRows) {
      this(name, rows, order, maxRows, null);
    }

    /** The same plan with a CSV that keeps only {@code only}'s rows (null: every row); the Parquet keeps all. */
    public Plan withCsvRows(CsvRows only) {
      return new Plan(name, rows, order, maxRows, only);
    }

    /** Rows the writer sorts by {@code order}; see {@link Plan}. */
    public static Plan sorted(String name, Dataset<Row> rows, List<String> order, long maxRows) {
      if (order.isEmpty()) {
        throw new IllegalArgumentException(name + ": a sorted plan needs its sort order");
      }
      return new Plan(name, rows, order, maxRows);
    }

    /** Rows already in the report's order, written as they are. */
    public static Plan inOrder(String name, Dataset<Row> rows) {
      return new Plan(name, rows, List.of(), 0);
    }

    /** Whether the rows are written as they are. */
    public boolean isInOrder() {
      return order.isEmpty();
    }
  }

  /**
   * The rows of a report that its CSV keeps, when not all: those whose {@code column} (a string column) holds one of
   * {@code values}. The Parquet keeps every row. For a report whose largest part is wanted in Parquet only
   * ({@code term_frequencies}' document scope, {@code --csv-scopes}).
   */
  public record CsvRows(String column, List<String> values) implements java.io.Serializable {
    public CsvRows {
      values = List.copyOf(values);
    }
  }

  /** Writes a planned report as Parquet and CSV; returns its row count (the Parquet's). */
  public long write(Plan plan) {
    Dataset<Row> sorted = plan.isInOrder() ? plan.rows()
        : inReportOrder(plan.rows(), plan.maxRows(), plan.order());
    return writeBoth(plan.name(), sorted, plan.csvRows());
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
    return writeBoth(name, inReportOrder(report, Long.MAX_VALUE, Arrays.asList(sortColumns)), null);
  }

  /**
   * Writes a report that is small whatever the corpus (bounded by the catalogue and the lexicon, such as
   * {@code sector_summary}): sorted in one partition, so without the sampling job of a range partitioning, into
   * one Parquet file. Same rows and order as {@link #write}.
   */
  public long writeSmall(String name, Dataset<Row> report, String... sortColumns) {
    return writeBoth(name, inReportOrder(report, 0, Arrays.asList(sortColumns)), null);
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
   * Rows sorted into a report's order, partition i holding the i-th range of it, as {@link #write(String, Dataset,
   * long, String...)} sorts them: in one task when at most {@code maxRows} ≤ {@link #ONE_TASK_ROWS} rows are
   * expected, by ranges otherwise. For rows that later steps read too: persist them, then write them with
   * {@link Plan#inOrder}, and they are computed and sorted once.
   */
  public static Dataset<Row> inReportOrder(Dataset<Row> rows, long maxRows, List<String> order) {
    Column[] by = columns(order.toArray(new String[0]));
    return maxRows <= ONE_TASK_ROWS ? rows.repartition(1).sortWithinPartitions(by) : rows.orderBy(by);
  }

  /**
   * Writes rows that are already in the report's sort order, partition after partition (derived row by row from a
   * range-partitioned, sorted Dataset, such as the annotated corpus), as they are, with no sampling job and no
   * shuffle; returns the row count. The caller vouches for the order; a test of the report checks it.
   */
  public long writeInOrder(String name, Dataset<Row> orderedRows) {
    return writeBoth(name, orderedRows, null);
  }

  /**
   * Writes sorted rows as Parquet and, in the same tasks, as CSV parts ({@link CsvParts}) that are then joined in
   * partition order behind one header; the row count is observed while they are written, not counted by a job of
   * its own. Partition i of a sorted Dataset holds the i-th range of the order, so the single CSV file is sorted
   * without sorting again, and a report of millions of rows is printed by many tasks.
   */
  private long writeBoth(String name, Dataset<Row> sortedRows, CsvRows csvRows) {
    Path parts = new Path(root, "_tmp_csv_" + name);
    Observation rows = new Observation("rows of " + name);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(sortedRows.sparkSession().sparkContext());
    Broadcast<SerializableConfiguration> conf = context.broadcast(new SerializableConfiguration(hadoopConf));
    try {
      int keepColumn = csvRows == null ? -1 : sortedRows.schema().fieldIndex(csvRows.column());
      Dataset<Row> printed = sortedRows.mapPartitions(
          new CsvParts(parts, conf, keepColumn, csvRows == null ? List.of() : csvRows.values()),
          Encoders.row(sortedRows.schema()));
      Column[] csvCount = csvRows == null ? new Column[0] : new Column[] {
          count(when(col(csvRows.column()).isin(csvRows.values().toArray()), lit(1))).as("csv_rows")};
      writeParquet(name, printed.observe(rows, count(lit(1)).as("rows"), csvCount));
      long n = observedCount(rows, "rows");
      CsvParts.concatenate(fs, parts, new Path(new Path(root, "csv"), name + ".csv"),
          header(sortedRows.columns()), csvRows == null ? n : observedCount(rows, "csv_rows"));
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      conf.destroy();
    }
  }

  /** A count an observation collected during the write that has just finished. */
  private static long observedCount(Observation rows, String metric) {
    try {
      return ((Number) rows.getAsJava().get(metric)).longValue();
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
