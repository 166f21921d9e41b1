package io.visitlens.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ConfigFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped lexicon ({@code seeds/lexicon/sectors.csv}) on an article written for the tests in each language it
 * covers besides English ({@code sectors-by-language/}): every mention listed in {@code expected.tsv} is found, in
 * text order, and nothing else.
 */
class ShippedLexiconLanguagesTest {
  static final Path DIR = Path.of("src", "test", "resources", "io", "visitlens", "nlp", "sectors-by-language");
  static final Path LEXICON = Path.of("..", "seeds", "lexicon", "sectors.csv");
  static SectorLexicon lexicon;
  static TextCore.Annotator annotator;

  @BeforeAll
  static void create() {
    lexicon = SectorLexicon.parse(ConfigFiles.read(LEXICON), LEXICON.toString());
    annotator = TextCore.create(lexicon).annotator();
  }

  @Test
  void theShippedLexiconHasEverySectorInEachLanguage() {
    assertEquals(List.of("de", "en", "ru", "sr"), lexicon.languages());
    for (String lang : lexicon.languages()) {
      Set<String> sectors = new TreeSet<>();
      lexicon.entries().stream().filter(e -> e.lang().equals(lang)).forEach(e -> sectors.add(e.sector()));
      assertEquals(new TreeSet<>(lexicon.sectors()), sectors, "the sectors written in " + lang);
    }
    assertEquals(19, lexicon.sectors().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sr-Latn", "sr-Cyrl", "ru", "de"})
  void findsTheSectorsOfAnArticleInItsLanguage(String language) throws IOException {
    String file = "article-" + language + ".txt";
    String text = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
    List<String> got = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      for (TextCore.Sentence s : annotator.annotate(paragraph, language)) {
        for (int i = 0; i < s.matchText().length; i++) {
          got.add(s.matchEntry()[i].sector() + ": " + s.matchText()[i]);
        }
      }
    }
    List<String> expected;
    try (Stream<String> lines = Files.lines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
      expected = lines.skip(1).map(l -> l.split("\t")).filter(f -> f[0].equals(file)).map(f -> f[1] + ": " + f[2])
          .toList();
    }
    assertEquals(String.join("\n", expected), String.join("\n", got), file + ": the mentions, in text order");
    long sectors = got.stream().map(m -> m.substring(0, m.indexOf(':'))).distinct().count();
    assertTrue(sectors >= 8, file + " names " + sectors + " sectors");
  }
}
