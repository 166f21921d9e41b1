package io.visitlens.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on the multilingual fixture ({@code transform/multilingual}: 48 articles in English, Serbian Latin
 * and Cyrillic, Russian and German) with the shipped lexicon and aliases: the sector reports find each language's
 * sectors and pool them, and the term reports keep each language to itself.
 */
class MultilingualReportsIT extends SparkTestBase {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));
  static final Path FIXTURE = Path.of("src", "test", "resources", "io", "visitlens", "transform", "multilingual");
  static final Set<String> LANGUAGES = Set.of("en", "sr-Latn", "sr-Cyrl", "ru", "de");

  @TempDir
  static Path tmp;
  static Path out;

  @BeforeAll
  static void runOnTheMultilingualFixture() throws Exception {
    startSpark();
    // The shipped aliases and the fixture's own, for its third visit, in one file.
    String extra = Files.readString(FIXTURE.resolve("aliases-extra.csv"), StandardCharsets.UTF_8);
    Path aliases = Files.writeString(tmp.resolve("aliases.csv"),
        Files.readString(REPO.resolve(JobOptions.DEFAULT_ALIASES), StandardCharsets.UTF_8)
            + extra.substring(extra.indexOf('\n') + 1));
    out = tmp.resolve("reports");
    AnalysisJob.run(spark, JobOptions.of(FIXTURE.resolve("articles").toString(), FIXTURE.resolve("visits.csv")
        .toString(), REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), out.toString()).withAliases(
        aliases.toString()));
  }

  static Dataset<Row> report(String name) {
    return spark.read().parquet(out.resolve("parquet").resolve(name).toString());
  }

  @Test
  void everyLanguageOfTheCoverageHasSectorMentionsOfItsOwn() {
    Map<String, Long> byLanguage = new TreeMap<>();
    report("sector_mentions").groupBy(col("language")).count().collectAsList()
        .forEach(r -> byLanguage.put(r.getString(0), r.getLong(1)));
    assertTrue(byLanguage.keySet().containsAll(LANGUAGES), () -> "mentions by language: " + byLanguage);
    for (String language : LANGUAGES) {
      assertTrue(byLanguage.get(language) >= 20, () -> language + ": " + byLanguage);
    }
    // A mention's language is its document's.
    long mismatched = report("sector_mentions").join(report("documents").select(col("doc_id"),
        col("language").as("document_language")), "doc_id").where(col("language").notEqual(col("document_language")))
        .count();
    assertEquals(0, mismatched, "mentions whose language is not their document's");
  }

  @Test
  void theSummaryPoolsTheLanguagesOfEachVisit() {
    Dataset<Row> summary = report("sector_summary");
    Map<String, Long> pooled = sums(summary.where("language = 'all'"));
    Map<String, Long> added = sums(summary.where("language <> 'all'"));
    assertEquals(pooled, added, "each (visit, sector)'s all row is the sum of its language rows");
    Set<String> languages = new TreeSet<>();
    summary.where("visit_id = 'astana-2026' and language <> 'all'").select("language").distinct().collectAsList()
        .forEach(r -> languages.add(r.getString(0)));
    assertEquals(new TreeSet<>(LANGUAGES), languages, "the 2026 visit was covered in every language");
    // emphasis_comparison reads the pooled rows: its totals are all of a visit's mentions, every language.
    Row emphasis = report("emphasis_comparison").first();
    long totalA = summary.where("language = 'all' and visit_id = '" + emphasis.getAs("visit_a") + "'")
        .agg(sum("mentions")).first().getLong(0);
    assertEquals(totalA, (long) emphasis.<Long>getAs("total_a"));
  }

  private static Map<String, Long> sums(Dataset<Row> rows) {
    return rows.groupBy("visit_id", "sector").agg(sum("mentions")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0) + "/" + r.getString(1), r -> r.getLong(2), (a, b) -> a,
            TreeMap::new));
  }

  private static Set<String> languagesOf(String visit) {
    Set<String> out = new TreeSet<>();
    report("documents").where(col("visit_id").equalTo(visit)).select("language").distinct().collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }

  @Test
  void termsAreCountedAndComparedWithinTheirLanguage() {
    Dataset<Row> frequencies = report("term_frequencies");
    // Each document's terms are in its own language only.
    long documentsInTwoLanguages = frequencies.where("scope = 'document'").groupBy("scope_id")
        .agg(countDistinct(col("language")).as("n")).where("n > 1").count();
    assertEquals(0, documentsInTwoLanguages);
    // A corpus-scope row's doc_freq is at most its language's documents.
    Map<String, Long> documents = new TreeMap<>();
    report("documents").groupBy("language").count().collectAsList()
        .forEach(r -> documents.put(r.getString(0), r.getLong(1)));
    for (Row r : frequencies.where("scope = 'corpus' and ngram = 1").groupBy("language").agg(
        org.apache.spark.sql.functions.max("doc_freq")).collectAsList()) {
      assertTrue(r.getLong(1) <= documents.get(r.getString(0)), () -> r + " against " + documents);
    }
    // The Serbian word for energy is compared among Serbian terms, never among English ones.
    Dataset<Row> keyness = report("term_keyness");
    Set<String> compared = new TreeSet<>();
    keyness.select("language").distinct().collectAsList().forEach(r -> compared.add(r.getString(0)));
    Row pair = keyness.first();
    Set<String> both = languagesOf(pair.getAs("visit_a"));
    both.retainAll(languagesOf(pair.getAs("visit_b")));
    assertEquals(both, compared, "the languages both compared visits were covered in");
    assertTrue(compared.size() >= 2, () -> "languages compared: " + compared);
    List<Row> totals = keyness.where("ngram = 1").groupBy("language").agg(
        countDistinct(col("total_a")).as("a"), countDistinct(col("total_b")).as("b")).collectAsList();
    for (Row r : totals) {
      assertEquals(List.of(1L, 1L), List.of(r.getLong(1), r.getLong(2)), () -> "one total per side in " + r);
    }
    assertEquals(0, keyness.where("language = 'en' and term = 'energetike'").count(), "no Serbian term in English");
  }
}
