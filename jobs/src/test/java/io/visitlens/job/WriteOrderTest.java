package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.io.ReportWriter;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write step starts the reports with a row per document or mention first, then the rest in catalogue order. */
class WriteOrderTest {
  private static List<String> order(List<String> names) {
    return AnalysisJob.writeOrder(names.stream().map(n -> ReportWriter.Plan.inOrder(n, null)).toList()).stream()
        .map(ReportWriter.Plan::name).toList();
  }

  @Test
  void theLargeReportsComeFirstLargestFirstAndTheOthersKeepTheCatalogueOrder() {
    List<String> catalogue = Reports.ALL.stream().map(Report::name).toList();
    List<String> ordered = order(catalogue);
    assertEquals(catalogue.size(), ordered.size(), "every report once: " + ordered);
    assertEquals(AnalysisJob.WRITTEN_FIRST, ordered.subList(0, AnalysisJob.WRITTEN_FIRST.size()),
        "the large reports first, in the order given: " + ordered);
    List<String> rest = catalogue.stream().filter(n -> !AnalysisJob.WRITTEN_FIRST.contains(n)).toList();
    assertEquals(rest, ordered.subList(AnalysisJob.WRITTEN_FIRST.size(), ordered.size()),
        "the others in catalogue order: " + ordered);
    assertTrue(catalogue.containsAll(AnalysisJob.WRITTEN_FIRST), "every report written first is in the catalogue");
  }

  @Test
  void aReportNotComputedIsSimplyAbsent() {
    // --no-speech: no statements, deliverables or speaker_emphasis plans
    assertEquals(List.of("term_frequencies", "documents", "visits", "topics"),
        order(List.of("documents", "visits", "term_frequencies", "topics")));
  }
}
