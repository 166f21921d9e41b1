package io.visitlens.report;

import static io.visitlens.report.Report.CODES;
import static io.visitlens.report.Report.DATE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code documents}: one row per processed article, by {@code doc_id}. */
public final class DocumentsReport {
  public static final String NAME = "documents";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "source_path", STRING, "title", STRING, "language", STRING, "published_date", DATE,
      "date_source", STRING, "visit_id", STRING, "visit_evidence", STRING, "n_paragraphs", INT,
      "n_duplicate_paragraphs", INT, "n_sentences", INT, "n_tokens", INT, "input_note", STRING,
      "input_flags", CODES, "duplicate_of", STRING),
      "doc_id");

  private DocumentsReport() {}

  /** The report from the attributed documents, their paragraphs and the annotated corpus's sentences. */
  public static Dataset<Row> build(Dataset<Row> documents, Dataset<Row> paragraphs, Dataset<Row> sentences) {
    return CorpusReports.documents(documents, paragraphs, sentences);
  }
}
