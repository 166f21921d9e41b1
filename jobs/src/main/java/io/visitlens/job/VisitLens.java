package io.visitlens.job;

import io.visitlens.bench.Benchmark;
import io.visitlens.bench.CorpusGenerator;
import io.visitlens.bench.TextCoreBenchmark;
import io.visitlens.config.ConfigException;
import io.visitlens.config.JobOptions;
import io.visitlens.stats.ArticleBootstrap;
import io.visitlens.stats.CooccurrencePermutation;
import io.visitlens.config.VisitCatalog;
import io.visitlens.config.NameAliases;
import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ConfigFiles;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.ReportDirectory;
import io.visitlens.report.HtmlSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The command line: {@code visitlens run|page|kwic|generate|bench|bench-core [flags]}. Like Beam's WordCount, {@code main}
 * only parses options; {@link AnalysisJob#run}, {@link HtmlSummary#write}, {@link CorpusGenerator#run} and {@link Benchmark#run} do the work. Exit codes: 0 done, 1 failed, 2 refused input (bad flag, catalogue
 * or lexicon; nothing written).
 */
@Command(name = "visitlens", mixinStandardHelpOptions = true, versionProvider = VisitLens.Version.class,
    description = "Reports on what state visits emphasised, from news articles, on Apache Spark.",
    subcommands = {VisitLens.Run.class, VisitLens.Page.class, VisitLens.KwicCommand.class, VisitLens.Generate.class, VisitLens.Bench.class, VisitLens.BenchCore.class,
        CommandLine.HelpCommand.class})
public final class VisitLens {

  public static final int EXIT_REFUSED = 2;

  public static void main(String[] args) {
    quietLogging();
    System.exit(execute(args));
  }

