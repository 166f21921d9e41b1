package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.nlp.Languages;
import io.visitlens.nlp.TextCore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The term and n-gram rule on hand-made annotated sentences, and once through the real annotation pipeline. */
class TermsTest extends SparkTestBase {

  static final StructType SENTENCES = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("visit_id", DataTypes.StringType)
      .add("sentence_id", DataTypes.IntegerType)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType))
      .add("stems", DataTypes.createArrayType(DataTypes.StringType))
      .add("is_stop", DataTypes.createArrayType(DataTypes.BooleanType));

  static final Set<String> STOP = Set.of("the", "of", "and", "between", "a", "in", "to");

  /**
   * A hand-annotated sentence: space-separated tokens; a token without a letter or digit is punctuation (empty
   * term); the stems are a stand-in stemmer (a final "s" dropped) so that the test sees where they come from.
   */
  static Row sentence(String docId, String visitId, int sentenceId, String text) {
    List<String> terms = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    List<Boolean> stops = new ArrayList<>();
    for (String token : text.split(" ")) {
      String term = token.matches(".*[\\p{L}\\p{N}].*") ? token.toLowerCase() : "";
      terms.add(term);
      stems.add(term.endsWith("s") ? term.substring(0, term.length() - 1) : term);
      stops.add(STOP.contains(term));
    }
    return row(docId, visitId, sentenceId, terms.toArray(new String[0]), stems.toArray(new String[0]),
        stops.toArray(new Boolean[0]));
  }

  static List<String> ngrams(Dataset<Row> occurrences, int order) {
    return occurrences.where("ngram = " + order).orderBy("doc_id", "sentence_id", "token_index")
        .collectAsList().stream().map(r -> r.<String>getAs("term")).toList();
  }

  @Test
  void aStopWordBreaksAnNgram() {
    Dataset<Row> occ = Terms.explodeNgrams(spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "the launch of direct flights")), SENTENCES), 3);
    assertEquals(List.of("launch", "direct", "flights"), ngrams(occ, 1));
    assertEquals(List.of("direct flights"), ngrams(occ, 2), "never 'launch direct' across 'of'");
    assertEquals(List.of(), ngrams(occ, 3));
  }

  @Test
  void aSentenceBoundaryBreaksAnNgram() {
    Dataset<Row> occ = Terms.explodeNgrams(spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "talks ended"),
        sentence("d1", "v1", 1, "direct flights resume")), SENTENCES), 3);
    assertEquals(List.of("talks ended", "direct flights", "flights resume"), ngrams(occ, 2),
        "no 'ended direct' across the sentence boundary");
    assertEquals(List.of("direct flights resume"), ngrams(occ, 3));
  }

  @Test
  void punctuationAndNumbersBreakNgramsAndAreNotTerms() {
    Dataset<Row> occ = Terms.explodeNgrams(spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "Astana , Belgrade : trade of 2 billion tenge in 2024 expanded-format talks")),
        SENTENCES), 3);
    assertEquals(List.of("astana", "belgrade", "trade", "billion", "tenge", "expanded-format", "talks"),
        ngrams(occ, 1), "no '2', '2024', ',' or ':'");
    assertEquals(List.of("billion tenge", "expanded-format talks"), ngrams(occ, 2));
    assertEquals(List.of(), ngrams(occ, 3));
  }

  @Test
  void occurrencesCarryTheirPlaceOrderAndStem() {
    List<Row> occ = Terms.explodeNgrams(spark.createDataFrame(List.of(
            sentence("d7", null, 4, "the strategic partnership talks")), SENTENCES), 3)
        .orderBy("token_index", "ngram").collectAsList();
    List<List<Object>> expected = List.of(
        Arrays.asList("d7", null, 4, 1, 1, "strategic", "strategic"),
        Arrays.asList("d7", null, 4, 1, 2, "strategic partnership", "strategic partnership"),
        Arrays.asList("d7", null, 4, 1, 3, "strategic partnership talks", "strategic partnership talk"),
        Arrays.asList("d7", null, 4, 2, 1, "partnership", "partnership"),
        Arrays.asList("d7", null, 4, 2, 2, "partnership talks", "partnership talk"),
        Arrays.asList("d7", null, 4, 3, 1, "talks", "talk"));
    assertEquals(expected, occ.stream().map(SparkTestBase::values).toList());
    assertEquals(List.of(Terms.OCCURRENCE_SCHEMA.fieldNames()), List.of(
        Terms.explodeTerms(spark.createDataFrame(List.of(), SENTENCES)).columns()));
  }

  @Test
  void explodeTermsGivesOnlyUnigrams() {
    Dataset<Row> occ = Terms.explodeTerms(spark.createDataFrame(List.of(
        sentence("d1", "v1", 0, "direct flights resume")), SENTENCES));
    assertEquals(List.of(1), occ.select("ngram").distinct().collectAsList().stream().map(r -> r.getInt(0)).toList());
    assertEquals(3, occ.count());
    assertThrows(IllegalArgumentException.class, () -> Terms.explodeNgrams(occ, 0));
  }

  @Test
  void aTermTokenHasALetterAndIsNotAStopWord() {
    assertTrue(Terms.isTermToken("vučić", false));
    assertTrue(Terms.isTermToken("covid-19", false));
    assertFalse(Terms.isTermToken("2024", false));
    assertFalse(Terms.isTermToken("-", false));
    assertFalse(Terms.isTermToken("", false));
    assertFalse(Terms.isTermToken("the", true));
  }

  @Test
  void theRealPipelineKeepsDomainPhrasesAndBreaksAtStopWords() {
    StructType docs = new StructType()
        .add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType).add("text", DataTypes.StringType);
    Dataset<Row> sentences = Annotations.annotate(TextCore.create(null),
        Paragraphs.explodeParagraphs(spark.createDataFrame(List.of(row("d1", "v1",
            "Earlier it was reported that the Kazakh and Serbian leaders discussed the launch of direct flights "
                + "between Astana and Belgrade. Strategic partnership, diplomatic relations.")), docs)));
    Dataset<Row> occ = Terms.explodeNgrams(sentences, 3);
    assertEquals(List.of("serbian leaders", "leaders discussed", "direct flights", "strategic partnership",
        "diplomatic relations"), ngrams(occ, 2));
    assertEquals(List.of("serbian leaders discussed"), ngrams(occ, 3));
    assertEquals("direct flight", occ.where("term = 'direct flights'").first().<String>getAs("stem"));
  }

  /**
   * A document's first terms of an order are selected, not found by sorting all of them: on random documents
   * with many ties, and terms whose code point order differs from Java's UTF-16 order (U+FF21 against a
   * supplementary letter), the selection is the head of a full sort by count descending, then code points.
   */
  @Test
  void theFirstPlacedTermsAreTheHeadOfAFullSortWhateverTheTiesAndTheCut() {
    java.util.Random random = new java.util.Random(7);
    String[] letters = {"a", "b", "é", "\uFF21", "\uD835\uDC00"};
    for (int trial = 0; trial < 300; trial++) {
      java.util.Map<String, Terms.Counted> terms = new java.util.HashMap<>();
      int n = random.nextInt(80);
      for (int i = 0; i < n; i++) {
        StringBuilder word = new StringBuilder();
        for (int l = 0; l <= random.nextInt(3); l++) {
          word.append(letters[random.nextInt(letters.length)]);
        }
        Terms.Counted c = terms.computeIfAbsent(word.toString(), w -> new Terms.Counted("stem of " + w));
        c.count += 1 + random.nextInt(3);
      }
      int k = 1 + random.nextInt(25);
      List<String> all = new ArrayList<>(terms.keySet());
      all.sort((x, y) -> terms.get(x).count != terms.get(y).count
          ? Long.compare(terms.get(y).count, terms.get(x).count)
          : Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray()));
      List<String> expected = all.subList(0, Math.min(k, all.size()));
      List<String> selected = Terms.firstPlaced(terms, k).stream().map(java.util.Map.Entry::getKey).toList();
      assertEquals(expected, selected, "trial " + trial + ": the first " + k + " of " + terms);
    }
  }
}
