package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.transform.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicModel} on articles written here: 300 short articles of two visits, the first mostly about fishing, the
 * second mostly about wind and solar power, each also mentioning the other theme, with the same boilerplate in
 * every article. Two topics must separate the themes, the visits' shares must follow them, and too few articles, or
 * {@code --topics 0}, must give empty reports and say why.
 */
class TopicModelTest extends SparkTestBase {
  static final String LEXICON = "sector,phrase,kind,cap_code,notes\n"
      + "fisheries,salmon,word,4,\n"
      + "fisheries,fish farming,phrase,4,\n"
      + "energy,wind power,phrase,8,\n"
      + "energy,solar,word,8,\n";
  static final List<String> FISH = List.of("salmon", "trout", "harbour", "trawlers", "nets", "catch", "hatchery",
      "fishermen", "cod", "herring", "quotas", "anglers", "fjord", "smokehouse", "mackerel", "oysters", "shellfish",
      "hooks", "bait", "seafood");
  static final List<String> POWER = List.of("turbines", "solar", "grid", "batteries", "voltage", "substation",
      "megawatts", "transmission", "inverters", "pylons", "kilowatt", "generators", "hydro", "reactors", "cables",
      "transformers", "panels", "storage", "electricity", "outages");

  static Dataset<Row> sentences;
  static Dataset<Row> perVisit;
  static long nDocuments;
  static TopicModel.Result fitted;

