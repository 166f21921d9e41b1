package io.visitlens.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.io.ConfigFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameAliasesTest {
  static final String HEADER = "name,kind,lang,alias,notes\n";

  @Test
  void readsAliasesByNameAndKind() {
    NameAliases a = NameAliases.parse(HEADER
        + "Lima,city,de,Lima,\n"
        + "Peru,country,sr-Cyrl,Перу,\"a note, with a comma\"\n"
        + "Ana Soto,leader,ru,Сото*,\n", "a.csv");
    List<NameAliases.Alias> soto = a.of("Ana Soto", "leader");
    assertAll(
        () -> assertEquals(3, a.size(), "three rows"),
        () -> assertEquals(1, soto.size(), "one leader alias"),
        () -> assertEquals("Сото", soto.get(0).text(), "the star is not part of the text"),
        () -> assertTrue(soto.get(0).inflected(), "a star asks for inflected forms"),
        () -> assertTrue(a.of("Ana Soto", "city").isEmpty(), "by kind"),
        () -> assertTrue(a.of("Nowhere", "city").isEmpty(), "unknown names have none"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "name,kind,lang,alias\\nLima,city,de,Lima\\n|a.csv:1: missing column 'notes'",
      "name,kind,lang,alias,notes\\nLima,town,de,Lima,\\n|a.csv:2: unknown kind 'town'",
      "name,kind,lang,alias,notes\\nLima,city,fr,Lima,\\n|a.csv:2: unknown lang 'fr'",
      "name,kind,lang,alias,notes\\nLima,city,de,,\\n|a.csv:2: missing alias",
      "name,kind,lang,alias,notes\\nLima,city,de,Li*ma,\\n|a.csv:2: alias 'Li*ma' must be letters",
      "name,kind,lang,alias,notes\\nLima,city,de,Lim*,\\n|a.csv:2: the stem of 'Lim*' needs at least 4 letters",
      "name,kind,lang,alias,notes\\nLima,city,de,Lima,\\n\\nLima,city,ru,LIMA,\\n|a.csv:4: alias 'LIMA' of 'Lima' given twice (first at line 2)",
      "name,kind,lang,alias,notes\\nLima,city,de\\n|a.csv:2: expected 5 fields, found 3"})
  void refusesMalformedFilesWithFileAndLine(String text, String message) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> NameAliases.parse(text.replace("\\n", "\n"), "a.csv"));
    assertTrue(e.getMessage().startsWith(message), "message: " + e.getMessage());
  }

  /** The shipped file parses and names every city, country and leader of the shipped catalogue. */
  @Test
  void theShippedAliasesCoverTheShippedCatalogueInEveryLanguage() throws Exception {
    Path aliasesFile = Path.of("..", "seeds", "aliases.csv");
    Path visitsFile = Path.of("..", "seeds", "visits.csv");
    NameAliases aliases = NameAliases.parse(ConfigFiles.read(aliasesFile), aliasesFile.toString());
    VisitCatalog catalog = VisitCatalog.parse(ConfigFiles.read(visitsFile), visitsFile.toString());
    for (Visit v : catalog.visits()) {
      for (String[] named : new String[][] {{v.hostCity(), "city"}, {v.guestCountry(), "country"},
          {v.guestLeader(), "leader"}}) {
        Set<String> langs = aliases.of(named[0], named[1]).stream().map(NameAliases.Alias::lang)
            .collect(Collectors.toSet());
        assertFalse(langs.isEmpty(), named[0] + " has aliases");
        assertTrue(langs.contains("sr-Latn") || langs.contains("sr-Cyrl") || langs.contains("ru"),
            named[0] + " has a Serbian or Russian alias: " + langs);
      }
    }
  }
}
