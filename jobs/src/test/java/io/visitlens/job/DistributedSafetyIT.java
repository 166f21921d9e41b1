package io.visitlens.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.cluster.FaultInjection;
import io.visitlens.cluster.SameReports;
import io.visitlens.config.JobOptions;
import io.visitlens.report.HtmlSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What running on a cluster asks of the job, checked on the seeds with local Spark: nothing brings
 * per-document rows to the driver, every Spark job is named after its step, and every path goes through
 * Hadoop's FileSystem (a file system with another scheme gives the same reports).
 */
class DistributedSafetyIT extends SparkTestBase {
  static final Path REPO = AnalysisJobIT.REPO;

  /** Dataset actions that return rows to the driver (the names Spark's listeners see). */
  static final Set<String> ROW_ACTIONS = Set.of("collect", "collectAsList", "collectAsArrow", "head", "tail",
      "toLocalIterator", "count");

  @TempDir
  static Path tmp;
  /** The run on the seeds through file:, watched by the listeners below. */
  static AnalysisJob.Result viaFile;
  /** The same run through another file system scheme. */
  static AnalysisJob.Result viaOther;
  /** Every Dataset action of the file: run that returns rows to the driver. */
  static final List<String> actions = Collections.synchronizedList(new ArrayList<>());
  /**
   * Those actions whose plan does not bound their result to a number of rows that is independent of the corpus:
   * counts and firsts bring one row; the page's tables are capped at
   * {@link io.visitlens.report.HtmlSummary#MAX_ROWS_PER_ACTION} (500 documents, 100-row lists, aggregates).
   */
  static final List<String> unboundedActions = Collections.synchronizedList(new ArrayList<>());
  /** The description of every Spark job of the file: run. */
  static final List<String> descriptions = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void runOnTheSeedsThroughTwoFileSystems() throws Exception {
    startSpark();
    QueryExecutionListener rows = new QueryExecutionListener() {
      @Override
      public void onSuccess(String action, QueryExecution qe, long durationNs) {
        if (ROW_ACTIONS.contains(action)) {
          actions.add(action);
          scala.Option<Object> max = qe.optimizedPlan().maxRows();
          if (max.isEmpty() || (Long) max.get() > HtmlSummary.MAX_ROWS_PER_ACTION) {
            unboundedActions.add(action + " of at most " + (max.isEmpty() ? "unbounded" : max.get())
                + " rows:\n" + qe.optimizedPlan().treeString());
          }
        }
      }

      @Override
      public void onFailure(String action, QueryExecution qe, Exception e) {}
    };
    SparkListener jobs = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        descriptions.add(String.valueOf(start.properties().getProperty("spark.job.description")));
      }
    };
    spark.listenerManager().register(rows);
    spark.sparkContext().addSparkListener(jobs);
    try {
      viaFile = AnalysisJob.run(spark, AnalysisJobIT.seedOptions(tmp.resolve("file-reports")));
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(rows);
      spark.sparkContext().removeSparkListener(jobs);
    }

    spark.sparkContext().hadoopConfiguration().set("fs." + OtherScheme.SCHEME + ".impl", OtherScheme.class.getName());
    viaOther = AnalysisJob.run(spark, JobOptions.of(
        OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_CORPUS)),
        OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_VISITS)),
        OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_LEXICON)),
        OtherScheme.uri(tmp.resolve("other-reports"))));
  }

  @Test
  void bringsABoundedNumberOfRowsToTheDriverPerAction() {
    assertTrue(actions.contains("count") && actions.contains("head"), "the listener saw the run's actions: " + actions);
    assertEquals(List.of(), unboundedActions, "actions that could bring per-document rows to the driver");
  }

  @Test
  void namesEverySparkJobAfterItsStep() {
    assertFalse(descriptions.isEmpty());
    assertEquals(List.of(), descriptions.stream().filter(d -> !d.startsWith(Steps.JOB_DESCRIPTION_PREFIX)).toList(),
        "jobs without a step name, among " + descriptions.size());
    assertTrue(descriptions.contains(FaultInjection.ANNOTATE), "the cluster fault test finds the annotate step by this name");
    // The reports are written three at a time: each write's jobs carry its report's name, those of the page the step's.
    for (String report : List.of("term_frequencies", "sector_mentions", "documents", "visits")) {
      assertTrue(descriptions.contains(Steps.JOB_DESCRIPTION_PREFIX + "write " + report),
          "a job named after the write of " + report + ", among " + new java.util.TreeSet<>(descriptions));
    }
    assertTrue(descriptions.contains(Steps.JOB_DESCRIPTION_PREFIX + "html"),
        "the page's jobs, among " + new java.util.TreeSet<>(descriptions));
  }

  @Test
  void writesTheSameReportsThroughAnotherHadoopFileSystem() throws Exception {
    assertTrue(viaOther.out().startsWith(OtherScheme.SCHEME + ":"), viaOther.out());
    assertEquals(viaFile.rowCounts(), viaOther.rowCounts());
    // The same reports but for the documents' source_path, a URI with the scheme read, and run.json's paths.
    List<String> differences = SameReports.compare(spark, tmp.resolve("file-reports"), tmp.resolve("other-reports"));
    assertTrue(differences.stream().allMatch(d -> d.startsWith("parquet/documents: row") || d.startsWith("run.json")
        || d.startsWith("csv/documents.csv: row")), differences.toString());
    Dataset<Row> documents = spark.read().parquet(tmp.resolve("file-reports/parquet/documents").toString());
    Dataset<Row> documentsViaOther = spark.read().parquet(tmp.resolve("other-reports/parquet/documents").toString())
        .withColumn("source_path", regexp_replace(col("source_path"), "^" + OtherScheme.SCHEME + ":", "file:"));
    assertEquals(documents.count(), documentsViaOther.count());
    assertEquals(0, documents.exceptAll(documentsViaOther).count(), "documents differ beyond the scheme of source_path");
    assertTrue(Files.readString(tmp.resolve("other-reports/run.json")).contains(OtherScheme.SCHEME + ":///"),
        "run.json names the inputs as given");
    try (var entries = Files.list(tmp)) {
      assertEquals(List.of("file-reports", "other-reports"), entries.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging or old directory is left");
    }
  }

  @Test
  void theCommandLineChecksInputsWithTheSparkHadoopSettingsOfTheSubmission(@TempDir Path dir) {
    String key = "spark.hadoop.fs." + OtherScheme.SCHEME + ".impl";
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    try {
      System.setProperty(key, OtherScheme.class.getName());
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = VisitLens.execute("run", "--corpus", OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_CORPUS)),
          "--visits", OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_VISITS)),
          "--lexicon", OtherScheme.uri(REPO.resolve(JobOptions.DEFAULT_LEXICON)),
          "--out", OtherScheme.uri(dir.resolve("reports")), "--compare", "nowhere-2025,astana-2026");
    } finally {
      System.setErr(saved);
      System.clearProperty(key);
    }
    assertEquals(VisitLens.EXIT_REFUSED, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--compare: no visit 'nowhere-2025' in the catalogue"),
        "the catalogue was read through the submitted file system settings: " + err);
  }

  /**
   * The local disk under another scheme ({@code vltest:///path}): a Hadoop file system that is not
   * {@code file:}, so any code that bypassed Hadoop's FileSystem (java.io, java.nio) would fail on it.
   */
  public static final class OtherScheme extends RawLocalFileSystem {
    static final String SCHEME = "vltest";
    private static final URI NAME = URI.create(SCHEME + ":///");

    static String uri(Path local) {
      return SCHEME + "://" + local.toAbsolutePath().toUri().getPath();
    }

    @Override
    public URI getUri() {
      return NAME;
    }

    @Override
    public String getScheme() {
      return SCHEME;
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
      super.initialize(NAME, conf);
    }

    // The local file system's own statuses read permissions through java.io.File on the path's URI, which
    // must then say file:; plain statuses with the default permission avoid that.
    @Override
    public FileStatus getFileStatus(org.apache.hadoop.fs.Path f) throws IOException {
      return plain(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(org.apache.hadoop.fs.Path f) throws IOException {
      FileStatus[] statuses = super.listStatus(f);
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = plain(statuses[i]);
      }
      return statuses;
    }

    private static FileStatus plain(FileStatus s) {
      return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }
  }
}
