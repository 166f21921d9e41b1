package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.bench.CorpusGenerator;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ConfigFiles;
import io.visitlens.report.TopicModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic model on a generated corpus of 10,000 articles with six known themes ({@link CorpusGenerator} with
 * {@code themes} 6: each article's lexicon phrases are 80% its theme's, the theme one of the lexicon's first six
 * sectors), through the whole job with the default number of topics: the topics must find the themes.
 */
class GeneratedTopicsIT extends SparkTestBase {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));
  static final int THEMES = 6;

  @TempDir
  static Path tmp;
  static Path out;
  static Map<String, Set<String>> themeWords = new TreeMap<>();

  @BeforeAll
  static void runOnAThemedCorpus() throws Exception {
    startSpark();
    Path corpus = tmp.resolve("themed.jsonl");
    Path visits = REPO.resolve(JobOptions.DEFAULT_VISITS);
    Path lexicon = REPO.resolve(JobOptions.DEFAULT_LEXICON);
    CorpusGenerator.run(new CorpusGenerator.Options(10_000, corpus, 6, REPO.resolve(JobOptions.DEFAULT_CORPUS),
        visits, lexicon, THEMES));
    CorpusGenerator.themes(SectorLexicon.parse(ConfigFiles.read(lexicon), lexicon.toString()), THEMES)
        .forEach((sector, phrases) -> themeWords.put(sector, phrases.stream()
            .flatMap(p -> List.of(p.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")).stream())
            .collect(Collectors.toSet())));
    out = tmp.resolve("reports");
    AnalysisJob.run(spark, JobOptions.of(corpus.toString(), visits.toString(), lexicon.toString(), out.toString())
        .withSpeech(false).withBootstrap(200, 5));
  }

  static Dataset<Row> report(String name) {
    return spark.read().parquet(out.resolve("parquet").resolve(name).toString());
  }

  @Test
  void theRuleChoosesKAndTheModelIsFitted() {
    Row m = report("topic_model").first();
    assertEquals(TopicModel.FITTED, m.getAs("status"));
    long documents = m.getAs("documents");
    assertTrue(documents > 9_900, "documents " + documents);
    assertEquals(TopicModel.defaultTopics(documents), (int) m.getAs("k"));
    assertEquals(14, (int) m.getAs("k"), "round(sqrt(9,9xx / 50))");
  }

  /**
   * Every theme has a topic of its own: at least 3 of the topic's 10 top terms are made of words of the theme's
   * phrases, and the theme is among the topic's 3 sectors of highest lift; at least 5 of the 6 themes are found
   * clearly (6 such terms, and the theme the sector of highest lift). One theme is usually weaker: agriculture's words
   * are also all over the seed paragraphs the generator recombines.
   */
  @Test
  void theTopicsFindTheGeneratorsThemes() {
    Map<Integer, List<String>> terms = new TreeMap<>();
    for (Row r : report("topics").orderBy("topic", "rank").collectAsList()) {
      terms.computeIfAbsent(r.getAs("topic"), t -> new ArrayList<>()).add(r.getAs("term"));
    }
    Map<Integer, Map<String, Integer>> sectorRank = new TreeMap<>();
    for (Row r : report("topic_sectors").collectAsList()) {
      sectorRank.computeIfAbsent(r.getAs("topic"), t -> new TreeMap<>()).put(r.getAs("sector"), r.getAs("rank"));
    }
    Set<Integer> used = new HashSet<>();
    int clear = 0;
    StringBuilder found = new StringBuilder();
    for (Map.Entry<String, Set<String>> theme : themeWords.entrySet()) {
      int bestTopic = -1;
      int bestHits = -1;
      for (Map.Entry<Integer, List<String>> topic : terms.entrySet()) {
        int rank = sectorRank.getOrDefault(topic.getKey(), Map.of()).getOrDefault(theme.getKey(), 99);
        int hits = (int) topic.getValue().stream()
            .filter(t -> theme.getValue().containsAll(List.of(t.split(" ")))).count();
        if (rank <= 3 && hits > bestHits && !used.contains(topic.getKey())) {
          bestTopic = topic.getKey();
          bestHits = hits;
        }
      }
      found.append(String.format("%n  %s: topic %d, %d theme terms, %s", theme.getKey(), bestTopic, bestHits,
          bestTopic < 0 ? "-" : terms.get(bestTopic)));
      assertTrue(bestHits >= 3, "theme " + theme.getKey() + " has no topic; topics: " + terms + found);
      used.add(bestTopic);
      if (bestHits >= 6 && sectorRank.get(bestTopic).get(theme.getKey()) == 1) {
        clear++;
      }
    }
    assertTrue(clear >= 5, "themes found clearly: " + clear + found);
  }

  @Test
  void eachVisitsTopicSharesAddUpToOneWithIntervalsForTheComparedVisits() {
    Map<String, Double> total = new TreeMap<>();
    for (Row r : report("topic_shares").collectAsList()) {
      String visit = r.isNullAt(0) ? "(none)" : r.getString(0);
      total.merge(visit, (double) r.getAs("share"), Double::sum);
      if (!r.isNullAt(r.fieldIndex("comparison_role"))) {
        double share = r.getAs("share");
        assertTrue((double) r.getAs("share_ci_low") <= share && share <= (double) r.getAs("share_ci_high"),
            "interval of " + r);
      }
    }
    assertEquals(Set.of("(none)", "belgrade-2024", "astana-2026"), total.keySet());
    total.forEach((visit, sum) -> assertEquals(1.0, sum, 1e-6, "shares of " + visit));
  }
}
