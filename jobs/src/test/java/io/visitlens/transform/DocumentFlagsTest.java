package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.io.InputStatus;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DocumentFlagsTest extends SparkTestBase {

  @Test
  void inputNoteAndFlagsKeepTheReadersAndAddADateThatCouldNotBeUsed() {
    VisitAttributor attributor = new VisitAttributor(List.of(), 3);
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("input_note", DataTypes.StringType)
        .add("input_flag", DataTypes.StringType)
        .add("date_text", DataTypes.StringType)
        .add("date_origin", DataTypes.StringType)
        .add("expected", DataTypes.StringType)
        .add("expected_flags", DataTypes.StringType);
    String utf8 = InputStatus.INVALID_UTF8_NOTE;
    String longDate = "the second Tuesday after the elections of next spring";
    Dataset<Row> docs = VisitAttribution.withVisit(spark.createDataFrame(List.of(
        row("clean", null, null, "2024-11-19", "header", null, ""),
        row("undated", null, null, null, null, null, ""),
        row("latin1", utf8, InputStatus.INVALID_UTF8, null, null, utf8, "invalid_utf8"),
        row("impossible", null, null, "2026-13-45", "header", "invalid header date 2026-13-45 ignored",
            "invalid_date"),
        row("both", utf8, InputStatus.INVALID_UTF8, " next Tuesday ", "metadata",
            utf8 + "; invalid metadata date next Tuesday ignored", "invalid_utf8,invalid_date"),
        row("long", null, null, longDate, "metadata", "invalid metadata date " + longDate + " ignored", "invalid_date"),
        row("blank-date", null, null, "  ", "header", null, ""),
        row("metadata", null, null, "2026-02-27T10:15:00+06:00", "metadata", null, "")), schema)
        .withColumn("text", org.apache.spark.sql.functions.lit("No date in this text.")), attributor);
    Dataset<Row> flagged = DocumentFlags.withInputNote(docs);
    for (Row r : flagged.collectAsList()) {
      assertEquals(r.<String>getAs("expected"), r.<String>getAs("input_note"), () -> "input_note of " + r);
      assertEquals(r.<String>getAs("expected_flags"), String.join(",", r.<String>getList(r.fieldIndex("input_flags"))),
          () -> "input_flags of " + r);
      if (r.getAs("date_note") != null) {
        // The evidence words it the same way, the date cut to 30 characters.
        String raw = r.<String>getAs("date_text").strip();
        String shown = raw.length() <= 30 ? raw : raw.substring(0, 29) + "\u2026";
        assertTrue(r.<String>getAs("visit_evidence").startsWith(Attribution.invalidDateNote(r.getAs("date_origin"),
            shown) + "; "), () -> "the evidence says it too: " + r);
      }
    }
    List<String> columns = new java.util.ArrayList<>(List.of(docs.columns()));
    columns.add("input_flags");
    assertEquals(columns, List.of(flagged.columns()), "input_note is replaced, input_flags added");
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
