package io.visitlens.job;

import io.visitlens.config.ConfigException;
import io.visitlens.config.JobOptions;
import io.visitlens.config.NameAliases;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.Checkpoint;
import io.visitlens.io.ConfigFiles;
import io.visitlens.io.CorpusReader;
import io.visitlens.io.DuckDbViews;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.ReportDirectory;
import io.visitlens.io.ReportWriter;
import io.visitlens.io.RunManifest;
import io.visitlens.report.Concurrently;
import io.visitlens.report.HtmlSummary;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The whole analysis: corpus → visits → annotated corpus → reports, published atomically into {@code --out}.
 * It takes a SparkSession from its caller and never chooses a master.
 */
public final class AnalysisJob {
  private static final Logger LOG = LogManager.getLogger(AnalysisJob.class);

  private AnalysisJob() {}

  /** What a finished run wrote, and its documents per class for the summary line. */
  public record Result(String out, Map<String, Long> rowCounts, Map<String, Long> timingsMs,
      RunSummary.Classes classes) {}

  /** Reports written at once by the write step: enough to keep both cores busy while one report is planned. */
  static final int WRITE_THREADS = 3;

  /**
   * The reports with a row per document or per mention, largest first, which the write step starts before the others:
   * the small reports then fill the cores around them instead of waiting for the last large one to end.
   */
  static final List<String> WRITTEN_FIRST = List.of("term_frequencies", "sector_mentions", "deliverables",
      "statements", "documents");

  /** The plans in the order the write step takes them: {@link #WRITTEN_FIRST}, then the others in catalogue order. */
  static List<ReportWriter.Plan> writeOrder(List<ReportWriter.Plan> plans) {
    List<ReportWriter.Plan> ordered = new ArrayList<>(plans);
    ordered.sort(Comparator.comparingInt(p -> {
      int i = WRITTEN_FIRST.indexOf(p.name());
      return i < 0 ? WRITTEN_FIRST.size() : i;
    }));
    return ordered;
  }

