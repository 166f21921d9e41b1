package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.nlp.Languages;
import io.visitlens.nlp.TextCore;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnnotationsTest extends SparkTestBase {
  static final String DOC = "Intro paragraph.\n\n"
      + "Kassym-Jomart Tokayev thanked Aleksandar Vučić. Serbia’s role is key, he said.\n\n"
      + "Direct flights: the first flight departs, and more flights are flying.\n\n"
      + "I’m sure they’ll agree, we’re ready, we’ve said I’d come, don’t worry.";
  static List<Row> sentences;

  @BeforeAll
  static void annotate() {
    startSpark();
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("visit_id", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    Dataset<Row> docs = spark.createDataFrame(List.of(row("d1", "v1", DOC)), schema);
    Dataset<Row> paragraphs = Paragraphs.explodeParagraphs(docs);
    sentences = Annotations.annotate(TextCore.create(null), paragraphs)
        .orderBy("sentence_id").collectAsList();
  }

  @Test
  void sentencesCarryIdsAndDocumentOffsets() {
    assertEquals(5, sentences.size(), "sentences: " + sentences);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Row s = sentences.get(i);
      assertEquals(i, s.<Integer>getAs("sentence_id"));
      String byOffsets = DOC.substring(s.<Integer>getAs("sentence_begin"), s.<Integer>getAs("sentence_end"));
      assertEquals(s.<String>getAs("sentence"), byOffsets, "offsets of sentence " + i);
      texts.add(byOffsets);
    }
    assertEquals(List.of("Intro paragraph.", "Kassym-Jomart Tokayev thanked Aleksandar Vučić.",
        "Serbia’s role is key, he said.", "Direct flights: the first flight departs, and more flights are flying.",
        "I’m sure they’ll agree, we’re ready, we’ve said I’d come, don’t worry."), texts);
    assertEquals(List.of(0, 1, 1, 2, 3), sentences.stream().map(r -> r.<Integer>getAs("paragraph_id")).toList());
  }

  @Test
  void tokenOffsetsPointIntoTheDocument() {
    for (Row s : sentences) {
      List<String> tokens = s.getList(s.fieldIndex("tokens"));
      List<Integer> begins = s.getList(s.fieldIndex("token_begin"));
      List<Integer> ends = s.getList(s.fieldIndex("token_end"));
      for (int i = 0; i < tokens.size(); i++) {
        assertEquals(tokens.get(i), DOC.substring(begins.get(i), ends.get(i)), "token " + i + " of " + s);
      }
    }
  }

  @Test
  void termsAreLowercaseKeepDiacriticsAndHyphensAndFlagStopWords() {
    Row second = sentences.get(1);
    assertEquals(List.of("kassym-jomart", "tokayev", "thanked", "aleksandar", "vučić", ""),
        second.getList(second.fieldIndex("terms")));
    Row third = sentences.get(2);
    assertEquals(List.of("Serbia", "’s", "role", "is", "key", ",", "he", "said", "."),
        third.getList(third.fieldIndex("tokens")));
    assertEquals(List.of("serbia", "s", "role", "is", "key", "", "he", "said", ""),
        third.getList(third.fieldIndex("terms")));
    assertEquals(List.of(false, true, false, true, false, false, true, false, false),
        third.getList(third.fieldIndex("is_stop")));
    assertTrue(second.<String>getAs("visit_id").equals("v1"));
  }

  @Test
  void stemsAreAlignedWithTermsAndGroupInflections() {
    Row fourth = sentences.get(3);
    assertEquals(List.of("direct", "flights", "", "the", "first", "flight", "departs", "", "and", "more", "flights",
        "are", "flying", ""), fourth.getList(fourth.fieldIndex("terms")));
    assertEquals(List.of("direct", "flight", "", "the", "first", "flight", "depart", "", "and", "more", "flight",
        "ar", "fly", ""), fourth.getList(fourth.fieldIndex("stems")));
    for (Row s : sentences) {
      assertEquals(s.getList(s.fieldIndex("terms")).size(), s.getList(s.fieldIndex("stems")).size(), "aligned: " + s);
    }
    Row second = sentences.get(1);
    assertEquals("vučić", second.getList(second.fieldIndex("stems")).get(4), "a stem keeps diacritics");
  }

  @Test
  void theRemaindersOfSplitCliticsAreStopWords() {
    Row fifth = sentences.get(4);
    List<String> terms = fifth.getList(fifth.fieldIndex("terms"));
    List<Boolean> stops = fifth.getList(fifth.fieldIndex("is_stop"));
    List<String> contentTerms = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      if (!terms.get(i).isEmpty() && !stops.get(i)) {
        contentTerms.add(terms.get(i));
      }
    }
    assertEquals(List.of("sure", "agree", "ready", "said", "come", "worry"), contentTerms, "terms " + terms);
    assertTrue(terms.containsAll(List.of("m", "ll", "re", "ve", "d")), "the clitics are tokens: " + terms);
    assertTrue(terms.contains("don't") && !terms.contains("nt") && !terms.contains("do"),
        "a negative contraction stays one token: " + terms);
  }
}
