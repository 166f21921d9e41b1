package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import io.visitlens.transform.Terms;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The terms step's first action: the per-visit term rows counted, by visit key, in one job. */
class TermCountCheckTest extends SparkTestBase {

  @Test
  void countsEveryRowWhicheverVisitsHaveTerms() {
    Dataset<Row> visitTerms = spark.createDataFrame(List.of(
        row("v1", "en", 1, "trade", "trade", 3L, 2L), row("v1", "en", 2, "direct flights", "direct flight", 1L, 1L),
        row(null, "en", 1, "energy", "energi", 1L, 1L), row("v2", "en", 1, "trade", "trade", 4L, 1L)),
        Terms.VISIT_COUNT_SCHEMA);
    assertEquals(4, Analysis.countAndWarnIfNoTerms(visitTerms, List.of("v1", "v2")));
    // A compared visit without terms is a warning, not an error: the count is the same.
    assertEquals(4, Analysis.countAndWarnIfNoTerms(visitTerms, List.of("v1", "v3")));
    assertEquals(0, Analysis.countAndWarnIfNoTerms(visitTerms.limit(0), List.of("v1", "v2")));
  }
}
