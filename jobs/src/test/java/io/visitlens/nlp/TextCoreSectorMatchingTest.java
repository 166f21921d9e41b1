package io.visitlens.nlp;

import static io.visitlens.nlp.TextCoreChecks.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.config.SectorLexicon;
import io.visitlens.nlp.TextCore.Sentence;
import io.visitlens.nlp.TextCoreChecks.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sector matching on the core's tokens, over a small lexicon written for the test. */
class TextCoreSectorMatchingTest {
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
  static TextCore.Annotator annotator;

  @BeforeAll
  static void create() {
    lexicon = SectorLexicon.parse(LEXICON, "test-lexicon.csv");
    annotator = TextCore.create(lexicon).annotator();
  }

  /** Each row: a paragraph, and the mentions expected in it as "sector: matched text", in text order. */
  static Stream<Arguments> paragraphs() {
    return Stream.of(
        Arguments.of("Cooperation in IT and in AI is growing.", List.of("digital: IT", "digital: AI")),
        Arguments.of("It is time, it said, and it will be done.", List.of()),
        Arguments.of("It is time, it said, and IT will help.", List.of("digital: IT")),
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
        Arguments.of("Cargo along the Middle Corridor grew.", List.of("transport: Middle Corridor")),
        // A phrase never spans two sentences.
        Arguments.of("They spoke of everything green. Energy came later.", List.of("energy: Energy")),
        // Dashes and clitics separate words, so the phrase is found next to them.
        Arguments.of("Projects in green energy--and in IT--were signed.",
            List.of("energy: green energy", "digital: IT")),
        Arguments.of("Serbia’s energy sector and the energy's future.", List.of("energy: energy", "energy: energy")),
        Arguments.of("Intro sentence here. Cooperation in IT grew; the Middle Corridor too.",
            List.of("digital: IT", "transport: Middle Corridor")));
  }

  @ParameterizedTest
  @MethodSource("paragraphs")
  void findsTheLexiconOnTokensWithinSentencesLongestMatchFirst(String paragraph, List<String> expected) {
    Doc d = TextCoreChecks.annotate(annotator, paragraph, "en");
    List<String> got = new ArrayList<>();
    for (Sentence s : d.sentences()) {
      for (int i = 0; i < s.matchText().length; i++) {
        String m = s.matchText()[i];
        assertEquals(lexicon.lookup(m).orElse(null), s.matchEntry()[i],
            () -> "the match carries the entry its text is a variant of: " + m);
        got.add(s.matchEntry()[i].sector() + ": " + m);
      }
    }
    assertEquals(expected, got, () -> "mentions in " + quote(paragraph) + d.table());
  }

  @Test
  void matchOffsetsAreParagraphRelative() {
    String paragraph = "Intro sentence here. Cooperation in IT grew; the Middle Corridor too.";
    Doc d = TextCoreChecks.annotate(annotator, paragraph, "en");
    List<String> got = new ArrayList<>();
    for (Sentence s : d.sentences()) {
      for (int i = 0; i < s.matchText().length; i++) {
        got.add(s.matchBegin()[i] + "-" + s.matchEnd()[i]);
      }
    }
    int it = paragraph.indexOf("IT");
    int mc = paragraph.indexOf("Middle Corridor");
    assertEquals(List.of(it + "-" + (it + 2), mc + "-" + (mc + "Middle Corridor".length())), got, d::table);
  }

  @Test
  void aNullLexiconMatchesNothing() {
    String paragraph = "Cooperation in IT and green energy grew.";
    Doc d = TextCoreChecks.annotate(TextCore.create(null).annotator(), paragraph, "en");
    assertEquals(List.of(), d.matches(), d::table);
  }
}
