package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;

/**
 * {@code topics}: each LDA topic's top {@link TopicModel#TOP_TERMS} terms with their weights in the topic's term
 * distribution; by {@code topic}, {@code rank}. Empty when {@code topic_model} is not {@code fitted}.
 */
public final class TopicsReport {
  public static final String NAME = "topics";

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "topic", INT, "label", STRING, "rank", INT, "term", STRING, "ngram", INT, "weight", DOUBLE),
      TopicsReport::plan, "topic", "rank");

  private TopicsReport() {}

  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.topicModel().topics());
  }
}
