package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DocumentFlagsTest extends SparkTestBase {

  @Test
  void inputNoteKeepsTheReadersNoteAndAddsADateThatCouldNotBeUsed() {
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("input_note", DataTypes.StringType)
        .add("date_text", DataTypes.StringType)
        .add("date_origin", DataTypes.StringType)
        .add("date_source", DataTypes.StringType)
        .add("expected", DataTypes.StringType);
    Dataset<Row> docs = spark.createDataFrame(List.of(
        row("clean", null, "2024-11-19", "header", "header", null),
        row("undated", null, null, null, "none", null),
        row("latin1", "invalid UTF-8: decoded with replacement characters", null, null, "text",
            "invalid UTF-8: decoded with replacement characters"),
        row("impossible", null, "2026-13-45", "header", "text", "invalid header date 2026-13-45 ignored"),
        row("both", "invalid UTF-8: decoded with replacement characters", "next Tuesday", "metadata", "none",
            "invalid UTF-8: decoded with replacement characters; invalid metadata date next Tuesday ignored"),
        row("metadata", null, "2026-02-27T10:15:00+06:00", "metadata", "metadata", null)), schema);
    for (Row r : DocumentFlags.withInputNote(docs).collectAsList()) {
      assertEquals(r.<String>getAs("expected"), r.<String>getAs("input_note"), () -> "input_note of " + r);
    }
    assertEquals(List.of(docs.columns()), List.of(DocumentFlags.withInputNote(docs).columns()),
        "input_note is replaced, not added twice");
  }

  @Test
  void anExactCopyNamesTheEarliestArticleWithTheSameText() {
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("published_date", DataTypes.DateType)
        .add("text", DataTypes.StringType)
        .add("expected", DataTypes.StringType);
    String text = "Presidents met in Belgrade.\n\nThey signed twelve agreements.";
    Dataset<Row> docs = spark.createDataFrame(List.of(
        row("b-later", Date.valueOf("2024-11-20"), text, "a-first"),
        row("a-first", Date.valueOf("2024-11-19"), text, null),
        row("c-same-day", Date.valueOf("2024-11-19"), text, "a-first"),
        row("0-undated", null, text, "a-first"),
        row("other", Date.valueOf("2024-11-18"), text.toUpperCase(java.util.Locale.ROOT), null),
        row("z-undated", null, "Another text.", null),
        row("y-undated", null, "Another text.", null)), schema);
    List<Row> rows = DocumentFlags.withDuplicateOf(docs).collectAsList();
    assertEquals(7, rows.size());
    for (Row r : rows) {
      String expected = r.getString(0).equals("z-undated") ? "y-undated" : r.<String>getAs("expected");
      assertEquals(expected, r.<String>getAs("duplicate_of"), () -> "duplicate_of of " + r.getString(0)
          + ": by published date, undated last, then doc_id; only the exact text counts");
    }
  }
}
