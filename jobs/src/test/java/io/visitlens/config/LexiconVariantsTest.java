package io.visitlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.visitlens.config.SectorLexicon.Entry;
import io.visitlens.config.SectorLexicon.Kind;
import io.visitlens.io.ConfigFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LexiconVariantsTest {

  static Stream<Arguments> variants() {
    return Stream.of(
        // Number: the last word's regular plural.
        Arguments.of("flight", Kind.WORD, List.of("flight", "flights")),
        Arguments.of("technology", Kind.WORD, List.of("technology", "technologies")),
        Arguments.of("industry", Kind.WORD, List.of("industry", "industries")),
        Arguments.of("key", Kind.WORD, List.of("key", "keys")),
        Arguments.of("analysis", Kind.WORD, List.of("analysis", "analyses")),
        Arguments.of("tax", Kind.WORD, List.of("tax", "taxes")),
        Arguments.of("approach", Kind.WORD, List.of("approach", "approaches")),
        Arguments.of("business", Kind.WORD, List.of("business", "businesses")),
        Arguments.of("gas", Kind.WORD, List.of("gas", "gases")),
        Arguments.of("cargo", Kind.WORD, List.of("cargo", "cargoes")),
        Arguments.of("logistics", Kind.WORD, List.of("logistics")),
        Arguments.of("tourism", Kind.WORD, List.of("tourism")),
        Arguments.of("mining", Kind.WORD, List.of("mining")),
        Arguments.of("software", Kind.WORD, List.of("software")),
        Arguments.of("aid", Kind.WORD, List.of("aid")),
        Arguments.of("diplomatic relations", Kind.PHRASE,
            List.of("diplomatic relations", "diplomatic-relations")),
        Arguments.of("nuclear power", Kind.PHRASE, List.of("nuclear power", "nuclear-power")),
        // Word joints: space <-> hyphen, every combination.
        Arguments.of("direct flight", Kind.PHRASE,
            List.of("direct flight", "direct flights", "direct-flight", "direct-flights")),
        Arguments.of("military-industrial complex", Kind.PHRASE, List.of(
            "military-industrial complex", "military-industrial complexes",
            "military-industrial-complex", "military-industrial-complexes",
            "military industrial complex", "military industrial complexes",
            "military industrial-complex", "military industrial-complexes")),
        Arguments.of("military industrial complex", Kind.PHRASE, List.of(
            "military industrial complex", "military industrial complexes",
            "military industrial-complex", "military industrial-complexes",
            "military-industrial complex", "military-industrial complexes",
            "military-industrial-complex", "military-industrial-complexes")),
        Arguments.of("people-to-people", Kind.WORD, List.of(
            "people-to-people", "people-to people", "people to-people", "people to people")),
        // ... and closed up after a known prefix.
        Arguments.of("e-commerce", Kind.WORD, List.of("e-commerce", "e commerce", "ecommerce")),
        Arguments.of("co-founder", Kind.WORD, List.of(
            "co-founder", "co-founders", "co founder", "co founders", "cofounder", "cofounders")),
        Arguments.of("cyber security", Kind.PHRASE, List.of("cyber security", "cyber-security", "cybersecurity")),
        // Spelling: table pairs and the -isation/-ization rule, both directions.
        Arguments.of("defence industry", Kind.PHRASE, List.of(
            "defence industry", "defence industries", "defence-industry", "defence-industries",
            "defense industry", "defense industries", "defense-industry", "defense-industries")),
        Arguments.of("data center", Kind.PHRASE, List.of(
            "data center", "data centers", "data-center", "data-centers",
            "data centre", "data centres", "data-centre", "data-centres")),
        Arguments.of("digitalisation", Kind.WORD, List.of(
            "digitalisation", "digitalisations", "digitalization", "digitalizations")),
        Arguments.of("international organisation", Kind.PHRASE, List.of(
            "international organisation", "international organisations",
            "international-organisation", "international-organisations",
            "international organization", "international organizations",
            "international-organization", "international-organizations")),
        Arguments.of("fertiliser", Kind.WORD, List.of("fertiliser", "fertilisers", "fertilizer", "fertilizers")),
        Arguments.of("Defence", Kind.WORD, List.of("Defence", "Defense")),
        // Proper names (capitalised last word) and numbers are not pluralised.
        Arguments.of("Middle Corridor", Kind.PHRASE, List.of("Middle Corridor", "Middle-Corridor")),
        Arguments.of("World Nomad Games", Kind.PHRASE, List.of(
            "World Nomad Games", "World Nomad-Games", "World-Nomad Games", "World-Nomad-Games")),
        Arguments.of("Expo 2027", Kind.PHRASE, List.of("Expo 2027", "Expo-2027")),
        Arguments.of("World Trade Organization", Kind.PHRASE, List.of(
            "World Trade Organization", "World Trade-Organization", "World-Trade Organization",
            "World-Trade-Organization", "World Trade Organisation", "World Trade-Organisation",
            "World-Trade Organisation", "World-Trade-Organisation")),
        // More than three joints: as written, all spaced, all hyphenated.
        Arguments.of("Trans-Caspian International Transport Route", Kind.PHRASE, List.of(
            "Trans-Caspian International Transport Route",
            "Trans Caspian International Transport Route",
            "Trans-Caspian-International-Transport-Route")),
        // Acronyms: themselves, and a lower-case s plural unless they end in S or a digit.
        Arguments.of("ICT", Kind.ACRONYM, List.of("ICT", "ICTs")),
        Arguments.of("IT", Kind.ACRONYM, List.of("IT", "ITs")),
        Arguments.of("BRICS", Kind.ACRONYM, List.of("BRICS")),
        Arguments.of("G20", Kind.ACRONYM, List.of("G20")),
        Arguments.of("COVID-19", Kind.ACRONYM, List.of("COVID-19")),
        Arguments.of("R&D", Kind.ACRONYM, List.of("R&D", "R&Ds")));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("variants")
  void variantsOfAnEntry(String phrase, Kind kind, List<String> expected) {
    List<String> actual = LexiconVariants.of(new Entry("s", phrase, kind, null, ""));
    assertEquals(expected, actual, "variants of " + kind + " '" + phrase + "'");
  }

  @ParameterizedTest(name = "plural({0}) = {1}")
  @CsvSource(nullValues = "-", value = {
      "flight, flights", "ceremony, ceremonies", "day, days", "crisis, crises", "bus, buses",
      "class, classes", "box, boxes", "wish, wishes", "medium, media", "businessman, businessmen",
      "electronics, -", "healthcare, -", "research, -", "minerals, -", "2027, -", "Corridor, -",
      "hardware, -", "security, -", "y, ys"})
  void pluralOfAWord(String word, String expected) {
    assertEquals(expected, LexiconVariants.plural(word), "plural of '" + word + "'");
  }

  @Test
  void spellingSwapKeepsLetterCase() {
    assertEquals("DEFENSE", LexiconVariants.swapSpelling("DEFENCE"));
    assertEquals("Centres", LexiconVariants.swapSpelling("Centers"));
    assertEquals("organization", LexiconVariants.swapSpelling("organisation"));
    assertNull(LexiconVariants.swapSpelling("trade"), "a word with one spelling has no swap");
  }

  @Test
  void everyShippedEntryGetsItsPhraseFirstNoDuplicatesAndTheSameListTwice() {
    Path shipped = Path.of("..", "seeds", "lexicon", "sectors.csv");
    SectorLexicon lex = SectorLexicon.parse(ConfigFiles.read(shipped), shipped.toString());
    List<String> problems = new ArrayList<>();
    for (Entry e : lex.entries()) {
      List<String> v = LexiconVariants.of(e);
      if (!v.get(0).equals(e.phrase())) {
        problems.add(e.phrase() + ": first variant " + v.get(0));
      }
      if (new LinkedHashSet<>(v).size() != v.size()) {
        problems.add(e.phrase() + ": duplicates in " + v);
      }
      if (!v.equals(LexiconVariants.of(e))) {
        problems.add(e.phrase() + ": not deterministic");
      }
    }
    assertEquals(List.of(), problems);
  }
}
