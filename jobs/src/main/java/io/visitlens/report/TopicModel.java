package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.sum;

import io.visitlens.stats.ArticleBootstrap;
import io.visitlens.stats.OnlineLda;
import io.visitlens.stats.TopicInference;
import io.visitlens.transform.DocumentRuns;
import io.visitlens.transform.Terms;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.clustering.LDA;
import org.apache.spark.mllib.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The data-driven topics: Spark's {@link LDA} (online variational Bayes, Hoffman, Blei &amp; Bach 2010; the MLlib
 * optimizer Spark ML's LDA estimator runs, here run by {@link OnlineLda}, which gives MLlib's model to the bit without
 * its per-document boxing) fitted on the documents' counts of unigrams and bigrams, and what the four topic reports
 * are built from.
 *
 * <p><b>The terms.</b> A document's terms are the n-grams of orders 1 and 2 that {@code term_frequencies} counts
 * (consecutive term tokens: stop words, numbers and punctuation never inside one), counted over its counted
 * sentences. The vocabulary is the {@link #VOCABULARY_SIZE} terms in the most documents, among those in at least
 * {@link #MIN_DOC_FREQ} documents and in at most {@link #MAX_DOC_SHARE} of them (a term in most articles, such as
 * "cooperation" in visit coverage, describes the corpus, not a topic); by document frequency descending, then term.
 * It is read from the per-visit term counts the job already has, so it costs no pass over the text.
 *
 * <p><b>The fit.</b> One pass over the annotated corpus (no shuffle: a document's sentences are together) makes each
 * document with a vocabulary term a sparse count vector, kept in memory as objects (spilling to disk if need be) for
 * the optimizer's iterations and the proportions. With fewer such documents than {@code --topics-min-docs}
 * nothing is fitted: the reports are empty and {@code topic_model} says so. Otherwise K is {@code --topics}, or
 * {@link #defaultTopics}(D) for D documents; the online optimizer runs {@link #MAX_ITERATIONS} mini-batches of
 * about {@link #MINI_BATCH} documents each ({@code subsamplingRate} = min(1, {@link #MINI_BATCH} / D)), with the
 * learning offset τ₀ = {@link #LEARNING_OFFSET} (Spark's 1024 is for thousands of mini-batches: with 15 it barely
 * moves from its random start in so few), Spark's decay κ = 0.51 and its priors (α = β = 1/K, α learnt), seeded by
 * {@code --seed}. The E-step is distributed over the documents' partitions, as Spark ML distributes it.
 *
 * <p><b>The same topics everywhere.</b> The documents are split into ⌈N / {@value #DOCUMENTS_PER_PARTITION}⌉
 * partitions by a hash of their id, each in {@code doc_id} order, whatever the cluster: Spark draws each
 * mini-batch partition by partition, so the same split gives the same mini-batches. MLlib's optimizer adds up each
 * mini-batch's statistics over the partitions in the order they finish, so with three or more partitions its last
 * bits could differ from run to run; {@link OnlineLda} adds them in partition order, as the sums of θ below are.
 * The reported numbers are rounded to 9 significant digits all the same.
 *
 * <p><b>What is reported.</b> Each topic's top {@link #TOP_TERMS} terms and weights (the topic's term distribution,
 * normalised), each document's topic proportions θ, averaged per visit, with the article-level bootstrap interval of
 * the two compared visits' means, and each topic's overlap with the lexicon's sectors. One pass over the documents'
 * θ adds up the means and the sector overlaps per partition; only sums reach the driver. The bootstrap sends the two
 * compared visits' θ (K numbers per document) to a few tasks, as {@link ComparedArticles} does.
 */
public final class TopicModel {
  private static final Logger LOG = LogManager.getLogger(TopicModel.class);

  /** The most topics {@code --topics} takes. */
  public static final int MAX_TOPICS = 200;
  /** The bounds of {@link #defaultTopics}. */
  public static final int MIN_DEFAULT_TOPICS = 2;
  public static final int MAX_DEFAULT_TOPICS = 25;
  /** The vocabulary's size at most. */
  public static final int VOCABULARY_SIZE = 10_000;
  /** The fewest documents a vocabulary term is in. */
  public static final int MIN_DOC_FREQ = 3;
  /** The largest share of the documents a vocabulary term is in. */
  public static final double MAX_DOC_SHARE = 0.5;
  /** The highest n-gram order of the vocabulary. */
  public static final int MAX_ORDER = 2;
  /** Terms reported per topic. */
  public static final int TOP_TERMS = 10;
  /** Mini-batches of the online optimizer. */
  public static final int MAX_ITERATIONS = 15;
  /** About how many documents each mini-batch holds. */
  public static final int MINI_BATCH = 1_000;
  /** τ₀ of the online optimizer's learning rate ρ_t = (τ₀ + t)^−κ. */
  public static final double LEARNING_OFFSET = 4;
  /** κ of the learning rate: Spark ML's default. */
  static final double LEARNING_DECAY = 0.51;
  /**
   * The seed of each document's initial γ when its proportions are inferred: the one Spark ML's
   * {@code LocalLDAModel.transform} uses (the model's default seed, its class name's hash, which its constructor gives
   * the underlying model), so the reports are what the Spark ML estimator and model gave.
   */
  static final long TRANSFORM_SEED = "org.apache.spark.ml.clustering.LocalLDAModel".hashCode();
  /** Documents per partition of the model's input ({@link #partitions}). */
  public static final int DOCUMENTS_PER_PARTITION = 5_000;
  /** Mixed into {@code --seed} for the topic shares' bootstrap, so its draws are not the comparison's. */
  static final long BOOTSTRAP_SALT = 0x746f706963734cL;

  public static final String FITTED = "fitted";
  public static final String SKIPPED = "skipped";
  public static final String OFF = "off";

  private TopicModel() {}

  /**
   * The partitions of the model's input: one per {@link #DOCUMENTS_PER_PARTITION} documents, whatever the cluster, so
   * that each mini-batch samples the same documents (Spark samples each partition with its own seed) on a laptop and
   * on a cluster.
   */
  static int partitions(long documents) {
    return (int) Math.max(1, Math.min(10_000, (documents + DOCUMENTS_PER_PARTITION - 1) / DOCUMENTS_PER_PARTITION));
  }

  /** K for D documents when {@code --topics} is not given: round(√(D / 50)), from 2 to 25. */
  public static int defaultTopics(long documents) {
    long k = Math.round(Math.sqrt(documents / 50.0));
    return (int) Math.max(MIN_DEFAULT_TOPICS, Math.min(MAX_DEFAULT_TOPICS, k));
  }

  /**
   * What to fit: {@code topics} K ({@link io.visitlens.config.JobOptions#AUTO_TOPICS} for {@link #defaultTopics},
   * 0 for none), at least {@code minDocuments} documents, the seed, and the bootstrap of the shares
   * ({@code replicates}, 0 for none; {@code confidence}; {@code tasks} that share it).
   */
  public record Settings(int topics, int minDocuments, long seed, int replicates, double confidence, int tasks)
      implements Serializable {
    public Settings {
      if (topics < -1 || topics > MAX_TOPICS || minDocuments < 2 || replicates < 0 || tasks < 1) {
        throw new IllegalArgumentException("bad topic settings: " + topics + " topics, " + minDocuments
            + " documents, " + replicates + " replicates, " + tasks + " tasks");
      }
    }
  }

  /**
   * The fit's outcome, the {@code topic_model} row: {@code status} ({@link #FITTED}, {@link #SKIPPED} with too few
   * documents, {@link #OFF} with {@code --topics 0}), K (0 unless fitted), the documents with a vocabulary term, the
   * vocabulary's size, the share of the documents each mini-batch samples (NaN unless fitted), and the seed.
   */
  public record Fit(String status, int requested, int k, long documents, int minDocuments, int vocabulary,
      double subsamplingRate, long seed) implements Serializable {}

  /** The topic reports' rows, local relations, and the fit. */
  public record Result(Fit fit, Dataset<Row> model, Dataset<Row> topics, Dataset<Row> shares, Dataset<Row> sectors) {}

  /** The document vectors: the document, its visit (null for none), its counts, and its sectors' indices. */
  static final StructType VECTORS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("features", SQLDataTypes.VectorType(), false)
      .add("sectors", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  /**
   * Fits the topic model and builds the reports' rows.
   *
   * @param sentences    the annotated corpus ({@code doc_id}, {@code visit_id}, {@code terms}, {@code is_stop},
   *                     {@code match_sector}), each document's sentences together in a partition
   * @param perVisitTerms the per-visit term counts ({@code ngram}, {@code term}, {@code doc_freq})
   * @param nDocuments   the documents with a counted sentence (the denominator of the vocabulary's document share)
   * @param sectors      the lexicon's sectors
   */
  public static Result run(SparkSession spark, Dataset<Row> sentences, Dataset<Row> perVisitTerms, long nDocuments,
      List<String> sectors, String visitA, String visitB, Settings settings) {
    if (settings.topics() == 0) {
      Fit fit = new Fit(OFF, 0, 0, 0, settings.minDocuments(), 0, Double.NaN, settings.seed());
      return empty(spark, fit);
    }
    if (nDocuments < settings.minDocuments()) {
      LOG.warn("topics: not fitted: the corpus has {} documents with a counted sentence, fewer than the {} a topic "
          + "model needs (--topics-min-docs); topics fitted on so few would be noise. The topic reports are empty",
          nDocuments, settings.minDocuments());
      return empty(spark, new Fit(SKIPPED, settings.topics(), 0, nDocuments, settings.minDocuments(), 0, Double.NaN,
          settings.seed()));
    }
    List<String> vocabulary = vocabulary(perVisitTerms, nDocuments);
    JavaRDD<Document> documentsRdd = null;
    JavaRDD<Theta> theta = null;
    Broadcast<TopicInference> inferences = null;
    Broadcast<Map<String, Integer>> index = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(indexOf(vocabulary));
    try {
      List<String> sectorList = List.copyOf(sectors);
      int size = vocabulary.size();
      // Each document's counts as an object, kept deserialised: the optimizer samples every mini-batch from them,
      // and each of its iterations would otherwise convert every kept row into a vector again.
      documentsRdd = sentences
          .select(col("doc_id"), col("visit_id"), col("terms"), col("is_stop"), col("match_sector"))
          .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows ->
              new Vectorise(rows, index.value(), size, sectorList), Encoders.row(VECTORS))
          .repartition(partitions(nDocuments), col("doc_id")).sortWithinPartitions(col("doc_id"))
          .javaRDD().map(Document::of)
          .persist(StorageLevel.MEMORY_AND_DISK());
      long documents = documentsRdd.count();
      if (documents < settings.minDocuments() || size == 0) {
        LOG.warn("topics: not fitted: {} documents have a term of the topic vocabulary ({} terms in at least {} "
                + "documents), fewer than the {} a topic model needs (--topics-min-docs); the topic reports are empty",
            documents, size, MIN_DOC_FREQ, settings.minDocuments());
        return empty(spark, new Fit(SKIPPED, settings.topics(), 0, documents, settings.minDocuments(), size,
            Double.NaN, settings.seed()));
      }
      int k = settings.topics() > 0 ? settings.topics() : defaultTopics(documents);
      double rate = Math.min(1.0, (double) MINI_BATCH / documents);
      // What Spark ML's LDA estimator does with the online optimizer (its defaults: α = β = 1/K, κ = 0.51, α learnt),
      // on documents kept as objects, by OnlineLda: MLlib's optimizer, to the bit, without its per-document boxing.
      // Every document counts as id 0 (the optimizer ignores ids; topicDistributions seeds a document's initial γ with
      // the model's seed plus its id), so with TRANSFORM_SEED the proportions are exactly Spark ML's transform's.
      LocalLDAModel model = OnlineLda.fit(documentsRdd.map(Document::counts), documents, size,
          new OnlineLda.Settings(k, MAX_ITERATIONS, settings.seed(), LEARNING_OFFSET, LEARNING_DECAY, rate, true));
      model.setSeed(TRANSFORM_SEED);
      // Each document's θ as model.topicDistributions infers it, to the bit, without its per-document boxing.
      Broadcast<TopicInference> inference = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .broadcast(TopicInference.of(model));
      inferences = inference;
      theta = documentsRdd
          .map(d -> new Theta(d.docId(), d.visitId(), d.sectors(), inference.value().theta(d.counts())))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Fit fit = new Fit(FITTED, settings.topics(), k, documents, settings.minDocuments(), size, rate,
          settings.seed());
      LOG.info("topics: {} topics fitted on {} documents and {} terms", k, documents, size);

      List<List<Object[]>> top = topTerms(model, vocabulary);
      List<String> labels = top.stream().map(TopicModel::label).toList();
      Sums sums = sums(theta, k, sectorList.size());
      // No interval when the catalogue's one visit is compared with itself (A = B): there is no second sample.
      List<ArticleBootstrap.Replicate> replicates = settings.replicates() == 0 || visitA.equals(visitB) ? List.of()
          : replicates(theta, visitA, visitB, k, settings);
      return new Result(fit, spark.createDataFrame(List.of(modelRow(fit)), TopicModelReport.REPORT.schema()),
          spark.createDataFrame(topicRows(top, labels), TopicsReport.REPORT.schema()),
          spark.createDataFrame(shareRows(sums, labels, visitA, visitB, replicates, settings.confidence()),
              TopicSharesReport.REPORT.schema()),
          spark.createDataFrame(sectorRows(sums, labels, sectorList), TopicSectorsReport.REPORT.schema()));
    } finally {
      index.destroy();
      if (inferences != null) {
        inferences.destroy();
      }
      if (theta != null) {
        theta.unpersist(false);
      }
      if (documentsRdd != null) {
        documentsRdd.unpersist(false);
      }
    }
  }

  /** A document of the model's input: its id, its visit (null for none), its sectors' indices and its counts. */
  record Document(String docId, String visitId, int[] sectors, org.apache.spark.mllib.linalg.Vector counts)
      implements Serializable {
    static Document of(Row r) {
      List<Integer> sectors = r.getList(3);
      return new Document(r.getString(0), r.isNullAt(1) ? null : r.getString(1),
          sectors.stream().mapToInt(Integer::intValue).toArray(),
          org.apache.spark.mllib.linalg.Vectors.fromML((Vector) r.get(2)));
    }
  }

  /** A document's topic proportions θ, with its id, visit and sectors. */
  record Theta(String docId, String visitId, int[] sectors, double[] theta) implements Serializable {}

  private static Result empty(SparkSession spark, Fit fit) {
    return new Result(fit, spark.createDataFrame(List.of(modelRow(fit)), TopicModelReport.REPORT.schema()),
        spark.createDataFrame(List.of(), TopicsReport.REPORT.schema()),
        spark.createDataFrame(List.of(), TopicSharesReport.REPORT.schema()),
        spark.createDataFrame(List.of(), TopicSectorsReport.REPORT.schema()));
  }

  /** The vocabulary (see the class comment), in its order: the index of a term is its place. */
  static List<String> vocabulary(Dataset<Row> perVisitTerms, long nDocuments) {
    long maxDocs = (long) Math.floor(MAX_DOC_SHARE * nDocuments);
    List<String> out = new ArrayList<>();
    for (Row r : perVisitTerms.where(col("ngram").leq(MAX_ORDER))
        .groupBy(col("term")).agg(sum(col("doc_freq")).as("doc_freq"))
        .where(col("doc_freq").geq(MIN_DOC_FREQ).and(col("doc_freq").leq(maxDocs)))
        .orderBy(desc("doc_freq"), col("term").asc()).limit(VOCABULARY_SIZE).select(col("term")).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static Map<String, Integer> indexOf(List<String> vocabulary) {
    Map<String, Integer> index = new HashMap<>(vocabulary.size() * 2);
    for (int i = 0; i < vocabulary.size(); i++) {
      index.put(vocabulary.get(i), i);
    }
    return index;
  }

  /** A partition's documents as count vectors over the vocabulary, with their sectors; none without a term. */
  static final class Vectorise extends DocumentRuns<Row> {
    private final Map<String, Integer> index;
    private final int size;
    private final Map<String, Integer> sectorIndex = new HashMap<>();
    private final int[] counts;
    private final int[] touched;
    private int nTouched;
    private final boolean[] sectorSeen;

    Vectorise(Iterator<Row> sentences, Map<String, Integer> index, int size, List<String> sectors) {
      super(sentences);
      this.index = index;
      this.size = size;
      for (int s = 0; s < sectors.size(); s++) {
        sectorIndex.put(sectors.get(s), s);
      }
      this.counts = new int[size];
      this.touched = new int[size];
      this.sectorSeen = new boolean[sectors.size()];
    }

    @Override
    protected void sentence(Row s) {
      Terms.forEachNgram(s.getList(2), s.getList(3), MAX_ORDER, (i, order, term) -> {
        Integer t = index.get(term);
        if (t != null) {
          if (counts[t]++ == 0) {
            touched[nTouched++] = t;
          }
        }
      });
      List<String> matched = s.getList(4);
      for (String sector : matched) {
        Integer i = sectorIndex.get(sector);
        if (i != null) {
          sectorSeen[i] = true;
        }
      }
    }

    @Override
    protected void endDocument(String visit) {
      if (nTouched > 0) {
        int[] indices = Arrays.copyOf(touched, nTouched);
        Arrays.sort(indices);
        double[] values = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
          values[j] = counts[indices[j]];
          counts[indices[j]] = 0;
        }
        List<Integer> sectors = new ArrayList<>();
        for (int i = 0; i < sectorSeen.length; i++) {
          if (sectorSeen[i]) {
            sectors.add(i);
          }
        }
        ready.add(RowFactory.create(document(), visit, Vectors.sparse(size, indices, values), sectors.toArray()));
      }
      nTouched = 0;
      Arrays.fill(sectorSeen, false);
    }
  }

  /** Each topic's top terms, {term, weight} by weight descending (LDA's order), in topic order. */
  private static List<List<Object[]>> topTerms(LocalLDAModel model, List<String> vocabulary) {
    List<List<Object[]>> out = new ArrayList<>();
    for (Tuple2<int[], double[]> topic : model.describeTopics(TOP_TERMS)) {
      List<Object[]> terms = new ArrayList<>();
      for (int i = 0; i < topic._1().length; i++) {
        terms.add(new Object[] {vocabulary.get(topic._1()[i]), topic._2()[i]});
      }
      out.add(terms);
    }
    return out;
  }

  /** A topic's label: its first three terms, joined by " · ". */
  static String label(List<Object[]> terms) {
    return String.join(" · ", terms.stream().limit(3).map(t -> (String) t[0]).toList());
  }

  private static Row modelRow(Fit f) {
    return RowFactory.create(f.status(), f.requested() < 0 ? null : f.requested(), f.k(), f.documents(),
        f.minDocuments(), f.vocabulary(), MIN_DOC_FREQ, MAX_DOC_SHARE, MAX_ORDER,
        f.status().equals(FITTED) ? MAX_ITERATIONS : null, nan(f.subsamplingRate()),
        f.status().equals(FITTED) ? LEARNING_OFFSET : null, f.seed());
  }

  private static Double nan(double x) {
    return Double.isNaN(x) ? null : x;
  }

  private static List<Row> topicRows(List<List<Object[]>> top, List<String> labels) {
    List<Row> rows = new ArrayList<>();
    for (int t = 0; t < top.size(); t++) {
      List<Object[]> terms = top.get(t);
      for (int i = 0; i < terms.size(); i++) {
        String term = (String) terms.get(i)[0];
        rows.add(RowFactory.create(t, labels.get(t), i + 1, term, term.split(" ").length,
            round((Double) terms.get(i)[1])));
      }
    }
    return rows;
  }

  /** Rounded to 9 significant digits: sums over partitions may differ in their last bits from run to run. */
  static double round(double x) {
    if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(9)).doubleValue();
  }

  /** What one pass over the documents' θ adds up. */
  static final class Sums implements Serializable {
    final int k;
    final int nSectors;
    long documents;
    final double[] theta;
    final double[] thetaWithSector;
    final long[] sectorDocuments;
    /** Per visit (the empty string for none): θ summed, and its documents in the last place. */
    final Map<String, double[]> byVisit = new TreeMap<>();

    Sums(int k, int nSectors) {
      this.k = k;
      this.nSectors = nSectors;
      this.theta = new double[k];
      this.thetaWithSector = new double[k * nSectors];
      this.sectorDocuments = new long[nSectors];
    }

    void add(String visit, double[] th, int[] sectors) {
      documents++;
      double[] v = byVisit.computeIfAbsent(visit == null ? "" : visit, x -> new double[k + 1]);
      for (int t = 0; t < k; t++) {
        theta[t] += th[t];
        v[t] += th[t];
      }
      v[k]++;
      for (int s : sectors) {
        sectorDocuments[s]++;
        for (int t = 0; t < k; t++) {
          thetaWithSector[t * nSectors + s] += th[t];
        }
      }
    }

    Sums merge(Sums o) {
      documents += o.documents;
      for (int i = 0; i < theta.length; i++) {
        theta[i] += o.theta[i];
      }
      for (int i = 0; i < thetaWithSector.length; i++) {
        thetaWithSector[i] += o.thetaWithSector[i];
      }
      for (int i = 0; i < sectorDocuments.length; i++) {
        sectorDocuments[i] += o.sectorDocuments[i];
      }
      o.byVisit.forEach((visit, v) -> {
        double[] mine = byVisit.computeIfAbsent(visit, x -> new double[k + 1]);
        for (int i = 0; i < v.length; i++) {
          mine[i] += v[i];
        }
      });
      return this;
    }
  }

  /** Each partition's sums, merged on the driver in partition order (the same order every run). */
  private static Sums sums(JavaRDD<Theta> theta, int k, int nSectors) {
    List<Sums> parts = theta.mapPartitions(documents -> {
      Sums s = new Sums(k, nSectors);
      documents.forEachRemaining(d -> s.add(d.visitId(), d.theta(), d.sectors()));
      return List.of(s).iterator();
    }).collect();
    Sums total = new Sums(k, nSectors);
    parts.forEach(total::merge);
    return total;
  }

  /**
   * The bootstrap replicates of the two compared visits' mean θ: replicate r draws n_A of A's documents with
   * replacement and n_B of B's (each visit's documents in {@code doc_id} order) from a generator seeded by
   * {@link ArticleBootstrap#replicateSeed}(seed ⊕ salt, r); the replicates are shared between the tasks.
   */
  private static List<ArticleBootstrap.Replicate> replicates(JavaRDD<Theta> theta, String visitA, String visitB,
      int k, Settings settings) {
    int tasks = settings.tasks();
    int replicates = settings.replicates();
    long seed = settings.seed() ^ BOOTSTRAP_SALT;
    JavaRDD<Theta> compared = theta.filter(d -> visitA.equals(d.visitId()) || visitB.equals(d.visitId()));
    List<ArticleBootstrap.Replicate[]> parts = ComparedArticles.toEveryTask(compared, tasks)
        .mapPartitionsWithIndex((t, copies) -> {
          List<Theta> a = new ArrayList<>();
          List<Theta> b = new ArrayList<>();
          copies.forEachRemaining(d -> (visitB.equals(d.visitId()) ? b : a).add(d));
          java.util.Comparator<Theta> byDoc = java.util.Comparator.comparing(Theta::docId);
          a.sort(byDoc);
          b.sort(byDoc);
          double[] thetaA = flat(a, k);
          double[] thetaB = flat(b, k);
          int from = (int) ((long) replicates * t / tasks);
          int to = (int) ((long) replicates * (t + 1) / tasks);
          ArticleBootstrap.Replicate[] out = new ArticleBootstrap.Replicate[to - from];
          for (int r = from; r < to; r++) {
            SplittableRandom random = new SplittableRandom(ArticleBootstrap.replicateSeed(seed, r));
            out[r - from] = new ArticleBootstrap.Replicate(drawnMean(thetaA, k, random), drawnMean(thetaB, k, random));
          }
          return List.<ArticleBootstrap.Replicate[]>of(out).iterator();
        }, true)
        .collect();
    List<ArticleBootstrap.Replicate> out = new ArrayList<>(replicates);
    parts.forEach(p -> out.addAll(Arrays.asList(p)));
    return out;
  }

  /** The documents' θ one after the other, K numbers each, in the documents' order. */
  static double[] flat(List<Theta> documents, int k) {
    double[] out = new double[documents.size() * k];
    for (int i = 0; i < documents.size(); i++) {
      System.arraycopy(documents.get(i).theta(), 0, out, i * k, k);
    }
    return out;
  }

  /**
   * The mean θ of n documents drawn with replacement from the n whose θ are {@code theta} ({@link #flat}; zeros when
   * there are none). One array, not an array per document: the draws jump about n documents, and each now reads K
   * consecutive numbers instead of following a reference first.
   */
  static double[] drawnMean(double[] theta, int k, SplittableRandom random) {
    double[] mean = new double[k];
    int n = theta.length / k;
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(n) * k;
      for (int t = 0; t < k; t++) {
        mean[t] += theta[at + t];
      }
    }
    if (n > 0) {
      for (int t = 0; t < k; t++) {
        mean[t] /= n;
      }
    }
    return mean;
  }

  private static List<Row> shareRows(Sums sums, List<String> labels, String visitA, String visitB,
      List<ArticleBootstrap.Replicate> replicates, double confidence) {
    int k = sums.k;
    double[] a = sums.byVisit.get(visitA);
    double[] b = sums.byVisit.get(visitB);
    boolean intervals = !replicates.isEmpty() && a != null && b != null;
    ArticleBootstrap.Replicate[] reps = replicates.toArray(new ArticleBootstrap.Replicate[0]);
    Map<Integer, ArticleBootstrap.Interval> byTopic = new LinkedHashMap<>();
    if (intervals) {
      for (int t = 0; t < k; t++) {
        byTopic.put(t, ArticleBootstrap.interval(reps, t, confidence));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.byVisit.entrySet()) {
      String visit = e.getKey().isEmpty() ? null : e.getKey();
      double[] v = e.getValue();
      long documents = (long) v[k];
      String role = visitA.equals(visit) ? "a" : visitB.equals(visit) ? "b" : null;
      for (int t = 0; t < k; t++) {
        double share = v[t] / documents;
        ArticleBootstrap.Interval iv = role == null ? null : byTopic.get(t);
        Double low = iv == null ? null : round(role.equals("a") ? iv.shareALow() : iv.shareBLow());
        Double high = iv == null ? null : round(role.equals("a") ? iv.shareAHigh() : iv.shareBHigh());
        boolean isB = "b".equals(role) && a != null;
        Double delta = isB ? round((share - a[t] / a[k]) * 100) : null;
        rows.add(RowFactory.create(visit, t, labels.get(t), documents, round(share), low, high, role,
            isB ? visitA : null, delta, isB && iv != null ? round(iv.deltaLow()) : null,
            isB && iv != null ? round(iv.deltaHigh()) : null, isB && iv != null ? iv.pBootstrap() : null,
            iv == null ? null : confidence));
      }
    }
    return rows;
  }

  private static List<Row> sectorRows(Sums sums, List<String> labels, List<String> sectors) {
    List<Row> rows = new ArrayList<>();
    int nS = sectors.size();
    for (int t = 0; t < sums.k; t++) {
      List<Object[]> perSector = new ArrayList<>();
      for (int s = 0; s < nS; s++) {
        if (sums.sectorDocuments[s] == 0) {
          continue;
        }
        double weighted = sums.thetaWithSector[t * nS + s] / sums.theta[t];
        double corpus = (double) sums.sectorDocuments[s] / sums.documents;
        perSector.add(new Object[] {sectors.get(s), round(weighted), round(corpus), round(weighted / corpus),
            sums.sectorDocuments[s], round(sums.thetaWithSector[t * nS + s])});
      }
      perSector.sort((x, y) -> {
        int c = Double.compare((Double) y[3], (Double) x[3]);
        return c != 0 ? c : ((String) x[0]).compareTo((String) y[0]);
      });
      for (int i = 0; i < perSector.size(); i++) {
        Object[] p = perSector.get(i);
        rows.add(RowFactory.create(t, labels.get(t), i + 1, p[0], p[1], p[2], p[3], p[4], p[5]));
      }
    }
    return rows;
  }
}
