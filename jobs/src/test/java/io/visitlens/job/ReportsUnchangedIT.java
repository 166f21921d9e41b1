package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work on speed or structure must not change what any report says: every CSV report of the seeds and of a
 * 300-article synthetic corpus is compared, row by row and column by column, with a recorded snapshot
 * ({@link ReportSnapshot}); a failure names the report, the row's key, the column and both values.
 *
 * <p>History: fingerprints first recorded from e883c73; recorded again with the text core (December 2026), which
 * changed only {@code documents} (its new {@code language} column) and, on the synthetic corpus, the
 * {@code sentence} of 111 {@code sector_mentions} rows (sentences no longer end after {@code Feb.} in
 * {@code Feb. 27.}). Recorded as row snapshots at the default {@code --top-per-document} (20) from 52f797a, whose
 * reports at 200 still matched those fingerprints. Recorded again with the multilingual attribution (December
 * 2026), run with the shipped aliases as the CLI runs: {@code documents} gained {@code visit_score},
 * {@code runner_up_visit_id} and {@code runner_up_score}, every text-attributed {@code visit_evidence} ends with the
 * scores, and on the synthetic corpus three documents changed visit (see the commit). To record again:
 * {@code mvn -pl jobs verify -Dtest=NONE -Dit.test=ReportsUnchangedIT -Dvisitlens.recordSnapshots=true}.
 */
class ReportsUnchangedIT extends SparkTestBase {
  private static final Path REPO = Path.of(System.getProperty("visitlens.repo", "..")).toAbsolutePath().normalize();
  private static final String BASELINE = "/io/visitlens/job/baseline/";

  @Test
  void theSeedReportsAreUnchanged(@TempDir Path tmp) throws Exception {
    assertSameReports("seeds", REPO.resolve(JobOptions.DEFAULT_CORPUS), tmp);
  }

  @Test
  void theReportsOfASyntheticCorpusAreUnchanged(@TempDir Path tmp) throws Exception {
    Path corpus = tmp.resolve("synthetic-300.jsonl");
    try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(BASELINE + "synthetic-300.jsonl.gz"))) {
      Files.copy(in, corpus);
    }
    assertSameReports("synthetic-300", corpus, tmp);
  }

  /** The comparison itself finds and names a changed value, a missing row and an extra one. */
  @Test
  void aDifferenceIsNamedByReportKeyAndColumn(@TempDir Path tmp) throws Exception {
    Path snapshot = Files.createDirectories(tmp.resolve("snapshot"));
    Path reports = Files.createDirectories(tmp.resolve("reports").resolve("csv"));
    Files.writeString(reports.resolve("visits.csv"), "visit_id,label,n_documents\na,A,3\nb,B,2\n");
    ReportSnapshot.record(tmp.resolve("reports"), snapshot);
    assertEquals(List.of(), ReportSnapshot.compare(snapshot, tmp.resolve("reports")), "a run agrees with itself");

    Files.writeString(reports.resolve("visits.csv"), "visit_id,label,n_documents,new_column\na,A,4,x\nc,C,1,y\n");
    assertEquals(List.of(
            "visits [visit_id=a] n_documents: expected '3', was '4'",
            "visits [visit_id=b]: row missing",
            "visits [visit_id=c]: row not in the snapshot"),
        ReportSnapshot.compare(snapshot, tmp.resolve("reports")), "a new column is not a difference");
  }

  private void assertSameReports(String name, Path corpus, Path tmp) throws Exception {
    Path out = tmp.resolve("reports-" + name);
    AnalysisJob.run(spark, JobOptions.of(corpus.toString(), REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
        REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), out.toString())
        .withAliases(REPO.resolve(JobOptions.DEFAULT_ALIASES).toString()));
    Path snapshot = Path.of(getClass().getResource(BASELINE + name).toURI());
    if (Boolean.getBoolean("visitlens.recordSnapshots")) {
      // Re-recording, when a change is meant to change reports: into the source tree, for the commit to show.
      ReportSnapshot.record(out, REPO.resolve("jobs/src/test/resources" + BASELINE + name));
      return;
    }
    List<String> differences = ReportSnapshot.compare(snapshot, out);
    List<String> listed = new ArrayList<>(differences.subList(0, Math.min(differences.size(),
        ReportSnapshot.MAX_LISTED)));
    if (differences.size() > listed.size()) {
      listed.add("… and " + (differences.size() - listed.size()) + " more");
    }
    assertTrue(differences.isEmpty(), () -> name + ": " + differences.size() + " differences from the snapshot "
        + snapshot + " (record a new one only when a report is meant to change; see ReportSnapshot):\n  "
        + String.join("\n  ", listed));
  }
}
