package io.visitlens.nlp;

import java.util.List;

/** Character spans of a text, as {@code int[] {begin, end}}: paragraphs, sentence pieces. */
public final class Spans {
  private Spans() {}

  /**
   * Adds text[begin, end) to {@code spans} with the whitespace at both ends left out, unless nothing is left: the
   * span of a paragraph between blank lines, or of a clause between semicolons.
   */
  public static void addTrimmed(String text, int begin, int end, List<int[]> spans) {
    while (begin < end && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > begin) {
      spans.add(new int[] {begin, end});
    }
  }
}
