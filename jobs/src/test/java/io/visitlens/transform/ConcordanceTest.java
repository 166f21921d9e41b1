package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.nlp.TextCore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contexts of spans in sentences the real text core tokenised: sides cut at K tokens, inside the sentence. */
class ConcordanceTest {
  static final TextCore.Annotator CORE = TextCore.create(null).annotator();

  /** The context of the tokens [i, j] of the paragraph's only sentence, which starts at document offset 100. */
  static Concordance.Context context(String paragraph, String from, String to, int k) {
    TextCore.Sentence s = CORE.annotate(paragraph, "en").get(0);
    List<String> tokens = Arrays.asList(s.tokens());
    int i = tokens.indexOf(from);
    int j = tokens.indexOf(to);
    List<Integer> begin = Arrays.stream(s.tokenBegin()).map(b -> b + 100).boxed().toList();
    List<Integer> end = Arrays.stream(s.tokenEnd()).map(b -> b + 100).boxed().toList();
    return Concordance.of(s.text(), s.begin() + 100, begin, end, begin.get(i), end.get(j), k);
  }

  @Test
  void sidesOfKTokensInsideTheSentence() {
    Concordance.Context c = context("The presidents discussed energy security and new routes.", "energy",
        "security", 2);
    assertEquals(List.of("presidents discussed", "energy security", "and new"), List.of(c.left(), c.match(),
        c.right()));
    assertEquals(List.of("", "The", "presidents discussed energy"), sides(context(
        "The presidents discussed energy.", "The", "The", 3)), "at the start: no left side");
    assertEquals(List.of("discussed", "energy", "."), sides(context("The presidents discussed energy.", "energy",
        "energy", 1)), "punctuation is a token");
  }

  @Test
  void awkwardText() {
    String text = "Yes, it -- but Mr. Vučić’s view won't\nchange.";
    assertEquals(List.of("Yes,", "it", "-- but"), sides(context(text, "it", "it", 3)),
        "a double hyphen is two tokens, not glued to the words");
    assertEquals(List.of("-- but Mr.", "Vučić", "’s view won't change"), sides(context(text, "Vučić", "Vučić", 4)),
        "each hyphen of the dash is a token, Mr. is one; the line break inside a side is one space");
    assertEquals(List.of("’s view won't", "change", "."), sides(context(text, "change", "change", 3)),
        "a contraction stays whole, and the line break before the span is not part of a side");
    assertEquals("won't change", sides(context(text, "view", "view", 2)).get(2),
        "a line break inside a side is one space");
  }

  static List<String> sides(Concordance.Context c) {
    return List.of(c.left(), c.match(), c.right());
  }

  @Test
  void aPhraseIsARunOfTermsInsideTheSentence() {
    assertEquals(List.of(1, 5), Concordance.find(List.of("a", "direct", "flight", "", "a", "direct", "flight"),
        List.of("direct", "flight")));
    assertEquals(List.of(), Concordance.find(List.of("direct", "", "flight"), List.of("direct", "flight")),
        "punctuation between the words breaks the phrase");
    assertEquals(List.of(), Concordance.find(List.of("direct"), List.of()));
  }
}
