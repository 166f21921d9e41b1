package io.visitlens.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Times the steps and logs each with its counts. Each step's Spark jobs carry its name as their description
 * ({@code VisitLens annotate}), so the Spark UI, the event log and the REST API tell which step runs.
 */
final class Steps {
  private static final Logger LOG = LogManager.getLogger(AnalysisJob.class);

  static final String JOB_DESCRIPTION_PREFIX = "VisitLens ";

  private final SparkSession spark;
  private final Map<String, Long> timings = new LinkedHashMap<>();
  private long last = System.nanoTime();
  private final long start = last;

  Steps(SparkSession spark) {
    this.spark = spark;
  }

  void begin(String step) {
    spark.sparkContext().setJobDescription(JOB_DESCRIPTION_PREFIX + step);
  }

  void end() {
    spark.sparkContext().setJobDescription(null);
  }

  void done(String step, String format, Object... args) {
    long now = System.nanoTime();
    timings.put(step, (now - last) / 1_000_000);
    last = now;
    LOG.info("{} ({} ms): {}", step, timings.get(step), String.format(format, args));
  }

  Map<String, Long> timings() {
    Map<String, Long> all = new LinkedHashMap<>(timings);
    all.put("total", (System.nanoTime() - start) / 1_000_000);
    return all;
  }
}
