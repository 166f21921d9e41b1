package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import io.visitlens.config.Visit;
import io.visitlens.io.ReportWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code deliverables}: one row per deliverable found in a counted sentence ({@link io.visitlens.speech.Deliverables}),
 * by {@code doc_id}, {@code begin}; English sentences, from the speech pass the job keeps ({@link SpeechReports}).
 */
public final class DeliverablesReport {
  public static final String NAME = "deliverables";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "language", STRING, "sentence_id", INT, "begin", INT, "end", INT,
      "kind", STRING, "value", DOUBLE, "unit", STRING, "currency", STRING, "object", STRING, "sector", STRING,
      "tense", STRING, "sentence", STRING), DeliverablesReport::plan, "doc_id", "begin");

  private DeliverablesReport() {}

  /** In (doc_id, begin) order as the speech pass derives it from the corpus in (doc_id, sentence_id) order. */
  static ReportWriter.Plan plan(Products p) {
    return p.speech() == null ? null : REPORT.inOrder(SpeechReports.deliverables(p.speech()));
  }

  /** The report from the annotated corpus, for these visits. */
  public static Dataset<Row> build(Dataset<Row> sentences, List<Visit> visits) {
    return SpeechReports.deliverables(SpeechReports.pass(sentences, visits));
  }
}
