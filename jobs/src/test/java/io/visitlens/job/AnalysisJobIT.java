package io.visitlens.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on the seed corpus, into a temporary directory, like Beam's WordCountIT. */
class AnalysisJobIT extends SparkTestBase {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));

  @TempDir
  static Path tmp;
  static Path out;
  static AnalysisJob.Result result;

  /** The session settings the run sets for itself, as they were just before the run and just after it. */
  static Map<String, String> settingsBefore;
  static Map<String, String> settingsAfter;

  @BeforeAll
  static void runOnSeeds() {
    startSpark();
    out = tmp.resolve("reports");
    // as in a notebook user's session: a time zone of its own, which the run sets to UTC for itself
    spark.conf().set("spark.sql.session.timeZone", "Europe/Belgrade");
    try {
      settingsBefore = AnalysisJob.sessionSettings(spark);
      result = AnalysisJob.run(spark, seedOptions(out));
      settingsAfter = AnalysisJob.sessionSettings(spark);
    } finally {
      spark.conf().set("spark.sql.session.timeZone", "UTC");
    }
  }

  @Test
  void theRunPutsEverySessionSettingItSetsBackAsItWas() {
    assertEquals("Europe/Belgrade", settingsBefore.get("spark.sql.session.timeZone"), "the test's own zone");
    assertEquals(null, settingsBefore.get(AnalysisJob.WHOLE_STAGE_CODEGEN), "unset before (the run sets it)");
    assertEquals(AnalysisJob.RUN_SETTINGS, List.copyOf(settingsAfter.keySet()), "every setting the run sets");
    assertEquals(settingsBefore, settingsAfter, "the session's settings before the run and after it");
  }

  static JobOptions seedOptions(Path out) {
    return JobOptions.of(REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
        REPO.resolve(JobOptions.DEFAULT_VISITS).toString(), REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(),
        out.toString());
  }

  /** What the command line printed and returned. */
  record Cli(int code, String out, String err) {}

  /** Runs the command line in this JVM (sharing its session), capturing standard output and error. */
  static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = VisitLens.execute(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Dataset<Row> report(String name) {
    return spark.read().parquet(out.resolve("parquet").resolve(name).toString());
  }

  @Test
  void attributesEverySeedArticleToItsVisit() {
    Map<String, List<Object>> docs = report("documents").collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs("doc_id").substring(0, 3),
        r -> List.of(String.valueOf(r.<Object>getAs("visit_id")), r.<String>getAs("date_source"))));
    assertEquals(new TreeMap<>(Map.of(
        "000", List.of("astana-2026", "none"),
        "001", List.of("astana-2026", "header"),
        "002", List.of("belgrade-2024", "header"),
        "003", List.of("astana-2026", "text"),
        "004", List.of("belgrade-2024", "header"))), new TreeMap<>(docs));
  }

  @Test
  void leavesTheSyndicatedParagraphsOfTheLaterArticleOutOfTheCounts() {
    Map<String, Integer> dups = report("documents").collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs("doc_id").substring(0, 3), r -> r.<Integer>getAs("n_duplicate_paragraphs")));
    assertEquals(Map.of("000", 0, "001", 0, "002", 0, "003", 0, "004", 5), dups);
    long dupSentences = report("annotated_corpus")
        .where("doc_id like '004%' and sentence like '%Palace of Serbia%'").count();
    assertEquals(0, dupSentences, "004's copy of 002's paragraph is not in the annotated corpus");
  }

  @Test
  void visitsCountTheirDocumentsAndTokens() {
    List<Row> visits = report("visits").orderBy("start_date").collectAsList();
    assertEquals(List.of("belgrade-2024", "astana-2026"), visits.stream().map(r -> r.getString(0)).toList());
    assertEquals(List.of(2, 3), visits.stream().map(r -> r.<Integer>getAs("n_documents")).toList());
    long tokens = report("documents").where("visit_id = 'belgrade-2024'").selectExpr("sum(n_tokens)").first().getLong(0);
    assertEquals(tokens, visits.get(0).<Long>getAs("n_tokens"));
  }

  @Test
  void sectorsOfTheSeedsFollowTheLexiconAndTheMatchingRules() {
    Map<String, String> sectorOf = new HashMap<>();
    for (Row r : report("sector_mentions").collectAsList()) {
      sectorOf.put(r.<String>getAs("matched_text").toLowerCase(java.util.Locale.ROOT), r.getAs("sector"));
      assertFalse(r.<String>getAs("matched_text").equalsIgnoreCase("it") && !r.<String>getAs("matched_text").equals("IT"),
          "the pronoun is never IT: " + r);
    }
    assertEquals(sectorOf.get("artificial intelligence"), sectorOf.get("information technology"));
    assertEquals(sectorOf.get("defense industry"), sectorOf.get("military-industrial complex"));
    for (String found : List.of("critical minerals", "green energy", "veterinary", "healthcare", "tourism")) {
      assertTrue(sectorOf.containsKey(found), found + " is found: " + sectorOf.keySet());
    }
    assertEquals("astana-2026", report("sector_mentions").where("matched_text = 'defense industry'")
        .first().getAs("visit_id"));
    assertEquals("belgrade-2024", report("sector_mentions").where("matched_text = 'military-industrial complex'")
        .first().getAs("visit_id"));
    assertEquals(0, report("sector_mentions").where("matched_text = 'energy' and sentence like '%green energy%'").count(),
        "green energy is one mention, not also energy");
    for (Row v : report("sector_summary").groupBy("visit_id", "language")
        .agg(org.apache.spark.sql.functions.sum("share")).collectAsList()) {
      assertEquals(1.0, v.getDouble(2), 1e-9, "shares of " + v.getString(0) + " in " + v.getString(1));
    }
    Row emphasis = report("emphasis_comparison").where("trend = 'rising' or trend = 'new'").orderBy("sector").first();
    assertEquals("belgrade-2024", emphasis.getAs("visit_a"));
  }

  @Test
  void everyComparisonRowCarriesItsArticleLevelIntervalAroundTheChange() {
    List<Row> rows = report("emphasis_comparison").collectAsList();
    assertFalse(rows.isEmpty());
    for (Row r : rows) {
      double delta = r.getAs("delta_pp");
      double low = r.getAs("delta_pp_ci_low");
      double high = r.getAs("delta_pp_ci_high");
      assertTrue(low <= delta + 1e-9 && delta <= high + 1e-9, () -> "the interval holds the change: " + r);
      assertTrue(r.<Double>getAs("share_a_ci_low") <= r.<Double>getAs("share_a") + 1e-9
          && r.<Double>getAs("share_a") <= r.<Double>getAs("share_a_ci_high") + 1e-9, () -> "share_a: " + r);
      assertEquals(List.of(2L, 3L), List.of(r.getAs("n_articles_a"), r.getAs("n_articles_b")), "the seeds' articles");
      assertEquals(0.95, r.<Double>getAs("confidence"));
      double p = r.getAs("p_bootstrap");
      assertTrue(p >= 0 && p <= 1, () -> "p in [0, 1]: " + r);
    }
    // The top terms of term_keyness carry the interval of their log ratio, the others none.
    Dataset<Row> keyness = report("term_keyness");
    for (Row g : keyness.groupBy("language", "ngram").agg(
        org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.col("log_ratio_ci_low")).as("n"))
        .collectAsList()) {
      assertEquals(20L, g.getLong(2), () -> "20 terms with an interval in " + g);
    }
    for (Row r : keyness.where("log_ratio_ci_low is not null").collectAsList()) {
      double ratio = r.getAs("log_ratio");
      assertTrue(r.<Double>getAs("log_ratio_ci_low") <= ratio + 1e-9 && ratio <= r.<Double>getAs("log_ratio_ci_high")
          + 1e-9, () -> "the interval holds the log ratio: " + r);
      assertEquals(List.of(2L, 3L), List.of(r.getAs("n_articles_a"), r.getAs("n_articles_b")));
    }
    // The seeds' clearest change (+25.9 pp): its interval excludes zero.
    assertTrue(report("emphasis_comparison").where("sector = 'political dialogue' and delta_pp_ci_low > 0").count() == 1,
        "political dialogue's rise is one the articles agree on");
  }

  /** A Parquet value as the CSV writes it: null empty, a list of codes joined by {@code ;}. */
  static String csvText(Object v) {
    if (v instanceof scala.collection.Seq<?> list) {
      return String.join(";", scala.collection.JavaConverters.seqAsJavaList(list).stream().map(String::valueOf)
          .toList());
    }
    return v == null ? "" : v.toString();
  }

  /** The columns and types each report's class declares are the ones written; the run writes exactly those reports. */
  @Test
  void everyReportHasTheColumnsAndTypesOfItsClass() throws Exception {
    try (Stream<Path> files = Files.list(out.resolve("csv"))) {
      assertEquals(Reports.ALL.stream().map(r -> r.name() + ".csv").sorted().toList(),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "the reports written are the catalogue's");
    }
    for (Report r : Reports.ALL) {
      assertEquals(columnsAndTypes(r.schema()), columnsAndTypes(report(r.name()).schema()),
          r.name() + ": the Parquet's columns and types against " + r.name() + "'s class");
    }
  }

  /** name type pairs; an array's element nullability is not part of the contract. */
  static List<String> columnsAndTypes(org.apache.spark.sql.types.StructType schema) {
    return java.util.Arrays.stream(schema.fields()).map(f -> f.name() + " " + (f.dataType()
        instanceof org.apache.spark.sql.types.ArrayType a ? "array<" + a.elementType().simpleString() + ">"
        : f.dataType().simpleString())).toList();
  }

  @Test
  void everyReportHasTheSameRowsInCsvAndParquetAndNoClutter() throws Exception {
    for (String name : Reports.ALL.stream().map(Report::name).toList()) {
      Set<List<String>> csv = new HashSet<>();
      try (CSVParser p = CSVParser.parse(out.resolve("csv").resolve(name + ".csv"), StandardCharsets.UTF_8,
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
        assertEquals(List.of(report(name).columns()), p.getHeaderNames(), name + " header");
        for (CSVRecord r : p) {
          csv.add(r.toList());
        }
      }
      Set<List<String>> parquet = report(name).collectAsList().stream()
          .map(r -> values(r).stream().map(AnalysisJobIT::csvText).toList())
          .collect(Collectors.toSet());
      assertEquals(parquet, csv, name + ": CSV and Parquet rows");
    }
    try (Stream<Path> all = Files.walk(out)) {
      List<String> clutter = all.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".crc") || n.startsWith("_") || n.startsWith(".")).toList();
      assertEquals(List.of(), clutter);
    }
  }

  @Test
  void runJsonRecordsInputsParametersVersionsCountsAndTimings() throws Exception {
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals(5, run.at("/inputs/corpus/articles").asInt());
    assertEquals(64, run.at("/inputs/visits/sha256").asText().length());
    assertEquals("3.5.7", run.at("/versions/spark").asText());
    assertEquals("belgrade-2024", run.at("/parameters/compare/0").asText());
    assertEquals(5, run.at("/row_counts/documents").asInt());
    assertTrue(run.at("/row_counts/term_frequencies").asLong() > 0);
    assertTrue(run.at("/row_counts/term_keyness").asLong() > 0);
    assertTrue(run.at("/timings_ms/terms").isNumber());
    assertTrue(run.at("/timings_ms/total").asLong() > 0);
  }

  @Test
  void duckDbReadsEveryParquetReportWithTheExpectedTypes() throws Exception {
    Map<String, String> types = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement()) {
      s.execute("SET file_search_path = '" + out + "'");
      for (String statement : Files.readString(out.resolve("duckdb.sql")).split(";")) {
        String sql = statement.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).strip();
        if (!sql.isEmpty()) {
          s.execute(sql);
        }
      }
      String script = Files.readString(out.resolve("duckdb.sql"));
      List<String> views = java.util.regex.Pattern.compile("(?m)^CREATE OR REPLACE VIEW (\\w+)").matcher(script)
          .results().map(m -> m.group(1)).sorted().toList();
      try (Stream<Path> dirs = Files.list(out.resolve("parquet"))) {
        assertEquals(dirs.map(p -> p.getFileName().toString()).sorted().toList(), views,
            "one view per Parquet report the run wrote");
      }
      assertTrue(views.containsAll(List.of("documents", "visits", "rejected_documents", "annotated_corpus")));
      for (String view : views) {
        try (ResultSet rs = s.executeQuery("DESCRIBE " + view)) {
          while (rs.next()) {
            types.put(view + "." + rs.getString("column_name"), rs.getString("column_type"));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + view)) {
          rs.next();
          assertEquals(result.rowCounts().get(view).longValue(), rs.getLong(1), view + " row count through DuckDB");
        }
      }
    }
    assertEquals("DATE", types.get("documents.published_date"));
    assertEquals("INTEGER", types.get("documents.n_tokens"));
    assertEquals("DATE", types.get("visits.start_date"));
    assertEquals("BIGINT", types.get("visits.n_tokens"));
    assertEquals("VARCHAR[]", types.get("annotated_corpus.terms"));
    assertEquals("BOOLEAN[]", types.get("annotated_corpus.is_stop"));
    assertEquals("DOUBLE", types.get("emphasis_comparison.z_score"));
    assertEquals("BIGINT", types.get("topic_cooccurrence.co_count"));
    assertEquals("INTEGER", types.get("sector_mentions.begin"));
    assertEquals("VARCHAR[]", types.get("annotated_corpus.stems"));
    assertEquals("BIGINT", types.get("term_frequencies.count"));
    assertEquals("DOUBLE", types.get("term_frequencies.per_10k"));
    assertEquals("INTEGER", types.get("term_frequencies.rank"));
    assertEquals("DOUBLE", types.get("term_keyness.z_score"));
    assertEquals("BIGINT", types.get("term_keyness.total_b"));
  }

  static List<CSVRecord> csv(String name) throws Exception {
    try (CSVParser p = CSVParser.parse(out.resolve("csv").resolve(name + ".csv"), StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      return p.getRecords();
    }
  }

  @Test
  void termFrequenciesCoverThreeScopesAndThreeOrdersAndTheDomainPhrases() throws Exception {
    List<CSVRecord> rows = csv("term_frequencies");
    assertEquals(Set.of("corpus/1", "corpus/2", "corpus/3", "document/1", "document/2", "document/3",
        "visit/1", "visit/2", "visit/3"),
        rows.stream().map(r -> r.get("scope") + "/" + r.get("ngram")).collect(Collectors.toSet()));
    assertEquals(Set.of("belgrade-2024", "astana-2026"), rows.stream().filter(r -> r.get("scope").equals("visit"))
        .map(r -> r.get("scope_id")).collect(Collectors.toSet()));
    assertEquals(5, rows.stream().filter(r -> r.get("scope").equals("document"))
        .map(r -> r.get("scope_id")).distinct().count());
    Set<String> corpusBigrams = rows.stream().filter(r -> r.get("scope").equals("corpus") && r.get("ngram").equals("2"))
        .map(r -> r.get("term")).collect(Collectors.toSet());
    assertTrue(corpusBigrams.containsAll(List.of("direct flights", "diplomatic relations", "strategic partnership")),
        "domain phrases among " + corpusBigrams.size() + " corpus bigrams");
    assertFalse(corpusBigrams.contains("launch direct"), "no bigram across 'of'");

    List<String> order = rows.stream().map(r -> String.join("|", r.get("scope"), r.get("scope_id"),
        String.format("%d|%09d", Integer.parseInt(r.get("ngram")), Integer.parseInt(r.get("rank"))), r.get("term")))
        .toList();
    assertEquals(order.stream().sorted().toList(), order, "sorted by scope, scope_id, ngram, rank, term");
  }

  @Test
  void corpusCountsOnTheSeedsEqualWholeWordCountsOverTheCountedSentences() {
    // The annotated corpus holds exactly the de-duplicated sentences; these words are never hyphenated there.
    String text = report("annotated_corpus").orderBy("doc_id", "sentence_id").collectAsList().stream()
        .map(r -> r.<String>getAs("sentence")).collect(Collectors.joining("\n"));
    Map<String, Long> counted = report("term_frequencies").where("scope = 'corpus' and ngram = 1").collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getAs("term"), r -> r.getAs("count")));
    for (String word : List.of("flights", "cooperation", "vučić", "relations", "partnership", "tokayev", "trade")) {
      long expected = java.util.regex.Pattern.compile("\\b" + word + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE
              | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.UNICODE_CHARACTER_CLASS)
          .matcher(text).results().count();
      assertTrue(expected > 0, word);
      assertEquals(expected, counted.get(word), word);
    }
  }

  @Test
  void termKeynessComparesTheEarliestWithTheLatestVisitInEveryOrder() throws Exception {
    List<CSVRecord> rows = csv("term_keyness");
    assertEquals(Set.of("1", "2", "3"), rows.stream().map(r -> r.get("ngram")).collect(Collectors.toSet()));
    assertEquals(Set.of("belgrade-2024/astana-2026"),
        rows.stream().map(r -> r.get("visit_a") + "/" + r.get("visit_b")).collect(Collectors.toSet()));
    for (int i = 1; i < rows.size(); i++) {
      CSVRecord a = rows.get(i - 1);
      CSVRecord b = rows.get(i);
      int byOrder = Integer.compare(Integer.parseInt(a.get("ngram")), Integer.parseInt(b.get("ngram")));
      int byZ = -Double.compare(Double.parseDouble(a.get("z_score")), Double.parseDouble(b.get("z_score")));
      int cmp = byOrder != 0 ? byOrder : byZ != 0 ? byZ : a.get("term").compareTo(b.get("term"));
      assertTrue(cmp < 0, "sorted by ngram, z_score desc, term: " + a + " / " + b);
    }
    CSVRecord flights = rows.stream().filter(r -> r.get("term").equals("direct flights")).findFirst().orElseThrow();
    long unigramsA = rows.stream().filter(r -> r.get("ngram").equals("1"))
        .mapToLong(r -> Long.parseLong(r.get("count_a"))).sum();
    assertEquals(Long.parseLong(rows.stream().filter(r -> r.get("ngram").equals("1")).findFirst().orElseThrow()
        .get("total_a")), unigramsA, "total_a is the sum of A's unigram counts");
    assertEquals(List.of("1", "0"), List.of(flights.get("count_a"), flights.get("count_b")),
        "in 002 (Belgrade); 004's copy is a duplicate");
    assertTrue(Double.parseDouble(flights.get("z_score")) < 0, "negative: used more in A");
  }

  @Test
  void writesIndexHtmlOverTheReportsOfTheRun() throws Exception {
    Path index = out.resolve("index.html");
    assertTrue(Files.isRegularFile(index), "index.html is published with the reports");
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(index.toFile(), "UTF-8");
    assertEquals(List.of("002", "004", "001", "003", "000"), page.select("#documents tbody code").eachText().stream()
        .map(id -> id.substring(0, 3)).toList(), "documents by visit start date, published date and id");
    assertTrue(page.getElementById("visits").text().contains("Tokayev's official visit to Belgrade"));
    assertTrue(page.getElementById("quality").text().contains("5 paragraphs of "), page.getElementById("quality").text());
    // A section says its report is unavailable exactly when the run did not write that report.
    for (String[] s : new String[][] {{"shares", "sector_summary"}, {"emphasis", "emphasis_comparison"},
        {"cooccurrence", "topic_cooccurrence"}, {"terms", "term_keyness"}}) {
      boolean written = Files.isDirectory(out.resolve("parquet").resolve(s[1]));
      assertEquals(!written, page.getElementById(s[0]).selectFirst(".unavailable") != null, s[0]);
    }
    assertTrue(run().at("/timings_ms/html").isNumber(), "the page is a timed step");
  }

  @Test
  void thePageCommandWritesTheSamePageAgainFromTheParquet(@TempDir Path copy) throws Exception {
    // The job builds the page from the rows in memory; `visitlens page` from the files it wrote: the same page.
    String written = Files.readString(out.resolve("index.html"));
    try (java.util.stream.Stream<Path> files = Files.walk(out)) {
      for (Path f : files.toList()) {
        Path target = copy.resolve(out.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    Files.delete(copy.resolve("index.html"));

    assertEquals(0, VisitLens.execute("page", copy.toString()));

    assertEquals(written, Files.readString(copy.resolve("index.html")), "the page from memory and from Parquet");
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("page", copy.resolve("parquet").toString()),
        "a directory without run.json is refused");
  }

  JsonNode run() throws Exception {
    return new ObjectMapper().readTree(out.resolve("run.json").toFile());
  }

  @Test
  void aMalformedCatalogueIsRefusedWithFileAndLineAndLeavesTheReportsIntact() throws Exception {
    Map<String, byte[]> before = snapshot(out);
    Path bad = tmp.resolve("bad-visits.csv");
    Files.writeString(bad, Files.readString(REPO.resolve(JobOptions.DEFAULT_VISITS)).replace("2026-02-27", "2026-02-30"));

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = VisitLens.execute("run", "--corpus", REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
          "--visits", bad.toString(), "--out", out.toString());
    } finally {
      System.setErr(saved);
    }
    assertEquals(VisitLens.EXIT_REFUSED, code);
    assertEquals("visitlens: refused: " + bad + ":3: end_date '2026-02-30' is not a valid date (yyyy-MM-dd)",
        err.toString(StandardCharsets.UTF_8).strip());
    Map<String, byte[]> after = snapshot(out);
    assertEquals(before.keySet(), after.keySet());
    for (String f : before.keySet()) {
      assertArrayEquals(before.get(f), after.get(f), f + " changed");
    }
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".reports.")), "no staging left");
    }
  }

  /** A command run in-process uses the session already running and leaves it running for the next test. */
  @Test
  void lexiconGapsProposeBareSpaceFromTheListOfSectorsAndFlagItAsLeftOutOnPurpose() {
    List<Row> space = report("lexicon_gaps").where("candidate = 'space'").collectAsList();
    assertEquals(1, space.size(), space.toString());
    Row r = space.get(0);
    assertEquals("enumeration", r.getAs("reason"));
    assertEquals("space", r.getAs("sector"), "the sector of 'space industry', whose word it is");
    assertEquals(true, r.getAs("rejected_by_note"), "the lexicon's note leaves bare 'space' out on purpose");
    assertTrue(r.<String>getAs("evidence").contains("healthcare, IT, space and tourism sectors"), r.toString());
    assertEquals(0, report("lexicon_gaps").where("reason = 'association' and count < 3").count(),
        "an association needs three sentences");
  }

  @Test
  void kwicPrintsAConcordanceFromTheReportDirectoryAndWritesItAsCsv() throws Exception {
    Path csv = tmp.resolve("kwic.csv");
    Cli kwic = cli("kwic", "Energy", out.toString(), "--visit", "astana-2026", "--limit", "0", "--context", "3",
        "--out", csv.toString());
    assertEquals(0, kwic.code(), kwic.err());
    List<String> lines = kwic.out().lines().toList();
    List<String> contexts = lines.stream().filter(l -> l.contains(" | ")).toList();
    assertTrue(contexts.size() >= 1, String.join("\n", lines));
    assertTrue(lines.contains("written to " + csv), lines.toString());
    assertTrue(contexts.stream().allMatch(l -> l.startsWith("astana-2026 ") && l.toLowerCase().contains("| energy |")),
        String.join("\n", contexts));
    assertTrue(lines.contains(contexts.size() + (contexts.size() == 1 ? " context" : " contexts")
        + " of \"Energy\" (energy) in astana-2026"), lines.toString());
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      rows = p.getRecords();
    }
    assertEquals(contexts.size(), rows.size());
    for (CSVRecord r : rows) {
      String text = Files.readString(REPO.resolve(JobOptions.DEFAULT_CORPUS).resolve(r.get("doc_id") + ".txt"));
      assertEquals(r.get("match"), text.substring(Integer.parseInt(r.get("begin")), Integer.parseInt(r.get("end"))),
          "the offsets are the article's: " + r);
      assertTrue(r.get("match").equalsIgnoreCase("energy"), r.toString());
    }

    Cli refused = cli("kwic", "energy", tmp.resolve("not-reports").toString());
    assertEquals(VisitLens.EXIT_REFUSED, refused.code());
    assertTrue(refused.err().contains("not a VisitLens report directory"), refused.err());
  }

  @Test
  void fiveArticlesAreTooFewForTopicsAndTheReportsAndPageSaySo() throws Exception {
    Row model = report("topic_model").first();
    assertEquals("skipped", model.getAs("status"));
    assertEquals(5L, (long) model.getAs("documents"));
    assertEquals(JobOptions.DEFAULT_TOPICS_MIN_DOCUMENTS, (int) model.getAs("min_documents"));
    for (String name : List.of("topics", "topic_shares", "topic_sectors")) {
      assertEquals(0, report(name).count(), name + " is written, empty");
      assertTrue(Files.exists(out.resolve("csv").resolve(name + ".csv")), name + ".csv with its header");
    }
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
    assertTrue(page.getElementById("topics").text().contains("the corpus has 5 documents, fewer than the 200"),
        page.getElementById("topics").text());
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals("auto", manifest.at("/parameters/topics").asText());
    assertTrue(manifest.at("/timings_ms/topics").isNumber(), manifest.at("/timings_ms").toString());
  }

  /** One run for two switches that leave things out: the speech pass, and the document scope of a CSV. */
  @Test
  void noSpeechLeavesOutTheSpeechReportsAndCsvScopesLeaveTheDocumentScopeToTheParquet() throws Exception {
    Path reports = tmp.resolve("no-speech");
    Cli run = cli("run", "--corpus", REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
        "--visits", REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
        "--lexicon", REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), "--out", reports.toString(),
        "--no-speech", "--bootstrap", "0", "--permutations", "0", "--topics", "0", "--csv-scopes", "visit,corpus");
    assertEquals(0, run.code(), "the run succeeds: " + run.err());

    // --csv-scopes visit,corpus: the CSV has those two scopes, in the report's order; the Parquet every scope.
    Dataset<Row> parquet = spark.read().parquet(reports.resolve("parquet").resolve("term_frequencies").toString());
    List<String[]> csv = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(reports.resolve("csv").resolve("term_frequencies.csv"),
        StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      assertEquals(List.of(parquet.columns()), p.getHeaderNames(), "the CSV's header is the report's columns");
      for (CSVRecord r : p) {
        csv.add(new String[] {r.get("scope"), r.get("scope_id"), r.get("term"), r.get("count")});
      }
    }
    long documentRows = parquet.where(col("scope").equalTo("document")).count();
    assertTrue(documentRows > 0, "the Parquet has the document scope");
    assertEquals(parquet.count() - documentRows, csv.size(), "the CSV has every row but the document scope's");
    List<String> scopesInOrder = csv.stream().map(r -> r[0]).distinct().toList();
    assertEquals(List.of("corpus", "visit"), scopesInOrder, "corpus rows, then visit rows, and nothing else");
    List<Row> kept = parquet.where(col("scope").notEqual("document"))
        .orderBy(io.visitlens.report.TermFrequenciesReport.REPORT.order().stream().map(c -> c.endsWith(" desc")
            ? col(c.substring(0, c.length() - 5)).desc() : col(c)).toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
    for (int i = 0; i < kept.size(); i++) {
      Row r = kept.get(i);
      String[] c = csv.get(i);
      assertEquals(List.of(r.getAs("scope"), r.getAs("scope_id"), r.getAs("term"), String.valueOf((long) r.getAs("count"))),
          List.of(c), "CSV row " + (i + 1) + " is the Parquet's row of the same place");
    }
    JsonNode params = new ObjectMapper().readTree(reports.resolve("run.json").toFile()).at("/parameters");
    assertEquals("[\"corpus\",\"visit\"]", params.at("/csv_scopes").toString(), params.toString());
    assertEquals(parquet.count(), new ObjectMapper().readTree(reports.resolve("run.json").toFile())
        .at("/row_counts/term_frequencies").asLong(), "run.json counts the Parquet's rows");

    assertEquals("off", spark.read().parquet(reports.resolve("parquet").resolve("topic_model").toString()).first()
        .getAs("status"), "--topics 0 turns the topic model off");
    for (String name : List.of("statements", "deliverables", "speaker_emphasis")) {
      assertFalse(Files.exists(reports.resolve("parquet").resolve(name)), name + " is not written");
      assertFalse(Files.exists(reports.resolve("csv").resolve(name + ".csv")), name + " is not written");
    }
    assertTrue(Files.isDirectory(reports.resolve("parquet").resolve("sector_summary")), "the other reports are");
    JsonNode manifest = new ObjectMapper().readTree(reports.resolve("run.json").toFile());
    assertTrue(manifest.at("/timings_ms/speech").isMissingNode(), "no speech step: " + manifest.at("/timings_ms"));
    assertTrue(manifest.at("/row_counts/statements").isMissingNode(), manifest.at("/row_counts").toString());
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(reports.resolve("index.html").toFile(), "UTF-8");
    for (String[] s : new String[][] {{"speakers", "speaker_emphasis"}, {"deliverables", "deliverables"}}) {
      org.jsoup.nodes.Element note = page.getElementById(s[0]).selectFirst(".unavailable");
      assertTrue(note != null && note.text().contains(s[1]), s[0] + ": " + page.getElementById(s[0]).text());
    }
  }

  @Test
  void theCommandLineDoesNotStopASessionItDidNotStart() throws Exception {
    Path reports = tmp.resolve("cli-reports");
    PrintStream saved = System.out;
    int code;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code = VisitLens.execute("run", "--corpus", REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
          "--visits", REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
          "--lexicon", REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), "--out", reports.toString());
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, code, "the run succeeds");
    assertTrue(Files.exists(reports.resolve("run.json")), "and writes its reports");
    assertFalse(spark.sparkContext().isStopped(), "the shared session is still running");
    assertEquals(3, spark.range(3).count(), "and still runs jobs");
  }

  @Test
  void helpListsTheSubcommandsAndFlags() {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
      assertEquals(0, VisitLens.execute("--help"));
      assertEquals(0, VisitLens.execute("run", "--help"));
    } finally {
      System.setOut(saved);
    }
    String help = text.toString(StandardCharsets.UTF_8);
    for (String expected : List.of("run", "--corpus", "--visits", "--lexicon", "--out", "--compare", "--master")) {
      assertTrue(help.contains(expected), "help mentions " + expected + ":\n" + help);
    }
  }

  static Map<String, byte[]> snapshot(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

}
