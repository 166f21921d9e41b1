package io.visitlens.config;

import io.visitlens.stats.ArticleBootstrap;
import io.visitlens.stats.CooccurrencePermutation;
import io.visitlens.stats.Keyness;
import java.io.Serializable;

/**
 * Everything one analysis run needs, as parsed from the command line. Paths are Hadoop file system
 * paths or URIs ({@code seeds/corpus}, {@code file:///data/x}, {@code hdfs://nn/corpus}, {@code s3a://bucket/x}).
 *
 * @param corpus        the corpus: a directory of {@code .txt} articles, or JSON Lines, CSV or Parquet records
 * @param format        {@code auto}, {@code txt}, {@code jsonl}, {@code csv} or {@code parquet}
 * @param visits        the visit catalogue CSV
 * @param lexicon       the sector lexicon CSV
 * @param aliases       the name aliases CSV ({@link NameAliases}), or null (or {@code none}) for none
 * @param out           the report directory, replaced atomically
 * @param compareA      the first visit of the comparison, or null for the earliest
 * @param compareB      the second visit of the comparison, or null for the latest
 * @param keepDuplicates count syndicated (duplicate) paragraphs too
 * @param windowDays    days of tolerance around a visit's window when attributing a dated article
 * @param minCount      the smallest count a term needs to be reported in the corpus and visit scopes
 * @param topPerDocument how many terms per document and n-gram order the document scope keeps
 * @param priorScale    the scale of the informative Dirichlet prior in the keyness statistics
 * @param force         replace an existing output directory that is not a VisitLens report directory
 * @param maxDocumentMb the largest article read, in MB; a larger one is rejected with its size and this limit
 * @param bootstrap     replicates of the article-level bootstrap of {@code emphasis_comparison}; 0 for none
 * @param seed          the seed of the bootstrap (the same seed, the same intervals)
 * @param confidence    the confidence of the bootstrap intervals, in (0, 1)
 * @param permutations  labellings of the permutation test of {@code cooccurrence_change}; 0 for none
 * @param speech        find the statements and deliverables ({@code statements}, {@code deliverables},
 *                      {@code speaker_emphasis}); false leaves the three reports out of the run
 * @param topics        the number of LDA topics: {@link #AUTO_TOPICS} for the rule of
 *                      {@link io.visitlens.report.TopicModel#defaultTopics}, 0 for no topic model
 * @param topicsMinDocuments the fewest documents with a vocabulary term the topic model is fitted on; below it the
 *                      topic reports are empty and {@code topic_model} says why
 * @param csvScopes     the scopes of {@code term_frequencies} printed into its CSV, of {@link #TERM_SCOPES}, in that
 *                      order; its Parquet always has every scope ({@code --csv-scopes})
 */
