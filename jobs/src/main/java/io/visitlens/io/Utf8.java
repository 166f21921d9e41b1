package io.visitlens.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: the text of bytes that are valid UTF-8, or where they stop being so. */
public final class Utf8 {
  private Utf8() {}

  /** Bytes that are not valid UTF-8: the offset of the first byte that is not. */
  public static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    Malformed(int offset, int value) {
      super(String.format(java.util.Locale.ROOT, "not valid UTF-8 (byte 0x%02X at offset %d)", value, offset));
      this.offset = offset;
    }

    /** The offset of the first byte that is not valid UTF-8. */
    public int offset() {
      return offset;
    }
  }

  /**
   * The text of {@code bytes}, which must be valid UTF-8 throughout: no malformed or truncated sequence, no
   * encoded surrogate. A byte-order mark is kept (as U+FEFF).
   *
   * @throws Malformed naming the first byte that is not valid UTF-8
   */
  public static String decode(byte[] bytes) throws Malformed {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      throw new Malformed(at, bytes[Math.min(at, bytes.length - 1)] & 0xFF);
    }
    return out.flip().toString();
  }
}
