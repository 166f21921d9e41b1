package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

/**
 * {@code term_frequencies}: one row per term, n-gram order and scope, by {@code scope}, {@code scope_id},
 * {@code ngram}, {@code rank}, {@code term}. Built by {@link TermReports#termFrequencies} or, in report order without
 * a sort, {@link TermReports#termFrequenciesInReportOrder}.
 */
public final class TermFrequenciesReport {
  public static final String NAME = "term_frequencies";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "scope_id", STRING, "term", STRING, "ngram", INT, "count", LONG, "per_10k", DOUBLE,
      "doc_freq", LONG, "tf_idf", DOUBLE, "rank", INT, "stem", STRING),
      "scope", "scope_id", "ngram", "rank", "term");

  private TermFrequenciesReport() {}
}
