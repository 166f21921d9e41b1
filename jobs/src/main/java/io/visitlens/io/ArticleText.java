package io.visitlens.io;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw content of one article into its text: decodes UTF-8 (with replacement, flagged, when the
 * bytes are not valid UTF-8), drops a byte-order mark, folds CRLF and CR line ends to LF, and takes off an
 * optional leading date header ({@code " date 2026-02-27"}, alone on its line or followed by the text).
 * Character offsets in every report refer to the text this class returns.
 */
public final class ArticleText implements Serializable {

  /** The date header: optional whitespace, the word {@code date}, a date-shaped token, then whitespace or the end. */
  private static final Pattern HEADER =
      Pattern.compile("\\A[\\s\\u00A0]*date[ \\t\\u00A0]+(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ \\t\\u00A0]*(?:\\n|\\z)|[ \\t\\u00A0]+)",
          Pattern.CASE_INSENSITIVE);

  private ArticleText() {}

  /**
   * One decoded article.
   *
   * @param text         the article body: LF line ends, no BOM, no date header, not stripped otherwise
   * @param headerDate   the date header's token as written (validated later), or null
   * @param note         what was repaired on the way, or null
   * @param flag         the {@link InputStatus} flag of that repair ({@link InputStatus#INVALID_UTF8}), or null
   * @param rejectReason why the article cannot be processed, or null
   * @param rejectClass  the {@link InputStatus} class of that reason, or null
   */
  public record Decoded(String text, String headerDate, String note, String flag, String rejectReason,
      String rejectClass) implements Serializable {

    static Decoded rejected(String headerDate, String reason, String rejectClass) {
      return new Decoded(null, headerDate, null, null, reason, rejectClass);
    }
  }

  /** Decodes file content: binary files and files with no text are rejected with the reason. */
  public static Decoded decode(byte[] content) {
    if (content == null || content.length == 0) {
      return Decoded.rejected(null, "empty file", InputStatus.EMPTY);
    }
    if (looksBinary(content)) {
      return Decoded.rejected(null, "binary file (NUL or control bytes), not text", InputStatus.BINARY);
    }
    String flag = null;
    String text;
    try {
      text = Utf8.decode(content);
    } catch (Utf8.Malformed e) {
      text = new String(content, StandardCharsets.UTF_8);
      flag = InputStatus.INVALID_UTF8;
    }
    Decoded parsed = parse(text);
    return flag == null ? parsed : new Decoded(parsed.text(), parsed.headerDate(),
        join(InputStatus.INVALID_UTF8_NOTE, parsed.note()), flag, parsed.rejectReason(), parsed.rejectClass());
  }

  /** Normalises already decoded text and takes off its date header. Whitespace-only text is rejected. */
  public static Decoded parse(String raw) {
    if (raw == null) {
      return Decoded.rejected(null, "no text", InputStatus.EMPTY);
    }
    String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    String headerDate = null;
    Matcher m = HEADER.matcher(text);
    if (m.lookingAt()) {
      headerDate = m.group(1);
      text = text.substring(m.end());
    }
    if (text.isBlank()) {
      return Decoded.rejected(headerDate,
          headerDate == null ? "no text (empty or whitespace only)" : "no text after the date header", InputStatus.EMPTY);
    }
    return new Decoded(text, headerDate, null, null, null, null);
  }

  /** NUL bytes, or more than 10% control bytes other than tab, LF, CR and FF in the first 8 KiB. */
  static boolean looksBinary(byte[] content) {
    int n = Math.min(content.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = content[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    return control * 10 > n;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }
}
