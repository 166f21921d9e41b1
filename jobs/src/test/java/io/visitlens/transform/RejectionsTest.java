package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import io.visitlens.io.InputStatus;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RejectionsTest extends SparkTestBase {
  @Test
  void keepsReadProblemsWithTheirClassesAndRejectsLaterDuplicateIds() {
    StructType schema = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("source_path", DataTypes.StringType)
        .add("read_problem", DataTypes.StringType)
        .add("read_problem_class", DataTypes.StringType)
        .add("expected", DataTypes.StringType)
        .add("expected_class", DataTypes.StringType);
    Dataset<Row> raw = spark.createDataFrame(List.of(
        row("a", "file:/c/2024/a.txt", null, null, null, null),
        row("a", "file:/c/2026/a.txt", null, null, "duplicate doc_id: already used by file:/c/2024/a.txt",
            InputStatus.DUPLICATE_DOC_ID),
        row("b", "file:/c/b.txt", "empty file", InputStatus.EMPTY, "empty file", InputStatus.EMPTY),
        row("b", "file:/c/d/b.txt", "binary file", InputStatus.BINARY, "binary file", InputStatus.BINARY),
        row(null, "file:/c/x.jsonl", "record has no id", InputStatus.MALFORMED_RECORD, "record has no id",
            InputStatus.MALFORMED_RECORD),
        row("c", "file:/c/c.txt", null, null, null, null)), schema);
    Dataset<Row> withReason = Rejections.withRejectReason(raw);
    for (Row r : withReason.collectAsList()) {
      assertEquals(r.<String>getAs("expected"), r.<String>getAs("reject_reason"), () -> "reason of " + r);
      assertEquals(r.<String>getAs("expected_class"), r.<String>getAs("reject_class"), () -> "class of " + r);
    }
    assertEquals(Arrays.asList(raw.columns()).size() + 2, withReason.columns().length, "two columns added");
  }

  @Test
  void everyClassIsListedOnceForTheSummary() {
    assertEquals(List.of("empty", "binary", "unreadable", "too large", "malformed record", "duplicate doc_id"),
        InputStatus.REJECT_CLASSES, "the classes and their order are part of rejected_documents' contract");
  }
}
