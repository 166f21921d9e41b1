package io.visitlens.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession for the CLI. Under {@code spark-submit} the master comes from spark-submit; run
 * directly, it is {@code --master} or {@code local[*]}. Only this entry point ever picks a master.
 */
final class Sessions {
  private Sessions() {}

  static SparkSession create(String masterFlag) {
    SparkConf submitted = new SparkConf();
    String master = masterFlag != null ? masterFlag : submitted.contains("spark.master") ? null : "local[*]";
    SparkSession.Builder builder = SparkSession.builder().appName("VisitLens")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.adaptive.enabled", "true");
    if (master != null) {
      builder.master(master);
    }
    String effective = master != null ? master : submitted.get("spark.master");
    if (effective.startsWith("local")) {
      // A laptop run: no web UI, and the driver on loopback whatever the host name resolves to.
      builder.config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    return builder.getOrCreate();
  }
}
