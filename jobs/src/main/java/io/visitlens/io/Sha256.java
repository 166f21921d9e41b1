package io.visitlens.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, the one hashing helper: run.json's file and corpus digests, the paragraph keys that find
 * duplicates, the bench's cache keys.
 */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();
  /** One digest per thread for {@link #hex(String)}, which the paragraph pass calls for every paragraph. */
  private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Sha256::digest);

  private Sha256() {}

  /** A new SHA-256 digest, for input fed in parts; finish it with {@link #hex(MessageDigest)}. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256, which every Java platform must have", e);
    }
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes. */
  public static String hex(String text) {
    MessageDigest sha = PER_THREAD.get();
    sha.reset();
    return HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The SHA-256 of everything {@code in} still holds, read to its end (not closed). */
  public static String hex(InputStream in) throws IOException {
    MessageDigest sha = digest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) != -1; ) {
      sha.update(buffer, 0, n);
    }
    return hex(sha);
  }

  /** Completes {@code sha} and returns its hash. */
  public static String hex(MessageDigest sha) {
    return HEX.formatHex(sha.digest());
  }
}
