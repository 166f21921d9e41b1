package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Performance work must not change what any report says: every CSV report of the seeds and of a 300-article
 * synthetic corpus is compared, row by row over its columns, with recorded fingerprints. First recorded from
 * e883c73; recorded again with the text core (December 2026), which changed only {@code documents} (its new
 * {@code language} column) and, on the synthetic corpus, the {@code sentence} of 111 {@code sector_mentions}
 * rows (sentences no longer end after {@code Feb.} in {@code Feb. 27.}). See {@link ReportDigest} to record new
 * ones when a report is meant to change.
 */
class ReportsUnchangedIT extends SparkTestBase {
  private static final Path REPO = Path.of(System.getProperty("visitlens.repo", "..")).toAbsolutePath().normalize();
  private static final String BASELINE = "/io/visitlens/job/baseline/";
  /** The {@code --top-per-document} of the recorded fingerprints (the default until December 2026). */
  private static final int BASELINE_TOP_PER_DOCUMENT = 200;

  @Test
  void theSeedReportsAreTheSameAsBeforeThePerformanceWork(@TempDir Path tmp) throws Exception {
    assertSameReports("seeds", REPO.resolve(JobOptions.DEFAULT_CORPUS), tmp);
  }

  @Test
  void theReportsOfASyntheticCorpusAreTheSameAsBeforeThePerformanceWork(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("synthetic-300.jsonl");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(BASELINE + "synthetic-300.jsonl.gz"))) {
      Files.copy(in, corpus);
    }
    assertSameReports("synthetic-300", corpus, tmp);
  }

  private void assertSameReports(String name, Path corpus, Path tmp) throws Exception {
    Map<String, ReportDigest.Entry> expected;
    try (InputStream in = getClass().getResourceAsStream(BASELINE + name + ".digest")) {
      expected = ReportDigest.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Path out = tmp.resolve("reports-" + name);
    JobOptions o = JobOptions.of(corpus.toString(), REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
        REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), out.toString());
    // The fingerprints were recorded with the document scope's old default of 200 terms per document and order.
    AnalysisJob.run(spark, new JobOptions(o.corpus(), o.format(), o.visits(), o.lexicon(), o.out(), o.compareA(),
        o.compareB(), o.keepDuplicates(), o.windowDays(), o.minCount(), BASELINE_TOP_PER_DOCUMENT, o.priorScale(),
        o.force(), o.maxDocumentMb()));

    Map<String, List<String>> columns = new LinkedHashMap<>();
    expected.forEach((report, e) -> columns.put(report, e.columns()));
    Map<String, ReportDigest.Entry> actual = ReportDigest.of(out, columns);
    for (ReportDigest.Entry e : expected.values()) {
      ReportDigest.Entry a = actual.get(e.report());
      assertEquals(e.rows(), a == null ? -1 : a.rows(), name + ": rows of " + e.report());
      assertEquals(e.sha256(), a.sha256(), name + ": " + e.report() + " differs from the baseline over "
          + e.columns() + " (run the baseline commit on the same corpus and diff the CSVs)");
    }
  }
}
