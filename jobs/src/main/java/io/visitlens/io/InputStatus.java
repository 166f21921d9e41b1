package io.visitlens.io;

import java.util.List;

/**
 * The typed status of the input, set where each problem is found: the codes of {@code documents.input_flags} (what
 * was repaired or ignored in a processed article) and the classes of {@code rejected_documents.reason_class} (why an
 * article could not be processed). The human-readable {@code input_note} and {@code reason} say the same with
 * details; nothing reads those texts back.
 */
public final class InputStatus {
  private InputStatus() {}

  /** Flag: the bytes were not valid UTF-8 and were decoded with replacement characters (U+FFFD). */
  public static final String INVALID_UTF8 = "invalid_utf8";
  /** Flag: a header or metadata date was given but could not be read, so the visit was taken from the text. */
  public static final String INVALID_DATE = "invalid_date";
  /** The {@code input_note} that goes with {@link #INVALID_UTF8}. */
  public static final String INVALID_UTF8_NOTE = "invalid UTF-8: decoded with replacement characters";

  /** Class: an empty file, or no text (whitespace only, or nothing after the date header). */
  public static final String EMPTY = "empty";
  /** Class: a binary file (NUL or control bytes). */
  public static final String BINARY = "binary";
  /** Class: the file could not be read. */
  public static final String UNREADABLE = "unreadable";
  /** Class: larger than {@code --max-document-mb}. */
  public static final String TOO_LARGE = "too large";
  /** Class: a record that is not valid JSON, or has no id or no text. */
  public static final String MALFORMED_RECORD = "malformed record";
  /** Class: a second article with a {@code doc_id} already used. */
  public static final String DUPLICATE_DOC_ID = "duplicate doc_id";

  /** Every rejection class, in the order the run's summary line lists them. */
  public static final List<String> REJECT_CLASSES =
      List.of(EMPTY, BINARY, UNREADABLE, TOO_LARGE, MALFORMED_RECORD, DUPLICATE_DOC_ID);
}
