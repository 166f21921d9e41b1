package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;
import io.visitlens.transform.Terms;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code term_frequencies}: one row per term, n-gram order and scope, by {@code scope}, {@code scope_id},
 * {@code ngram}, {@code rank}, {@code term}. Built by {@link TermReports#termFrequencies} or, in report order without
 * a sort, {@link TermReports#termFrequenciesInReportOrder}; {@link #write} chooses.
 */
public final class TermFrequenciesReport {
  public static final String NAME = "term_frequencies";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "scope_id", STRING, "term", STRING, "ngram", INT, "count", LONG, "per_10k", DOUBLE,
      "doc_freq", LONG, "tf_idf", DOUBLE, "rank", INT, "stem", STRING),
      "scope", "scope_id", "ngram", "rank", "term");

  private TermFrequenciesReport() {}

  /**
   * Per-visit term rows up to which the vocabulary's document frequencies are broadcast to the document scope of
   * {@code term_frequencies}, which is then written in the order it is counted in, without a shuffle or a sort (at
   * 10,000 articles that sort and its sampling pass took a third of the terms step). About 100 bytes a row on the
   * driver and on each executor; above it, the document scope is joined by a shuffle and the report sorted by ranges.
   */
  public static final long MAX_BROADCAST_VOCABULARY = 1_000_000;

  /**
   * Writes the report from the term pass's document rows and the per-visit counts, and returns its rows. Small
   * enough to sort in one task (the simpler plan, which matters on a small corpus), or with a vocabulary too large
   * to broadcast, it is joined and sorted; otherwise it is built in the report's order (the document scope neither
   * shuffled nor sorted) and written in that order.
   *
   * @param termCounts  the term pass's document rows
   * @param perVisit    the per-visit counts (one row per visit, n-gram order, term and stem)
   * @param vocabulary  rows of {@code perVisit}
   * @param nDocuments  documents in the annotated corpus
   */
  public static long write(ReportWriter writer, Dataset<Row> termCounts, Dataset<Row> perVisit, long vocabulary,
      long nDocuments, int minCount, int topPerDocument) {
    // A bound known before writing: a corpus or visit row per per-visit row at most, and the document scope's cut
    // (an order of a document has at most topPerDocument rows).
    long bound = 2 * vocabulary + nDocuments * Terms.MAX_ORDER * (long) topPerDocument;
    if (bound <= ReportWriter.ONE_TASK_ROWS || vocabulary > MAX_BROADCAST_VOCABULARY) {
      return writer.write(NAME, TermReports.termFrequencies(termCounts, perVisit, nDocuments, minCount,
          topPerDocument), bound, REPORT.orderColumns());
    }
    return writer.writeInOrder(NAME, TermReports.termFrequenciesInReportOrder(termCounts, perVisit, nDocuments,
        minCount, topPerDocument, vocabulary <= ReportWriter.ONE_TASK_ROWS));
  }
}
