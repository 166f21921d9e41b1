package io.visitlens.job;

import io.visitlens.report.Concurrently;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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

  /** A step that runs at the same time as others: its name, and its work, which returns the line its log gives. */
  record Concurrent(String name, Supplier<String> work) {}

  /**
   * Runs independent steps at once, each on a thread of its own ({@link Concurrently#run}) with its name as its jobs'
   * description, and returns when all have ended (rethrowing the first failure). Each is timed from its own start to
   * its own end, so their timings overlap and add up to more than the time they took together; they are kept in
   * the order given, whatever the order they end in. The next step's time starts when the last of them ends.
   */
  void concurrently(String group, Concurrent... steps) {
    for (Concurrent step : steps) {
      timings.put(step.name(), 0L); // the order given
    }
    Runnable[] actions = new Runnable[steps.length];
    for (int i = 0; i < steps.length; i++) {
      Concurrent step = steps[i];
      actions[i] = () -> {
        begin(step.name());
        long t0 = System.nanoTime();
        String line = step.work().get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        synchronized (timings) {
          timings.put(step.name(), ms);
        }
        LOG.info("{} ({} ms): {}", step.name(), ms, line);
      };
    }
    Concurrently.run(group, actions);
    last = System.nanoTime();
  }

  Map<String, Long> timings() {
    Map<String, Long> all;
    synchronized (timings) {
      all = new LinkedHashMap<>(timings);
    }
    all.put("total", (System.nanoTime() - start) / 1_000_000);
    return all;
  }
}
