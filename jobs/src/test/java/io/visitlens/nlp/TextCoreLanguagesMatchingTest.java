package io.visitlens.nlp;

import static io.visitlens.nlp.TextCoreChecks.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.visitlens.config.ConfigException;
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

/**
 * Sector matching in Serbian (both scripts), Russian and German: each document against the entries of its own
 * language, inflected forms through the language's Snowball stems. The lexicon is written for the test.
 */
class TextCoreLanguagesMatchingTest {
  static final String LEXICON = String.join("\n",
      "sector,phrase,kind,cap_code,lang,notes",
      "agriculture,agriculture,word,4,en,",
      "energy,energy,word,8,en,",
      "agriculture,poljoprivreda,word,4,sr,",
      "energy,energetika,word,8,sr,",
      "energy,energetici,word,8,sr,k before i becomes c: its own stem",
      "energy,obnovljivi izvori energije,phrase,8,sr,",
      "trade,robna razmena,phrase,18,sr,",
      "multilateral,EU,acronym,19,sr,",
      "agriculture,сельское хозяйство,phrase,4,ru,",
      "trade,товарооборот,word,18,ru,",
      "multilateral,ЕАЭС,acronym,19,ru,",
      "agriculture,Landwirtschaft,word,4,de,",
      "trade,Handel,word,18,de,",
      "trade,Freihandelsabkommen,word,18,de,",
      "");
  static TextCore.Annotator annotator;

  @BeforeAll
  static void create() {
    annotator = TextCore.create(SectorLexicon.parse(LEXICON, "languages.csv")).annotator();
  }

  /** A paragraph, its language, and the mentions expected as "sector: matched text", in text order. */
  static Stream<Arguments> paragraphs() {
    return Stream.of(
        // Serbian, Latin: case endings.
        Arguments.of("sr-Latn", "Poljoprivreda i poljoprivredi, o poljoprivredi, sa poljoprivredom.",
            List.of("agriculture: Poljoprivreda", "agriculture: poljoprivredi", "agriculture: poljoprivredi",
                "agriculture: poljoprivredom")),
        Arguments.of("sr-Latn", "Saradnja u energetici i energetika.",
            List.of("energy: energetici", "energy: energetika")),
        Arguments.of("sr-Latn", "Razgovarali su o obnovljivim izvorima energije i robnoj razmeni sa EU.",
            List.of("energy: obnovljivim izvorima energije", "trade: robnoj razmeni", "multilateral: EU")),
        // Serbian, Cyrillic: the Serbian stemmer reads it as Latin.
        Arguments.of("sr-Cyrl", "Пољопривреда и сарадња у пољопривреди, робна размена расте.",
            List.of("agriculture: Пољопривреда", "agriculture: пољопривреди", "trade: робна размена")),
        // Russian: both words of the phrase inflect.
        Arguments.of("ru", "Сельское хозяйство, развитие сельского хозяйства и в сельском хозяйстве.",
            List.of("agriculture: Сельское хозяйство", "agriculture: сельского хозяйства",
                "agriculture: сельском хозяйстве")),
        Arguments.of("ru", "Товарооборот вырос; рост товарооборота в рамках ЕАЭС.",
            List.of("trade: Товарооборот", "trade: товарооборота", "multilateral: ЕАЭС")),
        Arguments.of("ru", "Страны еаэс и хозяйство семьи.", List.of()),
        // German: inflection by stem; compounds only as listed.
        Arguments.of("de", "Die Landwirtschaft und der Handel; ein Freihandelsabkommen mit Handels-Partnern.",
            List.of("agriculture: Landwirtschaft", "trade: Handel", "trade: Freihandelsabkommen")),
        Arguments.of("de", "Des Handels wegen, und im Landwirtschaftsministerium nichts.", List.of("trade: Handels")),
        // A document is matched in its own language only.
        Arguments.of("de", "Agriculture and energy, poljoprivreda.", List.of()),
        Arguments.of("en", "Agriculture and energy, poljoprivreda and Handel.",
            List.of("agriculture: Agriculture", "energy: energy")),
        Arguments.of("und", "Energy, read with the English entries.", List.of("energy: Energy")),
        Arguments.of("kk", "Energy in a language without entries.", List.of()));
  }

  @ParameterizedTest
  @MethodSource("paragraphs")
  void findsEachLanguagesEntriesInItsInflectedForms(String language, String paragraph, List<String> expected) {
    Doc d = TextCoreChecks.annotate(annotator, paragraph, language);
    List<String> got = new ArrayList<>();
    for (Sentence s : d.sentences()) {
      for (int i = 0; i < s.matchText().length; i++) {
        got.add(s.matchEntry()[i].sector() + ": " + s.matchText()[i]);
      }
    }
    assertEquals(expected, got, () -> language + " mentions in " + quote(paragraph) + d.table());
  }

  @Test
  void aMatchCarriesTheEntryOfItsLanguage() {
    Doc d = TextCoreChecks.annotate(annotator, "Robnoj razmeni.", "sr-Latn");
    SectorLexicon.Entry e = d.sentences().get(0).matchEntry()[0];
    assertEquals(List.of("trade", "robna razmena", "sr", 8), List.of(e.sector(), e.phrase(), e.lang(), e.line()));
  }

  @Test
  void twoSectorsWithTheSameStemsInOneLanguageAreRefusedWithBothLines() {
    String lexicon = String.join("\n", "sector,phrase,kind,cap_code,lang,notes",
        "trade,trgovina,word,18,sr,", "energy,energy,word,8,en,", "tourism,trgovini,word,,sr,", "");
    ConfigException e = assertThrows(ConfigException.class,
        () -> TextCore.create(SectorLexicon.parse(lexicon, "clash.csv")));
    assertEquals("clash.csv:4: phrase \"trgovini\" (sr, sector tourism) has the same stems as \"trgovina\" (line 2,"
        + " sector trade): both match \"trgovin\"", e.getMessage());
  }

  @Test
  void theSamePhraseInTwoLanguagesIsTwoEntries() {
    String lexicon = String.join("\n", "sector,phrase,kind,cap_code,lang,notes",
        "tourism,turizam,word,,sr,", "tourism,turizam,word,,hr,", "culture,Expo,word,,en,", "sport,Expo,word,,de,",
        "");
    SectorLexicon lex = SectorLexicon.parse(lexicon, "twice.csv");
    assertEquals(List.of("de", "en", "hr", "sr"), lex.languages());
    TextCore.Annotator a = TextCore.create(lex).annotator();
    assertEquals("sport", TextCoreChecks.annotate(a, "Die Expo kommt.", "de").sentences().get(0).matchEntry()[0]
        .sector());
    assertEquals("culture", TextCoreChecks.annotate(a, "The Expo comes.", "en").sentences().get(0).matchEntry()[0]
        .sector());
  }
}