public record JobOptions(
    String corpus,
    String format,
    String visits,
    String lexicon,
    String aliases,
    String out,
    String compareA,
    String compareB,
    boolean keepDuplicates,
    int windowDays,
    int minCount,
    int topPerDocument,
    double priorScale,
    boolean force,
    int maxDocumentMb,
    int bootstrap,
    long seed,
    double confidence,
    int permutations,
    boolean speech,
    int topics,
    int topicsMinDocuments,
    java.util.List<String> csvScopes) implements Serializable {

  /** The scopes of {@code term_frequencies}, in the report's order: the default {@code --csv-scopes}. */
  public static final java.util.List<String> TERM_SCOPES = java.util.List.of("corpus", "visit", "document");

  public JobOptions {
    csvScopes = csvScopes(csvScopes);
  }

  /**
   * {@code scopes} checked and in {@link #TERM_SCOPES}' order, each once; null means all. Refuses an empty list and a
   * name that is not a scope, naming it.
   */
  public static java.util.List<String> csvScopes(java.util.Collection<String> scopes) {
    if (scopes == null) {
      return TERM_SCOPES;
    }
    for (String s : scopes) {
      if (!TERM_SCOPES.contains(s)) {
        throw ConfigException.of("--csv-scopes", "takes scopes of term_frequencies, of " + String.join(", ",
            TERM_SCOPES) + "; got '" + s + "'");
      }
    }
    if (scopes.isEmpty()) {
      throw ConfigException.of("--csv-scopes", "needs at least one of " + String.join(", ", TERM_SCOPES));
    }
    return TERM_SCOPES.stream().filter(scopes::contains).toList();
  }

  /** Whether the CSV of {@code term_frequencies} has every scope (the default). */
  public boolean allScopesInCsv() {
    return csvScopes.equals(TERM_SCOPES);
  }

  public static final String DEFAULT_CORPUS = "seeds/corpus";
  public static final String DEFAULT_VISITS = "seeds/visits.csv";
  public static final String DEFAULT_LEXICON = "seeds/lexicon/sectors.csv";
  public static final String DEFAULT_ALIASES = "seeds/aliases.csv";
  /** The {@code --aliases} value that asks for no aliases. */
  public static final String NO_ALIASES = "none";
  public static final String DEFAULT_OUT = "reports";
  public static final int DEFAULT_WINDOW_DAYS = 3;
  public static final int DEFAULT_MIN_COUNT = 1;
  public static final int DEFAULT_TOP_PER_DOCUMENT = 20;
  public static final int DEFAULT_MAX_DOCUMENT_MB = 8;
  /** The default {@code --prior-scale}: the statistics' own default. */
  public static final double DEFAULT_PRIOR_SCALE = Keyness.DEFAULT_PRIOR_SCALE;
  /** The largest {@code --max-document-mb}: one article is one row, and a Java string holds at most 2 G chars. */
  public static final int MAX_MAX_DOCUMENT_MB = 512;
  /** The {@code --topics} value that asks for the number of topics chosen by the corpus size (the default). */
  public static final int AUTO_TOPICS = -1;
  /** The default {@code --topics-min-docs}. */
  public static final int DEFAULT_TOPICS_MIN_DOCUMENTS = 200;

  /** The defaults of the CLI, for tests and callers that change a few fields. */
  public static JobOptions defaults() {
    return new JobOptions(DEFAULT_CORPUS, "auto", DEFAULT_VISITS, DEFAULT_LEXICON, DEFAULT_ALIASES, DEFAULT_OUT, null,
        null,
        false, DEFAULT_WINDOW_DAYS, DEFAULT_MIN_COUNT, DEFAULT_TOP_PER_DOCUMENT, DEFAULT_PRIOR_SCALE, false,
        DEFAULT_MAX_DOCUMENT_MB, ArticleBootstrap.DEFAULT_REPLICATES, ArticleBootstrap.DEFAULT_SEED,
        ArticleBootstrap.DEFAULT_CONFIDENCE, CooccurrencePermutation.DEFAULT_PERMUTATIONS, true, AUTO_TOPICS,
        DEFAULT_TOPICS_MIN_DOCUMENTS, TERM_SCOPES);
  }

  /** The defaults with the four locations replaced and no aliases, for tests and embedding callers. */
  public static JobOptions of(String corpus, String visits, String lexicon, String out) {
    JobOptions d = defaults();
    return new JobOptions(corpus, d.format(), visits, lexicon, null, out, null, null, d.keepDuplicates(), d.windowDays(),
        d.minCount(), d.topPerDocument(), d.priorScale(), d.force(), d.maxDocumentMb(), d.bootstrap(), d.seed(),
        d.confidence(), d.permutations(), d.speech(), d.topics(), d.topicsMinDocuments(), d.csvScopes());
  }

  /** The same options with another aliases file (null or {@code none}: no aliases). */
  public JobOptions withAliases(String file) {
    return new JobOptions(corpus, format, visits, lexicon, file, out, compareA, compareB, keepDuplicates, windowDays,
        minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed, confidence, permutations, speech, topics,
        topicsMinDocuments, csvScopes);
  }

  /** The same options with another bootstrap: {@code replicates} (0 for none) and {@code seed}. */
  public JobOptions withBootstrap(int replicates, long seed) {
    return new JobOptions(corpus, format, visits, lexicon, aliases, out, compareA, compareB, keepDuplicates,
        windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, replicates, seed, confidence,
        permutations, speech, topics, topicsMinDocuments, csvScopes);
  }

  /** The same options with another number of permutations per window (0 for no test). */
  public JobOptions withPermutations(int labellings) {
    return new JobOptions(corpus, format, visits, lexicon, aliases, out, compareA, compareB, keepDuplicates,
        windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed, confidence,
        labellings, speech, topics, topicsMinDocuments, csvScopes);
  }

  /** The same options with the speech pass on or off ({@code --no-speech}). */
  public JobOptions withSpeech(boolean on) {
    return new JobOptions(corpus, format, visits, lexicon, aliases, out, compareA, compareB, keepDuplicates,
        windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed, confidence,
        permutations, on, topics, topicsMinDocuments, csvScopes);
  }

  /**
   * The same options with another topic model: {@code k} topics ({@link #AUTO_TOPICS} for the rule, 0 for none),
   * fitted on at least {@code minDocuments} documents.
   */
  public JobOptions withTopics(int k, int minDocuments) {
    return new JobOptions(corpus, format, visits, lexicon, aliases, out, compareA, compareB, keepDuplicates,
        windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed, confidence,
        permutations, speech, k, minDocuments, csvScopes);
  }

  /** The same options with the scopes of {@code term_frequencies} that its CSV has ({@code --csv-scopes}). */
  public JobOptions withCsvScopes(java.util.Collection<String> scopes) {
    return new JobOptions(corpus, format, visits, lexicon, aliases, out, compareA, compareB, keepDuplicates,
        windowDays, minCount, topPerDocument, priorScale, force, maxDocumentMb, bootstrap, seed, confidence,
        permutations, speech, topics, topicsMinDocuments, scopes == null ? null : java.util.List.copyOf(scopes));
  }

  /** Whether a file of aliases is to be read. */
  public boolean hasAliases() {
    return aliases != null && !aliases.isBlank() && !aliases.equals(NO_ALIASES);
  }

  /** {@link #maxDocumentMb} in bytes. */
  public long maxDocumentBytes() {
    return (long) maxDocumentMb << 20;
  }
}
