package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visitlens.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on the same input write byte-identical CSV, the same Parquet rows, the same shipped files, and a
 * {@code run.json} that differs only in its run id and timings.
 */
class DeterminismIT extends SparkTestBase {

  @Test
  void twoRunsOnTheSameInputWriteTheSameReports(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    AnalysisJob.run(spark, AnalysisJobIT.seedOptions(a));
    AnalysisJob.run(spark, AnalysisJobIT.seedOptions(b));

    Map<String, byte[]> filesA = AnalysisJobIT.snapshot(a);
    Map<String, byte[]> filesB = AnalysisJobIT.snapshot(b);
    List<String> csv = filesA.keySet().stream().filter(f -> f.startsWith("csv/")).toList();
    assertTrue(csv.size() >= 9, () -> "every report as CSV: " + csv);
    for (String f : Stream.concat(csv.stream(), Stream.of("README.md", "duckdb.sql")).toList()) {
      assertTrue(filesB.containsKey(f), () -> f + " in both runs");
      assertArrayEquals(filesA.get(f), filesB.get(f), () -> f + " differs between two runs on the same input");
    }

    List<String> parquet = names(a.resolve("parquet"));
    assertEquals(parquet, names(b.resolve("parquet")), "the same Parquet reports");
    for (String report : parquet) {
      Dataset<Row> ra = spark.read().parquet(a.resolve("parquet").resolve(report).toString());
      Dataset<Row> rb = spark.read().parquet(b.resolve("parquet").resolve(report).toString());
      assertEquals(ra.schema(), rb.schema(), report + " schema");
      assertEquals(ra.count(), rb.count(), report + " rows");
      assertEquals(0, ra.exceptAll(rb).count(), report + ": rows of the first run missing from the second");
      assertEquals(0, rb.exceptAll(ra).count(), report + ": rows of the second run missing from the first");
    }

    ObjectMapper json = new ObjectMapper();
    JsonNode runA = json.readTree(a.resolve("run.json").toFile());
    JsonNode runB = json.readTree(b.resolve("run.json").toFile());
    assertNotEquals(runA.get("run_id"), runB.get("run_id"), "each run has its own id");
    assertEquals(withoutTimings(runA), withoutTimings(runB), "run.json differs only in run_id and timings_ms");
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static JsonNode withoutTimings(JsonNode run) {
    ObjectNode copy = ((ObjectNode) run).deepCopy();
    copy.remove(List.of("run_id", "timings_ms"));
    return copy;
  }
}
