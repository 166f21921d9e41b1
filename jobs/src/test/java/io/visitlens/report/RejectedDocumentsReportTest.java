package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import io.visitlens.io.ReportWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedDocumentsReportTest extends SparkTestBase {

  @Test
  void rejectedDocumentsAreTotallyOrderedEvenWhenOneFileHoldsSeveralBadRecords(@TempDir Path dir) throws Exception {
    StructType raw = new StructType()
        .add("doc_id", DataTypes.StringType)
        .add("source_path", DataTypes.StringType)
        .add("reject_reason", DataTypes.StringType)
        .add("reject_class", DataTypes.StringType);
    // Three records of one file without a doc_id tie on (doc_id, source_path); given in reverse order.
    Dataset<Row> rows = spark.createDataFrame(List.of(
        row(null, "file:/c/a.jsonl", "record has no id", "malformed record"),
        row(null, "file:/c/a.jsonl", "malformed record, not valid JSON: {\"id\": \"z\"", "malformed record"),
        row(null, "file:/c/a.jsonl", "malformed record, not valid JSON: {\"id\": \"a\"", "malformed record"),
        row("ok", "file:/c/ok.txt", null, null)), raw).coalesce(1);

    new ReportWriter(spark, new org.apache.hadoop.fs.Path(dir.toUri())).write(RejectedDocumentsReport.NAME,
        RejectedDocumentsReport.build(rows), RejectedDocumentsReport.REPORT.orderColumns());

    assertEquals(List.of("doc_id,source_path,reason,reason_class",
            "\"\",file:/c/a.jsonl,\"malformed record, not valid JSON: {\"\"id\"\": \"\"a\"\"\",malformed record",
            "\"\",file:/c/a.jsonl,\"malformed record, not valid JSON: {\"\"id\"\": \"\"z\"\"\",malformed record",
            "\"\",file:/c/a.jsonl,record has no id,malformed record"),
        Files.readAllLines(dir.resolve("csv/rejected_documents.csv"), StandardCharsets.UTF_8),
        "sorted by doc_id, source_path, then reason: the same bytes whatever order the records arrive in");
  }
}
