package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;

/**
 * {@code topic_shares}: visit × topic, the mean of the visit's documents' topic proportions, with the article-level
 * bootstrap interval for the two compared visits and, on visit B's rows, the change from A; by {@code visit_id}
 * (documents without a visit first), {@code topic}. Empty when {@code topic_model} is not {@code fitted}.
 */
public final class TopicSharesReport {
  public static final String NAME = "topic_shares";

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "topic", INT, "label", STRING, "documents", LONG, "share", DOUBLE, "share_ci_low", DOUBLE,
      "share_ci_high", DOUBLE, "comparison_role", STRING, "compared_with", STRING, "delta_pp", DOUBLE,
      "delta_pp_ci_low", DOUBLE, "delta_pp_ci_high", DOUBLE, "p_bootstrap", DOUBLE, "confidence", DOUBLE),
      TopicSharesReport::plan, "visit_id", "topic");

  private TopicSharesReport() {}

  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.topicModel().shares());
  }
}
