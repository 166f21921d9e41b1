package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;

import io.visitlens.io.ReportWriter;

/**
 * {@code topic_sectors}: topic × sector, how much more often the topic's documents (weighted by their proportion of
 * the topic) mention the sector than the corpus's documents do, so that a reader can name the topic; by
 * {@code topic}, {@code rank} (lift descending, then sector). Sectors no modelled document mentions have no row.
 */
public final class TopicSectorsReport {
  public static final String NAME = "topic_sectors";

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "topic", INT, "label", STRING, "rank", INT, "sector", STRING, "weighted_doc_share", DOUBLE,
      "corpus_doc_share", DOUBLE, "lift", DOUBLE, "sector_documents", LONG, "topic_documents_with_sector", DOUBLE),
      TopicSectorsReport::plan, "topic", "rank");

  private TopicSectorsReport() {}

  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.topicModel().sectors());
  }
}
