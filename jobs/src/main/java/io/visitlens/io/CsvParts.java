package io.visitlens.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.IOUtils;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskFailureListener;

/**
 * A report's CSV, written by the same tasks that write its Parquet: each task passes its partition's rows through
 * unchanged and prints them, as it goes, into a CSV part of its own ({@code part-<partition>-r<rows>.csv}, no
 * header); the driver then concatenates the parts in partition order behind one header line. The rows are
 * computed once for both files, with no cached copy between them.
 *
 * <p>A part is printed into a file named after its task attempt and renamed when the partition's last row has
 * been printed, so a failed attempt leaves no part and a retried one replaces it (the same rows: they are
 * derived from the same sorted input). Each part's name carries its row count, and the driver checks that the
 * parts add up to the rows the Parquet write counted for the CSV (all of them, unless the report keeps some in its
 * Parquet only: {@link ReportWriter.CsvRows}), so a lost part fails the write instead of shortening the
 * CSV.
 *
 * <p>The cells (Apache Commons CSV, RFC 4180 with {@code \n} line ends): a value is quoted only when it must be
 * (it holds a comma, a quote, a line break, or begins with a character up to {@code #}); a quote inside is
 * doubled; a null and an empty string are both an empty cell ({@code ""} when first in its row). Numbers are
 * Java's decimal forms ({@code Double.toString}: {@code 0.25}, {@code 1.0E-5}), dates ISO {@code yyyy-MM-dd}.
 * A text cell that a spreadsheet would run as a formula (first character {@code = + - @}, tab or CR) is
 * prefixed with {@code '}, OWASP's advice against CSV injection; the Parquet keeps the raw text.
 */
public final class CsvParts implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** RFC 4180, {@code \n} between records. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").build();

  private static final Pattern PART = Pattern.compile("part-(\\d+)-r(\\d+)\\.csv");

  private final String dir;
  private final Broadcast<SerializableConfiguration> conf;
  private final int keepColumn;
  private final java.util.Set<String> keepValues;

  /**
   * Prints into parts under {@code dir}, opened through the Hadoop settings {@code conf}, the rows whose string column
   * number {@code keepColumn} holds one of {@code keepValues} (every row when {@code keepColumn} is negative); every
   * row is passed on, printed or not.
   */
  public CsvParts(Path dir, Broadcast<SerializableConfiguration> conf, int keepColumn,
      java.util.Collection<String> keepValues) {
    this.dir = dir.toString();
    this.conf = conf;
    this.keepColumn = keepColumn;
    this.keepValues = new java.util.HashSet<>(keepValues);
  }

  /** Whether {@code row} is printed. */
  boolean keeps(Row row) {
    return keepColumn < 0 || !row.isNullAt(keepColumn) && keepValues.contains(row.getString(keepColumn));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) throws IOException {
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    long attempt = task == null ? 0 : task.taskAttemptId();
    Path parent = new Path(dir);
    FileSystem fs = parent.getFileSystem(conf.value().value());
    Path inProgress = new Path(parent, String.format("_attempt-%05d-%d.csv", partition, attempt));
    CSVPrinter printer = new CSVPrinter(new BufferedWriter(
        new OutputStreamWriter(fs.create(inProgress, true), StandardCharsets.UTF_8), 1 << 16), FORMAT);
    if (task != null) {
      task.addTaskFailureListener((TaskFailureListener) (context, error) -> abandon(printer, fs, inProgress));
    }
    return new Iterator<>() {
      private long printed;
      private boolean finished;

      @Override
      public boolean hasNext() {
        if (finished) {
          return false;
        }
        if (rows.hasNext()) {
          return true;
        }
        finished = true;
        publish(printer, fs, inProgress, new Path(parent, partName(partition, printed)));
        return false;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = rows.next();
        if (keeps(row)) {
          print(printer, row);
          printed++;
        }
        return row;
      }
    };
  }

  /** The name of a finished part: its partition and its row count. */
  static String partName(int partition, long rows) {
    return String.format("part-%05d-r%d.csv", partition, rows);
  }

  /** Prints one row's cells. */
  static void print(CSVPrinter printer, Row row) {
    try {
      for (int i = 0; i < row.length(); i++) {
        Object value = row.get(i);
        printer.print(value instanceof String s ? neutralised(s) : value instanceof scala.collection.Seq<?> list
            ? neutralised(joined(list)) : value);
      }
      printer.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An array cell (a list of codes, such as {@code documents.input_flags}): its elements joined by {@code ;}. */
  static String joined(scala.collection.Seq<?> list) {
    StringBuilder b = new StringBuilder();
    scala.collection.Iterator<?> it = list.iterator();
    while (it.hasNext()) {
      b.append(it.next()).append(it.hasNext() ? ";" : "");
    }
    return b.toString();
  }

  /** {@code text} with {@code '} before it when a spreadsheet would read it as a formula. */
  static String neutralised(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  private static void publish(CSVPrinter printer, FileSystem fs, Path inProgress, Path part) {
    try {
      printer.close();
      // A retried or speculative attempt of the same partition printed the same rows: the last one stays.
      fs.delete(part, false);
      if (!fs.rename(inProgress, part)) {
        throw new IOException("cannot rename " + inProgress + " to " + part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void abandon(CSVPrinter printer, FileSystem fs, Path inProgress) {
    try {
      printer.close();
    } catch (IOException | RuntimeException e) {
      // The attempt failed already; its partial part is deleted below or with the directory.
    }
    try {
      fs.delete(inProgress, false);
    } catch (IOException e) {
      // Left for the driver, which deletes the parts' directory.
    }
  }

  /**
   * Writes {@code target}: {@code header}, then the finished parts under {@code dir} in partition order; checks
   * that they hold {@code expectedRows} rows between them, then deletes {@code dir}.
   */
  static void concatenate(FileSystem fs, Path dir, Path target, String header, long expectedRows) throws IOException {
    TreeMap<Integer, FileStatus> parts = new TreeMap<>();
    long rows = 0;
    FileStatus[] listed = fs.exists(dir) ? fs.listStatus(dir) : new FileStatus[0];
    for (FileStatus f : listed) {
      Matcher m = PART.matcher(f.getPath().getName());
      if (!m.matches()) {
        continue;
      }
      if (parts.put(Integer.parseInt(m.group(1)), f) != null) {
        throw new IllegalStateException("two CSV parts for partition " + m.group(1) + " in " + dir);
      }
      rows += Long.parseLong(m.group(2));
    }
    if (rows != expectedRows) {
      throw new IllegalStateException(target.getName() + ": the CSV parts in " + dir + " hold " + rows
          + " rows, the Parquet write counted " + expectedRows + " for the CSV");
    }
    fs.mkdirs(target.getParent());
    try (OutputStream out = fs.create(target, false)) {
      out.write(header.getBytes(StandardCharsets.UTF_8));
      for (FileStatus part : parts.values()) {
        try (InputStream in = fs.open(part.getPath())) {
          IOUtils.copyBytes(in, out, 1 << 16, false);
        }
      }
    }
    fs.delete(dir, true);
    // This file's side file only: other reports' CSVs are written into the same directory at the same time.
    HadoopFiles.removeChecksum(fs, target);
  }
}
