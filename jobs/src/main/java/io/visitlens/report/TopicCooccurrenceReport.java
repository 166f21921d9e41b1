package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

/**
 * {@code topic_cooccurrence}: one row per scope, window and pair of sectors that both occur in the scope, by
 * {@code scope}, {@code window}, {@code sector_a}, {@code sector_b}. Built by
 * {@link SectorReports#topicCooccurrenceOfCounts} from the corpus's sector counts.
 */
public final class TopicCooccurrenceReport {
  public static final String NAME = "topic_cooccurrence";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "window", STRING, "sector_a", STRING, "sector_b", STRING, "co_count", LONG,
      "count_a", LONG, "count_b", LONG, "n_windows", LONG, "jaccard", DOUBLE, "pmi", DOUBLE, "npmi", DOUBLE),
      "scope", "window", "sector_a", "sector_b");

  private TopicCooccurrenceReport() {}
}
