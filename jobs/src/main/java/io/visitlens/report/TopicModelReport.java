package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;

/**
 * {@code topic_model}: one row saying whether the topic model was fitted ({@code status} {@code fitted}, {@code skipped}
 * with fewer documents than {@code --topics-min-docs}, {@code off} with {@code --topics 0}), on what and how
 * ({@link TopicModel}): the reader's and the page's one source for why the other topic reports are empty.
 */
public final class TopicModelReport {
  public static final String NAME = "topic_model";

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "status", STRING, "topics_requested", INT, "k", INT, "documents", LONG, "min_documents", INT,
      "vocabulary_size", INT, "min_doc_freq", INT, "max_doc_share", DOUBLE, "max_ngram", INT, "iterations", INT,
      "subsampling_rate", DOUBLE, "learning_offset", DOUBLE, "seed", LONG),
      TopicModelReport::plan, "status");

  private TopicModelReport() {}

  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.topicModel().model());
  }
}
