package io.visitlens.config;

import java.util.Arrays;

/**
 * Maps character offsets of a text to 1-based physical line numbers, so a CSV record that spans
 * several lines (a quoted field with line breaks) is reported at the line where it starts.
 */
final class LineIndex {
  private final int[] lineStarts;

  LineIndex(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** The 1-based line holding the character at {@code offset}. */
  long lineOf(long offset) {
    int i = Arrays.binarySearch(lineStarts, (int) offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
