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
}
