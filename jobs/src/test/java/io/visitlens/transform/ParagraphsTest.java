package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.visitlens.SparkTestBase;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParagraphsTest extends SparkTestBase {

  /** Each row: text, expected paragraphs. */
  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("One.\n\nTwo.\n \nThree.", List.of("One.", "Two.", "Three.")),
        Arguments.of("  One.\nstill one.\n\n\n  Two.  \n", List.of("One.\nstill one.", "Two.")),
        Arguments.of("Line one.\nLine two.", List.of("Line one.", "Line two.")),
        Arguments.of("Only one", List.of("Only one")));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void splitsAtBlankLinesOrElseAtLineBreaks(String text, List<String> expected) {
    List<String> got = Paragraphs.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    assertEquals(expected, got, () -> "paragraphs of " + text.replace("\n", "\\n"));
  }

  @Test
  void keyIgnoresCasePunctuationSpacingAndDiacritics() {
    assertEquals(Paragraphs.key("Vučić met Tokayev, in Astana."), Paragraphs.key("  VUCIC met   tokayev in Astana "));
    assertNotEquals(Paragraphs.key("Vučić met Tokayev."), Paragraphs.key("Tokayev met Vučić."));
    assertNull(Paragraphs.key(" — ... "));
  }

  /** The key's normal form as first written, with two regular expressions: the reference for the loops. */
  private static String normalisedByRegex(String paragraph) {
    String folded = java.util.regex.Pattern.compile("\\p{M}+")
        .matcher(java.text.Normalizer.normalize(paragraph, java.text.Normalizer.Form.NFKD)).replaceAll("");
    return java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+")
        .matcher(folded.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
  }

  @Test
  void keyNormalisesAwkwardTextAsTheRegularExpressionsDid() {
    List<String> awkward = List.of("", "   ", "Plain English, with 3 numbers -- and a dash.",
        "Vučić u Beogradu, 19.11.2024.", "ВУЧИЋ у Београду", "Токаев в Астане: «Казахстан»",
        "Größe STRASSE ſ", "ΟΔΟΣ ΣΟΦΟΣ", "İstanbul ıI", "ﬁnance ﬂights ² ½ Ⅻ ①", "𝐁𝐨𝐥𝐝 𝟏𝟐 😀 end",
        "a\u0301\u0302b", "\u0301leading mark", "tab\tand\u00A0nbsp\u2003em", "ǅungla Ǆ", "x\uFE0Fy", "中文 文本 123",
        "Dr. O'Neill's \"quote\" — ok…");
    for (String text : awkward) {
      assertEquals(normalisedByRegex(text), Paragraphs.normalised(text), () -> "normal form of " + text);
    }
    java.util.Random random = new java.util.Random(12);
    String alphabet = "aZ9 ,.-–—'\"\n\tčćžšđČĆŽŠĐабвгдеёжзийклмнопрстуфхцчшщъыьэюяЂЈЉЊЋЏäöüßÄÖÜ\u0301\u0308"
        + "ﬁ²½Ⅻ①ΣσςİıǅΆά\u00A0\u2028";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(random.nextInt(20) == 0 ? "𝟏😀".substring(0, 2) : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
      }
      String t = text.toString();
      assertEquals(normalisedByRegex(t), Paragraphs.normalised(t), () -> "normal form of " + t);
    }
  }

  @Test
  void marksParagraphsSeenInAnEarlierDocumentAsDuplicates() {
    String shared = "Earlier it was reported that the leaders discussed direct flights.";
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("published_date", DataTypes.DateType)
        .add("text", DataTypes.StringType);
    Dataset<Row> docs = spark.createDataFrame(List.of(
        // b is earlier by date than a, so a's copy is the duplicate despite a < b
        row("a", Date.valueOf("2024-11-20"), "Own paragraph of a.\n\n" + shared),
        row("b", Date.valueOf("2024-11-19"), shared + "\n\nOwn paragraph of b.\n\nOwn paragraph of b."),
        // same date as b: doc_id breaks the tie, so c's copy is a duplicate of b
        row("c", Date.valueOf("2024-11-19"), shared.toUpperCase()),
        // undated articles come after dated ones
        row("0-undated", null, "Own paragraph of a.")), schema);
    Dataset<Row> flagged = Paragraphs.withDuplicateFlags(Paragraphs.explodeParagraphs(docs));
    Map<String, String> got = new TreeMap<>(flagged.collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs("doc_id") + "#" + r.<Integer>getAs("paragraph_id"),
        r -> r.<Boolean>getAs("is_duplicate") ? "dup of " + r.getAs("duplicate_of") : "original")));
    assertEquals(new TreeMap<>(Map.of(
        "a#0", "original", "a#1", "dup of b",
        "b#0", "original", "b#1", "original", "b#2", "original",
        "c#0", "dup of b",
        "0-undated#0", "dup of a")), got);
  }
}
