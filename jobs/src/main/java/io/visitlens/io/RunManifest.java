package io.visitlens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.visitlens.config.JobOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code run.json}: what a run read (with SHA-256 digests), with which parameters and versions, what it wrote
 * (row counts) and how long each step took. Its presence marks a VisitLens report directory.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunManifest() {}

  /** The VisitLens version, from the build. */
  public static String version() {
    try (InputStream in = RunManifest.class.getResourceAsStream("/io/visitlens/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  public static void write(Configuration conf, Path target, String runId, JobOptions o, List<String> comparison,
      String corpusDigest, long articlesFound, Map<String, Long> rowCounts, Map<String, Long> timingsMs) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("tool", "VisitLens");
    root.put("run_id", runId);

    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("corpus", Map.of("path", o.corpus(), "format", o.format(), "articles", articlesFound,
        "content_sha256", corpusDigest));
    inputs.put("visits", file(conf, o.visits()));
    inputs.put("lexicon", file(conf, o.lexicon()));
    if (o.hasAliases()) {
      inputs.put("aliases", file(conf, o.aliases()));
    }
    root.put("inputs", inputs);

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("compare", comparison);
    params.put("keep_duplicates", o.keepDuplicates());
    params.put("window_days", o.windowDays());
    params.put("min_count", o.minCount());
    params.put("top_per_document", o.topPerDocument());
    params.put("prior_scale", o.priorScale());
    params.put("force", o.force());
    params.put("max_document_mb", o.maxDocumentMb());
    params.put("bootstrap", o.bootstrap());
    params.put("seed", o.seed());
    params.put("confidence", o.confidence());
    params.put("permutations", o.permutations());
    params.put("speech", o.speech());
    params.put("topics", o.topics() == io.visitlens.config.JobOptions.AUTO_TOPICS ? "auto" : o.topics());
    params.put("topics_min_docs", o.topicsMinDocuments());
    params.put("csv_scopes", o.csvScopes());
    root.put("parameters", params);

    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("visitlens", version());
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("spark_nlp", com.johnsnowlabs.nlp.SparkNLP.currentVersion());
    versions.put("scala", scala.util.Properties.versionNumberString());
    versions.put("java", System.getProperty("java.version"));
    root.put("versions", versions);

    root.put("row_counts", rowCounts);
    root.put("timings_ms", timingsMs);
    try {
      HadoopFiles.write(conf, target, JSON.writeValueAsString(root) + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> file(Configuration conf, String location) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", location);
    m.put("sha256", HadoopFiles.exists(conf, location) ? HadoopFiles.sha256(conf, location) : null);
    return m;
  }
}
