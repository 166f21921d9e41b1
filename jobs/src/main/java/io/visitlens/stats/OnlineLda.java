package io.visitlens.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.mllib.clustering.LDAUtils$;
import org.apache.spark.mllib.clustering.LocalLDAModel;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;

/**
 * Fits LDA by online variational Bayes (Hoffman, Blei &amp; Bach 2010) exactly as MLlib's {@code OnlineLDAOptimizer}
 * does under {@code LDA.run}, with α learnt (Huang's Newton step) and MLlib's defaults otherwise (α = η = 1/K, a γ
 * shape of 100, mini-batches sampled with replacement), and gives the same {@link LocalLDAModel}: for documents in
 * one or two partitions the same λ and α to the bit ({@code OnlineLdaTest} compares every value with MLlib's).
 *
 * <p>Why not call it: each mini-batch document's E-step in MLlib copies the model's rows of the document's terms
 * through Breeze's generic slice and adds its statistics back through another, boxing every element both ways; at
 * 10,000 articles its 15 mini-batches were 6.4 of the topic step's 10 task-seconds. Here the E-step is
 * {@link TopicInference.Document} (the same loop on primitive arrays, the same functions, the same order), and the
 * statistics of each partition come back as the columns its documents touched instead of a dense K × V matrix.
 *
 * <p>Each iteration, as MLlib's: a mini-batch is sampled with {@code RDD.sample(true, fraction, r.nextLong())} from a
 * {@link Random} seeded with the seed (an empty one is skipped, as MLlib skips it, without drawing more); the
 * E-step's seed is {@code r.nextLong()}, each partition starting every document's γ from Gamma(100, 1/100) draws
 * of a Mersenne Twister seeded with that seed plus the partition's index; with ρ = (τ₀ + t)^−κ for the t-th non-empty
 * mini-batch of B = ⌈fraction · D⌉ documents, λ ← (1 − ρ) λ + ρ (S ⊙ exp(E[log β]) · D / B + η), where S is the sum
 * of the documents' (e ⊗ c ⊘ φ) over their terms; and α takes a Newton step towards the maximum likelihood of the
 * mini-batch's γs, scaled by ρ, unless that would make an α non-positive. λ starts as K × V draws of Gamma(100,
 * 1/100) from a Mersenne Twister seeded with the {@link Random}'s first long.
 *
 * <p>One difference, for more than two partitions: MLlib adds the partitions' statistics in the order their tasks
 * end, so its last bits can change from run to run; here they are added in partition order, always the same.
 */
public final class OnlineLda {
  private static final Logger LOG = LogManager.getLogger(OnlineLda.class);

  /** MLlib's γ shape: the initial γ and λ are Gamma(100, 1/100) draws. */
  static final double GAMMA_SHAPE = 100;

  private OnlineLda() {}

  /**
   * What to fit: K topics, the optimizer's iterations, the seed, τ₀ and κ of the learning rate ρ = (τ₀ + t)^−κ, the
   * share of the documents each mini-batch samples, and whether α is learnt.
   */
  public record Settings(int k, int iterations, long seed, double tau0, double kappa, double miniBatchFraction,
      boolean optimizeAlpha) implements Serializable {
    public Settings {
      if (k < 2) {
        throw new IllegalArgumentException("LDA needs at least 2 topics, got " + k);
      }
      if (iterations < 0 || !(tau0 > 0) || !(kappa > 0.5 && kappa <= 1) || !(miniBatchFraction > 0
          && miniBatchFraction <= 1)) {
        throw new IllegalArgumentException("invalid online LDA settings: " + iterations + " iterations, τ₀ " + tau0
            + ", κ " + kappa + ", mini-batch fraction " + miniBatchFraction);
      }
    }
  }

