package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code topic_cooccurrence}: one row per scope, window and pair of sectors that both occur in the scope, by
 * {@code scope}, {@code window}, {@code sector_a}, {@code sector_b}. The window sector sets are counted with the
 * sector counts the other sector reports use ({@link SectorReports#countCorpus}), whose machinery (the driver path
 * for a bounded number of sets, the distributed one beyond) stays in {@link SectorReports}.
 */
public final class TopicCooccurrenceReport {
  public static final String NAME = "topic_cooccurrence";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "window", STRING, "sector_a", STRING, "sector_b", STRING, "co_count", LONG,
      "count_a", LONG, "count_b", LONG, "n_windows", LONG, "jaccard", DOUBLE, "pmi", DOUBLE, "npmi", DOUBLE), TopicCooccurrenceReport::plan,
      "scope", "window", "sector_a", "sector_b");

  private TopicCooccurrenceReport() {}

  /** Bounded by the sector pairs of each scope (every visit key and "all") and window. */
  static ReportWriter.Plan plan(Products p) {
    long sectors = p.lexicon().sectors().size();
    return REPORT.sorted(build(p.sectorCounts(), p.sentences(), SectorMentionsReport.build(p.sentences(),
        p.lexicon()), p.documents()), (p.catalog().visits().size() + 2L) * 2 * sectors * sectors);
  }

  /**
   * The report from the corpus's sector counts, the annotated corpus, the mentions (read only when the sets are too
   * many for the driver) and the {@code documents} report.
   */
  public static Dataset<Row> build(SectorReports.CorpusCounts counts, Dataset<Row> sentences, Dataset<Row> mentions,
      Dataset<Row> documents) {
    return SectorReports.topicCooccurrenceOfCounts(counts, sentences, mentions, documents);
  }
}
