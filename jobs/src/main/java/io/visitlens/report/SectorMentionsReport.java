package io.visitlens.report;

import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import io.visitlens.config.SectorLexicon;
import io.visitlens.transform.SectorMentions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code sector_mentions}: one row per mention (the evidence), by {@code doc_id}, {@code begin}. */
public final class SectorMentionsReport {
  public static final String NAME = "sector_mentions";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "sentence_id", INT, "sector", STRING, "phrase", STRING,
      "matched_text", STRING, "begin", INT, "end", INT, "sentence", STRING),
      "doc_id", "begin");

  private SectorMentionsReport() {}

  /** The report from the annotated corpus, in its order when the corpus is read in (doc_id, sentence_id) order. */
  public static Dataset<Row> build(Dataset<Row> sentences, SectorLexicon lexicon) {
    return SectorMentions.explodeMentions(sentences, lexicon);
  }
}