  /**
   * Runs the analysis; a {@link ConfigException} means bad input and nothing was written. Check the inputs, read
   * the corpus, plan every report ({@link Analysis}), write each, render the page, publish.
   */
  public static Result run(SparkSession spark, JobOptions options) {
    Map<String, String> before = sessionSettings(spark);
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      configure(spark, conf);
      Steps steps = new Steps(spark);

      Analysis.Inputs inputs = checkInputs(conf, options);
      loadLanguageProfilesMeanwhile(spark);
      long corpusBytes = corpusBytes(conf, options.corpus());
      sizeShuffles(spark, corpusBytes);
      chooseCacheCompression(spark, corpusBytes);
      chooseExpressionEvaluation(spark, corpusBytes);
      withoutWholeStageCodegen(spark);
      return run(spark, options, conf, steps, inputs);
    } finally {
      before.forEach((key, value) -> restore(spark, key, value));
    }
  }

  /**
   * Every session setting a run sets for itself ({@link #configure}, {@link #sizeShuffles},
   * {@link #chooseCacheCompression}, {@link #chooseExpressionEvaluation}, {@link #withoutWholeStageCodegen}): each is
   * put back as it was when the run ends, failed or not, so that a notebook's later queries and the bench's other
   * contenders run in the session as they would without it. (The Hadoop settings {@link #configure} sets, no
   * {@code _SUCCESS} files and no Parquet summary files, are the same for every run and stay.)
   */
  static final List<String> RUN_SETTINGS = List.of("spark.sql.parquet.outputTimestampType",
      "spark.sql.session.timeZone", "spark.sql.codegen.hugeMethodLimit", "spark.sql.shuffle.partitions",
      "spark.sql.inMemoryColumnarStorage.compressed", "spark.sql.codegen.factoryMode", "spark.sql.codegen.wholeStage");

  /** The session's own value of each of {@link #RUN_SETTINGS} (null: not set, Spark's default applies). */
  static Map<String, String> sessionSettings(SparkSession spark) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : RUN_SETTINGS) {
      values.put(key, spark.conf().contains(key) ? spark.conf().get(key) : null);
    }
    return values;
  }

  private static Result run(SparkSession spark, JobOptions options, Configuration conf, Steps steps,
      Analysis.Inputs inputs) {
    ReportDirectory dir = ReportDirectory.prepare(conf, options.out(), options.corpus(), options.force());
    LOG.info("run {}: corpus {} → {} (staging {})", dir.runId(), options.corpus(), dir.out(), dir.staging().getName());
    List<String> comparison = inputs.comparison();
    ReportWriter writer = new ReportWriter(spark, dir.staging());
    try (AnnotatedCorpusCheckpoint checkpoint = new AnnotatedCorpusCheckpoint(spark, writer);
        Analysis.Output analysis = Analysis.run(spark, inputs, options, CorpusReader.read(spark, options.corpus(),
            options.format(), options.maxDocumentBytes()), checkpoint, steps)) {
      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put(Analysis.ANNOTATED_CORPUS, analysis.facts().sentences());

      // The reports are written while the page is made: the page reads the reports' rows as the analysis planned
      // them (kept rows and small local relations), not the files being written. On a small corpus both steps are
      // mostly the driver planning small queries, and together they take less (seed runs: 3.9-4.3 s against
      // 4.1-5.4 s one after the other); on a large one the writes' tasks fill the cores and it makes no difference.
      Map<String, Long> written = new ConcurrentHashMap<>();
      steps.concurrently("output", new Steps.Concurrent("write", () -> {
        // Each report's jobs carry its name ("VisitLens write term_frequencies"), so the UI and the event log say
        // which of the writes running at once a job belongs to.
        Concurrently.each("write", WRITE_THREADS, writeOrder(analysis.plans()), plan -> {
          steps.begin("write " + plan.name());
          written.put(plan.name(), writer.write(plan));
        });
        for (Report report : Reports.ALL) {
          if (written.containsKey(report.name())) { // in the catalogue's order; a report not computed has no count
            counts.put(report.name(), written.get(report.name()));
          }
        }
        return String.format("wrote %d reports: %s", written.size(), counts);
      }), new Steps.Concurrent("html", () -> "wrote "
          + HtmlSummary.write(spark, dir.staging(), analysis.reports()).getName()));

      steps.begin("publish");
      for (String shipped : ReportDirectory.SHIPPED_FILES) {
        HadoopFiles.copyResource(conf, "/io/visitlens/reports/" + shipped, new Path(dir.staging(), shipped));
      }
      DuckDbViews.keepWritten(conf, dir.staging());
      RunManifest.write(conf, new Path(dir.staging(), ReportDirectory.MARKER), dir.runId(), options, comparison,
          analysis.facts().corpusDigest(), analysis.facts().articles(), counts, steps.timings());
      dir.publish();
      steps.done("publish", "published %s", dir.out());
      return new Result(dir.out().toString(), counts, steps.timings(), analysis.facts().classes());
    } catch (RuntimeException e) {
      dir.abort();
      throw e;
    } finally {
      steps.end();
    }
  }

  /**
   * The run's checkpoint: the annotated corpus is written (a deliverable of its own) and every later step reads the
   * columns it needs of that Parquet, file by file in the order it was written, rather than a cached copy. Caching
   * its 17 columns (9 arrays) as column batches cost more than the text core itself, and beyond the storage memory
   * the batches went to disk: 100,000 articles 336 s -> 259 s, annotate 95 s -> 56 s.
   */
  static final class AnnotatedCorpusCheckpoint implements Analysis.Checkpointer, AutoCloseable {
    private final SparkSession spark;
    private final ReportWriter writer;
    private Checkpoint scope;

    AnnotatedCorpusCheckpoint(SparkSession spark, ReportWriter writer) {
      this.spark = spark;
      this.writer = writer;
    }

    /**
     * Writes the rows and reads them back. The checkpoint's file-scan settings (whole files, one per partition)
     * start here, after the write: the corpus itself was read, and split, with the session's own.
     */
    @Override
    public Dataset<Row> checkpoint(String name, Dataset<Row> rows, StructType schema) {
      writer.writeParquet(name, rows);
      if (scope == null) {
        scope = Checkpoint.open(spark);
      }
      return scope.read(writer.parquetPath(name), schema);
    }

    /** Puts the session's file-scan settings back, once nothing reads the checkpoint any more. */
    @Override
    public void close() {
      if (scope != null) {
        scope.close();
      }
    }
  }


  /**
   * With a local master, where the tasks run in this JVM: loads the language detector's profiles on a thread of
   * their own while the corpus is read, instead of in the first attribution task (about a second of the seed run).
   * On a cluster each executor loads them in its first task, as before.
   */
  static void loadLanguageProfilesMeanwhile(SparkSession spark) {
    if (!spark.sparkContext().isLocal()) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        io.visitlens.nlp.LanguageDetection.loadProfiles();
      } catch (RuntimeException | Error e) {
        // A class that failed to initialise stays failed in this JVM: the tasks then fail with "Could not
        // initialize class", and this is where the reason is told.
        LOG.warn("cannot load the language detector's profiles", e);
      }
    }, "visitlens-language-profiles");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Reads and validates everything a run is configured with (visit catalogue, comparison, output location)
   * without starting Spark, so that bad input is refused in a second, with nothing written.
   */
  public static Analysis.Inputs checkInputs(Configuration conf, JobOptions options) {
    VisitCatalog catalog = readConfig(conf, "--visits", options.visits(), VisitCatalog::parse);
    if (options.hasAliases()) {
      catalog = catalog.withAliases(readConfig(conf, "--aliases", options.aliases(), NameAliases::parse));
    }
    SectorLexicon lexicon = readConfig(conf, "--lexicon", options.lexicon(), SectorLexicon::parse);
    List<String> comparison = comparison(catalog, options);
    ReportDirectory.check(conf, options.out(), options.corpus(), options.force());
    return new Analysis.Inputs(catalog, lexicon, comparison);
  }

  /** Session settings every run needs, whatever the master: Parquet that BI tools read, no Hadoop clutter. */
  static void configure(SparkSession spark, Configuration conf) {
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    conf.set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    conf.set("parquet.summary.metadata.level", "NONE");
    // Spark's own advice for HotSpot (spark.sql.codegen.hugeMethodLimit): a generated method above the JVM's
    // 8,000-byte limit is never JIT-compiled and runs interpreted; with the limit at 8,000 Spark compiles such a
    // subtree operator by operator instead of as one whole stage. Serialising the annotated corpus's 17-column,
    // 9-array rows hits it (annotate went from 21.7 s to 16-18 s at 10k articles). A value set with --conf wins.
    if (!spark.sparkContext().getConf().contains("spark.sql.codegen.hugeMethodLimit")) {
      spark.conf().set("spark.sql.codegen.hugeMethodLimit", "8000");
    }
  }

  /** Raw corpus bytes per shuffle partition, when the user has not set {@code spark.sql.shuffle.partitions}. */
  static final long BYTES_PER_SHUFFLE_PARTITION = 8L << 20;

  /**
   * Sizes shuffles to the corpus: Spark's fixed default of 200 partitions costs seconds of task overhead on a
   * small corpus and is too few for a very large one. One partition per 8 MB of raw text (annotation grows
   * it about tenfold), at least the default parallelism. A value set with {@code --conf} wins.
   */
  static void sizeShuffles(SparkSession spark, long bytes) {
    if (bytes < 0 || spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
      return;
    }
    long partitions = Math.max(spark.sparkContext().defaultParallelism(),
        (bytes + BYTES_PER_SHUFFLE_PARTITION - 1) / BYTES_PER_SHUFFLE_PARTITION);
    spark.conf().set("spark.sql.shuffle.partitions", Long.toString(Math.min(partitions, 20_000)));
  }

  /** The corpus's size in bytes, or -1 when it cannot be told (it is then refused with its reason later). */
  static long corpusBytes(Configuration conf, String corpus) {
    try {
      Path path = new Path(corpus);
      return path.getFileSystem(conf).getContentSummary(path).getLength();
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
  }

  /**
   * Bytes of cached data, uncompressed, per byte of raw corpus: the kept datasets (articles, documents,
   * paragraphs, the annotated corpus, the term pass and the reports written twice) peaked at 850 MB, 27 times the
   * corpus, at 10,000 generated articles (Spark's block updates in the event log). Measured while the annotated
   * corpus was still cached; it is now read from its Parquet, so the figure overestimates and errs towards
   * compression.
   */
  static final long CACHE_BYTES_PER_CORPUS_BYTE = 27;

  /**
   * Whether Spark compresses its cached column batches ({@code spark.sql.inMemoryColumnarStorage.compressed}),
   * unless {@code --conf} sets it: not while the cached data, uncompressed ({@link #CACHE_BYTES_PER_CORPUS_BYTE}
   * times the corpus), is at most twice the executors' storage memory; compressed beyond. Compression (dictionary
   * and run-length encoders chosen per batch from statistics gathered on every value) costs CPU: JFR put 7.4% of a
   * 10,000-article run in it, and without it that run took 52.4 s and 50.9 s against 58.1 s and 51.8 s with it
   * (interleaved), though 182 MB of its 850 MB went to disk. Much beyond, what spills costs more than the encoders:
   * at 100,000 articles (316 MB, 566 MB of storage memory) uncompressed caches made annotate 118 s and sectors
   * 77 s against 107 s and 68 s.
   */
  static void chooseCacheCompression(SparkSession spark, long corpusBytes) {
    String key = "spark.sql.inMemoryColumnarStorage.compressed";
    if (corpusBytes < 0 || spark.sparkContext().getConf().contains(key)) {
      return;
    }
    long storage = storageMemory(spark);
    boolean fits = corpusBytes * CACHE_BYTES_PER_CORPUS_BYTE <= 2 * storage;
    spark.conf().set(key, Boolean.toString(!fits));
    LOG.info("cached column batches {}: {} MB of corpus, {} MB of storage memory", fits ? "uncompressed"
        : "compressed", corpusBytes >> 20, storage >> 20);
  }

  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  /**
   * Turns Spark's whole-stage code generation off for the run, unless {@code --conf} sets
   * {@code spark.sql.codegen.wholeStage}; the run puts the session's own value back when it ends, with the others of
   * {@link #RUN_SETTINGS} (the bench's other contenders, a notebook's later queries, get whole-stage code as they
   * would alone). On 2 cores
   * the JIT compilers took 54 of a cold 10,000-article run's 126 CPU-seconds, much of it compiling each query's
   * generated stage classes (Janino, then C1 and C2), while the work of this job's stages is mostly its own passes
   * over the annotated corpus, not Spark's operators. Without whole-stage code (Spark still generates each
   * expression's code): 10,000 articles in the bench 46.5 and 39.2 s against 49.9 and 43.6 s (two alternated
   * rounds); at 100,000 articles within the noise (308.7 and 339.2 s against 338.1 s).
   */
  static void withoutWholeStageCodegen(SparkSession spark) {
    if (!spark.sparkContext().getConf().contains(WHOLE_STAGE_CODEGEN)) {
      spark.conf().set(WHOLE_STAGE_CODEGEN, "false");
    }
  }

  /** Puts a session setting back as it was ({@code before} null: unset). */
  static void restore(SparkSession spark, String key, String before) {
    if (before == null) {
      spark.conf().unset(key);
    } else {
      spark.conf().set(key, before);
    }
  }

  /** Corpus bytes up to which Spark evaluates expressions interpreted, without generating code for them. */
  static final long MAX_INTERPRETED_CORPUS_BYTES = 256L << 10;

  static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

  /**
   * How Spark evaluates the expressions of projections, filters and sort orders, unless {@code --conf} sets
   * {@code spark.sql.codegen.factoryMode}: interpreted ({@code NO_CODEGEN}) for a corpus of at most
   * {@link #MAX_INTERPRETED_CORPUS_BYTES}, Spark's default ({@code FALLBACK}: generated and compiled code) beyond.
   * A small run is some forty queries over a few hundred rows each: compiling their generated classes with Janino
   * costs more than evaluating the rows, and with it the seed run (30 kB) took 22.9-26.1 s against 17.8-20.9 s
   * interpreted (interleaved runs, the same reports). At 200 articles (0.6 MB) and 1,000 (3 MB) the two were
   * within the noise; larger corpora need the compiled code, and so does the bench's warm-up run (200 articles),
   * which warms the JIT for the compiled code the measured runs use. Spark marks the setting internal: its test suites
   * run every expression through both paths, which is the guarantee used here.
   */
  static void chooseExpressionEvaluation(SparkSession spark, long corpusBytes) {
    if (spark.sparkContext().getConf().contains(CODEGEN_FACTORY_MODE)) {
      return;
    }
    boolean small = corpusBytes >= 0 && corpusBytes <= MAX_INTERPRETED_CORPUS_BYTES;
    spark.conf().set(CODEGEN_FACTORY_MODE, small ? "NO_CODEGEN" : "FALLBACK");
  }

  /**
   * The storage memory of the block managers that hold cached data now: the executors' (the driver's too in local
   * mode, where it runs the tasks). Executors not yet started are not counted, which errs towards compression.
   */
  static long storageMemory(SparkSession spark) {
    String driver = org.apache.spark.SparkEnv.get().blockManager().blockManagerId().hostPort();
    boolean local = spark.sparkContext().isLocal();
    long total = 0;
    for (Map.Entry<String, scala.Tuple2<Object, Object>> e : scala.collection.JavaConverters
        .mapAsJavaMap(spark.sparkContext().getExecutorMemoryStatus()).entrySet()) {
      if (local || !e.getKey().equals(driver)) {
        total += (Long) e.getValue()._1();
      }
    }
    return total;
  }

  /** Reads a small configuration file named by {@code flag}, refusing a missing one. */
  private static <T> T readConfig(Configuration conf, String flag, String location,
      java.util.function.BiFunction<String, String, T> parser) {
    if (!HadoopFiles.exists(conf, location)) {
      throw ConfigException.of(flag, location + ": no such file");
    }
    return parser.apply(ConfigFiles.read(conf, location), location);
  }

  /** The two visits to compare: {@code --compare A,B}, or the earliest and the latest. */
  static List<String> comparison(VisitCatalog catalog, JobOptions options) {
    if (options.compareA() == null) {
      return catalog.defaultComparison();
    }
    for (String id : List.of(options.compareA(), options.compareB())) {
      if (catalog.find(id).isEmpty()) {
        throw ConfigException.of("--compare", "no visit '" + id + "' in the catalogue (visits: "
            + String.join(", ", catalog.visits().stream().map(v -> v.visitId()).toList()) + ")");
      }
    }
    return List.of(options.compareA(), options.compareB());
  }
}
