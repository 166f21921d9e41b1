package io.visitlens.report;

import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import io.visitlens.config.Visit;
import io.visitlens.io.ReportWriter;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code statements}: one row per attributed statement ({@link io.visitlens.speech.Statements}), by {@code doc_id},
 * {@code begin}; from the speech pass the job keeps ({@link SpeechReports}).
 */
public final class StatementsReport {
  public static final String NAME = "statements";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "language", STRING, "sentence_id", INT, "begin", INT, "end", INT,
      "speaker", STRING, "speaker_role", STRING, "speaker_text", STRING, "cue", STRING, "kind", STRING,
      "statement", STRING, "sectors", STRING, "sector_mentions", INT), StatementsReport::plan, "doc_id", "begin");

  private StatementsReport() {}

  /** In (doc_id, begin) order as the speech pass derives it from the corpus in (doc_id, sentence_id) order. */
  static ReportWriter.Plan plan(Products p) {
    return p.speech() == null ? null : REPORT.inOrder(SpeechReports.statements(p.speech()));
  }

  /** The report from the annotated corpus (each document's sentences together, in order), for these visits. */
  public static Dataset<Row> build(Dataset<Row> sentences, List<Visit> visits) {
    return SpeechReports.statements(SpeechReports.pass(sentences, visits));
  }
}
