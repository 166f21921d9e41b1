package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.nlp.TextCore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The annotated corpus comes out in (doc_id, sentence_id) order across its partitions, so the sector mentions derived
 * from it row by row are in the report's order (doc_id, begin) without a sort: the job writes them as they are.
 */
class AnnotatedOrderTest extends SparkTestBase {

  @Test
  void mentionsComeOutInDocumentAndTextOrderAcrossPartitions() {
    SectorLexicon lexicon = SectorLexicon.parse(String.join("\n",
        "sector,phrase,kind,cap_code,notes", "energy,energy,word,8,", "transport,direct flight,phrase,10,",
        "trade,trade,word,18,", ""), "test-lexicon.csv");
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    List<Row> articles = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      articles.add(row(String.format("doc-%03d", (i * 37) % 60), i % 3 == 0 ? null : "v" + (i % 2),
          "Trade and energy. Direct flights, then trade.\n\nEnergy -- trade -- direct flights " + i + ".\n\n"
              + "No sector here. Energy."));
    }
    Collections.shuffle(articles, new Random(7));
    // As the job runs (Sessions turns adaptive execution off); adaptive execution would coalesce these few rows
    // into one partition, where the order is trivially kept.
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    spark.conf().set("spark.sql.adaptive.enabled", "false");
    try {
      assertMentionsInOrder(lexicon, articles, docs);
    } finally {
      spark.conf().set("spark.sql.adaptive.enabled", adaptive);
    }
  }

  private static void assertMentionsInOrder(SectorLexicon lexicon, List<Row> articles, StructType docs) {
    Dataset<Row> corpus = Annotations.annotate(TextCore.create(lexicon),
        Paragraphs.explodeParagraphs(spark.createDataFrame(articles, docs).repartition(5)));
    assertTrue(corpus.rdd().getNumPartitions() > 1, "several partitions");
    List<Row> mentions = SectorMentions.explodeMentions(corpus).collectAsList(); // in partition order
    assertEquals(60 * 8, mentions.size(), "8 mentions per article");
    Comparator<Row> reportOrder = Comparator.<Row, String>comparing(r -> r.getAs("doc_id"))
        .thenComparingInt(r -> r.<Integer>getAs("begin"));
    for (int i = 1; i < mentions.size(); i++) {
      Row previous = mentions.get(i - 1);
      Row current = mentions.get(i);
      assertTrue(reportOrder.compare(previous, current) < 0,
          "mention " + i + " out of (doc_id, begin) order: " + previous + " then " + current);
    }
  }
}
