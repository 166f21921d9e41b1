package io.visitlens.transform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Key words in context: a span of an annotated sentence with the tokens on each side of it, as written. The context
 * stays inside the sentence (a span at its start has an empty left side); whitespace in it, line breaks included,
 * is shown as one space. Used by the {@code keyword_contexts} report and by {@code visitlens kwic}.
 */
public final class Concordance {

  /** Tokens shown on each side of the span by default (punctuation tokens count). */
  public static final int CONTEXT_TOKENS = 8;

  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Concordance() {}

  /** A span in context: its offsets in the document, and the text left of it, of it, and right of it. */
  public record Context(int begin, int end, String left, String match, String right) implements Serializable {}

  /**
   * The span [{@code begin}, {@code end}) of a sentence (document offsets) with up to {@code k} tokens each side:
   * the tokens that end at or before the span's begin, and those that start at or after its end.
   *
   * @param sentence      the sentence's text
   * @param sentenceBegin its offset in the document
   * @param tokenBegin    its tokens' begins (document offsets), in order
   * @param tokenEnd      its tokens' ends (document offsets, exclusive)
   */
  public static Context of(String sentence, int sentenceBegin, List<Integer> tokenBegin, List<Integer> tokenEnd,
      int begin, int end, int k) {
    int n = tokenBegin.size();
    int from = begin;
    int seen = 0;
    for (int i = n - 1; i >= 0 && seen < k; i--) {
      if (tokenEnd.get(i) <= begin) {
        from = tokenBegin.get(i);
        seen++;
      }
    }
    int to = end;
    seen = 0;
    for (int i = 0; i < n && seen < k; i++) {
      if (tokenBegin.get(i) >= end) {
        to = tokenEnd.get(i);
        seen++;
      }
    }
    return new Context(begin, end, text(sentence, from - sentenceBegin, begin - sentenceBegin),
        text(sentence, begin - sentenceBegin, end - sentenceBegin), text(sentence, end - sentenceBegin,
            to - sentenceBegin));
  }

  private static String text(String sentence, int from, int to) {
    from = Math.max(0, Math.min(from, sentence.length()));
    to = Math.max(from, Math.min(to, sentence.length()));
    return SPACE.matcher(sentence.substring(from, to)).replaceAll(" ").strip();
  }

  /**
   * Where {@code query} (normalised terms) occurs in a sentence's {@code terms}: the index of the first token of each
   * run of tokens whose terms equal the query's, in order. Punctuation between the words of a phrase breaks it.
   */
  public static List<Integer> find(List<String> terms, List<String> query) {
    List<Integer> found = new ArrayList<>();
    int q = query.size();
    if (q == 0) {
      return found;
    }
    for (int i = 0; i + q <= terms.size(); i++) {
      boolean all = true;
      for (int j = 0; j < q && all; j++) {
        all = query.get(j).equals(terms.get(i + j));
      }
      if (all) {
        found.add(i);
      }
    }
    return found;
  }
}
