package io.visitlens.bench;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.job.VisitLens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
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

class BenchmarkTest extends SparkTestBase {

  @Test
  void runsTheThreeContendersOnATinyCorpusAndWritesTheResults(@TempDir Path dir) throws IOException {
    BenchFixtures.Inputs inputs = BenchFixtures.write(dir);
    Path work = dir.resolve("work");
    Path results = dir.resolve("results.csv");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Benchmark.Measurement> measured = Benchmark.run(spark, new Benchmark.Options(List.of(60), work, 6,
            EnumSet.allOf(Benchmark.Contender.class), results, inputs.seedsCorpus(), inputs.visits(), inputs.lexicon(), 0),
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
  void theNaivePipelineCountsPlantedPhrasesBySectorAndTheWordCountCountsWords(@TempDir Path dir) throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"id":"a","text":"Green energy was the first topic. Trade grew, and green energy again."}
        {"id":"b","text":"The ministers discussed trade and hydropower."}
        {"id":"c","text":""}
        """, StandardCharsets.UTF_8);
    SectorLexicon lexicon = SectorLexicon.load(new StringReader("""
        sector,phrase,kind,cap_code,notes
        trade,trade,word,18,
        energy,green energy,phrase,8,
        energy,hydropower,word,8,
        agriculture,agriculture,word,4,
        """), "lexicon.csv");
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
  void theCliRefusesAnUnknownContenderBeforeSparkStarts() {
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("bench", "--only", "analysis,grep"));
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("bench", "--docs", "0"));
  }

  private static Map<String, Long> counts(Path parquet, String key) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : spark.read().parquet(parquet.toString()).collectAsList()) {
      out.put(r.getString(r.fieldIndex(key)), r.getLong(r.fieldIndex("count")));
    }
    return out;
  }
}
