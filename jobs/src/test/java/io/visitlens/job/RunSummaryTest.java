package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RunSummaryTest extends SparkTestBase {
  static final StructType DOCUMENTS = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("visit_id", DataTypes.StringType)
      .add("input_note", DataTypes.StringType)
      .add("input_flags", DataTypes.createArrayType(DataTypes.StringType, false))
      .add("duplicate_of", DataTypes.StringType);
  static final StructType REJECTED = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("reason_class", DataTypes.StringType);

  @Test
  void countsEveryDocumentFlagAndRejectionClassInAFixedOrder() {
    // The counts come from the codes: a note alone (the last row's) is prose for people and is not read back.
    Dataset<Row> documents = spark.createDataFrame(List.of(
        row("clean", "v1", null, List.of(), null),
        row("latin1", "v1", "invalid UTF-8: decoded with replacement characters", List.of("invalid_utf8"), null),
        row("both", null, "invalid UTF-8: decoded with replacement characters; invalid header date 2026-13-45 ignored",
            List.of("invalid_utf8", "invalid_date"), null),
        row("copy", "v1", null, List.of(), "clean"),
        row("lost", null, null, List.of(), null),
        row("prose", "v1", "invalid UTF-8: a note without its code", List.of(), null)), DOCUMENTS);
    Dataset<Row> rejected = spark.createDataFrame(List.of(
        row("u", "unreadable: AccessDeniedException", "unreadable"),
        row("e", "empty file", "empty"),
        row("w", "no text (empty or whitespace only)", "empty"),
        row("b", "binary file", "binary")), REJECTED);

    RunSummary.Classes classes = RunSummary.count(documents, rejected);

    assertEquals(List.of(Map.entry("invalid UTF-8", 2L), Map.entry("invalid date", 1L),
        Map.entry("duplicate article", 1L), Map.entry("unassigned", 2L)), List.copyOf(classes.documents().entrySet()));
    assertEquals(List.of(Map.entry("empty", 2L), Map.entry("binary", 1L), Map.entry("unreadable", 1L)),
        List.copyOf(classes.rejected().entrySet()), "reason classes in their fixed order, absent ones left out");
  }

  @Test
  void theLineCountsEachClassAndStaysShortWithoutAny() {
    Map<String, Long> counts = new LinkedHashMap<>(Map.of("documents", 5L, "rejected_documents", 4L,
        "annotated_corpus", 96L));
    Map<String, Long> documents = new LinkedHashMap<>();
    documents.put("invalid UTF-8", 1L);
    documents.put("duplicate article", 1L);
    Map<String, Long> rejected = new LinkedHashMap<>();
    rejected.put("empty", 2L);
    rejected.put("binary", 1L);
    rejected.put("unreadable", 1L);
    AnalysisJob.Result result = new AnalysisJob.Result("file:/r/reports", counts, Map.of("total", 12_345L),
        new RunSummary.Classes(documents, rejected));
    assertEquals("visitlens: wrote file:/r/reports: 5 documents (1 invalid UTF-8, 1 duplicate article), "
        + "4 rejected (2 empty, 1 binary, 1 unreadable), 96 annotated sentences in 12.3 s", RunSummary.line(result));

    AnalysisJob.Result clean = new AnalysisJob.Result("file:/r/reports", Map.of("documents", 5L,
        "rejected_documents", 0L, "annotated_corpus", 96L), Map.of("total", 12_345L),
        new RunSummary.Classes(Map.of(), Map.of()));
    assertEquals("visitlens: wrote file:/r/reports: 5 documents, 0 rejected, 96 annotated sentences in 12.3 s",
        RunSummary.line(clean));
  }
}
