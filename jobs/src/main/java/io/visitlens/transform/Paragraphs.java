package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.Sha256;
import io.visitlens.nlp.Spans;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Paragraphs and syndication. Articles are split into paragraphs at blank lines (or at line breaks when a
 * text has no blank line). A paragraph whose normalised text already appeared in an earlier document is a
 * duplicate: "earlier" means ordered by published date (undated last), then by {@code doc_id}. Repeats
 * within one document are not duplicates.
 */
public final class Paragraphs {

  /** The columns {@link #explodeParagraphs} adds. */
  public static final StructType PARAGRAPH_FIELDS = new StructType()
      .add("paragraph_id", DataTypes.IntegerType, false)
      .add("paragraph_begin", DataTypes.IntegerType, false)
      .add("paragraph_end", DataTypes.IntegerType, false)
      .add("paragraph_text", DataTypes.StringType, false)
      .add("paragraph_key", DataTypes.StringType, true);

  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00A0]*\\n\\s*");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\n\\s*");

  private Paragraphs() {}

  /**
   * One row per paragraph of each document, keeping every input column but {@code text}, plus
   * {@link #PARAGRAPH_FIELDS}. Offsets are character offsets into the document text, end exclusive.
   */
  public static Dataset<Row> explodeParagraphs(Dataset<Row> documents) {
    StructType in = documents.schema();
    int textIndex = in.fieldIndex("text");
    StructType out = new StructType();
    for (var f : in.fields()) {
      if (!f.name().equals("text")) {
        out = out.add(f);
      }
    }
    for (var f : PARAGRAPH_FIELDS.fields()) {
      out = out.add(f);
    }
    int width = in.size() - 1;
    FlatMapFunction<Row, Row> split = doc -> {
      List<Row> rows = new ArrayList<>();
      String text = doc.getString(textIndex);
      if (text == null) {
        return rows.iterator();
      }
      int id = 0;
      for (int[] span : split(text)) {
        Object[] values = new Object[width + PARAGRAPH_FIELDS.size()];
        for (int i = 0, j = 0; i < doc.length(); i++) {
          if (i != textIndex) {
            values[j++] = doc.get(i);
          }
        }
        String paragraph = text.substring(span[0], span[1]);
        values[width] = id++;
        values[width + 1] = span[0];
        values[width + 2] = span[1];
        values[width + 3] = paragraph;
        values[width + 4] = key(paragraph);
        rows.add(RowFactory.create(values));
      }
      return rows.iterator();
    };
    return documents.flatMap(split, Encoders.row(out));
  }

  /**
   * Adds {@code is_duplicate} (boolean) and {@code duplicate_of} (the {@code doc_id} of the earliest document
   * with the same paragraph, null when not a duplicate). Needs {@code paragraph_key}, {@code doc_id} and
   * {@code published_date}.
   */
  public static Dataset<Row> withDuplicateFlags(Dataset<Row> paragraphs) {
    WindowSpec byKey = Window.partitionBy(col("paragraph_key"))
        .orderBy(col("published_date").asc_nulls_last(), col("doc_id").asc());
    Dataset<Row> withFirst = paragraphs.withColumn("first_doc_id", first(col("doc_id")).over(byKey));
    return withFirst
        .withColumn("is_duplicate", col("paragraph_key").isNotNull().and(col("first_doc_id").notEqual(col("doc_id"))))
        .withColumn("duplicate_of", when(col("is_duplicate"), col("first_doc_id")))
        .drop("first_doc_id");
  }

  /** Paragraph spans [begin, end) of a text, trimmed of surrounding whitespace; blank paragraphs are skipped. */
  public static List<int[]> split(String text) {
    Pattern separator = BLANK_LINES.matcher(text).find() ? BLANK_LINES : LINE_BREAKS;
    List<int[]> spans = new ArrayList<>();
    Matcher m = separator.matcher(text);
    int start = 0;
    while (m.find()) {
      Spans.addTrimmed(text, start, m.start(), spans);
      start = m.end();
    }
    Spans.addTrimmed(text, start, text.length(), spans);
    return spans;
  }

  /**
   * The identity of a paragraph's content: SHA-256 of its normalised text (NFKD, marks dropped, lowercase,
   * every run of non-letters and non-digits folded to one space, none at either end). Null when nothing is left.
   */
  public static String key(String paragraph) {
    String normal = normalised(paragraph);
    if (normal.isEmpty()) {
      return null;
    }
    return Sha256.hex(normal);
  }

  /**
   * The text {@link #key} digests. The same as {@code NOT_WORD.matcher(MARKS.matcher(nfkd).replaceAll("")
   * .toLowerCase(Locale.ROOT)).replaceAll(" ").strip()}, the two regular expressions replaced by passes over the
   * code points: they were a third of the paragraphs step.
   */
  static String normalised(String paragraph) {
    String folded = Normalizer.isNormalized(paragraph, Normalizer.Form.NFKD) ? paragraph
        : Normalizer.normalize(paragraph, Normalizer.Form.NFKD);
    StringBuilder unmarked = null;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      int n = Character.charCount(c);
      if (isMark(c)) {
        if (unmarked == null) {
          unmarked = new StringBuilder(folded.length()).append(folded, 0, i);
        }
      } else if (unmarked != null) {
        unmarked.appendCodePoint(c);
      }
      i += n;
    }
    String lower = (unmarked == null ? folded : unmarked.toString()).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean gap = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isLetterOrNumber(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(c);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** {@code \p{M}}: a nonspacing, spacing or enclosing mark. */
  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** {@code [\p{L}\p{N}]}: a letter, or a decimal digit, letter number or other number. */
  private static boolean isLetterOrNumber(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