  @BeforeAll
  static void fit() {
    startSpark();
    SectorLexicon lexicon = SectorLexicon.parse(LEXICON, "sectors.csv");
    Random random = new Random(7);
    List<Row> articles = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      boolean first = i % 2 == 0;
      StringBuilder text = new StringBuilder("The ministers met on Tuesday -- and said the talks went well.\n\n");
      for (int s = 0; s < 4; s++) {
        boolean fish = (random.nextInt(100) < 85) == first;
        List<String> words = fish ? FISH : POWER;
        text.append(String.format("Mr. Lund spoke about %s, %s and %s. ", words.get(random.nextInt(20)),
            words.get(random.nextInt(20)), words.get(random.nextInt(20))));
        if (fish && random.nextBoolean()) {
          text.append("Fish farming won't wait. ");
        }
        if (!fish && random.nextBoolean()) {
          text.append("Wind power can't either. ");
        }
      }
      articles.add(row(String.format("a%03d", i), first ? "v1" : "v2", "en", text.toString()));
    }
    articles.add(row("n1", null, "en", "Salmon, trout and nets, said the harbour master. The catch was good."));
    sentences = annotatedArticles(lexicon, articles.toArray(new Row[0])).persist(StorageLevel.MEMORY_AND_DISK());
    perVisit = Terms.visitSums(TermReports.termPassOfAnnotated(sentences, 20)).persist(StorageLevel.MEMORY_AND_DISK());
    nDocuments = sentences.select("doc_id").distinct().count();
    fitted = TopicModel.run(spark, sentences, perVisit, nDocuments, lexicon.sectors(), "v1", "v2",
        new TopicModel.Settings(2, 200, 11L, 400, 0.95, 2));
  }

  @AfterAll
  static void release() {
    sentences.unpersist();
    perVisit.unpersist();
  }

  @Test
  void theDefaultNumberOfTopicsGrowsWithTheSquareRootOfTheCorpus() {
    assertEquals(2, TopicModel.defaultTopics(0));
    assertEquals(2, TopicModel.defaultTopics(200));
    assertEquals(4, TopicModel.defaultTopics(1_000));
    assertEquals(14, TopicModel.defaultTopics(10_000));
    assertEquals(25, TopicModel.defaultTopics(100_000));
    assertEquals(25, TopicModel.defaultTopics(10_000_000));
  }

  @Test
  void theModelRowSaysWhatWasFitted() {
    List<Row> model = fitted.model().collectAsList();
    assertEquals(1, model.size());
    Row m = model.get(0);
    assertEquals(TopicModel.FITTED, m.getAs("status"));
    assertEquals(2, (int) m.getAs("k"));
    assertEquals(2, (int) m.getAs("topics_requested"));
    assertEquals(301L, (long) m.getAs("documents"), "every article has a vocabulary term");
    assertEquals(1.0, (double) m.getAs("subsampling_rate"), "301 documents fit in one mini-batch");
  }

  @Test
  void eachTopicIsOneTheme() {
    Map<Integer, List<String>> terms = topTerms(fitted.topics());
    assertEquals(Set.of(0, 1), terms.keySet());
    Set<String> fish = new HashSet<>(FISH);
    fish.addAll(List.of("fish", "farming", "fish farming"));
    Set<String> power = new HashSet<>(POWER);
    power.addAll(List.of("wind", "power", "wind power"));
    int fishTopic = fish.contains(terms.get(0).get(0)) ? 0 : 1;
    for (String t : terms.get(fishTopic).subList(0, 6)) {
      assertTrue(fish.contains(t), "fishing topic's top terms " + terms.get(fishTopic));
    }
    for (String t : terms.get(1 - fishTopic).subList(0, 6)) {
      assertTrue(power.contains(t), "power topic's top terms " + terms.get(1 - fishTopic));
    }
    for (List<String> top : terms.values()) {
      assertFalse(top.contains("ministers"), "a term in every article is not in the vocabulary: " + top);
      assertFalse(top.contains("talks"), "a term in every article is not in the vocabulary: " + top);
      assertFalse(top.contains("wo") || top.contains("ca"), "no contraction fragments: " + top);
    }
    List<Row> rows = fitted.topics().collectAsList();
    assertEquals(2 * TopicModel.TOP_TERMS, rows.size());
    Row first = rows.get(0);
    assertEquals(1, (int) first.getAs("rank"));
    String label = String.join(" · ", terms.get(0).subList(0, 3));
    assertEquals(label, first.getAs("label"));
    for (Row r : rows) {
      assertEquals(((String) r.getAs("term")).split(" ").length, (int) r.getAs("ngram"), "ngram of " + r);
      double w = r.getAs("weight");
      assertTrue(w > 0 && w < 1, "weight " + r);
    }
  }

  @Test
  void theVisitsSharesFollowTheirThemesWithIntervals() {
    int fishTopic = fishTopic();
    Map<String, Map<Integer, Row>> byVisit = new TreeMap<>();
    for (Row r : fitted.shares().collectAsList()) {
      String v = r.isNullAt(0) ? "none" : r.getString(0);
      byVisit.computeIfAbsent(v, x -> new TreeMap<>()).put(r.getInt(1), r);
    }
    assertEquals(Set.of("none", "v1", "v2"), byVisit.keySet());
    for (Map.Entry<String, Map<Integer, Row>> e : byVisit.entrySet()) {
      double total = e.getValue().values().stream().mapToDouble(r -> r.getAs("share")).sum();
      assertEquals(1.0, total, 1e-6, "a visit's shares add up to 1: " + e.getKey());
    }
    Row v1Fish = byVisit.get("v1").get(fishTopic);
    Row v2Fish = byVisit.get("v2").get(fishTopic);
    assertEquals(150L, (long) v1Fish.getAs("documents"));
    assertTrue((double) v1Fish.getAs("share") > 0.65, "v1 is mostly fishing: " + v1Fish);
    assertTrue((double) v2Fish.getAs("share") < 0.35, "v2 is mostly power: " + v2Fish);
    for (Row r : List.of(v1Fish, v2Fish)) {
      double low = r.getAs("share_ci_low");
      double high = r.getAs("share_ci_high");
      assertTrue(low <= (double) r.getAs("share") && (double) r.getAs("share") <= high && high - low < 0.2,
          "interval around the share: " + r);
      assertEquals(0.95, (double) r.getAs("confidence"));
    }
    assertEquals("a", v1Fish.getAs("comparison_role"));
    assertNull(v1Fish.getAs("delta_pp"), "the change is on B's rows");
    assertEquals("b", v2Fish.getAs("comparison_role"));
    assertEquals("v1", v2Fish.getAs("compared_with"));
    double delta = v2Fish.getAs("delta_pp");
    assertEquals(((double) v2Fish.getAs("share") - (double) v1Fish.getAs("share")) * 100, delta, 1e-5);
    assertTrue((double) v2Fish.getAs("delta_pp_ci_high") < 0, "fishing fell, clearly: " + v2Fish);
    assertTrue((double) v2Fish.getAs("p_bootstrap") < 0.01, "p of " + v2Fish);
    Row none = byVisit.get("none").get(fishTopic);
    assertNull(none.getAs("share_ci_low"), "no interval outside the comparison");
    assertEquals(1L, (long) none.getAs("documents"));
  }

  @Test
  void theTopicsAreNamedByTheSectorsTheirArticlesMention() {
    int fishTopic = fishTopic();
    Map<Integer, Row> first = new HashMap<>();
    for (Row r : fitted.sectors().collectAsList()) {
      if ((int) r.getAs("rank") == 1) {
        first.put(r.getAs("topic"), r);
      }
      double lift = r.getAs("lift");
      assertEquals((double) r.getAs("weighted_doc_share") / (double) r.getAs("corpus_doc_share"), lift, 1e-6);
    }
    assertEquals("fisheries", first.get(fishTopic).getAs("sector"));
    assertEquals("energy", first.get(1 - fishTopic).getAs("sector"));
    assertTrue((double) first.get(fishTopic).getAs("lift") > 1.0);
  }

  /**
   * Spark's online LDA warns that its input "is not directly cached" when the RDD it is given is not persisted itself;
   * the model persists the documents that RDD is mapped from, so the job's logging drops that one message.
   */
  @Test
  void aFitLogsNoWarningOfSparkMllibs() {
    org.apache.logging.log4j.core.LoggerContext context =
        (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
    org.apache.logging.log4j.core.config.Configuration config = context.getConfiguration();
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.apache.logging.log4j.core.appender.AbstractAppender capture =
        new org.apache.logging.log4j.core.appender.AbstractAppender("capture-mllib", null, null, true,
            org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
          @Override
          public void append(org.apache.logging.log4j.core.LogEvent event) {
            if (event.getLevel().isMoreSpecificThan(org.apache.logging.log4j.Level.WARN)
                && event.getLoggerName().startsWith("org.apache.spark.mllib")) {
              warnings.add(event.getLoggerName() + ": " + event.getMessage().getFormattedMessage());
            }
          }
        };
    capture.start();
    config.getRootLogger().addAppender(capture, org.apache.logging.log4j.Level.ALL, null);
    context.updateLoggers();
    try {
      TopicModel.Result again = TopicModel.run(spark, sentences, perVisit, nDocuments, List.of("energy", "fisheries"),
          "v1", "v2", new TopicModel.Settings(2, 200, 11L, 0, 0.95, 2));
      assertEquals(TopicModel.FITTED, again.fit().status(), "the model must be fitted for the test to mean anything");
    } finally {
      config.getRootLogger().removeAppender("capture-mllib");
      context.updateLoggers();
      capture.stop();
    }
    assertEquals(List.of(), warnings, "warnings Spark's MLlib logged while the model was fitted");
  }

  @Test
  void tooFewArticlesAreSaidNotFitted() {
    TopicModel.Result skipped = TopicModel.run(spark, sentences, perVisit, nDocuments, List.of("energy", "fisheries"),
        "v1", "v2", new TopicModel.Settings(JobOptions.AUTO_TOPICS, 1_000, 11L, 10, 0.95, 2));
    Row m = skipped.model().first();
    assertEquals(TopicModel.SKIPPED, m.getAs("status"));
    assertEquals(301L, (long) m.getAs("documents"));
    assertEquals(1_000, (int) m.getAs("min_documents"));
    assertEquals(0, (int) m.getAs("k"));
    assertNull(m.getAs("topics_requested"), "the rule was asked for");
    assertEquals(0, skipped.topics().count());
    assertEquals(0, skipped.shares().count());
    assertEquals(0, skipped.sectors().count());
  }

  @Test
  void aVisitComparedWithItselfGetsItsSharesWithoutAnInterval() {
    TopicModel.Result one = TopicModel.run(spark, sentences, perVisit, nDocuments, List.of("energy", "fisheries"),
        "v1", "v1", new TopicModel.Settings(2, 200, 11L, 50, 0.95, 2));
    List<Row> v1 = one.shares().where("visit_id = 'v1'").collectAsList();
    assertEquals(2, v1.size());
    for (Row r : v1) {
      assertEquals("a", r.getAs("comparison_role"), r.toString());
      assertNull(r.getAs("share_ci_low"), "no second sample, no interval: " + r);
      assertNull(r.getAs("delta_pp"), r.toString());
    }
    assertEquals(1.0, v1.stream().mapToDouble(r -> r.getAs("share")).sum(), 1e-6);
  }

  @Test
  void topicsZeroTurnsTheModelOff() {
    TopicModel.Result off = TopicModel.run(spark, sentences, perVisit, nDocuments, List.of("energy", "fisheries"),
        "v1", "v2", new TopicModel.Settings(0, 200, 11L, 10, 0.95, 2));
    assertEquals(TopicModel.OFF, off.model().first().getAs("status"));
    assertEquals(0, off.topics().count());
  }

  private static int fishTopic() {
    Map<Integer, List<String>> terms = topTerms(fitted.topics());
    return FISH.contains(terms.get(0).get(0)) || terms.get(0).get(0).startsWith("fish") ? 0 : 1;
  }

  private static Map<Integer, List<String>> topTerms(Dataset<Row> topics) {
    Map<Integer, List<String>> out = new TreeMap<>();
    for (Row r : topics.collectAsList()) {
      out.computeIfAbsent(r.getAs("topic"), t -> new ArrayList<>()).add(r.getAs("term"));
    }
    return out;
  }
}
