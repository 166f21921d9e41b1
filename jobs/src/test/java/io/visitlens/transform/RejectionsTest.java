package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RejectionsTest extends SparkTestBase {
  @Test
  void keepsReadProblemsAndRejectsLaterDuplicateIds() {
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("source_path", DataTypes.StringType)
        .add("read_problem", DataTypes.StringType)
        .add("expected", DataTypes.StringType);
    Dataset<Row> raw = spark.createDataFrame(List.of(
        row("a", "file:/c/2024/a.txt", null, null),
        row("a", "file:/c/2026/a.txt", null, "duplicate doc_id: already used by file:/c/2024/a.txt"),
        row("b", "file:/c/b.txt", "empty file", "empty file"),
        row(null, "file:/c/x.jsonl", "record has no id", "record has no id"),
        row("c", "file:/c/c.txt", null, null)), schema);
    for (Row r : Rejections.withRejectReason(raw).collectAsList()) {
      assertEquals(r.<String>getAs("expected"), r.<String>getAs("reject_reason"), () -> "row " + r);
    }
    assertEquals(Arrays.asList(raw.columns()).size() + 1, Rejections.withRejectReason(raw).columns().length);
  }

  @Test
  void classifiesEveryReasonTheReaderGivesIntoAStableClass() {
    StructType schema = new StructType().add("reason", DataTypes.StringType).add("expected", DataTypes.StringType);
    Dataset<Row> reasons = spark.createDataFrame(List.of(
        row("empty file", "empty"),
        row("no text (empty or whitespace only)", "empty"),
        row("no text after the date header", "empty"),
        row("binary file (NUL or control bytes), not text", "binary"),
        row("unreadable: AccessDeniedException: /c/a.txt", "unreadable"),
        row("too large: 20971520 bytes (20.0 MB), the limit is 8 MB per article (--max-document-mb)", "too large"),
        row("malformed record, not valid JSON: {\"id\": 1", "malformed record"),
        row("record has no id", "malformed record"),
        row("record has no text", "malformed record"),
        row("duplicate doc_id: already used by file:/c/a.txt", "duplicate doc_id"),
        row("something new", "other")), schema);
    for (Row r : reasons.withColumn("class", Rejections.reasonClass(org.apache.spark.sql.functions.col("reason")))
        .collectAsList()) {
      assertEquals(r.getString(1), r.getString(2), () -> "class of " + r.getString(0));
    }
  }
}