  /**
   * Fits the model on {@code documents} (term-count vectors of size {@code vocabularySize}; {@code corpusSize} of
   * them, which the caller has counted), returning the model MLlib's {@code LDA.run} returns for the same documents
   * in the same partitions.
   */
  public static LocalLDAModel fit(JavaRDD<Vector> documents, long corpusSize, int vocabularySize, Settings settings) {
    int k = settings.k();
    int v = vocabularySize;
    double[] alpha = new double[k];
    Arrays.fill(alpha, 1.0 / k);
    double eta = 1.0 / k;
    Random random = new Random(settings.seed());
    // λ, K × V, laid out as MLlib lays it out (a transposed V × K matrix): topic j's value of term t at [t + j * V].
    double[] lambda = TopicInference.gammaDraws(GAMMA_SHAPE, random.nextLong(), k * v);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(documents.context());
    int iteration = 0;
    for (int i = 0; i < settings.iterations(); i++) {
      JavaRDD<Vector> batch = documents.sample(true, settings.miniBatchFraction(), random.nextLong());
      long seed = peekNextLong(random); // drawn only if the batch has a document, as MLlib draws it
      double[] expElogbeta = TopicInference.expElogbeta(view(lambda, k, v));
      Broadcast<double[]> expElogbetaBc = jsc.broadcast(expElogbeta);
      List<PartitionStats> parts;
      try {
        parts = new ArrayList<>(batch.mapPartitionsWithIndex(
            new EStep(k, v, expElogbetaBc, alpha.clone(), seed), false).collect());
      } finally {
        expElogbetaBc.destroy();
      }
      long sampled = 0;
      long nonEmpty = 0;
      for (PartitionStats p : parts) {
        sampled += p.sampled();
        nonEmpty += p.nonEmpty();
      }
      if (sampled == 0) {
        continue; // MLlib: batch.isEmpty(), no update and no draw
      }
      random.nextLong();
      iteration++;
      if (nonEmpty == 0) {
        LOG.warn("No non-empty documents were submitted in the batch.");
        continue;
      }
      // The partitions' statistics in partition order, from zeros; with two, the sum MLlib's aggregation gives.
      parts.sort(Comparator.comparingInt(PartitionStats::partition));
      double[] stats = new double[k * v]; // term-major: term t's K values at [t * k, t * k + k)
      double[] logphat = new double[k];
      for (PartitionStats p : parts) {
        for (int n = 0; n < p.terms().length; n++) {
          int at = p.terms()[n] * k;
          for (int j = 0; j < k; j++) {
            stats[at + j] += p.values()[n * k + j];
          }
        }
        for (int j = 0; j < k; j++) {
          logphat[j] += p.logphat()[j];
        }
      }
      double weight = Math.pow(settings.tau0() + iteration, -settings.kappa());
      int batchSize = (int) Math.ceil(settings.miniBatchFraction() * corpusSize);
      double scale = (double) corpusSize / (double) batchSize;
      for (int t = 0; t < v; t++) {
        for (int j = 0; j < k; j++) {
          double batchResult = stats[t * k + j] * expElogbeta[t * k + j];
          int at = t + j * v;
          lambda[at] = (1 - weight) * lambda[at] + weight * (batchResult * scale + eta);
        }
      }
      if (settings.optimizeAlpha()) {
        double docs = (double) nonEmpty;
        for (int j = 0; j < k; j++) {
          logphat[j] = logphat[j] / docs;
        }
        updateAlpha(alpha, logphat, docs, weight);
      }
    }
    // MLlib's model: the topics matrix is λ transposed, V × K column-major over the same values.
    return new LocalLDAModel(new DenseMatrix(v, k, lambda, false), Vectors.dense(alpha), eta, GAMMA_SHAPE);
  }

  /**
   * One Newton step of α towards the maximum likelihood of the mini-batch's θs (Huang, "Maximum Likelihood
   * Estimation of Dirichlet Distribution Parameters", 3.3), scaled by ρ; not taken if an α would not stay positive.
   * {@code logphat}: the mean over the N documents of E[log θ] = ψ(γ) − ψ(Σγ).
   */
  private static void updateAlpha(double[] alpha, double[] logphat, double n, double weight) {
    int k = alpha.length;
    double[] expectation = new double[k];
    double sum = TopicInference.dirichletExpectation(alpha, expectation);
    double[] gradient = new double[k];
    double[] q = new double[k];
    for (int j = 0; j < k; j++) {
      gradient[j] = n * (-expectation[j] + logphat[j]);
      q[j] = -n * Gamma.trigamma(alpha[j]);
    }
    double c = n * Gamma.trigamma(sum);
    double gradientOverQ = 0;
    double inverseQ = 0;
    for (int j = 0; j < k; j++) {
      gradientOverQ += gradient[j] / q[j];
    }
    for (int j = 0; j < k; j++) {
      inverseQ += 1D / q[j];
    }
    double b = gradientOverQ / (1D / c + inverseQ);
    double[] step = new double[k];
    for (int j = 0; j < k; j++) {
      step[j] = weight * (-(gradient[j] - b) / q[j]);
      if (!(step[j] + alpha[j] > 0D)) {
        return;
      }
    }
    for (int j = 0; j < k; j++) {
      alpha[j] = alpha[j] + step[j];
    }
  }

