package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** Word and character triggers on text written for the test: case, hyphens, other scripts, the text's ends. */
class WordTriggersTest {
  static final WordTriggers T = WordTriggers.builder()
      .words(1, "signed", "agreement").words(2, "said").words(4, "заявил", "rekao")
      .chars(8, "€₸").chars(16, "0123456789").words(32, "said")
      .build();

  @Test
  void wordsAreWholeRunsOfLettersInAnyCase() {
    assertEquals(1, T.scan("They SIGNED it."));
    assertEquals(0, T.scan("Their signature is significant."), "a word inside a longer word is not the word");
    assertEquals(1, T.scan("The co-signed text"), "a hyphen ends a word");
    assertEquals(2 | 32 | 1, T.scan("“An agreement,” he said"), "bits of every word, a word's bits together");
    assertEquals(1, T.scan("agreement"), "a word at both ends of the text");
    assertEquals(0, T.scan(""));
  }

  @Test
  void otherScriptsAndCharacters() {
    assertEquals(4, T.scan("Путин заявил, что…"));
    assertEquals(4, T.scan("Вучич ЗАЯВИЛ"), "Cyrillic case folds too");
    assertEquals(4, T.scan("Vučić je rekao da…"));
    assertEquals(8 | 16, T.scan("worth ₸5bn"), "a character anywhere, even glued to a number");
    assertEquals(16 | 8, T.scan("€200 million"));
    assertEquals(0, T.scan("Tokayev's visit"));
  }

  @Test
  void aPhraseIsFoundByItsLongestWord() {
    assertEquals("set", WordTriggers.longestWord("set up"));
    assertEquals("establish", WordTriggers.longestWord("re-establish"));
    assertEquals("understanding", WordTriggers.longestWord("memorandum of understanding"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WordTriggers.builder().words(1, "set up"));
    assertTrue(e.getMessage().contains("\"set up\""), e.getMessage());
  }

  @Test
  void survivesSerialization() throws Exception {
    T.scan("warm the index up");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(T);
    }
    WordTriggers copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (WordTriggers) in.readObject();
    }
    assertEquals(1 | 2 | 32 | 8 | 16, copy.scan("Signed for €3, he said."));
  }
}
