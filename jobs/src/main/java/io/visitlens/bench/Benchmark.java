package io.visitlens.bench;

import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ConfigFiles;
import io.visitlens.io.Sha256;
import io.visitlens.job.AnalysisJob;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * The benchmark of issue 7: for each corpus size, four contenders on the same generated corpus, the first three in
 * one JVM and one SparkSession, one after the other in a fixed order (analysis, naive, wordcount, sklearn):
 * <ol>
 *   <li>{@code analysis}: the whole VisitLens analysis, {@link AnalysisJob#run}, into a fresh report directory;
 *   <li>{@code naive}: a naive Spark NLP pipeline and its term and sector counts ({@link NaiveNlpPipeline});
 *   <li>{@code wordcount}: a Spark ML word count ({@link WordCountBaseline});
 *   <li>{@code sklearn}: scikit-learn's {@code CountVectorizer(ngram_range=(1, 3), stop_words="english")} in a
 *       Python child process ({@link SklearnCount}), timed from the process's start to its exit; its memory is
 *       the child's peak resident set size, not a JVM heap. It needs a python3 that imports sklearn.
 * </ol>
 * Before the measured runs every selected contender runs once on a small corpus ({@code warmupDocs}), so the JIT
 * and Spark's and Spark NLP's one-off initialisation do not favour whichever contender runs later. Before each
 * contender the session's shuffle-partition setting is put back as it was (the analysis sizes it to the
 * corpus), cached data is dropped, a GC is requested and the heap pools' peak usage is reset; afterwards the
 * peaks of the heap pools are summed, an upper bound of the peak heap (the pools peak at different moments).
 * With a {@code local} master the executors run in this JVM, so that is the heap of driver and executors
 * together. Input MB is the JSON Lines file's size (10^6 bytes).
 *
 * <p>With more than one round ({@link Options#rounds}) each size runs every contender once per round, in the same
 * order; a ratio is taken between contenders of the same round, so that a slow phase of the machine hits both sides
 * alike, and the summary lines give the median of the rounds' ratios with every round's value.
 *
 * <p>Nothing per document reaches the driver: every contender writes its results as files.
 */
public final class Benchmark {

  /** The contenders, in the order they run. */
  public enum Contender {
    ANALYSIS, NAIVE, WORDCOUNT, SKLEARN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Contender parse(String label) {
      for (Contender c : values()) {
        if (c.label().equals(label.strip())) {
          return c;
        }
      }
      throw new IllegalArgumentException("'" + label + "' is not one of analysis, naive, wordcount, sklearn");
    }

    /** Whether the contender runs in a child process, whose memory is its peak RSS rather than a JVM heap. */
    public boolean childProcess() {
      return this == SKLEARN;
    }
  }

  /**
   * What to run.
   *
   * @param docs        the corpus sizes, in articles, run in this order
   * @param work        the local work directory: generated corpora ({@code corpora/}, cached by size, seed and
   *                    inputs) and the contenders' outputs ({@code runs/<docs>/<contender>/}, replaced)
   * @param seed        the generator's seed
   * @param contenders  which contenders to run (always in the order of {@link Contender})
   * @param results     the CSV file the results are written to (rewritten after each size)
   * @param warmupDocs  articles of the warm-up corpus; 0 skips the warm-up
   * @param resampling  whether the analysis resamples as by default; false runs it with {@code --bootstrap 0
   *                    --permutations 0}, to measure what the resampling costs
   * @param speech      whether the analysis finds statements and deliverables as by default; false runs it with
   *                    {@code --no-speech}, to measure what they cost
   * @param topics      the analysis's {@code --topics}: {@link JobOptions#AUTO_TOPICS} by default, 0 to measure what the
   *                    topic model costs
   * @param rounds      measured rounds per corpus size, each running every contender once in the fixed order; the
   *                    ratios are taken within a round and summarised by their median over the rounds
   * @param csvScopes   the analysis's {@code --csv-scopes}: every scope of {@code term_frequencies} by default
   */
  public record Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
      Path seedsCorpus, Path visits, Path lexicon, int warmupDocs, boolean resampling, boolean speech, int topics,
      int rounds, List<String> csvScopes) {
    /** With every scope of {@code term_frequencies} in its CSV. */
    public Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
        Path seedsCorpus, Path visits, Path lexicon, int warmupDocs, boolean resampling, boolean speech, int topics,
        int rounds) {
      this(docs, work, seed, contenders, results, seedsCorpus, visits, lexicon, warmupDocs, resampling, speech, topics,
          rounds, JobOptions.TERM_SCOPES);
    }

    /** One measured round. */
    public Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
        Path seedsCorpus, Path visits, Path lexicon, int warmupDocs, boolean resampling, boolean speech, int topics) {
      this(docs, work, seed, contenders, results, seedsCorpus, visits, lexicon, warmupDocs, resampling, speech, topics,
          1);
    }

    /** With the default topic model. */
    public Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
        Path seedsCorpus, Path visits, Path lexicon, int warmupDocs, boolean resampling, boolean speech) {
      this(docs, work, seed, contenders, results, seedsCorpus, visits, lexicon, warmupDocs, resampling, speech,
          JobOptions.AUTO_TOPICS);
    }

    /** With the analysis's default resampling. */
    public Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
        Path seedsCorpus, Path visits, Path lexicon, int warmupDocs) {
      this(docs, work, seed, contenders, results, seedsCorpus, visits, lexicon, warmupDocs, true, true);
    }

    /** With the analysis's speech pass. */
    public Options(List<Integer> docs, Path work, long seed, Set<Contender> contenders, Path results,
        Path seedsCorpus, Path visits, Path lexicon, int warmupDocs, boolean resampling) {
      this(docs, work, seed, contenders, results, seedsCorpus, visits, lexicon, warmupDocs, resampling, true);
    }

    public Options {
      docs = List.copyOf(docs);
      csvScopes = JobOptions.csvScopes(csvScopes);
      contenders = contenders.isEmpty() ? EnumSet.noneOf(Contender.class) : EnumSet.copyOf(contenders);
      if (docs.isEmpty() || docs.stream().anyMatch(d -> d < 1)) {
        throw new IllegalArgumentException("--docs takes one or more sizes of at least 1 article");
      }
      if (contenders.isEmpty()) {
        throw new IllegalArgumentException("no contender to run");
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("--rounds must be 1 or more, got " + rounds);
      }
    }
  }

  /**
   * One contender's run on one corpus.
   *
   * @param peakMemoryBytes the summed peaks of the JVM's heap pools, or for a {@linkplain Contender#childProcess()
   *                        child process} its peak resident set size
   * @param fitS            the sklearn script's own {@code fit_transform} time in seconds; NaN for the others
   * @param round           the measured round, from 1
   */
  public record Measurement(int docs, long bytes, Contender contender, long wallMs, long peakMemoryBytes, double fitS,
      int round) {
    public double mb() {
      return bytes / 1e6;
    }

    public double wallS() {
      return wallMs / 1000.0;
    }

    public double mbPerS() {
      return mb() / Math.max(wallS(), 1e-3);
    }

    public double peakMemoryMb() {
      return peakMemoryBytes / 1e6;
    }

    /** What {@link #peakMemoryBytes} measures: {@code heap} (the JVM's heap pools) or {@code child_rss}. */
    public String memory() {
      return contender.childProcess() ? "child_rss" : "heap";
    }
  }

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("docs", "mb", "contender", "wall_s", "mb_per_s", "peak_heap_mb",
      "ratio_to_wordcount", "ratio_to_analysis", "date", "java_version", "cores", "max_heap_mb", "master", "memory",
      "fit_s", "round");

  /** Session settings the analysis sizes to its corpus, put back before each contender. */
  private static final List<String> SIZED_SETTINGS = List.of("spark.sql.shuffle.partitions",
      "spark.sql.inMemoryColumnarStorage.compressed", "spark.sql.codegen.factoryMode");

  private final SparkSession spark;
  private final Options options;
  private final PrintStream out;
  private final SectorLexicon lexicon;
  private final Map<String, Optional<String>> initialSettings = new LinkedHashMap<>();
  private Path sklearnScript;
  private final String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'"));

  private Benchmark(SparkSession spark, Options options, PrintStream out) {
    this.spark = spark;
    this.options = options;
    this.out = out;
    if (options.contenders().contains(Contender.SKLEARN) && !SklearnCount.available()) {
      throw new IllegalArgumentException("the sklearn contender cannot run: " + SklearnCount.NOT_INSTALLED);
    }
    this.lexicon = SectorLexicon.parse(ConfigFiles.read(options.lexicon()), options.lexicon().toString());
    for (String key : SIZED_SETTINGS) {
      Option<String> set = spark.conf().getOption(key);
      initialSettings.put(key, set.isDefined() ? Optional.of(set.get()) : Optional.empty());
    }
  }

  /**
   * The contenders that can run, of {@code requested}: all of them, except that sklearn, where no python3 imports
   * sklearn, is left out with one line printed to {@code out} when it was not asked for by name
   * ({@code explicit} false: the default of all contenders), and refused when it was.
   *
   * @throws IllegalArgumentException when sklearn was asked for by name and cannot run
   */
  public static Set<Contender> runnable(Set<Contender> requested, boolean explicit, PrintStream out) {
    EnumSet<Contender> runnable = requested.isEmpty() ? EnumSet.noneOf(Contender.class) : EnumSet.copyOf(requested);
    if (runnable.contains(Contender.SKLEARN) && !SklearnCount.available()) {
      if (explicit) {
        throw new IllegalArgumentException("the sklearn contender cannot run: " + SklearnCount.NOT_INSTALLED);
      }
      runnable.remove(Contender.SKLEARN);
      out.println("bench: the sklearn contender is skipped: " + SklearnCount.NOT_INSTALLED);
    }
    return runnable;
  }

  /** Runs the benchmark, prints progress and the table to {@code out}, writes the CSV; returns the measurements. */
  public static List<Measurement> run(SparkSession spark, Options options, PrintStream out) throws IOException {
    return new Benchmark(spark, options, out).run();
  }

  /** The flags the analysis runs with beyond {@code run}'s defaults, as the command line spells them; empty: none. */
  static String analysisFlags(Options options) {
    List<String> flags = new java.util.ArrayList<>();
    if (!options.resampling()) {
      flags.add("--bootstrap 0 --permutations 0");
    }
    if (!options.speech()) {
      flags.add("--no-speech");
    }
    if (options.topics() != JobOptions.AUTO_TOPICS) {
      flags.add("--topics " + options.topics());
    }
    if (!options.csvScopes().equals(JobOptions.TERM_SCOPES)) {
      flags.add("--csv-scopes " + String.join(",", options.csvScopes()));
    }
    return String.join(" ", flags);
  }

  private List<Measurement> run() throws IOException {
    out.printf(Locale.ROOT, "bench: %s, Java %s, %d cores, max heap %.0f MB, master %s; contenders %s%n", date,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), maxHeapMb(),
        spark.sparkContext().master(), String.join(", ", options.contenders().stream().map(Contender::label).toList()));
    String flags = analysisFlags(options);
    if (!flags.isEmpty() && options.contenders().contains(Contender.ANALYSIS)) {
      out.printf(Locale.ROOT, "bench: the analysis runs with %s, not its defaults%n", flags);
    }
    if (options.warmupDocs() > 0) {
      Path corpus = corpus(options.warmupDocs());
      long t0 = System.nanoTime();
      for (Contender c : options.contenders()) {
        runContender(c, corpus, options.work().resolve("warmup").resolve(c.label()));
      }
      out.printf(Locale.ROOT, "bench: warm-up, %d articles, every contender once: %.1f s (not counted)%n",
          options.warmupDocs(), (System.nanoTime() - t0) / 1e9);
    }
    List<Measurement> all = new ArrayList<>();
    for (int docs : options.docs()) {
      Path corpus = corpus(docs);
      long bytes = Files.size(corpus);
      for (int round = 1; round <= options.rounds(); round++) {
        String ofRound = options.rounds() == 1 ? ""
            : String.format(Locale.ROOT, " (round %d of %d)", round, options.rounds());
        for (Contender c : options.contenders()) {
          Measurement m = measure(c, docs, bytes, corpus, round);
          all.add(m);
          if (c.childProcess()) {
            out.printf(Locale.ROOT, "bench: %,d articles (%.1f MB), %s%s: %.1f s, %.3f MB/s (fit_transform alone "
                + "%.1f s, %.3f MB/s), child peak RSS %.0f MB%n", docs, m.mb(), c.label(), ofRound, m.wallS(),
                m.mbPerS(), m.fitS(), m.mb() / Math.max(m.fitS(), 1e-3), m.peakMemoryMb());
          } else {
            out.printf(Locale.ROOT, "bench: %,d articles (%.1f MB), %s%s: %.1f s, %.3f MB/s, peak heap %.0f MB%n",
                docs, m.mb(), c.label(), ofRound, m.wallS(), m.mbPerS(), m.peakMemoryMb());
          }
        }
        writeCsv(all);
      }
    }
    out.print(table(all));
    out.printf("bench: results in %s%n", options.results());
    return all;
  }

  private Measurement measure(Contender c, int docs, long bytes, Path corpus, int round) {
    Path target = options.work().resolve("runs").resolve(Integer.toString(docs)).resolve(c.label());
    deleteRecursively(target);
    spark.catalog().clearCache();
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t0 = System.nanoTime();
    Optional<SklearnCount.Result> child = runContender(c, corpus, target);
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    long peak = heap.stream().filter(MemoryPoolMXBean::isValid).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    if (child.isPresent()) {
      // The child process's own wall time (start to exit) and peak RSS; the JVM only waited for it.
      return new Measurement(docs, bytes, c, child.get().wallMs(), child.get().peakRssBytes(), child.get().fitS(),
          round);
    }
    return new Measurement(docs, bytes, c, wallMs, peak, Double.NaN, round);
  }

  /**
   * Runs one contender on {@code corpus} into {@code target}, from the session settings the benchmark began with;
   * returns what the sklearn child process measured and wrote, when that was the contender.
   */
  private Optional<SklearnCount.Result> runContender(Contender c, Path corpus, Path target) {
    deleteRecursively(target);
    initialSettings.forEach((key, value) -> {
      if (value.isPresent()) {
        spark.conf().set(key, value.get());
      } else {
        spark.conf().unset(key);
      }
    });
    String input = corpus.toUri().toString();
    String output = target.toUri().toString();
    try {
      switch (c) {
        case ANALYSIS -> {
          JobOptions job = JobOptions.of(input, options.visits().toString(), options.lexicon().toString(), output);
          JobOptions resampled = options.resampling() ? job : job.withBootstrap(0, job.seed()).withPermutations(0);
          AnalysisJob.run(spark, resampled.withSpeech(options.speech())
              .withTopics(options.topics(), JobOptions.DEFAULT_TOPICS_MIN_DOCUMENTS)
              .withCsvScopes(options.csvScopes()));
        }
        case NAIVE -> {
          spark.sparkContext().setJobDescription("bench naive");
          NaiveNlpPipeline.run(spark, input, lexicon, output);
        }
        case WORDCOUNT -> {
          spark.sparkContext().setJobDescription("bench wordcount");
          WordCountBaseline.run(spark, input, output);
        }
        case SKLEARN -> {
          if (sklearnScript == null) {
            sklearnScript = SklearnCount.script(options.work().resolve("python"));
          }
          return Optional.of(SklearnCount.run(sklearnScript, corpus, target));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** The generated corpus of {@code docs} articles, from the cache when it is there. */
  private Path corpus(int docs) throws IOException {
    Path file = options.work().resolve("corpora").resolve(String.format(Locale.ROOT, "corpus-%d-seed%d-%s.jsonl",
        docs, options.seed(), inputsKey()));
    if (Files.isRegularFile(file)) {
      out.printf(Locale.ROOT, "bench: corpus %s (cached), %.1f MB%n", file, Files.size(file) / 1e6);
      return file;
    }
    long t0 = System.nanoTime();
    CorpusGenerator.Result r = CorpusGenerator.run(new CorpusGenerator.Options(docs, file, options.seed(),
        options.seedsCorpus(), options.visits(), options.lexicon()));
    out.printf(Locale.ROOT, "bench: generated %s: %,d articles, %.1f MB in %.1f s%n", file, r.articles(),
        r.megabytes(), (System.nanoTime() - t0) / 1e9);
    return file;
  }

  /** A short digest of the generator's version and inputs, so a cached corpus is never stale. */
  private String inputsKey() throws IOException {
    MessageDigest sha = Sha256.digest();
    sha.update(("v" + CorpusGenerator.VERSION).getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.walk(options.seedsCorpus())) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
    files.add(options.visits());
    files.add(options.lexicon());
    for (Path f : files) {
      sha.update(Files.readAllBytes(f));
    }
    return Sha256.hex(sha).substring(0, 8);
  }

  private static Optional<Measurement> find(List<Measurement> all, int docs, int round, Contender c) {
    return all.stream().filter(m -> m.docs() == docs && m.round() == round && m.contender() == c).findFirst();
  }

  /** The contender's measurements of one size, by round. */
  private static List<Measurement> rounds(List<Measurement> all, int docs, Contender c) {
    return all.stream().filter(m -> m.docs() == docs && m.contender() == c)
        .sorted(Comparator.comparingInt(Measurement::round)).toList();
  }

  /** {@code of}'s wall time over {@code to}'s in the same round, per round that measured both. */
  static List<Double> ratios(List<Measurement> all, int docs, Contender of, Contender to) {
    List<Double> out = new ArrayList<>();
    for (Measurement m : rounds(all, docs, of)) {
      find(all, docs, m.round(), to).ifPresent(t -> out.add(over(m, t)));
    }
    return out;
  }

  /** The median: the middle value, or the mean of the middle two. */
  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      throw new IllegalArgumentException("no value");
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** {@code " (median of 3 rounds: 7.91, 8.07, 8.30)"} for more than one value, else nothing. */
  private static String ofRounds(List<Double> values, String format) {
    if (values.size() < 2) {
      return "";
    }
    return String.format(Locale.ROOT, " (median of %d rounds: %s)", values.size(),
        String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, format, v)).toList()));
  }

  /** {@code m}'s wall time over {@code t}'s. */
  private static double over(Measurement m, Measurement t) {
    return m.wallS() / Math.max(t.wallS(), 1e-3);
  }

  private static String ratio(List<Measurement> all, Measurement m, Contender to) {
    return find(all, m.docs(), m.round(), to).map(t -> String.format(Locale.ROOT, "%.2f", over(m, t))).orElse("");
  }

  private void writeCsv(List<Measurement> all) throws IOException {
    Path parent = options.results().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(new String[0])).build();
    try (Writer w = Files.newBufferedWriter(options.results(), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, format)) {
      for (Measurement m : all) {
        csv.printRecord(m.docs(), fmt("%.3f", m.mb()), m.contender().label(), fmt("%.3f", m.wallS()),
            fmt("%.4f", m.mbPerS()), fmt("%.0f", m.peakMemoryMb()), ratio(all, m, Contender.WORDCOUNT),
            ratio(all, m, Contender.ANALYSIS), date, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), fmt("%.0f", maxHeapMb()), spark.sparkContext().master(),
            m.memory(), Double.isNaN(m.fitS()) ? "" : fmt("%.3f", m.fitS()), m.round());
      }
    }
  }

  /**
   * The results as an aligned table, with the goals where both sides of a ratio were measured. With more than
   * one round, each goal's ratio is the median of the rounds' ratios (each taken within its round), listed after it.
   */
  static String table(List<Measurement> all) {
    StringBuilder b = new StringBuilder();
    String row = "%9s  %5s  %8s  %-9s  %8s  %8s  %12s  %11s  %10s%n";
    b.append(String.format(Locale.ROOT, row, "docs", "round", "MB", "contender", "wall s", "MB/s", "peak heap MB",
        "÷ wordcount", "÷ analysis"));
    for (Measurement m : all) {
      b.append(String.format(Locale.ROOT, row, String.format(Locale.ROOT, "%,d", m.docs()), m.round(),
          fmt("%.1f", m.mb()), m.contender().label(), fmt("%.1f", m.wallS()), fmt("%.3f", m.mbPerS()),
          fmt("%.0f", m.peakMemoryMb()) + (m.contender().childProcess() ? " rss" : ""),
          ratio(all, m, Contender.WORDCOUNT), ratio(all, m, Contender.ANALYSIS)));
    }
    if (all.stream().anyMatch(m -> m.contender().childProcess())) {
      b.append("(sklearn: wall s is the Python child process's, start to exit; its peak is that process's peak RSS, "
          + "marked rss, not a JVM heap)\n");
    }
    List<Integer> sizes = all.stream().map(Measurement::docs).distinct().sorted().toList();
    for (int docs : sizes) {
      List<Double> toWordcount = ratios(all, docs, Contender.ANALYSIS, Contender.WORDCOUNT);
      if (!toWordcount.isEmpty()) {
        b.append(String.format(Locale.ROOT, "%,d articles: analysis takes %.2f× the word count's time%s "
            + "(goal at 10,000: ≤ 2.0)%n", docs, median(toWordcount), ofRounds(toWordcount, "%.2f")));
      }
      List<Double> naiveToAnalysis = ratios(all, docs, Contender.NAIVE, Contender.ANALYSIS);
      if (!naiveToAnalysis.isEmpty()) {
        b.append(String.format(Locale.ROOT, "%,d articles: the naive pipeline takes %.2f× the analysis's time%s "
            + "(goal at 10,000: ≥ 5)%n", docs, median(naiveToAnalysis), ofRounds(naiveToAnalysis, "%.2f")));
      }
      List<Measurement> sk = rounds(all, docs, Contender.SKLEARN);
      if (!sk.isEmpty()) {
        StringBuilder ours = new StringBuilder();
        for (Contender c : List.of(Contender.ANALYSIS, Contender.NAIVE, Contender.WORDCOUNT)) {
          List<Double> mbPerS = rounds(all, docs, c).stream().map(Measurement::mbPerS).toList();
          if (!mbPerS.isEmpty()) {
            ours.append(ours.length() == 0 ? "" : ", ").append(c.label())
                .append(String.format(Locale.ROOT, " %.3f MB/s", median(mbPerS)));
          }
        }
        List<Double> process = sk.stream().map(Measurement::mbPerS).toList();
        List<Double> fit = sk.stream().map(Measurement::fitS).toList();
        double mb = sk.get(0).mb();
        b.append(String.format(Locale.ROOT, "%,d articles: sklearn CountVectorizer (1–3-grams) %.3f MB/s as a process, "
            + "%.3f MB/s in fit_transform alone (%.1f s)%s%s%n", docs, median(process), mb / Math.max(median(fit), 1e-3),
            median(fit), ours.length() == 0 ? "" : "; ours: " + ours, sk.size() > 1 ? " (medians of "
            + sk.size() + " rounds)" : ""));
      }
    }
    for (int i = 1; i < sizes.size(); i++) {
      int from = sizes.get(i - 1);
      int to = sizes.get(i);
      for (Contender c : Contender.values()) {
        List<Double> x = rounds(all, from, c).stream().map(Measurement::wallS).toList();
        List<Double> y = rounds(all, to, c).stream().map(Measurement::wallS).toList();
        if (!x.isEmpty() && !y.isEmpty()) {
          b.append(String.format(Locale.ROOT, "%s, %,d → %,d articles (×%.0f): time ×%.1f%s%n", c.label(), from, to,
              (double) to / from, median(y) / Math.max(median(x), 1e-3),
              x.size() > 1 || y.size() > 1 ? " (of the median times)" : ""));
        }
      }
    }
    return b.toString();
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }

  private static double maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / 1e6;
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
