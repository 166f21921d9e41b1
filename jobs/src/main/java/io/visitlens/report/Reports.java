package io.visitlens.report;

import java.util.List;

/** The report catalogue: the one place the reports are listed. */
public final class Reports {
  private Reports() {}

  /**
   * Every report the analysis plans and the job writes as CSV and Parquet, in the order the README's catalogue lists
   * them. A new report is its class (name, order, schema, plan) and one line here.
   */
  public static final List<Report> ALL = List.of(
      DocumentsReport.REPORT,
      VisitsReport.REPORT,
      RejectedDocumentsReport.REPORT,
      TermFrequenciesReport.REPORT,
      TermKeynessReport.REPORT,
      KeywordContextsReport.REPORT,
      LexiconGapsReport.REPORT,
      SectorMentionsReport.REPORT,
      SectorSummaryReport.REPORT,
      TopicCooccurrenceReport.REPORT,
      CooccurrenceChangeReport.REPORT,
      EmphasisComparisonReport.REPORT,
      TopicModelReport.REPORT,
      TopicsReport.REPORT,
      TopicSharesReport.REPORT,
      TopicSectorsReport.REPORT,
      StatementsReport.REPORT,
      SpeakerEmphasisReport.REPORT,
      DeliverablesReport.REPORT);
}
