package io.visitlens.speech;

import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ArticleText;
import io.visitlens.nlp.TextCore;
import io.visitlens.transform.Paragraphs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's counted sentences as the annotated corpus has them, made in memory by the real text core: the
 * article split into paragraphs ({@link Paragraphs#split}), each annotated ({@link TextCore}), offsets made
 * article-relative.
 */
final class SpeechFixtures {
  static final String LEXICON = String.join("\n",
      "sector,phrase,kind,cap_code,lang,notes",
      "trade,trade,word,18,en,",
      "energy,energy,word,8,en,",
      "energy,green energy,phrase,8,en,",
      "transport,direct flight,phrase,10,en,",
      "agriculture,agriculture,word,4,en,",
      "investment,investment,word,15,en,",
      "");

  private SpeechFixtures() {}

  static final TextCore CORE = TextCore.create(SectorLexicon.parse(LEXICON, "speech-test-lexicon.csv"));

  static List<Statements.Sentence> sentences(String text, String language) {
    return sentences(text, language, CORE);
  }

  static List<Statements.Sentence> sentences(String text, String language, TextCore core) {
    List<Statements.Sentence> out = new ArrayList<>();
    TextCore.Annotator annotator = core.annotator();
    int paragraphId = 0;
    int sentenceId = 0;
    for (int[] p : Paragraphs.split(text)) {
      String paragraph = text.substring(p[0], p[1]);
      for (TextCore.Sentence s : annotator.annotate(paragraph, language)) {
        List<Integer> begins = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        for (int i = 0; i < s.matchBegin().length; i++) {
          begins.add(p[0] + s.matchBegin()[i]);
          sectors.add(s.matchEntry()[i].sector());
        }
        out.add(new Statements.Sentence(paragraphId, sentenceId++, p[0] + s.begin(), s.text(), begins, sectors));
      }
      paragraphId++;
    }
    return out;
  }

  /** A seed article's text as the corpus reader gives it (the date header taken off). */
  static String seed(Path file) {
    try {
      return ArticleText.decode(Files.readAllBytes(file)).text();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
