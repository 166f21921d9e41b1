package io.visitlens.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.visitlens.nlp.TextCore.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shared helpers of the TextCore tests: {@link #annotate} runs the annotator and checks the structural
 * contract of every {@link Sentence} it returns (offsets, alignment, the term/stem/stop rules that hold for
 * every token), so each test can concentrate on its own rule; {@link Doc#table()} prints what the core
 * produced, for assertion messages.
 */
final class TextCoreChecks {
  private TextCoreChecks() {}

  /** A paragraph, its language and the core's sentences, with views used by the tests. */
  record Doc(String paragraph, String language, List<Sentence> sentences) {

    /** All tokens of all sentences, in order. */
    List<String> tokens() {
      List<String> out = new ArrayList<>();
      for (Sentence s : sentences) {
        out.addAll(List.of(s.tokens()));
      }
      return out;
    }

    /** All terms (empty ones included), aligned with {@link #tokens()}. */
    List<String> terms() {
      List<String> out = new ArrayList<>();
      for (Sentence s : sentences) {
        out.addAll(List.of(s.terms()));
      }
      return out;
    }

    /** All stems, aligned with {@link #tokens()}. */
    List<String> stems() {
      List<String> out = new ArrayList<>();
      for (Sentence s : sentences) {
        out.addAll(List.of(s.stems()));
      }
      return out;
    }

    /** All stop flags, aligned with {@link #tokens()}. */
    List<Boolean> stops() {
      List<Boolean> out = new ArrayList<>();
      for (Sentence s : sentences) {
        for (boolean b : s.isStop()) {
          out.add(b);
        }
      }
      return out;
    }

    /** The non-empty terms, in order. */
    List<String> wordTerms() {
      return terms().stream().filter(t -> !t.isEmpty()).toList();
    }

    /** The tokens whose term is not empty (the word tokens), in order. */
    List<String> wordTokens() {
      List<String> tokens = tokens();
      List<String> terms = terms();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        if (!terms.get(i).isEmpty()) {
          out.add(tokens.get(i));
        }
      }
      return out;
    }

    /** The sentence texts. */
    List<String> texts() {
      return sentences.stream().map(Sentence::text).toList();
    }

    /** "matched text" of every match, in order. */
    List<String> matches() {
      List<String> out = new ArrayList<>();
      for (Sentence s : sentences) {
        out.addAll(List.of(s.matchText()));
      }
      return out;
    }

    /** The index (in {@link #tokens()}) of the first token equal to {@code token}, failing if there is none. */
    int indexOfToken(String token) {
      int i = tokens().indexOf(token);
      if (i < 0) {
        fail(() -> "no token " + quote(token) + " in " + table());
      }
      return i;
    }

    /** The input and everything the core produced, one line per token, for assertion messages. */
    String table() {
      StringBuilder b = new StringBuilder();
      b.append("\n  input [").append(language).append("]: ").append(quote(paragraph)).append('\n');
      b.append("  core produced ").append(sentences.size()).append(" sentence(s):\n");
      for (int k = 0; k < sentences.size(); k++) {
        Sentence s = sentences.get(k);
        b.append("   sentence ").append(k).append(" [").append(s.begin()).append(',').append(s.end()).append(") ")
            .append(quote(s.text())).append('\n');
        b.append("     token | term | stem | stop\n");
        for (int i = 0; i < s.tokens().length; i++) {
          b.append("     ").append(quote(s.tokens()[i]))
              .append(" | ").append(quote(at(s.terms(), i)))
              .append(" | ").append(quote(at(s.stems(), i)))
              .append(" | ").append(s.isStop() != null && i < s.isStop().length ? s.isStop()[i] : "?")
              .append('\n');
        }
        if (s.matchText() != null && s.matchText().length > 0) {
          b.append("     matches: ");
          for (int i = 0; i < s.matchText().length; i++) {
            b.append(quote(s.matchText()[i])).append(" [").append(s.matchBegin()[i]).append(',')
                .append(s.matchEnd()[i]).append(") ");
          }
          b.append('\n');
        }
      }
      return b.toString();
    }
  }

  private static String at(String[] a, int i) {
    return a != null && i < a.length ? a[i] : "?";
  }

  /** {@code s} in guillemets with newlines shown, so whitespace is visible in messages. */
  static String quote(String s) {
    return s == null ? "null" : "«" + s.replace("\r", "\\r").replace("\n", "\\n") + "»";
  }

  /** Annotates {@code paragraph} and checks the structural contract of the result. */
  static Doc annotate(TextCore.Annotator annotator, String paragraph, String language) {
    List<Sentence> sentences = annotator.annotate(paragraph, language);
    assertNotNull(sentences, () -> "annotate returned null for " + quote(paragraph));
    Doc doc = new Doc(paragraph, language, sentences);
    checkStructure(doc);
    return doc;
  }

  /** The rules every sentence and token must satisfy, whatever the text. */
  static void checkStructure(Doc doc) {
    String p = doc.paragraph();
    Supplier<String> table = doc::table;
    int previousEnd = 0;
    for (int k = 0; k < doc.sentences().size(); k++) {
      Sentence s = doc.sentences().get(k);
      int sk = k;
      Supplier<String> where = () -> "sentence " + sk + ": " + table.get();
      assertTrue(0 <= s.begin() && s.begin() < s.end() && s.end() <= p.length(),
          () -> "sentence offsets out of range or empty: " + where.get());
      assertTrue(s.begin() >= previousEnd, () -> "sentences overlap or are out of order: " + where.get());
      previousEnd = s.end();
      assertEquals(p.substring(s.begin(), s.end()), s.text(),
          () -> "text must be paragraph.substring(begin, end): " + where.get());
      assertEquals(s.text().strip(), s.text(), () -> "sentence text not trimmed of whitespace: " + where.get());

      assertNotNull(s.tokens(), () -> "tokens null: " + where.get());
      int n = s.tokens().length;
      assertTrue(s.tokenBegin() != null && s.tokenBegin().length == n
              && s.tokenEnd() != null && s.tokenEnd().length == n
              && s.terms() != null && s.terms().length == n
              && s.stems() != null && s.stems().length == n
              && s.isStop() != null && s.isStop().length == n,
          () -> "tokens/tokenBegin/tokenEnd/terms/stems/isStop are not aligned (same length): " + where.get());
      int previousTokenEnd = s.begin();
      for (int i = 0; i < n; i++) {
        int ti = i;
        String token = s.tokens()[i];
        String term = s.terms()[i];
        String stem = s.stems()[i];
        Supplier<String> tw = () -> "token " + ti + " " + quote(token) + " of " + where.get();
        assertTrue(s.tokenBegin()[i] >= previousTokenEnd && s.tokenBegin()[i] < s.tokenEnd()[i]
                && s.tokenEnd()[i] <= s.end(),
            () -> "token offsets empty, overlapping, out of order or outside the sentence: " + tw.get());
        previousTokenEnd = s.tokenEnd()[i];
        assertEquals(p.substring(s.tokenBegin()[i], s.tokenEnd()[i]), token,
            () -> "tokens[i] must be paragraph.substring(tokenBegin[i], tokenEnd[i]): " + tw.get());
        assertFalse(token.codePoints().anyMatch(Character::isWhitespace),
            () -> "a token contains whitespace: " + tw.get());
        assertNotNull(term, () -> "term null: " + tw.get());
        assertNotNull(stem, () -> "stem null: " + tw.get());
        assertEquals(term.toLowerCase(Locale.ROOT), term, () -> "term not lower case: " + tw.get());
        boolean hasWordChar = token.codePoints().anyMatch(Character::isLetterOrDigit);
        assertEquals(hasWordChar, !term.isEmpty(), () -> (hasWordChar
            ? "a token with letters or digits must have a non-empty term: "
            : "a punctuation token must have the empty term: ") + tw.get());
        // Only one direction: Porter itself stems the clitic remainder "s" to "" (EnglishStemmer.stem("s")).
        if (term.isEmpty()) {
          assertEquals("", stem, () -> "the stem of punctuation must be empty: " + tw.get());
        }
        if (term.isEmpty()) {
          assertFalse(s.isStop()[i], () -> "punctuation must not be a stop word: " + tw.get());
        }
        assertTrue(term.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || Character.getType(c) == Character.ENCLOSING_MARK
                || c == '-' || c == '\'' || c == '.'),
            () -> "a term may hold only letters, marks, digits and the inner - ' . of compounds, contractions and "
                + "abbreviations: " + tw.get());
        assertFalse(term.contains("--"), () -> "a term contains \"--\": " + tw.get());
      }

      assertTrue(s.matchBegin() != null && s.matchEnd() != null && s.matchText() != null
              && s.matchBegin().length == s.matchText().length && s.matchEnd().length == s.matchText().length,
          () -> "matchBegin/matchEnd/matchText not aligned: " + where.get());
      int previousMatchEnd = s.begin();
      for (int i = 0; i < s.matchText().length; i++) {
        int mi = i;
        Supplier<String> mw = () -> "match " + mi + " " + quote(s.matchText()[mi]) + " of " + where.get();
        int b = s.matchBegin()[i];
        int e = s.matchEnd()[i];
        assertTrue(b >= previousMatchEnd && b < e && e <= s.end(),
            () -> "matches must lie inside their sentence, in order, without overlapping (longest wins): " + mw.get());
        previousMatchEnd = e;
        assertEquals(p.substring(b, e), s.matchText()[i],
            () -> "matchText must be paragraph.substring(matchBegin, matchEnd): " + mw.get());
        boolean startsAtToken = false;
        boolean endsAtToken = false;
        for (int t = 0; t < n; t++) {
          startsAtToken |= s.tokenBegin()[t] == b;
          endsAtToken |= s.tokenEnd()[t] == e;
        }
        assertTrue(startsAtToken && endsAtToken,
            () -> "a match must start and end on token boundaries (never inside a word): " + mw.get());
      }
    }
  }
}
