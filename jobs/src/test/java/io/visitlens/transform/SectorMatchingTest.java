package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import io.visitlens.config.SectorLexicon;
import io.visitlens.nlp.Languages;
import io.visitlens.nlp.TextCore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The matching rules, each with its own fixture sentence, over a small lexicon written for the test. */
class SectorMatchingTest extends SparkTestBase {
  static final String LEXICON = String.join("\r\n",
      "sector,phrase,kind,cap_code,notes",
      "digital,IT,acronym,17,",
      "digital,AI,acronym,17,",
      "digital,artificial intelligence,phrase,17,",
      "digital,information technology,phrase,17,",
      "defence,defence industry,phrase,16,",
      "defence,military-industrial complex,phrase,16,",
      "energy,energy,word,8,",
      "energy,green energy,phrase,8,",
      "transport,direct flight,phrase,10,",
      "transport,Middle Corridor,phrase,10,",
      "");
  static SectorLexicon lexicon;
  static TextCore pipeline;

  @BeforeAll
  static void fit() {
    startSpark();
    lexicon = SectorLexicon.parse(LEXICON, "test-lexicon.csv");
    pipeline = TextCore.create(lexicon);
  }

  /** Each row: a sentence, and the mentions expected in it as "sector: matched text". */
  static Stream<Arguments> sentences() {
    return Stream.of(
        Arguments.of("Cooperation in IT and in AI is growing.", List.of("digital: IT", "digital: AI")),
        Arguments.of("It is time, it said, and it will be done.", List.of()),
        Arguments.of("The maintenance of trains and the Italian railways.", List.of()),
        Arguments.of("They discussed artificial intelligence and information technology.",
            List.of("digital: artificial intelligence", "digital: information technology")),
        Arguments.of("Artificial Intelligence was on the agenda.", List.of("digital: Artificial Intelligence")),
        Arguments.of("The defense industry and the defence industry.",
            List.of("defence: defense industry", "defence: defence industry")),
        Arguments.of("The military-industrial complex and the military industrial complex.",
            List.of("defence: military-industrial complex", "defence: military industrial complex")),
        Arguments.of("Projects in green energy were signed.", List.of("energy: green energy")),
        Arguments.of("Energy and energies.", List.of("energy: Energy", "energy: energies")),
        Arguments.of("Synergy and energyless words do not count.", List.of()),
        Arguments.of("The launch of direct flights between the capitals.", List.of("transport: direct flights")),
        Arguments.of("Cargo along the Middle Corridor grew.", List.of("transport: Middle Corridor")));
  }

  @ParameterizedTest
  @MethodSource("sentences")
  void findsTheLexiconOnTokensLongestMatchFirst(String sentence, List<String> expected) {
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("visit_id", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    Dataset<Row> docs = spark.createDataFrame(List.of(row("d", "v", sentence)), schema);
    Dataset<Row> sentences = Annotations.annotate(pipeline, Paragraphs.explodeParagraphs(docs));
    List<String> got = new ArrayList<>();
    for (Row m : SectorMentions.explodeMentions(sentences).orderBy("begin").collectAsList()) {
      got.add(m.<String>getAs("sector") + ": " + m.<String>getAs("matched_text"));
      assertEquals(m.<String>getAs("matched_text"),
          sentence.substring(m.<Integer>getAs("begin"), m.<Integer>getAs("end")), "offsets of " + m);
      assertEquals(sentence, m.<String>getAs("sentence"));
    }
    assertEquals(expected, got, () -> "mentions in: " + sentence);
  }
}
