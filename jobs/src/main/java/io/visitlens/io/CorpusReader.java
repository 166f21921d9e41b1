package io.visitlens.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import io.visitlens.config.ConfigException;
import io.visitlens.config.JobOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads a corpus, whatever its shape, into one DataFrame of raw documents with {@link #SCHEMA}.
 *
 * <ul>
 *   <li>a directory of {@code .txt} articles, read recursively: {@code doc_id} is the file name without its
 *       extension, and an optional first line {@code " date YYYY-MM-DD"} gives the published date;</li>
 *   <li>JSON Lines ({@code .jsonl}, {@code .json}, {@code .ndjson}), CSV (header row, quoted text may span
 *       lines) or Parquet: one article per record with the required fields {@code id} and {@code text} and
 *       the optional {@code date}, {@code title}, {@code source} and {@code url}.</li>
 * </ul>
 *
 * A document that cannot be processed keeps its row, with {@code read_problem} saying why, so that no
 * article is lost silently. Nothing here collects documents to the driver.
 */
public final class CorpusReader {

  /** The raw documents: one row per article found. */
  public static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("source_path", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("date_text", DataTypes.StringType)
      .add("date_origin", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("input_note", DataTypes.StringType)
      .add("input_flag", DataTypes.StringType)
      .add("read_problem", DataTypes.StringType)
      .add("read_problem_class", DataTypes.StringType);

  /** A row of {@link #SCHEMA} for an article that cannot be processed: why, and the class of why. */
  private static Row rejected(String docId, String path, String title, String source, String url, String reason,
      String reasonClass) {
    return RowFactory.create(docId, path, title, source, url, null, null, null, null, null, reason, reasonClass);
  }

  /** A row of {@link #SCHEMA} for a decoded article (processed, or rejected with the decoder's reason). */
  private static Row decoded(String docId, String path, String title, String source, String url, String dateText,
      String dateOrigin, ArticleText.Decoded d) {
    return RowFactory.create(docId, path, title, source, url, dateText, dateOrigin, d.text(), d.note(), d.flag(),
        d.rejectReason(), d.rejectClass());
  }

  private static final List<String> RECORD_FIELDS = List.of("id", "text", "date", "title", "source", "url");

  /** The corpus formats; {@code auto} picks one from the file extensions. */
  public enum Format {
    TXT("txt"), JSONL("jsonl", "json", "ndjson"), CSV("csv"), PARQUET("parquet");

    final List<String> extensions;

    Format(String... extensions) {
      this.extensions = List.of(extensions);
    }

    String glob() {
      return extensions.size() == 1 ? "*." + extensions.get(0) : "*.{" + String.join(",", extensions) + "}";
    }

    static Format ofExtension(String name) {
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
      for (Format f : values()) {
        if (f.extensions.contains(ext)) {
          return f;
        }
      }
      return null;
    }

    /** Parses the {@code --format} flag; null for {@code auto}. */
    public static Format parse(String flag) {
      if (flag == null || flag.equalsIgnoreCase("auto")) {
        return null;
      }
      for (Format f : values()) {
        if (f.extensions.contains(flag.toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw ConfigException.of("--format", "'" + flag + "' is not one of auto, txt, jsonl, csv, parquet");
    }
  }

  private CorpusReader() {}

  /** Reads the corpus at {@code location} (a file or directory, any Hadoop file system) with the default size limit. */
  public static Dataset<Row> read(SparkSession spark, String location, String formatFlag) {
    return read(spark, location, formatFlag, DEFAULT_MAX_ARTICLE_BYTES);
  }

  /**
   * Reads the corpus at {@code location}; an article larger than {@code maxArticleBytes} (a file's length, or
   * a record's text in UTF-8) is rejected with its size and the limit.
   */
  public static Dataset<Row> read(SparkSession spark, String location, String formatFlag, long maxArticleBytes) {
    Format format = Format.parse(formatFlag);
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw ConfigException.of("--corpus", location + ": no such file or directory");
      }
      FileStatus status = fs.getFileStatus(path);
      if (format == null) {
        format = status.isDirectory() ? detect(fs, path) : Format.ofExtension(path.getName());
        if (format == null) {
          throw ConfigException.of("--corpus", location + ": cannot tell the format from the name; pass --format");
        }
      }
      String qualified = fs.makeQualified(path).toString();
      return format == Format.TXT
          ? readText(spark, qualified, status.isDirectory(), maxArticleBytes)
          : readRecords(spark, format, qualified, status.isDirectory(), maxArticleBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list corpus " + location, e);
    }
  }

  /** The one format of the data files below a directory; more than one is ambiguous. */
  static Format detect(FileSystem fs, Path dir) throws IOException {
    Set<Format> seen = new TreeSet<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext() && seen.size() < Format.values().length) {
      Path file = files.next().getPath();
      if (!isHidden(file, dir)) {
        Format f = Format.ofExtension(file.getName());
        if (f != null) {
          seen.add(f);
        }
      }
    }
    if (seen.isEmpty()) {
      throw ConfigException.of("--corpus", dir + ": no .txt, .jsonl, .csv or .parquet files found");
    }
    if (seen.size() > 1) {
      throw ConfigException.of("--corpus", dir + ": holds several formats " + seen + "; pass --format to choose one");
    }
    return seen.iterator().next();
  }

  private static boolean isHidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root) && p.getParent() != null; p = p.getParent()) {
      if (p.getName().startsWith(".") || p.getName().startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The largest article read by default ({@code --max-document-mb}); a larger one is rejected with the reason
   * rather than annotated as one huge row that could exhaust an executor's memory.
   */
  public static final long DEFAULT_MAX_ARTICLE_BYTES = (long) JobOptions.DEFAULT_MAX_DOCUMENT_MB << 20;

  /**
   * Lists the {@code .txt} files with Spark's binaryFile source (only path and length: the content column is
   * pruned, so nothing is read while listing), then reads each file on an executor. A file that cannot be read
   * (permissions, vanished) or is too large becomes a rejected document with the reason, not a failed job.
   * Spark's file sources skip files of length 0, so those are listed here and rejected as empty files.
   */
  private static Dataset<Row> readText(SparkSession spark, String path, boolean directory, long maxBytes)
      throws IOException {
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("recursiveFileLookup", directory)
        .option("pathGlobFilter", Format.TXT.glob())
        .load(path)
        .select(col("path"), col("length"));
    Broadcast<SerializableConfiguration> conf = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    Dataset<Row> articles = files.map((MapFunction<Row, Row>) file -> textRow(file.getString(0), file.getLong(1),
        conf.value().value(), maxBytes), Encoders.row(SCHEMA));
    List<Row> empty = emptyTextFiles(new Path(path).getFileSystem(spark.sparkContext().hadoopConfiguration()),
        new Path(path), directory);
    return empty.isEmpty() ? articles : articles.union(spark.createDataFrame(empty, SCHEMA));
  }

  /**
   * The {@code .txt} files of length 0 below {@code root} (hidden and {@code _} entries skipped, as Spark does),
   * each as a rejected document. Listed on the driver, like Spark's own file index: only empty files are kept.
   */
  static List<Row> emptyTextFiles(FileSystem fs, Path root, boolean recursive) throws IOException {
    List<Row> rows = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, recursive);
    while (files.hasNext()) {
      LocatedFileStatus f = files.next();
      if (f.getLen() == 0 && Format.TXT.extensions.contains(extension(f.getPath().getName()))
          && !isHidden(f.getPath(), root)) {
        rows.add(decoded(docId(f.getPath().getName()), f.getPath().toString(), null, null, null, null, null,
            ArticleText.decode(new byte[0])));
      }
    }
    return rows;
  }

  /** A file name's extension as written (the binaryFile glob that lists the others is case-sensitive too). */
  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  /** A {@code .txt} article's {@code doc_id}: its file name without the extension. */
  private static String docId(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  static Row textRow(String path, long length, Configuration conf, long maxBytes) {
    String docId = docId(path.substring(path.lastIndexOf('/') + 1));
    if (length > maxBytes) {
      return rejected(docId, path, null, null, null, tooLarge(length, maxBytes), InputStatus.TOO_LARGE);
    }
    byte[] content;
    try (InputStream in = new Path(path).getFileSystem(conf).open(new Path(path))) {
      content = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return rejected(docId, path, null, null, null,
          "unreadable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          InputStatus.UNREADABLE);
    }
    ArticleText.Decoded d = ArticleText.decode(content);
    return decoded(docId, path, null, null, null, d.headerDate(), d.headerDate() == null ? null : "header", d);
  }

  /** The reason a too large article is rejected: its size, and the limit with the flag that sets it. */
  static String tooLarge(long bytes, long maxBytes) {
    return String.format(Locale.ROOT,
        "too large: %d bytes (%.1f MB), the limit is %s MB per article (--max-document-mb)", bytes,
        bytes / 1048576.0, maxBytes % (1 << 20) == 0 ? Long.toString(maxBytes >> 20)
            : String.format(Locale.ROOT, "%.1f", maxBytes / 1048576.0));
  }

  private static Dataset<Row> readRecords(SparkSession spark, Format format, String path, boolean directory,
      long maxBytes) {
    var reader = spark.read().option("recursiveFileLookup", directory).option("pathGlobFilter", format.glob());
    Dataset<Row> records;
    Column corrupt = lit(null).cast("string");
    switch (format) {
      case JSONL -> {
        StructType schema = new StructType();
        for (String f : RECORD_FIELDS) {
          schema = schema.add(f, DataTypes.StringType);
        }
        schema = schema.add("_corrupt_record", DataTypes.StringType);
        records = reader.schema(schema).option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", "_corrupt_record").json(path);
        corrupt = col("_corrupt_record");
      }
      case CSV -> records = reader.option("header", true).option("multiLine", true).option("escape", "\"")
          .option("mode", "PERMISSIVE").csv(path);
      case PARQUET -> records = reader.parquet(path);
      default -> throw new IllegalArgumentException(format.name());
    }
    List<String> columns = Arrays.asList(records.columns());
    for (String required : List.of("id", "text")) {
      if (!columns.contains(required)) {
        throw ConfigException.of(path, "missing required field '" + required + "' (fields: " + String.join(", ", columns) + ")");
      }
    }
    List<Column> select = new ArrayList<>();
    for (String f : RECORD_FIELDS) {
      select.add(columns.contains(f) ? col(f).cast("string").as(f) : lit(null).cast("string").as(f));
    }
    select.add(input_file_name().as("source_path"));
    select.add(corrupt.as("corrupt"));
    return records.select(select.toArray(new Column[0]))
        .map((MapFunction<Row, Row>) r -> recordRow(r, maxBytes), Encoders.row(SCHEMA));
  }

  private static Row recordRow(Row r, long maxBytes) {
    String id = r.getString(0);
    String rawText = r.getString(1);
    String date = r.getString(2);
    String sourcePath = r.getString(6);
    String corrupt = r.getString(7);
    if (corrupt != null) {
      String excerpt = corrupt.length() > 60 ? corrupt.substring(0, 60) + "…" : corrupt;
      return rejected(id, sourcePath, null, null, null, "malformed record, not valid JSON: " + excerpt.strip(),
          InputStatus.MALFORMED_RECORD);
    }
    if (id == null || id.isBlank()) {
      return rejected(id, sourcePath, r.getString(3), r.getString(4), r.getString(5), "record has no id",
          InputStatus.MALFORMED_RECORD);
    }
    long size = utf8Length(rawText, maxBytes);
    if (size > maxBytes) {
      return rejected(id.strip(), sourcePath, r.getString(3), r.getString(4), r.getString(5), tooLarge(size, maxBytes),
          InputStatus.TOO_LARGE);
    }
    if (rawText == null) {
      return rejected(id.strip(), sourcePath, r.getString(3), r.getString(4), r.getString(5), "record has no text",
          InputStatus.MALFORMED_RECORD);
    }
    ArticleText.Decoded d = ArticleText.parse(rawText);
    boolean hasMeta = date != null && !date.isBlank();
    String dateText = hasMeta ? date.strip() : d.headerDate();
    String origin = hasMeta ? "metadata" : d.headerDate() == null ? null : "header";
    return decoded(id.strip(), sourcePath, r.getString(3), r.getString(4), r.getString(5), dateText, origin, d);
  }

  /**
   * The UTF-8 size of {@code text} when it might exceed {@code maxBytes}; otherwise its length in chars, which
   * cannot exceed it either (a char takes at most 3 bytes). 0 for null.
   */
  static long utf8Length(String text, long maxBytes) {
    if (text == null || (long) text.length() * 3 <= maxBytes) {
      return text == null ? 0 : text.length();
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }
}