  /** λ's values as a K × V Breeze matrix over {@code data} laid out as MLlib's (a transposed V × K matrix). */
  private static breeze.linalg.DenseMatrix<Object> view(double[] data, int k, int v) {
    return new breeze.linalg.DenseMatrix$mcD$sp(k, v, data, 0, v, true);
  }

  /** The long {@code random} would give next, without drawing it (from a copy of its state). */
  static long peekNextLong(Random random) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(random);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return ((Random) in.readObject()).nextLong();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A partition's share of a mini-batch: its index, the documents sampled and those with a non-zero count, the
   * statistics of the terms they hold ({@code values[n * K + j]}: topic j of {@code terms[n]}), and Σ E[log θ].
   */
  record PartitionStats(int partition, long sampled, long nonEmpty, int[] terms, double[] values, double[] logphat)
      implements Serializable {}

  /** The E-step of one partition of a mini-batch. */
  private static final class EStep implements Function2<Integer, Iterator<Vector>, Iterator<PartitionStats>> {
    private static final long serialVersionUID = 1L;
    private final int k;
    private final int vocabularySize;
    private final Broadcast<double[]> expElogbeta;
    private final double[] alpha;
    private final long seed;

    EStep(int k, int vocabularySize, Broadcast<double[]> expElogbeta, double[] alpha, long seed) {
      this.k = k;
      this.vocabularySize = vocabularySize;
      this.expElogbeta = expElogbeta;
      this.alpha = alpha;
      this.seed = seed;
    }

    @Override
    public Iterator<PartitionStats> call(Integer index, Iterator<Vector> documents) {
      if (!documents.hasNext()) {
        return java.util.Collections.emptyIterator();
      }
      double[] initialGamma = TopicInference.gammaDraws(GAMMA_SHAPE, seed + index, k);
      TopicInference.Document d = new TopicInference.Document(k, expElogbeta.value(), vocabularySize, alpha);
      double[] stats = new double[vocabularySize * k];
      boolean[] touched = new boolean[vocabularySize];
      int[] terms = new int[Math.min(vocabularySize, 1024)];
      int nTerms = 0;
      double[] logphat = new double[k];
      double[] expectation = new double[k];
      long sampled = 0;
      long nonEmpty = 0;
      while (documents.hasNext()) {
        Vector counts = documents.next();
        sampled++;
        if (counts.numNonzeros() == 0) {
          continue;
        }
        nonEmpty++;
        d.infer(counts, initialGamma);
        for (int i = 0; i < d.n; i++) {
          int t = d.ids[i];
          if (!touched[t]) {
            touched[t] = true;
            if (nTerms == terms.length) {
              terms = Arrays.copyOf(terms, Math.min(vocabularySize, terms.length * 2));
            }
            terms[nTerms++] = t;
          }
          double ratio = d.cts[i] / d.phiNorm[i];
          int at = t * k;
          for (int j = 0; j < k; j++) {
            stats[at + j] = stats[at + j] + d.expElogtheta[j] * ratio;
          }
        }
        TopicInference.dirichletExpectation(d.gamma, expectation);
        for (int j = 0; j < k; j++) {
          logphat[j] += expectation[j];
        }
      }
      int[] kept = Arrays.copyOf(terms, nTerms);
      double[] values = new double[nTerms * k];
      for (int n = 0; n < nTerms; n++) {
        System.arraycopy(stats, kept[n] * k, values, n * k, k);
      }
      return List.of(new PartitionStats(index, sampled, nonEmpty, kept, values, logphat)).iterator();
    }
  }
}
