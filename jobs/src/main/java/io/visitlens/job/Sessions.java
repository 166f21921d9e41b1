package io.visitlens.job;

import io.visitlens.io.LocalFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * Creates the SparkSession for the CLI. Under {@code spark-submit} the master comes from spark-submit; run
 * directly, it is {@code --master} or {@code local[*]}. Only this entry point ever picks a master.
 */
final class Sessions {
  private Sessions() {}

  /**
   * The CLI's session, and whether the CLI owns it. A session already running in this JVM (a test suite's, a
   * notebook's) is used as it is and left running at {@link #close}; one this call starts is stopped there. So a
   * command run in-process never stops a session it did not start.
   */
  static final class Handle implements AutoCloseable {
    private final SparkSession spark;
    private final boolean owned;

    private Handle(SparkSession spark, boolean owned) {
      this.spark = spark;
      this.owned = owned;
    }

    SparkSession spark() {
      return spark;
    }

    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  /** {@link #create}, or the session already running in this JVM (see {@link Handle}). */
  static Handle open(String masterFlag) {
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      return new Handle(running.get(), false);
    }
    return new Handle(create(masterFlag), true);
  }

  static SparkSession create(String masterFlag) {
    SparkConf submitted = new SparkConf();
    String master = masterFlag != null ? masterFlag : submitted.contains("spark.master") ? null : "local[*]";
    SparkSession.Builder builder = SparkSession.builder().appName("VisitLens")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.adaptive.enabled", "false");
    if (master != null) {
      builder.master(master);
    }
    tunedDefaults(submitted).forEach(builder::config);
    if (local(masterFlag)) {
      // A laptop run: no web UI, and the driver on loopback whatever the host name resolves to.
      builder.config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
      if (!submitted.contains(LOCAL_FILES_KEY)) {
        builder.config(LOCAL_FILES_KEY, LocalFiles.class.getName());
      }
    }
    return builder.getOrCreate();
  }

  static final String CODEGEN_CACHE_KEY = "spark.sql.codegen.cache.maxEntries";

  /**
   * Generated classes Spark keeps compiled ({@code spark.sql.codegen.cache.maxEntries}, a static setting; a value set
   * with {@code --conf} wins). Spark's default, 100, is fewer than the distinct classes of one run (some forty
   * queries, each with its stages' classes), so a run's later queries, and every query of the next run in the same
   * JVM (the bench, a notebook, the test suite), were generated, compiled by Janino and then JIT-compiled again:
   * C2 spent 17 s of CPU on a 30-second 10,000-article run of the bench on 2 cores, beside the tasks' 29 s. A
   * cached class is reused with its JIT-compiled code. At 1,000 entries the generated classes take a few tens of
   * MB of metaspace at most.
   */
  static final int CODEGEN_CACHE_ENTRIES = 1000;

  /** The settings the CLI's session gets unless the user (spark-submit, {@code --conf}) set them. */
  static java.util.Map<String, String> tunedDefaults(SparkConf submitted) {
    java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
    if (!submitted.contains(CODEGEN_CACHE_KEY)) {
      settings.put(CODEGEN_CACHE_KEY, Integer.toString(CODEGEN_CACHE_ENTRIES));
    }
    return settings;
  }

  /** {@link LocalFiles} for {@code file:} paths, on a local master unless the user chose an implementation. */
  private static final String LOCAL_FILES_KEY = "spark.hadoop." + LocalFiles.IMPL_KEY;

  /** Whether the run's master, {@code --master} or the one spark-submit gives (else {@code local[*]}), is local. */
  static boolean local(String masterFlag) {
    String master = masterFlag != null ? masterFlag : new SparkConf().get("spark.master", "local[*]");
    return master.startsWith("local");
  }

  /**
   * The Hadoop configuration the run's SparkSession will have, before it starts: Hadoop's defaults plus every
   * {@code spark.hadoop.*} setting given to spark-submit ({@code --conf spark.hadoop.fs.s3a.endpoint=...}) or
   * as a system property. The inputs are checked with it before Spark starts, so a catalogue on S3A or HDFS is
   * read with the same credentials and endpoints as the corpus.
   */
  static Configuration hadoopConfiguration(String masterFlag) {
    Configuration conf = new Configuration();
    if (local(masterFlag)) {
      // The same file: implementation as the session's (Hadoop caches one per scheme for the whole JVM).
      LocalFiles.select(conf);
    }
    for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      conf.set(setting._1(), setting._2());
    }
    return conf;
  }
}
