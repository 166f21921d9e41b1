package io.visitlens.report;

import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;
import io.visitlens.transform.SectorMentions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code sector_mentions}: one row per mention (the evidence), by {@code doc_id}, {@code begin}. */
public final class SectorMentionsReport {
  public static final String NAME = "sector_mentions";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "language", STRING, "sentence_id", INT, "sector", STRING, "phrase", STRING,
      "matched_text", STRING, "begin", INT, "end", INT, "sentence", STRING), SectorMentionsReport::plan,
      "doc_id", "begin");

  private SectorMentionsReport() {}

  /**
   * In the report's order (doc_id, begin) as derived, row by row, from the annotated corpus read in (doc_id,
   * sentence_id) order, each sentence's matches in text order: written without a sort.
   */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(build(p.sentences()));
  }

  /** The report from the annotated corpus, in its order when the corpus is read in (doc_id, sentence_id) order. */
  public static Dataset<Row> build(Dataset<Row> sentences) {
    return SectorMentions.explodeMentions(sentences);
  }
}
