package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.ConfigException;
import io.visitlens.config.LineIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of configuration files: strict UTF-8, refusals at {@code file:line}. */
class ConfigFilesTest {

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }

  @Test
  void validUtf8InAnyScriptIsReadWithoutItsByteOrderMark() {
    String text = "sector,phrase\r\nenergy,энергетика\r\nenergy,energetika\r\ntrade,Außenhandel\r\n";
    byte[] withBom = concat("\uFEFF", new byte[0], text);
    assertEquals(text, ConfigFiles.text(withBom, "x.csv"), "the BOM is dropped, the rest kept as written");
    assertEquals(text, ConfigFiles.text(text.getBytes(StandardCharsets.UTF_8), "x.csv"));
  }

  @Test
  void aLatin1ByteIsRefusedAtItsLineWhateverTheLineEnds() {
    // é in ISO-8859-1 is the single byte 0xE9, which UTF-8 never has alone.
    for (String[] ends : new String[][] {{"\n", "LF"}, {"\r\n", "CRLF"}, {"\r", "CR"}}) {
      String e = ends[0];
      byte[] b = concat("h" + e + "one" + e + e + "caf", bytes(0xE9), e + "last" + e);
      ConfigException x = assertThrows(ConfigException.class, () -> ConfigFiles.text(b, "lex.csv"), ends[1]);
      int at = ("h" + e + "one" + e + e + "caf").length();
      assertEquals("lex.csv:4: not valid UTF-8 (byte 0xE9 at offset " + at + "); save the file as UTF-8",
          x.getMessage(), ends[1] + " line ends: the bad byte is on line 4 (after a blank line)");
      assertEquals(4, x.line(), ends[1]);
    }
  }

  @Test
  void aTruncatedCharacterAnEncodedSurrogateAndAnOverlongFormAreRefused() {
    ConfigException end = assertThrows(ConfigException.class,
        () -> ConfigFiles.text(concat("a,b\nx,", bytes(0xD0), ""), "v.csv"), "a file cut inside a character");
    assertEquals("v.csv:2: not valid UTF-8 (byte 0xD0 at offset 6); save the file as UTF-8",
        end.getMessage());
    ConfigException surrogate = assertThrows(ConfigException.class,
        () -> ConfigFiles.text(concat("a\n", bytes(0xED, 0xA0, 0x80), "\n"), "v.csv"), "CESU-8 surrogate");
    assertEquals(2, surrogate.line(), surrogate.getMessage());
    assertTrue(surrogate.getMessage().contains("byte 0xED at offset 2"), surrogate.getMessage());
    ConfigException overlong = assertThrows(ConfigException.class,
        () -> ConfigFiles.text(concat("", bytes(0xC0, 0xAF), ""), "v.csv"), "overlong '/'");
    assertEquals(1, overlong.line(), overlong.getMessage());
  }

  @Test
  void readsThroughHadoopsFileSystemAndFromALocalPathAlike(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("visits.csv");
    Files.writeString(good, "\uFEFFvisit_id\nbelgrade-2024\n", StandardCharsets.UTF_8);
    Configuration conf = new Configuration();
    assertEquals("visit_id\nbelgrade-2024\n", ConfigFiles.read(conf, good.toUri().toString()), "a file: URI");
    assertEquals("visit_id\nbelgrade-2024\n", ConfigFiles.read(conf, good.toString()), "a plain path");
    assertEquals("visit_id\nbelgrade-2024\n", ConfigFiles.read(good), "java.nio");

    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "visit_id,host_city\nb,D\u00fcsseldorf\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException viaHadoop = assertThrows(ConfigException.class, () -> ConfigFiles.read(conf, latin1.toString()));
    ConfigException viaNio = assertThrows(ConfigException.class, () -> ConfigFiles.read(latin1));
    assertEquals(latin1 + ":2: not valid UTF-8 (byte 0xFC at offset 22); save the file as UTF-8",
        viaHadoop.getMessage());
    assertEquals(viaHadoop.getMessage(), viaNio.getMessage(), "both paths refuse alike");
  }

  @Test
  void aMissingFileIsRefusedForTheWholeFile(@TempDir Path dir) {
    String absent = dir.resolve("absent.csv").toString();
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFiles.read(new Configuration(), absent));
    assertEquals(0, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith(absent + ": cannot read the file ("), e.getMessage());
  }

  @Test
  void lineIndexCountsCrLfAndCrlfAsOneLineEndEach() {
    LineIndex lines = new LineIndex("a\r\nb\rc\n\nd");
    // offsets: a0 \r1 \n2 b3 \r4 c5 \n6 \n7 d8
    assertEquals(1, lines.lineOf(0));
    assertEquals(1, lines.lineOf(2), "the LF of a CRLF belongs to its line");
    assertEquals(2, lines.lineOf(3));
    assertEquals(3, lines.lineOf(5), "a lone CR ends a line");
    assertEquals(5, lines.lineOf(8), "after a blank line");
    assertEquals(5, lines.lineOfRecordAt(6), "a record reported before the blank lines it skipped");
    assertEquals(1, LineIndex.lineOfByte("a\r\nb".getBytes(StandardCharsets.US_ASCII), 1));
    assertEquals(2, LineIndex.lineOfByte("a\r\nb".getBytes(StandardCharsets.US_ASCII), 3));
    assertEquals(3, LineIndex.lineOfByte("a\rb\rc".getBytes(StandardCharsets.US_ASCII), 4));
  }
}
