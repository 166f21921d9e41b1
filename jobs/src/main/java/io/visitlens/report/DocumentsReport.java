package io.visitlens.report;

import static io.visitlens.report.Report.CODES;
import static io.visitlens.report.Report.DATE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.ReportWriter;
import io.visitlens.transform.DocumentFlags;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code documents}: one row per processed article, by {@code doc_id}. */
public final class DocumentsReport {
  public static final String NAME = "documents";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "source_path", STRING, "title", STRING, "language", STRING, "published_date", DATE,
      "date_source", STRING, "visit_id", STRING, "visit_evidence", STRING, "visit_score", INT,
      "runner_up_visit_id", STRING, "runner_up_score", INT, "n_paragraphs", INT,
      "n_duplicate_paragraphs", INT, "n_sentences", INT, "n_tokens", INT, "input_note", STRING,
      "input_flags", CODES, "duplicate_of", STRING), DocumentsReport::plan,
      "doc_id");

  private DocumentsReport() {}

  /** The report's rows, sorted and kept by the analysis. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.documents());
  }

  /**
   * One row per processed document: where it came from, its date and visit with the evidence, its size, what
   * was repaired or ignored on the way in ({@code input_note}) and the earlier article it copies exactly
   * ({@code duplicate_of}). Paragraph counts include duplicates; sentence and token counts cover the counted
   * paragraphs only.
   *
   * @param documents  attributed documents (doc_id, source_path, title, text, date_text, date_origin, input_note,
   *                   published_date, date_source, visit_id, visit_evidence, visit_score,
   *                   runner_up_visit_id, runner_up_score)
   * @param paragraphs paragraphs with {@code is_duplicate}
   * @param sentences  the annotated corpus
   */
  public static Dataset<Row> build(Dataset<Row> documents, Dataset<Row> paragraphs, Dataset<Row> sentences) {
    Dataset<Row> paragraphCounts = paragraphs.groupBy(col("doc_id")).agg(
        count(lit(1)).cast("int").as("n_paragraphs"),
        sum(when(col("is_duplicate"), 1).otherwise(0)).cast("int").as("n_duplicate_paragraphs"));
    // A sentence's tokens are its non-empty terms (punctuation has an empty term). array_remove, not
    // filter(terms, t -> t != ''): Spark generates code for the first and evaluates the lambda of the second row by
    // row, element by element, which was 19% of the reports step at 100,000 articles.
    Dataset<Row> sentenceCounts = sentences.groupBy(col("doc_id")).agg(
        count(lit(1)).cast("int").as("n_sentences"),
        sum(size(array_remove(col("terms"), ""))).cast("int").as("n_tokens"));
    return DocumentFlags.withDuplicateOf(DocumentFlags.withInputNote(documents))
        .join(paragraphCounts, "doc_id")
        .join(sentenceCounts, "doc_id", "left")
        .select(col("doc_id"), col("source_path"), col("title"), col("language"), col("published_date"),
            col("date_source"),
            col("visit_id"), col("visit_evidence"), col("visit_score"), col("runner_up_visit_id"),
            col("runner_up_score"), col("n_paragraphs"), col("n_duplicate_paragraphs"),
            coalesce(col("n_sentences"), lit(0)).as("n_sentences"), coalesce(col("n_tokens"), lit(0)).as("n_tokens"),
            col("input_note"), col("input_flags"), col("duplicate_of"));
  }
}