  /**
   * Installs VisitLens's log configuration (its steps at INFO, Spark at WARN) unless one was named with
   * {@code -Dlog4j2.configurationFile}. Spark NLP's jar carries a log4j2.properties that would silence
   * everything, Spark's errors included.
   */
  static void quietLogging() {
    if (System.getProperty("log4j2.configurationFile") == null) {
      try {
        org.apache.logging.log4j.core.config.Configurator.reconfigure(
            VisitLens.class.getResource("/io/visitlens/log4j2-visitlens.properties").toURI());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Parses and runs, returning the exit code (tests call this instead of {@link #main}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new VisitLens());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException) {
        cmd.getErr().println("visitlens: refused: " + e.getMessage());
        return EXIT_REFUSED;
      }
      cmd.getErr().println("visitlens: failed: " + e);
      e.printStackTrace(cmd.getErr());
      return 1;
    });
    return cli.execute(args);
  }

  /** {@code visitlens page}: the page of an existing report directory, written again from its Parquet. */
  @Command(name = "page", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Write index.html again from the Parquet reports of a report directory (one an older version "
          + "wrote, or whose page was deleted), with no analysis run.")
  static final class Page implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
        description = "The report directory (default: ${DEFAULT-VALUE}).")
    String dir = JobOptions.DEFAULT_OUT;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*] when not under "
        + "spark-submit, which sets its own).")
    String master;

    @Override
    public Integer call() {
      if (!HadoopFiles.exists(Sessions.hadoopConfiguration(master),
          new org.apache.hadoop.fs.Path(dir, ReportDirectory.MARKER).toString())) {
        throw ConfigException.of("DIR", dir + ": not a VisitLens report directory (no "
            + ReportDirectory.MARKER + ")");
      }
      try (Sessions.Handle session = Sessions.open(master)) {
        org.apache.hadoop.fs.Path page = HtmlSummary.write(session.spark(),
            new org.apache.hadoop.fs.Path(dir));
        System.out.println("visitlens: wrote " + page);
        return 0;
      }
    }
  }

  /** {@code visitlens kwic}: a concordance from an existing report directory ({@link Kwic}). */
  @Command(name = "kwic", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Print the contexts of a word or phrase from a report directory's annotated corpus, with no "
          + "analysis run (as a concordancer does); --out also writes them as CSV.")
  static final class KwicCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TERM", description = "The word or phrase, normalised as the corpus's "
        + "terms are (case, apostrophes); a phrase matches consecutive tokens of one sentence.")
    String term;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR",
        description = "The report directory (default: ${DEFAULT-VALUE}).")
    String dir = JobOptions.DEFAULT_OUT;

    @Option(names = "--visit", paramLabel = "V", description = "Only the articles of this visit id.")
    String visit;

    @Option(names = "--language", paramLabel = "L", description = "Only articles in this language (en, sr-Latn, "
        + "sr-Cyrl, ru, de…), whose rules also normalise TERM (default: all; TERM normalised as English).")
    String language;

    @Option(names = "--context", paramLabel = "K", description = "Tokens each side, inside the sentence "
        + "(default: ${DEFAULT-VALUE}).")
    int context = io.visitlens.transform.Concordance.CONTEXT_TOKENS;

    @Option(names = "--limit", paramLabel = "N", description = "Contexts shown, by visit, article and offset; 0 for "
        + "all (default: ${DEFAULT-VALUE}).")
    int limit = 25;

    @Option(names = "--width", paramLabel = "W", description = "Characters of each side shown (default: "
        + "${DEFAULT-VALUE}).")
    int width = 50;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the contexts shown as CSV (visit_id, "
        + "doc_id, sentence_id, begin, end, left, match, right).")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*] when not under "
        + "spark-submit, which sets its own).")
    String master;

    @Override
    public Integer call() throws IOException {
      if (context < 0 || limit < 0 || width < 8) {
        throw ConfigException.of(context < 0 ? "--context" : limit < 0 ? "--limit" : "--width",
            width < 8 && context >= 0 && limit >= 0 ? "must be at least 8" : "must be 0 or more");
      }
      try (Sessions.Handle session = Sessions.open(master)) {
        Kwic.run(session.spark(), new Kwic.Options(dir, term, visit, language, context, limit,
            out == null ? null : Path.of(out), width), System.out);
        return 0;
      }
    }
  }

  /** {@code visitlens run}: the whole analysis. */
  @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Analyse a corpus into CSV and Parquet reports, published atomically into --out.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "PATH", description = "Input corpus: a directory of .txt articles, or "
        + "JSON Lines, CSV or Parquet records (default: ${DEFAULT-VALUE}).")
    String corpus = home(JobOptions.DEFAULT_CORPUS);

    @Option(names = "--format", paramLabel = "FMT", description = "auto, txt, jsonl, csv or parquet (default: ${DEFAULT-VALUE}).")
    String format = "auto";

    @Option(names = "--visits", paramLabel = "FILE", description = "Visit catalogue CSV (default: ${DEFAULT-VALUE}).")
    String visits = home(JobOptions.DEFAULT_VISITS);

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Sector lexicon CSV (default: ${DEFAULT-VALUE}).")
    String lexicon = home(JobOptions.DEFAULT_LEXICON);

    @Option(names = "--aliases", paramLabel = "FILE", description = "Other names of the catalogue's cities, "
        + "countries and leaders, per language, for attribution; none for none (default: "
        + JobOptions.DEFAULT_ALIASES + " when it exists).")
    String aliases;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory, replaced atomically (default: ${DEFAULT-VALUE}).")
    String out = home(JobOptions.DEFAULT_OUT);

    @Option(names = "--compare", paramLabel = "A,B", split = ",", description = "Two visit ids to compare, "
        + "positive = more in B (default: the earliest and the latest visit).")
    List<String> compare;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*] when not under "
        + "spark-submit, which sets its own).")
    String master;

    @Option(names = "--keep-duplicates", description = "Count syndicated paragraphs in every document they appear in.")
    boolean keepDuplicates;

    @Option(names = "--window-days", paramLabel = "N", description = "Days of tolerance around a visit's dates when "
        + "attributing an article (default: ${DEFAULT-VALUE}).")
    int windowDays = JobOptions.DEFAULT_WINDOW_DAYS;

    @Option(names = "--min-count", paramLabel = "N", description = "Smallest count a term needs in the corpus and "
        + "visit scopes of term_frequencies (default: ${DEFAULT-VALUE}).")
    int minCount = JobOptions.DEFAULT_MIN_COUNT;

    @Option(names = "--top-per-document", paramLabel = "N", description = "Terms kept per document and n-gram order "
        + "in term_frequencies (default: ${DEFAULT-VALUE}).")
    int topPerDocument = JobOptions.DEFAULT_TOP_PER_DOCUMENT;

    @Option(names = "--prior-scale", paramLabel = "X", description = "Scale of the informative Dirichlet prior of the "
        + "keyness and emphasis statistics (default: ${DEFAULT-VALUE}).")
    double priorScale = JobOptions.DEFAULT_PRIOR_SCALE;

    @Option(names = "--max-document-mb", paramLabel = "N", description = "Largest article read, in MB; a larger one "
        + "is listed in rejected_documents with its size (default: ${DEFAULT-VALUE}).")
    int maxDocumentMb = JobOptions.DEFAULT_MAX_DOCUMENT_MB;

    @Option(names = "--force", description = "Replace --out even if it is not a VisitLens report directory.")
    boolean force;

    @Option(names = "--bootstrap", paramLabel = "N", description = "Replicates of the article-level bootstrap of "
        + "emphasis_comparison's intervals; 0 for none (default: ${DEFAULT-VALUE}).")
    int bootstrap = ArticleBootstrap.DEFAULT_REPLICATES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap: the same seed gives the same "
        + "intervals (default: ${DEFAULT-VALUE}).")
    long seed = ArticleBootstrap.DEFAULT_SEED;

    @Option(names = "--confidence", paramLabel = "C", description = "Confidence of the bootstrap intervals, between 0 "
        + "and 1 (default: ${DEFAULT-VALUE}).")
    double confidence = ArticleBootstrap.DEFAULT_CONFIDENCE;

    @Option(names = "--permutations", paramLabel = "K", description = "Labellings of the permutation test of "
        + "cooccurrence_change (every labelling when there are no more); 0 for none (default: ${DEFAULT-VALUE}).")
    int permutations = CooccurrencePermutation.DEFAULT_PERMUTATIONS;

    @Option(names = "--no-speech", description = "Do not look for statements and deliverables: the statements, "
        + "deliverables and speaker_emphasis reports are left out of the run (and their page sections say so).")
    boolean noSpeech;

    @Option(names = "--topics", paramLabel = "K", description = "Topics of the LDA topic model (topics, topic_shares, "
        + "topic_sectors); 0 for none. Default: chosen from the corpus size, round(sqrt(D / 50)) between 2 and 25 "
        + "for D documents.")
    Integer topics;

    @Option(names = "--topics-min-docs", paramLabel = "N", description = "Fewest documents the topic model is fitted "
        + "on; with fewer, the topic reports are empty and topic_model says why (default: ${DEFAULT-VALUE}).")
    int topicsMinDocs = JobOptions.DEFAULT_TOPICS_MIN_DOCUMENTS;

    @Option(names = "--csv-scopes", paramLabel = "S,S", split = ",", description = "Scopes of term_frequencies "
        + "printed into its CSV, of corpus, visit, document (default: all three); its Parquet has every scope. "
        + "corpus,visit leaves the largest part, a row per document and term, to the Parquet.")
    List<String> csvScopes;

    @Override
    public Integer call() {
      JobOptions options = options();
      AnalysisJob.checkInputs(Sessions.hadoopConfiguration(master), options);
      try (Sessions.Handle session = Sessions.open(master)) {
        AnalysisJob.Result result = AnalysisJob.run(session.spark(), options);
        System.out.println(RunSummary.line(result));
        return 0;
      }
    }

    JobOptions options() {
      if (compare != null && (compare.size() != 2 || compare.get(0).equals(compare.get(1)))) {
        throw ConfigException.of("--compare", "takes two different visit ids, A,B");
      }
      if (windowDays < 0 || minCount < 1 || topPerDocument < 1 || !(priorScale > 0)) {
        throw ConfigException.of(windowDays < 0 ? "--window-days" : minCount < 1 ? "--min-count"
            : topPerDocument < 1 ? "--top-per-document" : "--prior-scale",
            windowDays < 0 ? "must be 0 or more" : "must be greater than 0");
      }
      if (bootstrap < 0) {
        throw ConfigException.of("--bootstrap", "must be 0 (none) or more, got " + bootstrap);
      }
      if (permutations < 0) {
        throw ConfigException.of("--permutations", "must be 0 (none) or more, got " + permutations);
      }
      if (!(confidence > 0 && confidence < 1)) {
        throw ConfigException.of("--confidence", "must be between 0 and 1, got " + confidence);
      }
      int k = topics(topics);
      if (topicsMinDocs < 2) {
        throw ConfigException.of("--topics-min-docs", "must be 2 or more, got " + topicsMinDocs);
      }
      io.visitlens.io.CorpusReader.Format.parse(format);
      if (maxDocumentMb < 1 || maxDocumentMb > JobOptions.MAX_MAX_DOCUMENT_MB) {
        throw ConfigException.of("--max-document-mb", "must be from 1 to " + JobOptions.MAX_MAX_DOCUMENT_MB
            + ", got " + maxDocumentMb);
      }
      return new JobOptions(corpus, format, visits, lexicon, aliases != null ? aliases : defaultAliases(), out,
          compare == null ? null : compare.get(0), compare == null ? null : compare.get(1),
          keepDuplicates, windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed,
          confidence, permutations, !noSpeech, k, topicsMinDocs, csvScopes);
    }
  }

  /** {@code --topics} as the analysis takes it ({@link JobOptions#AUTO_TOPICS} when not given), checked. */
  static int topics(Integer topics) {
    if (topics == null) {
      return JobOptions.AUTO_TOPICS;
    }
    if (topics < 0 || topics > io.visitlens.report.TopicModel.MAX_TOPICS) {
      throw ConfigException.of("--topics", "must be from 0 (no topic model) to "
          + io.visitlens.report.TopicModel.MAX_TOPICS + ", got " + topics);
    }
    return topics;
  }

  /** The generator's inputs, shared by {@code generate} and {@code bench}. */
  static final class GeneratorInputs {
    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed = 6;

    @Option(names = "--seeds-corpus", paramLabel = "DIR", description = "Seed articles (.txt) whose paragraphs are "
        + "recombined (default: ${DEFAULT-VALUE}).")
    String seedsCorpus = home(JobOptions.DEFAULT_CORPUS);

    @Option(names = "--visits", paramLabel = "FILE", description = "Visit catalogue CSV (default: ${DEFAULT-VALUE}).")
    String visits = home(JobOptions.DEFAULT_VISITS);

    @Option(names = "--lexicon", paramLabel = "FILE", description = "Sector lexicon CSV (default: ${DEFAULT-VALUE}).")
    String lexicon = home(JobOptions.DEFAULT_LEXICON);
  }

  /** {@code visitlens generate}: a deterministic synthetic corpus. */
  @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Write a deterministic synthetic corpus (JSON Lines) recombined from the seed articles and the "
          + "lexicon: the same flags always give the same bytes.")
  static final class Generate implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", required = true, description = "Number of articles.")
    int docs;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, description = "The JSON Lines file to write.")
    String out;

    @Option(names = "--themes", paramLabel = "N", description = "Give each article one of N themes, the lexicon's "
        + "first N sectors: 80%% of its lexicon phrases are then its theme's, so a topic model has known topics to "
        + "find; 0 for none (default: ${DEFAULT-VALUE}).")
    int themes;

    @Mixin
    GeneratorInputs inputs = new GeneratorInputs();

    @Override
    public Integer call() throws IOException {
      if (docs < 0) {
        throw ConfigException.of("--docs", "must be 0 or more");
      }
      CorpusGenerator.Result r = CorpusGenerator.run(new CorpusGenerator.Options(docs, Path.of(out), inputs.seed,
          Path.of(inputs.seedsCorpus), Path.of(inputs.visits), Path.of(inputs.lexicon), themes));
      System.out.printf(java.util.Locale.ROOT, "visitlens: generated %s: %d articles, %.1f MB%n", r.file(),
          r.articles(), r.megabytes());
      return 0;
    }
  }

  /**
   * {@code visitlens bench}: the analysis against a naive Spark NLP pipeline, a Spark ML word count and
   * scikit-learn's CountVectorizer (a Python child process, skipped when no python3 imports sklearn).
   */
  @Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Time the whole analysis, a naive Spark NLP pipeline, a Spark ML word count and scikit-learn's "
          + "CountVectorizer (1-3-grams, English stop words; a python3 child process, skipped when python3-sklearn "
          + "is not installed) on the same generated corpora, side by side; print a table and write the results "
          + "as CSV.")
  static final class Bench implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", split = ",", description = "Corpus sizes in articles "
        + "(default: ${DEFAULT-VALUE}).")
    List<Integer> docs = List.of(1000, 10000);

    @Option(names = "--work", paramLabel = "DIR", description = "Work directory: cached corpora and the contenders' "
        + "outputs (default: ${DEFAULT-VALUE}).")
    String work = home("jobs/target/bench");

    @Option(names = "--only", paramLabel = "C", split = ",", description = "Contenders to run, of analysis, "
        + "naive, wordcount, sklearn (default: all four, sklearn only where python3-sklearn is installed; always "
        + "in that order).")
    List<String> only;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*] when not under "
        + "spark-submit, which sets its own).")
    String master;

    @Option(names = "--results", paramLabel = "FILE", description = "Results CSV (default: WORK/results.csv).")
    String results;

    @Option(names = "--warmup-docs", paramLabel = "N", description = "Articles of the warm-up corpus every contender "
        + "runs once before the measured runs; 0 skips it (default: ${DEFAULT-VALUE}).")
    int warmupDocs = 200;

    @Option(names = "--no-resampling", description = "Run the analysis with --bootstrap 0 --permutations 0 "
        + "(no intervals, no permutation test), to measure what the resampling costs.")
    boolean noResampling;

    @Option(names = "--no-speech", description = "Run the analysis with --no-speech (no statements, deliverables or "
        + "speaker_emphasis), to measure what they cost.")
    boolean noSpeech;

    @Option(names = "--topics", paramLabel = "K", description = "Run the analysis with --topics K; 0 to measure what "
        + "the topic model costs (default: the analysis's rule).")
    Integer topics;

    @Option(names = "--csv-scopes", paramLabel = "S,S", split = ",", description = "Run the analysis with "
        + "--csv-scopes S,S (term_frequencies' CSV with those scopes only), to measure what its CSV costs.")
    List<String> csvScopes;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds per corpus size, each running every "
        + "contender once; the goals' ratios are taken within a round and their median printed "
        + "(default: ${DEFAULT-VALUE}).")
    int rounds = 1;

    @Mixin
    GeneratorInputs inputs = new GeneratorInputs();

    @Override
    public Integer call() throws IOException {
      Benchmark.Options options = options();
      try (Sessions.Handle session = Sessions.open(master)) {
        Benchmark.run(session.spark(), options, System.out);
        return 0;
      }
    }

    Benchmark.Options options() {
      int k = topics(topics);
      if (docs.isEmpty() || docs.stream().anyMatch(d -> d < 1)) {
        throw ConfigException.of("--docs", "takes one or more sizes of at least 1 article");
      }
      if (warmupDocs < 0) {
        throw ConfigException.of("--warmup-docs", "must be 0 or more");
      }
      if (rounds < 1) {
        throw ConfigException.of("--rounds", "must be 1 or more, got " + rounds);
      }
      EnumSet<Benchmark.Contender> contenders = EnumSet.allOf(Benchmark.Contender.class);
      if (only != null) {
        contenders = EnumSet.noneOf(Benchmark.Contender.class);
        for (String c : only) {
          try {
            contenders.add(Benchmark.Contender.parse(c));
          } catch (IllegalArgumentException e) {
            throw ConfigException.of("--only", e.getMessage());
          }
        }
      }
      Set<Benchmark.Contender> runnable;
      try {
        runnable = Benchmark.runnable(contenders, only != null, System.out);
      } catch (IllegalArgumentException e) {
        throw ConfigException.of("--only", e.getMessage());
      }
      Path workDir = Path.of(work);
      return new Benchmark.Options(docs, workDir, inputs.seed, runnable,
          results != null ? Path.of(results) : workDir.resolve("results.csv"), Path.of(inputs.seedsCorpus),
          Path.of(inputs.visits), Path.of(inputs.lexicon), warmupDocs, !noResampling, !noSpeech, k, rounds,
          csvScopes);
    }
  }

  /** {@code visitlens bench-core}: the text core alone, in MB/s on one core, against the legacy pipeline. */
  @Command(name = "bench-core", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Time the text core alone on one thread, stage by stage, over the paragraphs of a generated "
          + "corpus; with --legacy also the Spark NLP pipeline it replaced, and the agreement of the two.")
  static final class BenchCore implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", description = "Articles of the generated corpus "
        + "(default: ${DEFAULT-VALUE}).")
    int docs = 2000;

    @Option(names = "--rounds", paramLabel = "R", description = "Measured rounds after one warm-up round; the "
        + "best is reported (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--legacy", description = "Also time the legacy Spark NLP pipeline and report the agreement.")
    boolean legacy;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the generated corpus is cached "
        + "(default: ${DEFAULT-VALUE}).")
    String work = home("jobs/target/bench");

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --legacy, which fits its "
        + "stages on Spark (default: local[*]).")
    String master;

    @Option(names = "--multilingual", paramLabel = "DIR", description = "Also time the whole pass on the .txt "
        + "articles of DIR (in several languages) with each article's own resources and with the English ones.")
    String multilingual;

    @Option(names = "--aliases", paramLabel = "FILE", description = "Name aliases for the attribution timings "
        + "(default: the shipped seeds/aliases.csv when it exists; none for none).")
    String aliases = defaultAliases();

    @Mixin
    GeneratorInputs inputs = new GeneratorInputs();

    private NameAliases aliases() {
      return JobOptions.NO_ALIASES.equals(aliases) ? NameAliases.none()
          : NameAliases.parse(ConfigFiles.read(Path.of(aliases)), aliases);
    }

    @Override
    public Integer call() throws IOException {
      if (multilingual != null && !Files.isDirectory(Path.of(multilingual))) {
        throw ConfigException.of("--multilingual", "is not a directory: " + multilingual);
      }
      if (docs < 1) {
        throw ConfigException.of("--docs", "must be at least 1");
      }
      if (rounds < 1) {
        throw ConfigException.of("--rounds", "must be at least 1");
      }
      Path corpus = Path.of(work, "corpora", "core-" + docs + "-seed" + inputs.seed + ".jsonl");
      if (!Files.exists(corpus)) {
        Files.createDirectories(corpus.getParent());
        CorpusGenerator.run(new CorpusGenerator.Options(docs, corpus, inputs.seed, Path.of(inputs.seedsCorpus),
            Path.of(inputs.visits), Path.of(inputs.lexicon)));
      }
      TextCoreBenchmark.Options options = new TextCoreBenchmark.Options(corpus,
          SectorLexicon.parse(ConfigFiles.read(Path.of(inputs.lexicon)), inputs.lexicon), rounds, legacy,
          multilingual == null ? null : Path.of(multilingual),
          VisitCatalog.parse(ConfigFiles.read(Path.of(inputs.visits)), inputs.visits).visits(), aliases());
      if (!legacy) {
        TextCoreBenchmark.run(null, options, System.out);
        return 0;
      }
      try (Sessions.Handle session = Sessions.open(master)) {
        TextCoreBenchmark.run(session.spark(), options, System.out);
        return 0;
      }
    }
  }

  /**
   * The shipped aliases when no {@code --aliases} is given: {@link JobOptions#DEFAULT_ALIASES} (beside the
   * checkout's catalogue) when it exists, none otherwise, so that a catalogue of one's own runs without them.
   */
  static String defaultAliases() {
    String shipped = home(JobOptions.DEFAULT_ALIASES);
    return new File(shipped).isFile() ? shipped : JobOptions.NO_ALIASES;
  }

  /**
   * A default path: relative to {@code visitlens.home} (the checkout, set by the launcher) when that is set,
   * so {@code jobs/bin/visitlens run} works from any directory; else relative to the working directory.
   */
  static String home(String relative) {
    String home = System.getProperty("visitlens.home");
    return home == null ? relative : new File(home, relative).getPath();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"VisitLens " + io.visitlens.io.RunManifest.version()};
    }
  }
}
