package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleTextTest {

  /** Each row: raw file text, expected header date (or null), expected body. */
  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of(" date 2026-02-27 The Kazakh leader said.", "2026-02-27", "The Kazakh leader said."),
        Arguments.of("date 2024-11-19\nSerbia is a partner.\n", "2024-11-19", "Serbia is a partner.\n"),
        Arguments.of("\uFEFF date 2024-11-19\r\nFirst.\r\n\r\nSecond.", "2024-11-19", "First.\n\nSecond."),
        Arguments.of("  \t DATE 2026-13-45 Text after an impossible date.", "2026-13-45", "Text after an impossible date."),
        Arguments.of("ASTANA — Presidents met on Feb. 27.", null, "ASTANA — Presidents met on Feb. 27."),
        Arguments.of("Date palms grew in 2024-11-19 heat.", null, "Date palms grew in 2024-11-19 heat."),
        Arguments.of("Line one.\rLine two.", null, "Line one.\nLine two."));
  }

  @ParameterizedTest
  @MethodSource("headers")
  void takesOffTheDateHeaderAndNormalisesLineEnds(String raw, String date, String body) {
    ArticleText.Decoded d = ArticleText.decode(raw.getBytes(StandardCharsets.UTF_8));
    assertEquals(date, d.headerDate(), () -> "header date of " + raw);
    assertEquals(body, d.text(), () -> "body of " + raw);
    assertNull(d.rejectReason(), () -> "should be accepted: " + raw);
  }

  @Test
  void rejectsEmptyWhitespaceAndHeaderOnlyFiles() {
    assertEquals("empty file", ArticleText.decode(new byte[0]).rejectReason());
    assertTrue(ArticleText.decode(" \n\t\r\n ".getBytes(StandardCharsets.UTF_8)).rejectReason().startsWith("no text"));
    assertEquals("no text after the date header",
        ArticleText.decode(" date 2024-11-19\n\n".getBytes(StandardCharsets.UTF_8)).rejectReason());
  }

  @Test
  void rejectsBinaryContent() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    String reason = ArticleText.decode(png).rejectReason();
    assertNotNull(reason, "a PNG header must be rejected");
    assertTrue(reason.startsWith("binary file"), reason);
  }

  @Test
  void decodesInvalidUtf8WithReplacementAndFlagsIt() {
    byte[] latin1 = "Vu\u010Di\u0107 in Beograd, caf\u00E9".getBytes(StandardCharsets.ISO_8859_1);
    ArticleText.Decoded d = ArticleText.decode(latin1);
    assertNull(d.rejectReason());
    assertEquals("invalid UTF-8: decoded with replacement characters", d.note());
    assertTrue(d.text().contains("caf\uFFFD"), d.text());
  }

  @Test
  void keepsValidUtf8Untouched() {
    ArticleText.Decoded d = ArticleText.decode("Вучић у Астани".getBytes(StandardCharsets.UTF_8));
    assertEquals("Вучић у Астани", d.text());
    assertNull(d.note());
  }
}
