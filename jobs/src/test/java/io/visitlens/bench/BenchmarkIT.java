package io.visitlens.bench;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.job.VisitLens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkIT extends SparkTestBase {

  @Test
  void runsTheThreeSparkContendersOnATinyCorpusAndWritesTheResults(@TempDir Path dir) throws IOException {
    BenchFixtures.Inputs inputs = BenchFixtures.write(dir);
    Path work = dir.resolve("work");
    Path results = dir.resolve("results.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Benchmark.Measurement> measured = Benchmark.run(spark, new Benchmark.Options(List.of(60), work, 6,
            EnumSet.range(Benchmark.Contender.ANALYSIS, Benchmark.Contender.WORDCOUNT), results, inputs.seedsCorpus(), inputs.visits(), inputs.lexicon(), 0),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(3, measured.size());

    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(results);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      assertEquals(Benchmark.COLUMNS, csv.getHeaderNames());
      rows = csv.getRecords();
    }
    assertEquals(List.of("analysis", "naive", "wordcount"), rows.stream().map(r -> r.get("contender")).toList());
    for (CSVRecord r : rows) {
      assertEquals("60", r.get("docs"));
      assertTrue(Double.parseDouble(r.get("mb")) > 0);
      assertTrue(Double.parseDouble(r.get("wall_s")) > 0, r.toString());
      assertTrue(Double.parseDouble(r.get("mb_per_s")) > 0, r.toString());
      assertTrue(Double.parseDouble(r.get("peak_heap_mb")) > 0, r.toString());
      assertTrue(Double.parseDouble(r.get("ratio_to_wordcount")) > 0, r.toString());
      assertTrue(Double.parseDouble(r.get("max_heap_mb")) > 0);
      assertEquals("heap", r.get("memory"));
      assertEquals("", r.get("fit_s"));
    }
    assertEquals("1.00", rows.get(2).get("ratio_to_wordcount"));
    assertEquals("1.00", rows.get(0).get("ratio_to_analysis"));
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("contender") && table.contains("wordcount"), table);

    // The analysis published its reports; the corpus is cached for the next run with the same size and seed.
    Path runs = work.resolve("runs/60");
    assertTrue(Files.isRegularFile(runs.resolve("analysis/run.json")));
    try (var corpora = Files.list(work.resolve("corpora"))) {
      assertEquals(1, corpora.filter(p -> p.toString().endsWith(".jsonl")).count());
    }

    // The word count's most frequent words are content words, never stop words.
    Set<String> stop = Set.of(StopWordsRemover.loadDefaultStopWords("english"));
    List<Row> top = spark.read().parquet(runs.resolve("wordcount").toString())
        .orderBy(col("count").desc(), col("word")).limit(10).collectAsList();
    assertEquals(10, top.size());
    for (Row r : top) {
      assertFalse(stop.contains(r.getString(0)), r.toString());
      assertTrue(r.getLong(1) > 1, r.toString());
    }
    // The naive pipeline counted terms and found the lexicon's sectors in the generated text.
    assertTrue(spark.read().parquet(runs.resolve("naive/term_counts").toString()).count() > 10);
    assertTrue(spark.read().parquet(runs.resolve("naive/sector_counts").toString()).count() >= 3);
  }

  @Test
  void roundsRunEveryContenderOncePerRoundAndTheCsvSaysWhichRound(@TempDir Path dir) throws IOException {
    BenchFixtures.Inputs inputs = BenchFixtures.write(dir);
    Path results = dir.resolve("results.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Benchmark.Measurement> measured = Benchmark.run(spark, new Benchmark.Options(List.of(60), dir.resolve("work"),
            6, EnumSet.of(Benchmark.Contender.NAIVE, Benchmark.Contender.WORDCOUNT), results, inputs.seedsCorpus(),
            inputs.visits(), inputs.lexicon(), 0, true, true, io.visitlens.config.JobOptions.AUTO_TOPICS, 2),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(List.of("1 naive", "1 wordcount", "2 naive", "2 wordcount"),
        measured.stream().map(m -> m.round() + " " + m.contender().label()).toList());
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(results);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      rows = csv.getRecords();
    }
    assertEquals(List.of("1", "1", "2", "2"), rows.stream().map(r -> r.get("round")).toList());
    for (int round = 0; round < 2; round++) {
      // rows 2r (naive) and 2r + 1 (wordcount): the naive row's ratio is over the word count of its own round
      CSVRecord naive = rows.get(2 * round);
      CSVRecord wordcount = rows.get(2 * round + 1);
      assertEquals("1.00", wordcount.get("ratio_to_wordcount"), wordcount.toString());
      double expected = Double.parseDouble(naive.get("wall_s")) / Double.parseDouble(wordcount.get("wall_s"));
      assertEquals(expected, Double.parseDouble(naive.get("ratio_to_wordcount")), 0.006 + expected * 0.001,
          () -> "naive over the word count of round " + naive.get("round") + ": " + naive + " / " + wordcount);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("naive (round 2 of 2)"), out);
  }

  @Test
  void theNaivePipelineCountsPlantedPhrasesBySectorAndTheWordCountCountsWords(@TempDir Path dir) throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"id":"a","text":"Green energy was the first topic. Trade grew, and green energy again."}
        {"id":"b","text":"The ministers discussed trade and hydropower."}
        {"id":"c","text":""}
        """, StandardCharsets.UTF_8);
    SectorLexicon lexicon = SectorLexicon.parse("""
        sector,phrase,kind,cap_code,notes
        trade,trade,word,18,
        energy,green energy,phrase,8,
        energy,hydropower,word,8,
        agriculture,agriculture,word,4,
        """, "lexicon.csv");
    NaiveNlpPipeline.run(spark, corpus.toUri().toString(), lexicon, dir.resolve("naive").toUri().toString());
    assertEquals(Map.of("energy", 3L, "trade", 2L), counts(dir.resolve("naive/sector_counts"), "sector"));
    Map<String, Long> terms = counts(dir.resolve("naive/term_counts"), "term");
    assertEquals(2L, terms.get("trade"));
    assertEquals(2L, terms.get("green"));
    assertFalse(terms.containsKey("the") || terms.containsKey("and"), terms.toString());

    WordCountBaseline.run(spark, corpus.toUri().toString(), dir.resolve("wordcount").toUri().toString());
    Map<String, Long> words = counts(dir.resolve("wordcount"), "word");
    assertEquals(2L, words.get("energy"));
    assertEquals(2L, words.get("trade"));
    assertEquals(1L, words.get("hydropower"));
    assertFalse(words.containsKey("the") || words.containsKey("and"), words.toString());
  }

  @Test
  void withoutResamplingOrSpeechTheAnalysisRunsWithNoBootstrapNoPermutationsAndNoSpeechPass(@TempDir Path dir)
      throws IOException {
    BenchFixtures.Inputs inputs = BenchFixtures.write(dir);
    Path work = dir.resolve("work");
    Benchmark.run(spark, new Benchmark.Options(List.of(60), work, 6, EnumSet.of(Benchmark.Contender.ANALYSIS),
            dir.resolve("results.csv"), inputs.seedsCorpus(), inputs.visits(), inputs.lexicon(), 0, false, false),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String manifest = Files.readString(work.resolve("runs/60/analysis/run.json"));
    assertTrue(manifest.contains("\"bootstrap\" : 0") && manifest.contains("\"permutations\" : 0"), manifest);
    assertTrue(manifest.contains("\"speech\" : false"), manifest);
    assertFalse(Files.exists(work.resolve("runs/60/analysis/csv/statements.csv")), "no speech pass, no statements");
    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(work.resolve("runs/60/analysis/csv/emphasis_comparison.csv"));
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      rows = csv.getRecords();
    }
    assertTrue(!rows.isEmpty(), "the comparison has rows");
    for (CSVRecord r : rows) {
      assertEquals("", r.get("delta_pp_ci_low"), () -> "no interval without the bootstrap: " + r);
    }
  }

  @Test
  void theSklearnContenderRunsBesideTheWordCountAndCountsTheSameWords(@TempDir Path dir) throws IOException {
    assumeTrue(SklearnCount.available(), "sklearn contender not tested: " + SklearnCount.NOT_INSTALLED);
    BenchFixtures.Inputs inputs = BenchFixtures.write(dir);
    Path work = dir.resolve("work");
    Path results = dir.resolve("results.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Benchmark.Measurement> measured = Benchmark.run(spark, new Benchmark.Options(List.of(60), work, 6,
            EnumSet.of(Benchmark.Contender.WORDCOUNT, Benchmark.Contender.SKLEARN), results, inputs.seedsCorpus(),
            inputs.visits(), inputs.lexicon(), 0),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertEquals(2, measured.size());

    List<CSVRecord> rows;
    try (Reader r = Files.newBufferedReader(results);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      rows = csv.getRecords();
    }
    assertEquals(List.of("wordcount", "sklearn"), rows.stream().map(r -> r.get("contender")).toList());
    CSVRecord sk = rows.get(1);
    assertEquals("child_rss", sk.get("memory"));
    assertEquals("heap", rows.get(0).get("memory"));
    assertTrue(Double.parseDouble(sk.get("wall_s")) > 0, sk.toString());
    assertTrue(Double.parseDouble(sk.get("fit_s")) > 0, sk.toString());
    assertTrue(Double.parseDouble(sk.get("fit_s")) < Double.parseDouble(sk.get("wall_s")), sk.toString());
    assertTrue(Double.parseDouble(sk.get("mb_per_s")) > 0, sk.toString());
    assertTrue(Double.parseDouble(sk.get("peak_heap_mb")) > 10, "a Python process with NumPy: " + sk);
    assertTrue(Double.parseDouble(sk.get("ratio_to_wordcount")) > 0, sk.toString());
    assertEquals("", sk.get("ratio_to_analysis"));
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("sklearn CountVectorizer (1–3-grams)") && table.contains(" rss"), table);

    // What the script wrote, read back: every record of the corpus has a text (some empty).
    Path corpus;
    try (var corpora = Files.list(work.resolve("corpora"))) {
      corpus = corpora.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    Path out = work.resolve("runs/60/sklearn");
    SklearnCount.Result r = SklearnCount.run(SklearnCount.script(dir.resolve("py")), corpus, dir.resolve("again"));
    assertEquals(60, r.documents());
    assertEquals(List.of(1, 2, 3), List.copyOf(r.ngrams().keySet()));
    assertEquals(r.vocabulary(), r.ngrams().values().stream().mapToLong(v -> v[0]).sum());
    long unigrams = r.ngrams().get(1)[1];
    // Each document of n words has n - 1 bigrams and n - 2 trigrams: fewer of each order, by at most 60 per order.
    assertTrue(r.ngrams().get(2)[1] < unigrams && r.ngrams().get(2)[1] >= unigrams - 60, r.toString());
    assertTrue(r.ngrams().get(3)[1] < r.ngrams().get(2)[1] && r.ngrams().get(3)[1] >= unigrams - 120, r.toString());
    assertEquals(Files.readString(out.resolve("top_unigrams.csv")), Files.readString(dir.resolve("again/top_unigrams.csv")),
        "the same corpus gives the same counts");
    Map<String, Long> top = r.topUnigrams();
    assertEquals(Math.min(1000, r.ngrams().get(1)[0]), top.size());
    List<Long> counts = List.copyOf(top.values());
    for (int i = 1; i < counts.size(); i++) {
      assertTrue(counts.get(i - 1) >= counts.get(i), "most frequent first: " + top);
    }
    for (String stop : List.of("the", "and", "of", "in", "to", "was", "first")) {
      assertFalse(top.containsKey(stop), stop);
    }
    // On this ASCII-and-Latin text the two tokenizers agree on every word of two or more letters that neither
    // stop list drops: sklearn's count is the word count's.
    Map<String, Long> words = counts(work.resolve("runs/60/wordcount"), "word");
    Set<String> sparkStop = Set.of(StopWordsRemover.loadDefaultStopWords("english"));
    int compared = 0;
    for (Map.Entry<String, Long> e : top.entrySet()) {
      if (!sparkStop.contains(e.getKey())) {
        assertEquals(words.get(e.getKey()), e.getValue(), e.getKey());
        compared++;
      }
    }
    assertTrue(compared > 20, "compared " + compared);
  }

  @Test
  void theSklearnScriptCountsNgramsAfterDroppingStopWords(@TempDir Path dir) throws IOException {
    assumeTrue(SklearnCount.available(), "sklearn contender not tested: " + SklearnCount.NOT_INSTALLED);
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"id":"a","text":"Green energy was the first topic. Trade grew, and green energy again."}
        {"id":"b","text":"The ministers discussed trade and hydropower."}
        {"id":"c","text":""}
        {"id":"d"}
        """, StandardCharsets.UTF_8);
    SklearnCount.Result r = SklearnCount.run(SklearnCount.script(dir), corpus, dir.resolve("out"));
    // a: green energy topic trade grew green energy (was, the, first, and, again are stop words);
    // b: ministers discussed trade hydropower; c: nothing; d has no text and is left out.
    assertEquals(3, r.documents());
    assertEquals(11, r.ngrams().get(1)[1]);
    assertEquals(8, r.ngrams().get(1)[0]);
    assertEquals(6 + 3, r.ngrams().get(2)[1]);
    assertEquals(5 + 3, r.ngrams().get(2)[0]); // green energy twice
    assertEquals(5 + 2, r.ngrams().get(3)[1]);
    assertEquals(7, r.ngrams().get(3)[0]);
    assertEquals(23, r.vocabulary());
    assertEquals(List.of("energy", "green", "trade", "discussed", "grew", "hydropower", "ministers", "topic"),
        List.copyOf(r.topUnigrams().keySet()));
    assertEquals(List.of(2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L), List.copyOf(r.topUnigrams().values()));
    assertTrue(r.wallMs() > 0 && r.peakRssBytes() > 0 && r.fitS() >= 0, r.toString());
    // The child's own high-water mark (Linux), not ru_maxrss, which under a JVM's posix_spawn counts the JVM's RSS.
    assertEquals("VmHWM", r.summary().get("peak_rss_source"));
    assertTrue(Files.readString(dir.resolve("out/log.txt")).contains("sklearn_count: 3 documents, 23 n-grams"));
  }

  @Test
  void theCliRefusesAnUnknownContenderBeforeSparkStarts() {
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("bench", "--only", "analysis,grep"));
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("bench", "--docs", "0"));
  }

  @Test
  void withoutScikitLearnTheSklearnContenderIsSkippedByDefaultAndRefusedByName() {
    String before = System.getProperty("visitlens.python");
    PrintStream err = System.err;
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    System.setProperty("visitlens.python", "/nonexistent/python3");
    try {
      assertFalse(SklearnCount.available());
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      assertEquals(EnumSet.range(Benchmark.Contender.ANALYSIS, Benchmark.Contender.WORDCOUNT),
          Benchmark.runnable(EnumSet.allOf(Benchmark.Contender.class), false,
              new PrintStream(printed, true, StandardCharsets.UTF_8)));
      assertEquals("bench: the sklearn contender is skipped: " + SklearnCount.NOT_INSTALLED + System.lineSeparator(),
          printed.toString(StandardCharsets.UTF_8));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Benchmark.runnable(
          EnumSet.of(Benchmark.Contender.SKLEARN), true, System.out));
      assertTrue(e.getMessage().contains("python3-sklearn is not installed"), e.getMessage());
      // Named on the command line, it is refused (exit 2) before Spark starts, with the same reason.
      System.setErr(new PrintStream(refused, true, StandardCharsets.UTF_8));
      assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("bench", "--only", "wordcount,sklearn"));
    } finally {
      System.setErr(err);
      if (before == null) {
        System.clearProperty("visitlens.python");
      } else {
        System.setProperty("visitlens.python", before);
      }
    }
    assertTrue(refused.toString(StandardCharsets.UTF_8).contains(
        "visitlens: refused: --only: the sklearn contender cannot run: python3-sklearn is not installed"),
        refused.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, Long> counts(Path parquet, String key) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : spark.read().parquet(parquet.toString()).collectAsList()) {
      out.put(r.getString(r.fieldIndex(key)), r.getLong(r.fieldIndex("count")));
    }
    return out;
  }
}
