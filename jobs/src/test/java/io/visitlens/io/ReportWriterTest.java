package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import java.io.File;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest extends SparkTestBase {

  @Test
  void reportsWrittenAtOnceIntoOneDirectoryEachKeepTheirRowsAndLeaveNoSideFiles(@TempDir Path dir) throws Exception {
    ReportWriter writer = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri()));
    int reports = 6;
    long[] written = new long[reports];
    Runnable[] writes = new Runnable[reports];
    for (int i = 0; i < reports; i++) {
      int r = i;
      writes[i] = () -> written[r] = writer.write("report_" + r, spark.range(0, 10L * (r + 1)).toDF("n")
          .repartition(2), 10L * (r + 1), "n");
    }
    io.visitlens.report.Concurrently.run("test", writes);

    List<String> names = new ArrayList<>();
    try (var files = Files.list(dir.resolve("csv"))) {
      files.forEach(f -> names.add(f.getFileName().toString()));
    }
    names.sort(null);
    List<String> expected = new ArrayList<>();
    for (int r = 0; r < reports; r++) {
      expected.add("report_" + r + ".csv");
      assertEquals(10L * (r + 1), written[r], "rows written of report_" + r);
      List<String> lines = Files.readAllLines(dir.resolve("csv/report_" + r + ".csv"));
      assertEquals(10 * (r + 1) + 1, lines.size(), "report_" + r + ".csv: its header and rows");
      assertEquals("n", lines.get(0), "report_" + r + ".csv: its header");
      assertEquals(String.valueOf(10 * (r + 1) - 1), lines.get(lines.size() - 1), "report_" + r + ".csv: sorted");
    }
    assertEquals(expected, names, "one CSV per report and no .crc side file in csv/");
  }

  @Test
  void writesOneSortedRfc4180CsvAndTheSameRowsAsParquet(@TempDir Path dir) throws Exception {
    StructType schema = new StructType()
        .add("name", DataTypes.StringType)
        .add("day", DataTypes.DateType)
        .add("n", DataTypes.IntegerType);
    Dataset<Row> report = spark.createDataFrame(List.of(
        row("c \"quoted\", with comma", Date.valueOf("2026-02-27"), 3),
        row("=HYPERLINK(\"x\")", null, 1),
        row("  spaced, multi\nline  ", Date.valueOf("2024-11-19"), 2),
        row("-5 dangerous", Date.valueOf("2024-11-18"), 4),
        row(null, null, 5)), schema).repartition(3);

    long n = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri())).write("sample", report, "n");

    assertEquals(5, n);
    Path csv = dir.resolve("csv/sample.csv");
    List<List<String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv);
         CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertEquals(List.of("name", "day", "n"), p.getHeaderNames());
      for (CSVRecord rec : p) {
        rows.add(rec.toList());
      }
    }
    assertEquals(List.of(
        List.of("'=HYPERLINK(\"x\")", "", "1"),
        List.of("  spaced, multi\nline  ", "2024-11-19", "2"),
        List.of("c \"quoted\", with comma", "2026-02-27", "3"),
        List.of("'-5 dangerous", "2024-11-18", "4"),
        List.of("", "", "5")), rows, "CSV rows in sort order, formulas neutralised");

    File[] parquet = dir.resolve("parquet/sample").toFile().listFiles();
    assertTrue(parquet.length > 0);
    for (File f : parquet) {
      assertTrue(f.getName().endsWith(".parquet"), "only parquet files, found " + f.getName());
    }
    Dataset<Row> back = spark.read().parquet(dir.resolve("parquet/sample").toString());
    assertEquals(DataTypes.DateType, back.schema().apply("day").dataType());
    assertEquals(List.of(1, 2, 3, 4, 5), back.orderBy("n").collectAsList().stream().map(r -> r.getInt(2)).toList());
    assertEquals("=HYPERLINK(\"x\")", back.where("n = 1").first().getString(0), "Parquet keeps the raw text");
  }

  @Test
  void sortsDescendingWhereASortColumnSaysSo(@TempDir Path dir) throws Exception {
    StructType schema = new StructType().add("g", DataTypes.IntegerType).add("z", DataTypes.DoubleType)
        .add("t", DataTypes.StringType);
    Dataset<Row> report = spark.createDataFrame(List.of(
        row(2, 0.5, "b"), row(1, -2.0, "a"), row(1, 3.0, "c"), row(1, 3.0, "b"), row(2, 1.5, "a")), schema)
        .repartition(3);

    new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri())).write("desc", report, "g", "z desc", "t");

    List<String> lines = Files.readAllLines(dir.resolve("csv/desc.csv"));
    assertEquals(List.of("g,z,t", "1,3.0,b", "1,3.0,c", "1,-2.0,a", "2,1.5,a", "2,0.5,b"), lines);
  }

  /** A body run with 6 shuffle partitions that adaptive execution does not merge, the settings put back after. */
  interface Body {
    void run() throws Exception;
  }

  static void withSixShufflePartitions(Body body) throws Exception {
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    String coalesce = spark.conf().get("spark.sql.adaptive.coalescePartitions.enabled");
    spark.conf().set("spark.sql.shuffle.partitions", "6");
    spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    try {
      body.run();
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
      spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", coalesce);
    }
  }

  @Test
  void keepsTheSortOrderInTheCsvWhenTheSortedRowsSpanManyPartitions(@TempDir Path dir) throws Exception {
    withSixShufflePartitions(() -> {
      Dataset<Row> report = spark.range(0, 20_000).selectExpr("CAST((id * 7919) % 20000 AS INT) AS k",
          "CAST(id % 13 AS STRING) AS t").repartition(7);

      long n = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri())).write("big", report, "k");

      assertEquals(20_000, n);
      assertTrue(dir.resolve("parquet/big").toFile().listFiles().length > 1,
          "the sort is spread over several partitions, so the CSV has to concatenate them in order");
      List<String> lines = Files.readAllLines(dir.resolve("csv/big.csv"));
      assertEquals("k,t", lines.get(0));
      for (int i = 1; i < lines.size(); i++) {
        assertEquals(i - 1, Integer.parseInt(lines.get(i).split(",")[0]), "CSV line " + (i + 1) + " out of order");
      }
      assertEquals(20_001, lines.size());
    });
  }

  @Test
  void aReportOfKnownSmallSizeIsSortedInOneTaskWithTheSameRowsAndOrder(@TempDir Path dir) throws Exception {
    withSixShufflePartitions(() -> {
      Dataset<Row> report = spark.range(0, 5_000).selectExpr("CAST((id * 7919) % 5000 AS INT) AS k",
          "CAST(id % 13 AS STRING) AS t").repartition(7);
      ReportWriter writer = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri()));

      assertEquals(5_000, writer.write("ranges", report, ReportWriter.ONE_TASK_ROWS + 1, "t", "k"));
      assertEquals(5_000, writer.write("one_task", report, 5_000, "t", "k"));
      Dataset<Row> kept = ReportWriter.inReportOrder(report, 5_000, List.of("t", "k")).persist();
      assertEquals(5_000, writer.write(ReportWriter.Plan.inOrder("kept", kept)));

      assertTrue(dir.resolve("parquet/ranges").toFile().listFiles().length > 1, "the large bound sorts by ranges");
      assertEquals(1, dir.resolve("parquet/one_task").toFile().listFiles().length, "the small bound sorts in one task");
      List<String> byRanges = Files.readAllLines(dir.resolve("csv/ranges.csv"));
      assertEquals(byRanges, Files.readAllLines(dir.resolve("csv/one_task.csv")), "the same CSV either way");
      assertEquals(byRanges, Files.readAllLines(dir.resolve("csv/kept.csv")),
          "and when the rows are sorted into the report's order, kept, and written as they are");
      assertEquals(5_000, kept.count());
      kept.unpersist();
    });
  }

  @Test
  void aLargePartKeepsEveryRowAndCharacter(@TempDir Path dir) throws Exception {
    // A partition of several times the CSV part's 64 kB buffer, with Cyrillic, Serbian Latin, an emoji (a surrogate
    // pair), quotes, commas, line breaks and a formula-like cell.
    String[] texts = {"Вучич в Астане, 27.02.2026.", "Tokajev u Beogradu: \"saradnja\" -- i više", "emoji 🌾 grain",
        "two\nlines", "=1+1", "plain"};
    List<Row> rows = new ArrayList<>();
    int n = 4_000;
    for (int i = 0; i < n; i++) {
      rows.add(row(i, texts[i % texts.length] + " #" + i));
    }
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
    ReportWriter writer = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri()));
    assertEquals(n, writer.write("blocks", spark.createDataFrame(rows, schema).repartition(2), Long.MAX_VALUE, "id"));
    try (Reader in = Files.newBufferedReader(dir.resolve("csv/blocks.csv"));
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
      List<CSVRecord> records = parser.getRecords();
      assertEquals(n, records.size(), "blocks.csv: every row");
      for (int i = 0; i < n; i++) {
        String text = texts[i % texts.length] + " #" + i;
        assertEquals(String.valueOf(i), records.get(i).get("id"), "blocks.csv row " + i + ": id");
        assertEquals(text.startsWith("=") ? "'" + text : text, records.get(i).get("text"),
            "blocks.csv row " + i + ": text");
      }
    }
  }

  @Test
  void aCsvKeepingSomeRowsHasThemInOrderWhileTheParquetHasEveryRow(@TempDir Path dir) throws Exception {
    String[] scopes = {"a", "b", "c", null};
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      rows.add(row(scopes[(n * 7) % 4], n));
    }
    StructType schema = new StructType().add("scope", DataTypes.StringType).add("n", DataTypes.IntegerType);
    Dataset<Row> report = spark.createDataFrame(rows, schema).repartition(4);
    ReportWriter writer = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri()));

    long n = writer.write(ReportWriter.Plan.sorted("scoped", report, List.of("n"), Long.MAX_VALUE)
        .withCsvRows(new ReportWriter.CsvRows("scope", List.of("c", "a"))));

    assertEquals(2_000, n, "the count is the Parquet's, every row");
    assertEquals(2_000, spark.read().parquet(dir.resolve("parquet/scoped").toString()).count(), "the Parquet");
    List<String> lines = Files.readAllLines(dir.resolve("csv/scoped.csv"));
    List<String> expected = new ArrayList<>(List.of("scope,n"));
    for (int i = 0; i < 2_000; i++) {
      String s = scopes[(i * 7) % 4];
      if ("a".equals(s) || "c".equals(s)) {
        expected.add(s + "," + i);
      }
    }
    assertEquals(1_001, expected.size(), "half the rows are a or c");
    assertEquals(expected, lines, "the CSV: the header, then the a and c rows in the report's order, no b or null");
  }

  @Test
  void writesTheHeaderAloneForAnEmptyReport(@TempDir Path dir) throws Exception {
    Dataset<Row> empty = spark.range(0, 10).selectExpr("CAST(id AS INT) AS k", "'x' AS t").where("k < 0").repartition(3);

    long n = new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri())).write("empty", empty, "k");

    assertEquals(0, n);
    assertEquals(List.of("k,t"), Files.readAllLines(dir.resolve("csv/empty.csv")), "an empty report is its header");
    assertEquals(List.of("csv/empty.csv"), listCsv(dir), "no part files or temporary directory left behind");
  }

  @Test
  void quotesAHeaderCellAsRfc4180Wants() {
    assertEquals("a,\"b,c\",d\n", ReportWriter.header(new String[] {"a", "b,c", "d"}));
    assertEquals(12, ReportWriter.partNumber(new org.apache.hadoop.fs.Path("/x/part-00012-1b2c-c000.csv")));
  }

  private static List<String> listCsv(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
          .filter(f -> !f.startsWith("parquet/")).sorted().toList();
    }
  }
}
