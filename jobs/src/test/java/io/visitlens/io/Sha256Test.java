package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The one hashing helper, against the published test vectors of FIPS 180-2. */
class Sha256Test {
  static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void aStringAStreamAndADigestFedInPartsGiveTheSameHash() throws Exception {
    assertEquals(ABC, Sha256.hex("abc"), "FIPS 180-2 vector abc");
    assertEquals(EMPTY, Sha256.hex(""), "the empty string");
    assertEquals(ABC, Sha256.hex(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII))), "a stream");
    MessageDigest parts = Sha256.digest();
    parts.update((byte) 'a');
    parts.update("bc".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ABC, Sha256.hex(parts), "fed in parts");
  }

  @Test
  void theSameThreadHashesOneTextAfterAnotherIndependently() {
    String first = Sha256.hex("Beograd");
    Sha256.hex("Астана");
    assertEquals(first, Sha256.hex("Beograd"), "the per-thread digest is reset between texts");
    assertEquals(Sha256.hex(new String("Астана".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)),
        Sha256.hex("Астана"), "UTF-8 bytes of a Cyrillic text");
  }
}
