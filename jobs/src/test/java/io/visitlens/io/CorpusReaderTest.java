package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest extends SparkTestBase {

  /** doc_id → [date_text, date_origin, text, read_problem] as strings. */
  static Map<String, List<String>> read(Path corpus, String format) {
    Dataset<Row> docs = CorpusReader.read(spark, corpus.toString(), format).where("doc_id is not null");
    assertEquals(Arrays.asList(CorpusReader.SCHEMA.fieldNames()), Arrays.asList(docs.columns()));
    return new TreeMap<>(docs.collectAsList().stream().collect(Collectors.toMap(
        r -> String.valueOf(r.<String>getAs("doc_id")),
        r -> Arrays.asList(r.<String>getAs("date_text"), r.<String>getAs("date_origin"), r.<String>getAs("text"),
            r.<String>getAs("read_problem")))));
  }

  @Test
  void readsADirectoryOfTextFilesRecursively(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("2024/nov"));
    Files.createDirectories(dir.resolve(".hidden"));
    Files.writeString(dir.resolve("a.txt"), " date 2024-11-19 Body of a.");
    Files.write(dir.resolve("2024/nov/b.txt"), "\uFEFFdate 2026-02-27\r\nBody of b.\r\n".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("2024/c.txt"), "ASTANA — no date here.");
    Files.writeString(dir.resolve("2024/empty.txt"), "  \n ");
    Files.writeString(dir.resolve("notes.md"), "not an article");
    Files.writeString(dir.resolve(".hidden/x.txt"), "skipped");

    assertEquals(Map.of(
        "a", Arrays.asList("2024-11-19", "header", "Body of a.", null),
        "b", Arrays.asList("2026-02-27", "header", "Body of b.\n", null),
        "c", Arrays.asList(null, null, "ASTANA — no date here.", null),
        "empty", Arrays.asList(null, null, null, "no text (empty or whitespace only)")), read(dir, "auto"));
  }

  /**
   * Every problem gets its typed status where the reader finds it: a flag on a processed article, a class on a
   * rejected one; nothing is classified later from the text of the reason.
   */
  @Test
  void eachProblemIsTypedWhereTheReaderFindsIt(@TempDir Path dir) throws Exception {
    Path txt = Files.createDirectories(dir.resolve("txt"));
    Files.write(txt.resolve("zero.txt"), new byte[0]);
    Files.writeString(txt.resolve("blank.txt"), " \n\t ");
    Files.writeString(txt.resolve("header-only.txt"), " date 2024-11-19\n\n");
    Files.write(txt.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Files.writeString(txt.resolve("long.txt"), "x".repeat(2 << 20));
    // Serbian Latin saved as Windows-1250: č and ć are single bytes that are not UTF-8.
    Files.write(txt.resolve("cp1250.txt"), "Predsednik Vučić u Astani.".getBytes(java.nio.charset.Charset
        .forName("windows-1250")));
    Files.writeString(txt.resolve("clean.txt"), "Председник Вучић у Астани.");
    Path jsonl = Files.createDirectories(dir.resolve("jsonl")).resolve("a.jsonl");
    Files.writeString(jsonl, String.join("\n", "{\"id\": \"broken\", \"text\": \"no brace\"",
        "{\"text\": \"no id\"}", "{\"id\": \"no-text\"}", "{\"id\": \"ok\", \"text\": \"Fine.\"}", ""));

    Map<String, List<String>> status = new TreeMap<>();
    Dataset<Row> all = CorpusReader.read(spark, txt.toString(), "txt", 1L << 20)
        .unionByName(CorpusReader.read(spark, jsonl.toString(), "jsonl", 1L << 20));
    for (Row r : all.collectAsList()) {
      String id = r.<String>getAs("doc_id");
      status.put(id != null ? id : "no id: " + r.<String>getAs("read_problem"), Arrays.asList(
          r.<String>getAs("input_flag"), r.<String>getAs("read_problem_class")));
    }
    assertEquals(new TreeMap<>(Map.ofEntries(
        Map.entry("zero", Arrays.asList(null, InputStatus.EMPTY)),
        Map.entry("blank", Arrays.asList(null, InputStatus.EMPTY)),
        Map.entry("header-only", Arrays.asList(null, InputStatus.EMPTY)),
        Map.entry("image", Arrays.asList(null, InputStatus.BINARY)),
        Map.entry("long", Arrays.asList(null, InputStatus.TOO_LARGE)),
        Map.entry("cp1250", Arrays.asList(InputStatus.INVALID_UTF8, null)),
        Map.entry("clean", Arrays.asList(null, null)),
        Map.entry("no id: malformed record, not valid JSON: {\"id\": \"broken\", \"text\": \"no brace\"",
            Arrays.asList(null, InputStatus.MALFORMED_RECORD)),
        Map.entry("no id: record has no id", Arrays.asList(null, InputStatus.MALFORMED_RECORD)),
        Map.entry("no-text", Arrays.asList(null, InputStatus.MALFORMED_RECORD)),
        Map.entry("ok", Arrays.asList(null, null)))), status, "doc_id → [input_flag, read_problem_class]");
    assertEquals(0, all.where("(read_problem is null) <> (read_problem_class is null)").count(),
        "a reason always has its class, and a class its reason");
  }

  @Test
  void aZeroByteFileIsRejectedAsEmptyNotSkipped(@TempDir Path dir) throws Exception {
    // Spark's file sources leave out files of length 0; the reader must still account for them.
    Files.createDirectories(dir.resolve("2024"));
    Files.createDirectories(dir.resolve("_drafts"));
    Files.write(dir.resolve("2024/zero.txt"), new byte[0]);
    Files.write(dir.resolve("_drafts/skipped.txt"), new byte[0]);
    Files.write(dir.resolve("zero.md"), new byte[0]);
    Files.writeString(dir.resolve("ok.txt"), "Readable.");
    assertEquals(Map.of("zero", Arrays.asList(null, null, null, "empty file"),
        "ok", Arrays.asList(null, null, "Readable.", null)), read(dir, "txt"));
    assertEquals(Map.of("zero", Arrays.asList(null, null, null, "empty file")), read(dir.resolve("2024/zero.txt"), "txt"),
        "a corpus of one empty file");
    assertTrue(CorpusReader.read(spark, dir.toString(), "txt").where("doc_id = 'zero'").first()
        .<String>getAs("source_path").matches("file:/.*/2024/zero\\.txt"), "source_path is a URI like the others");
  }

  @Test
  void anUnreadableFileBecomesARejectedDocumentNotAFailedRun(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ok.txt"), "Readable.");
    Files.writeString(dir.resolve("other.txt"), "Also readable.");
    // CI runs as root, who reads any file whatever its mode; so the unreadable file here is one the listing saw
    // and that is gone when the executor opens it. Any IOException takes the same path.
    Row row = CorpusReader.textRow(dir.resolve("gone.txt").toUri().toString(), 10, new org.apache.hadoop.conf.Configuration(),
        CorpusReader.DEFAULT_MAX_ARTICLE_BYTES);
    assertEquals("gone", row.getString(0));
    assertTrue(row.getString(10).startsWith("unreadable: FileNotFoundException"), row.getString(10));
    assertEquals(InputStatus.UNREADABLE, row.getString(11), "the class is set with the reason");
    assertEquals(Map.of("other", Arrays.asList(null, null, "Also readable.", null),
        "ok", Arrays.asList(null, null, "Readable.", null)), read(dir, "txt"));
  }

  @Test
  void aFileWithoutReadPermissionIsRejectedAsUnreadable(@TempDir Path dir) throws Exception {
    Path locked = Files.writeString(dir.resolve("locked.txt"), "Secret.");
    Files.writeString(dir.resolve("ok.txt"), "Readable.");
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
          "this user (root?) reads any file whatever its mode; the vanished file test covers the same path");
      Map<String, List<String>> docs = read(dir, "txt");
      assertEquals(Arrays.asList(null, null, "Readable.", null), docs.get("ok"));
      assertTrue(docs.get("locked").get(3).startsWith("unreadable: "), () -> "rejected: " + docs.get("locked"));
      assertTrue(docs.get("locked").get(3).contains("Permission denied"), () -> docs.get("locked").get(3));
    } finally {
      Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aTwentyMegabyteArticleIsRejectedWithItsSizeAndTheLimitBeforeItIsRead(@TempDir Path dir) throws Exception {
    byte[] paragraph = "Kazakhstan and Serbia signed another agreement on trade and transit.\n\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] huge = new byte[20 << 20];
    for (int i = 0; i < huge.length; i++) {
      huge[i] = paragraph[i % paragraph.length];
    }
    Files.write(dir.resolve("huge.txt"), huge);
    Files.writeString(dir.resolve("small.txt"), "A normal article.");

    Map<String, List<String>> docs = read(dir, "txt");
    assertEquals(Arrays.asList(null, null, null,
            "too large: 20971520 bytes (20.0 MB), the limit is 8 MB per article (--max-document-mb)"),
        docs.get("huge"), "rejected with its size and the default limit of --max-document-mb");
    assertEquals(Arrays.asList(null, null, "A normal article.", null), docs.get("small"));

    Dataset<Row> raised = CorpusReader.read(spark, dir.toString(), "txt", 21L << 20).where("doc_id = 'huge'")
        .selectExpr("length(text)", "read_problem");
    assertEquals(List.of(row(huge.length, null)), raised.collectAsList(), "read whole under a raised limit");
  }

  @Test
  void aRecordWhoseTextIsOverTheLimitInUtf8IsRejected(@TempDir Path dir) throws Exception {
    // 600,000 Cyrillic letters: fewer chars than the 1 MB limit, but 1.2 million bytes in UTF-8
    Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"big\", \"text\": \"" + "ж".repeat(600_000) + "\"}\n"
        + "{\"id\": \"fits\", \"text\": \"" + "ж".repeat(1000) + "\"}\n");
    Map<String, String> problems = CorpusReader.read(spark, dir.toString(), "jsonl", 1L << 20).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("doc_id"), r -> String.valueOf(r.<String>getAs("read_problem"))));
    assertEquals(Map.of("big", "too large: 1200000 bytes (1.1 MB), the limit is 1 MB per article (--max-document-mb)",
        "fits", "null"), problems);
  }

  @Test
  void readsJsonLinesKeepingMalformedRecordsAsRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("articles.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\": \"j1\", \"text\": \"First\\r\\nline.\", \"date\": \"2024-11-19\", \"title\": \"T1\"}",
        "{\"id\": 2, \"text\": \" date 2026-02-27 Header inside the text.\"}",
        "{\"id\": \"j3\", \"text\": \"no closing brace\"",
        "{\"text\": \"no id\"}",
        ""));
    Dataset<Row> all = CorpusReader.read(spark, file.toString(), "auto");
    Map<String, List<String>> docs = read(file.getParent().resolve("articles.jsonl"), "jsonl").entrySet().stream()
        .filter(e -> !e.getKey().equals("null")).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of(
        "j1", Arrays.asList("2024-11-19", "metadata", "First\nline.", null),
        "2", Arrays.asList("2026-02-27", "header", "Header inside the text.", null)), docs);
    List<String> reasons = all.where("read_problem is not null").orderBy("read_problem").collectAsList().stream()
        .map(r -> r.<String>getAs("read_problem")).toList();
    assertEquals(List.of("malformed record, not valid JSON: {\"id\": \"j3\", \"text\": \"no closing brace\"",
        "record has no id"), reasons);
    assertTrue(all.where("read_problem is not null").collectAsList().stream()
        .allMatch(r -> r.<String>getAs("source_path").endsWith("articles.jsonl")), "rejected records name their file");
  }

  @Test
  void readsCsvWithQuotedMultiLineTextAndParquet(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("articles.csv");
    Files.writeString(csv, "id,date,text,url\n"
        + "c1,2024-11-19,\"Para one, with a comma.\n\nPara \"\"two\"\".\",http://example.invalid/1\n"
        + "c2,,Plain text.,\n");
    Map<String, List<String>> docs = read(csv, "auto");
    assertEquals(Arrays.asList("2024-11-19", "metadata", "Para one, with a comma.\n\nPara \"two\".", null), docs.get("c1"));
    assertEquals(Arrays.asList(null, null, "Plain text.", null), docs.get("c2"));

    Path parquet = dir.resolve("as-parquet");
    spark.read().option("header", true).option("multiLine", true).option("escape", "\"").csv(csv.toString())
        .write().parquet(parquet.toString());
    assertEquals(docs, read(parquet, "auto"), "the same records through Parquet");
  }

  @Test
  void refusesAMissingCorpusARecordFileWithoutTextAndAmbiguousDirectories(@TempDir Path dir) throws Exception {
    ConfigException missing = assertThrows(ConfigException.class,
        () -> CorpusReader.read(spark, dir.resolve("nope").toString(), "auto"));
    assertEquals("--corpus: " + dir.resolve("nope") + ": no such file or directory", missing.getMessage());

    Path noText = dir.resolve("no-text.csv");
    Files.writeString(noText, "id,body\n1,hello\n");
    ConfigException field = assertThrows(ConfigException.class, () -> CorpusReader.read(spark, noText.toString(), "auto"));
    assertTrue(field.getMessage().contains("missing required field 'text'"), field.getMessage());

    Files.writeString(dir.resolve("a.txt"), "text");
    ConfigException mixed = assertThrows(ConfigException.class, () -> CorpusReader.read(spark, dir.toString(), "auto"));
    assertTrue(mixed.getMessage().contains("pass --format"), mixed.getMessage());
    assertEquals(List.of("a"), List.copyOf(read(dir, "txt").keySet()), "--format txt picks the articles");
  }
}
