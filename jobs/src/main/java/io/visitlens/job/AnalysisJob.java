package io.visitlens.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.visitlens.config.ConfigException;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.Checkpoint;
import io.visitlens.io.ConfigFiles;
import io.visitlens.io.CorpusDigest;
import io.visitlens.io.CorpusReader;
import io.visitlens.io.DuckDbViews;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.ReportDirectory;
import io.visitlens.io.ReportWriter;
import io.visitlens.io.RunManifest;
import io.visitlens.nlp.TextCore;
import io.visitlens.report.Concurrently;
import io.visitlens.report.DocumentsReport;
import io.visitlens.report.EmphasisComparisonReport;
import io.visitlens.report.HtmlSummary;
import io.visitlens.report.RejectedDocumentsReport;
import io.visitlens.report.SectorMentionsReport;
import io.visitlens.report.SectorReports;
import io.visitlens.report.SectorSummaryReport;
import io.visitlens.report.TermFrequenciesReport;
import io.visitlens.report.TermKeynessReport;
import io.visitlens.report.TermReports;
import io.visitlens.report.TopicCooccurrenceReport;
import io.visitlens.report.VisitsReport;
import io.visitlens.transform.Annotations;
import io.visitlens.transform.DocumentLanguage;
import io.visitlens.transform.Paragraphs;
import io.visitlens.transform.Rejections;
import io.visitlens.transform.Terms;
import io.visitlens.transform.VisitAttribution;
import io.visitlens.transform.VisitAttributor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

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

  /** Runs the analysis; a {@link ConfigException} means bad input and nothing was written. */
  public static Result run(SparkSession spark, JobOptions options) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    configure(spark, conf);
    Steps steps = new Steps(spark);

    Inputs inputs = checkInputs(conf, options);
    loadLanguageProfilesMeanwhile(spark);
    VisitCatalog catalog = inputs.catalog();
    List<String> comparison = inputs.comparison();
    long corpusBytes = corpusBytes(conf, options.corpus());
    sizeShuffles(spark, corpusBytes);
    chooseCacheCompression(spark, corpusBytes);
    chooseExpressionEvaluation(spark, corpusBytes);
    ReportDirectory dir = ReportDirectory.prepare(conf, options.out(), options.corpus(), options.force());
    LOG.info("run {}: corpus {} → {} (staging {})", dir.runId(), options.corpus(), dir.out(), dir.staging().getName());
    Map<String, Long> counts = new LinkedHashMap<>();
    Dataset<Row> raw = null;
    Dataset<Row> documents = null;
    Dataset<Row> paragraphs = null;
    Dataset<Row> visitTerms = null;
    Dataset<Row> termPass = null;
    Dataset<Row> corpus = null;
    List<Dataset<Row>> kept = new ArrayList<>();
    Checkpoint checkpoint = null;
    try {
      ReportWriter writer = new ReportWriter(spark, dir.staging());

      steps.begin("read");
      raw = Rejections.withRejectReason(CorpusReader.read(spark, options.corpus(), options.format(),
              options.maxDocumentBytes()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      long found = raw.count();
      if (found == 0) {
        throw ConfigException.of("--corpus", options.corpus() + ": no articles found");
      }
      steps.done("read", "read %d articles", found);

      steps.begin("attribute");
      documents = DocumentLanguage.withLanguage(VisitAttribution.withVisit(raw.where(col("reject_reason").isNull()),
              new VisitAttributor(catalog.visits(), options.windowDays())))
          .persist(StorageLevel.MEMORY_AND_DISK());
      // The count also takes the corpus digest for run.json, in the same pass over the documents' text.
      Row attributed = documents.agg(count(lit(1)), count(col("visit_id")), CorpusDigest.sum()).first();
      long acceptedCount = attributed.getLong(0);
      long assigned = attributed.getLong(1);
      String corpusDigest = CorpusDigest.of(attributed.isNullAt(2) ? null : attributed.getDecimal(2));
      steps.done("attribute", "%d documents processed, %d rejected; %d attributed to a visit, %d unassigned",
          acceptedCount, found - acceptedCount, assigned, acceptedCount - assigned);

      steps.begin("paragraphs");
      paragraphs = Paragraphs.withDuplicateFlags(Paragraphs.explodeParagraphs(
              documents.select(col("doc_id"), col("visit_id"), col("language"), col("published_date"), col("text"))))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Row split = paragraphs.agg(count(lit(1)), count(when(col("is_duplicate"), lit(1)))).first();
      long nParagraphs = split.getLong(0);
      long nDuplicates = split.getLong(1);
      steps.done("paragraphs", "%d paragraphs, %d duplicates of an earlier document's (%s)", nParagraphs, nDuplicates,
          options.keepDuplicates() ? "kept: --keep-duplicates" : "left out of the counts");

      steps.begin("annotate");
      Dataset<Row> counted = options.keepDuplicates() ? paragraphs : paragraphs.where(col("is_duplicate").equalTo(false));
      // The annotated corpus is written (a deliverable of its own) and is the run's checkpoint: every later step
      // reads the columns it needs of that Parquet, file by file in the order it was written, rather than a cached
      // copy. Caching its 17 columns (9 arrays) as column batches cost more than the text core itself, and beyond the
      // storage memory the batches went to disk: 100,000 articles 336 s -> 259 s, annotate 95 s -> 56 s.
      writer.writeParquet("annotated_corpus", Annotations.annotate(TextCore.create(inputs.lexicon()), counted));
      checkpoint = Checkpoint.open(spark);
      corpus = checkpoint.read(writer.parquetPath("annotated_corpus"), Annotations.SCHEMA);
      Row annotated = corpus.agg(count(lit(1)), countDistinct(col("doc_id"))).first();
      counts.put("annotated_corpus", annotated.getLong(0));
      long annotatedDocuments = annotated.getLong(1);
      steps.done("annotate", "annotated %d sentences", counts.get("annotated_corpus"));

      steps.begin("reports");
      // documents (then visits, which counts them) and rejected_documents read different data: written at once.
      // (The concurrent actions read final names of the kept datasets.)
      Dataset<Row> articles = raw;
      Dataset<Row> accepted = documents;
      Dataset<Row> paragraphRows = paragraphs;
      Dataset<Row> sentences = corpus;
      ReportWriter.Kept[] written = new ReportWriter.Kept[2];
      long[] visitRows = new long[1];
      try {
        Concurrently.run("reports", () -> {
          written[0] = writer.writeAndKeep(DocumentsReport.NAME,
              DocumentsReport.build(accepted, paragraphRows, sentences), acceptedCount,
              DocumentsReport.REPORT.orderColumns());
          visitRows[0] = writer.writeSmall(VisitsReport.NAME, VisitsReport.build(spark, catalog, written[0].rows()),
              VisitsReport.REPORT.orderColumns());
        }, () -> written[1] = writer.writeAndKeep(RejectedDocumentsReport.NAME, RejectedDocumentsReport.build(articles),
            found - acceptedCount, RejectedDocumentsReport.REPORT.orderColumns()));
      } finally {
        keep(kept, written);
      }
      ReportWriter.Kept documentsReport = written[0];
      ReportWriter.Kept rejected = written[1];
      counts.put(DocumentsReport.NAME, documentsReport.count());
      Dataset<Row> documentsWritten = documentsReport.rows();
      counts.put(VisitsReport.NAME, visitRows[0]);
      counts.put(RejectedDocumentsReport.NAME, rejected.count());
      RunSummary.Classes classes = RunSummary.count(documentsWritten, rejected.rows());
      steps.done("reports", "wrote documents, visits and rejected_documents: documents %s, rejected %s",
          classes.documents(), classes.rejected());
      // The articles, the attributed documents and the paragraphs, each cached with its text, are read by no later
      // step (the documents report is kept, the digest taken): dropped now, so that on a large corpus the term
      // pass's rows get the storage memory they held instead of spilling.
      for (Dataset<Row> d : new Dataset[] {raw, documents, paragraphs}) {
        d.unpersist();
      }

      steps.begin("sectors");
      // Two passes over the annotated corpus at once: the mentions, written, and one count of its matches that every
      // other sector report is computed from on the driver (window sector sets, and each visit's mentions and
      // documents per sector), so the mention rows are not kept for aggregates of their own. The small reports are
      // written while the mentions still are.
      // The annotated corpus is read back in (doc_id, sentence_id) order across its partitions (a checkpoint
      // partition is a file, in the order written) and each sentence's matches are in text order, so the mentions
      // come out in the report's order (doc_id, begin): written without a sort.
      long[] mentionRows = new long[1];
      long[] sectorRows = new long[3];
      List<String> visitIds = catalog.visits().stream().map(v -> v.visitId()).toList();
      Concurrently.run("sectors",
          () -> mentionRows[0] = writer.writeInOrder(SectorMentionsReport.NAME,
              SectorMentionsReport.build(sentences, inputs.lexicon())),
          () -> {
            // While the mentions are written: the count, then the three small reports from it, each written by a
            // thread of its own. The summary's rows are on the driver (a local relation): the comparison reads them
            // without a Spark job.
            SectorReports.CorpusCounts sectorCounts = SectorReports.countCorpus(sentences, inputs.lexicon());
            Dataset<Row> summary = SectorSummaryReport.build(spark, sectorCounts.byVisitSector(), documentsWritten,
                visitIds, inputs.lexicon().sectors());
            Concurrently.run("sectors",
                () -> sectorRows[2] = writer.writeSmall(SectorSummaryReport.NAME, summary,
                    SectorSummaryReport.REPORT.orderColumns()),
                () -> sectorRows[1] = writer.writeSmall(EmphasisComparisonReport.NAME, EmphasisComparisonReport.build(
                    summary, sectorCounts.pooledBySector(), comparison.get(0), comparison.get(1),
                    options.priorScale()), EmphasisComparisonReport.REPORT.orderColumns()),
                () -> sectorRows[0] = writer.writeSmall(TopicCooccurrenceReport.NAME, TopicCooccurrenceReport.build(
                        sectorCounts, sentences, SectorMentionsReport.build(sentences, inputs.lexicon()),
                        documentsWritten),
                    TopicCooccurrenceReport.REPORT.orderColumns()));
          });
      counts.put(SectorMentionsReport.NAME, mentionRows[0]);
      counts.put(SectorSummaryReport.NAME, sectorRows[2]);
      counts.put(TopicCooccurrenceReport.NAME, sectorRows[0]);
      counts.put(EmphasisComparisonReport.NAME, sectorRows[1]);
      steps.done("sectors", "%d sector mentions; compared %s with %s", counts.get(SectorMentionsReport.NAME),
          comparison.get(0), comparison.get(1));

      steps.begin("terms");
      // One pass over the annotated corpus counts each document's n-grams once: it keeps each document's top terms
      // (the document scope) and adds them up per visit (visitTerms, every corpus-wide and visit-wide figure). The
      // pass's rows are kept until both are written; visitTerms, small, until the end.
      termPass = TermReports.termPassOfAnnotated(corpus, options.topPerDocument())
          .persist(StorageLevel.MEMORY_AND_DISK());
      visitTerms = Terms.visitSums(termPass).persist(StorageLevel.MEMORY_AND_DISK());
      long vocabulary = countAndWarnIfNoTerms(visitTerms, comparison);
      Dataset<Row> termCounts = Terms.documentRows(termPass);
      long[] termRows = new long[2];
      // A small vocabulary's per-visit counts are read by some twenty small stages (sums, joins, ranks, the keyness
      // and its q-values): kept in one partition, each of those stages is one task instead of one per partition.
      Dataset<Row> perVisit = vocabulary <= ReportWriter.ONE_TASK_ROWS
          ? visitTerms.coalesce(1).persist(StorageLevel.MEMORY_AND_DISK()) : visitTerms;
      if (perVisit != visitTerms) {
        kept.add(perVisit);
      }
      // term_frequencies and term_keyness both read the per-visit counts, not each other: written at once.
      Concurrently.run("terms", () -> {
        termRows[0] = TermFrequenciesReport.write(writer, termCounts, perVisit, vocabulary, annotatedDocuments,
            options.minCount(), options.topPerDocument());
      }, () -> termRows[1] = writer.write(TermKeynessReport.NAME, TermKeynessReport.build(perVisit,
          comparison.get(0), comparison.get(1), options.priorScale()), vocabulary, TermKeynessReport.REPORT.orderColumns()));
      counts.put(TermFrequenciesReport.NAME, termRows[0]);
      counts.put(TermKeynessReport.NAME, termRows[1]);
      steps.done("terms", "%d distinct terms by visit; wrote %d term frequencies and %d keyness rows (%s vs %s)",
          vocabulary, counts.get(TermFrequenciesReport.NAME), counts.get(TermKeynessReport.NAME), comparison.get(0),
          comparison.get(1));

      // What the rest of the run does not read is dropped before the page: every query Spark plans is matched
      // against every cached plan, and the term pass's is large.
      for (Dataset<Row> d : new Dataset[] {termPass, visitTerms}) {
        d.unpersist();
      }
      // After every report: the page shows what the staging directory holds when it is written. It reads the
      // Parquet back on purpose: built from the kept rows instead, the html step took 3.0-3.3 s against 2.5 s on
      // the seeds and 7.5-12.5 s against 1.5-3.3 s in the integration tests' long-lived JVM (Spark analyses each
      // kept report's whole plan for every query before it finds the cache; a Parquet read is one leaf).
      steps.begin("html");
      steps.done("html", "wrote %s", HtmlSummary.write(spark, dir.staging()).getName());

      steps.begin("publish");
      for (String shipped : ReportDirectory.SHIPPED_FILES) {
        HadoopFiles.copyResource(conf, "/io/visitlens/reports/" + shipped, new Path(dir.staging(), shipped));
      }
      DuckDbViews.keepWritten(conf, dir.staging());
      RunManifest.write(conf, new Path(dir.staging(), ReportDirectory.MARKER), dir.runId(), options, comparison,
          corpusDigest, found, counts, steps.timings());
      dir.publish();
      steps.done("publish", "published %s", dir.out());
      return new Result(dir.out().toString(), counts, steps.timings(), classes);
    } catch (RuntimeException e) {
      dir.abort();
      throw e;
    } finally {
      steps.end();
      if (checkpoint != null) {
        checkpoint.close();
      }
      for (Dataset<Row> d : new Dataset[] {raw, documents, paragraphs, termPass, visitTerms}) {
        if (d != null) {
          d.unpersist();
        }
      }
      kept.forEach(Dataset::unpersist);
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

  /** Adds the reports written so far (those that were) to the kept rows, which the run unpersists at its end. */
  private static void keep(List<Dataset<Row>> kept, ReportWriter.Kept[] written) {
    for (ReportWriter.Kept k : written) {
      if (k != null) {
        kept.add(k.rows());
      }
    }
  }

  /** The validated configuration inputs of a run. */
  public record Inputs(VisitCatalog catalog, SectorLexicon lexicon, List<String> comparison) {}

  /**
   * Reads and validates everything a run is configured with (visit catalogue, comparison, output location)
   * without starting Spark, so that bad input is refused in a second, with nothing written.
   */
  public static Inputs checkInputs(Configuration conf, JobOptions options) {
    VisitCatalog catalog = readConfig(conf, "--visits", options.visits(), VisitCatalog::parse);
    SectorLexicon lexicon = readConfig(conf, "--lexicon", options.lexicon(), SectorLexicon::parse);
    List<String> comparison = comparison(catalog, options);
    ReportDirectory.check(conf, options.out(), options.corpus(), options.force());
    return new Inputs(catalog, lexicon, comparison);
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

  /**
   * The rows of the per-visit term counts (one action, which also fills their cache), warning when a compared visit
   * has no counted term: its keyness table is then empty, not an error.
   */
  static long countAndWarnIfNoTerms(Dataset<Row> visitTerms, List<String> comparison) {
    long rows = 0;
    List<String> counted = new ArrayList<>();
    // One row per visit key with a counted term: bounded by the catalogue.
    for (Row r : visitTerms.groupBy(col("visit_id")).agg(count(lit(1)))
        .limit((int) HtmlSummary.MAX_ROWS_PER_ACTION).collectAsList()) {
      rows += r.getLong(1);
      if (!r.isNullAt(0)) {
        counted.add(r.getString(0));
      }
    }
    for (String visit : comparison) {
      if (!counted.contains(visit)) {
        LOG.warn("visit {} has no counted term (no attributed document, or only duplicate paragraphs): "
            + "term_keyness {} vs {} is empty", visit, comparison.get(0), comparison.get(1));
      }
    }
    return rows;
  }

  /**
   * Times the steps and logs each with its counts. Each step's Spark jobs carry its name as their description
   * ({@code VisitLens annotate}), so the Spark UI, the event log and the REST API tell which step runs.
   */
  static final class Steps {
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
}
