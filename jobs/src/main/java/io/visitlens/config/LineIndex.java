package io.visitlens.config;

import java.util.Arrays;

/**
 * Maps character offsets of a text to 1-based physical line numbers, so that a problem is reported at its
 * {@code file:line}. CR, LF and CRLF each end a line (a CRLF is one line end). A CSV record that spans several
 * lines (a quoted field with line breaks) is reported at the line where it starts.
 */
public final class LineIndex {
  private final String text;
  /** Offsets at which lines 2, 3, ... start. */
  private final int[] lineStarts;

  public LineIndex(String text) {
    this.text = text;
    int[] starts = new int[16];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** The 1-based line holding the character at {@code offset}. */
  public int lineOf(long offset) {
    int i = Arrays.binarySearch(lineStarts, (int) Math.min(offset, Integer.MAX_VALUE));
    // Found: the offset starts line i + 2. Not found: -i - 1 line starts are at or before it.
    return i >= 0 ? i + 2 : -i;
  }

  /**
   * The line where a record reported at {@code offset} starts. Commons CSV reports the position before the blank
   * lines it skips, so they are skipped here.
   */
  public int lineOfRecordAt(long offset) {
    int i = (int) Math.min(offset, text.length());
    while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    return lineOf(Math.min(i, Math.max(0, text.length() - 1)));
  }

  /** The first non-empty line after the first {@code consumedLines} lines. */
  public int firstContentLineAfter(long consumedLines) {
    int offset = consumedLines <= 0 ? 0
        : consumedLines - 1 < lineStarts.length ? lineStarts[(int) consumedLines - 1] : text.length();
    return lineOfRecordAt(offset);
  }

  /**
   * The 1-based line of byte {@code offset} of {@code bytes}, by the same line ends: for text in an ASCII-compatible
   * encoding (UTF-8 among them) that could not be decoded, so has no character offsets.
   */
  public static int lineOfByte(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, bytes.length); i++) {
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** {@code text} without a leading byte-order mark. */
  public static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
