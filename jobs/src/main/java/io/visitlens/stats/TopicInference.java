package io.visitlens.stats;

import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.mllib.clustering.LDAUtils$;
import org.apache.spark.mllib.clustering.LocalLDAModel;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vector;

/**
 * A fitted LDA model's topic proportions θ of a document: the variational inference that MLlib's
 * {@code LocalLDAModel.topicDistributions} runs for each document (Hoffman, Blei &amp; Bach 2010, the E-step of the
 * online optimizer), with the same arithmetic in the same order, so θ is the same to the bit; only its bookkeeping
 * differs.
 *
 * <p>Why not call it: for each document MLlib copies the model's rows of the document's terms out of E[log β]
 * through Breeze's generic slice, boxing every element, and maps the digamma function over γ through a boxing UFunc;
 * in a profile at 100,000 articles the slice was 32% of the inference's samples and the boxing 30%. Here the rows
 * are copied from a primitive array, and every operation of MLlib's loop is done on primitive arrays with the
 * functions Breeze calls: commons-math3's {@link Gamma#digamma}, {@link Math#exp}, and the matrix-vector products
 * through the same BLAS instance ({@link BLAS#getInstance()}, what Breeze multiplies with) and the same arguments.
 * The element-wise operations are single IEEE operations, the sums run in index order as Breeze's do, and the
 * initial γ is drawn by Breeze's own Gamma sampler from a Mersenne Twister seeded as MLlib seeds it.
 * {@code TopicInferenceTest} checks the result against {@code topicDistributions}, bit for bit.
 *
 * <p>The loop, for a document with term ids {@code ids} and counts {@code c} (n terms), K topics, Dirichlet
 * parameter α and B = exp(E[log β]) restricted to the document's terms (n × K):
 * γ ~ Gamma(s, 1/s)^K; e = exp(ψ(γ) − ψ(Σγ)); φ = B e + 1e−100; then until the mean absolute change of γ is at most
 * 1e−3: γ = e ⊙ (Bᵀ (c ⊘ φ)) + α, e = exp(ψ(γ) − ψ(Σγ)), φ = B e + 1e−100. θ = γ / Σ|γ|.
 */
public final class TopicInference implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int k;
  private final int vocabularySize;
  /** exp(E[log β]), term-major: the K values of term v at {@code [v * k, v * k + k)}. */
  private final double[] expElogbeta;
  private final double[] alpha;
  private final double gammaShape;
  /**
   * Every document's initial γ: topicDistributions seeds a document's draws with the model's seed plus the document's
   * id, and every document here has id 0, so the draws are the same for all and are made once.
   */
  private final double[] initialGamma;

  private TopicInference(int k, int vocabularySize, double[] expElogbeta, double[] alpha, double gammaShape,
      long seed) {
    this.k = k;
    this.vocabularySize = vocabularySize;
    this.expElogbeta = expElogbeta;
    this.alpha = alpha;
    this.gammaShape = gammaShape;
    this.initialGamma = gammaDraws(gammaShape, seed, k);
  }

  /**
   * The inference of {@code model} as it stands (its topics, α, γ shape and seed), for documents whose id is 0:
   * {@code topicDistributions} seeds a document's γ with the model's seed plus the document's id.
   */
  public static TopicInference of(LocalLDAModel model) {
    int k = model.k();
    int v = model.vocabSize();
    // E[log β] as topicDistributions computes it: MLlib's own dirichletExpectation of the topics (K × V, one row per
    // topic), by the same call on the same (transposed) matrix, so its sums are MLlib's.
    breeze.linalg.DenseMatrix<Object> lambda = dense(model.topicsMatrix().transpose());
    return new TopicInference(k, v, expElogbeta(lambda), model.docConcentration().toArray(), model.gammaShape(),
        model.seed());
  }

  /**
   * exp(E[log β]) of the topics λ (K × V, a row per topic), term-major (the K values of term v at
   * {@code [v * k, v * k + k)}): MLlib's own {@code dirichletExpectation} of λ, so its sums are MLlib's, then
   * {@link Math#exp} of each value, as Breeze's exp maps it.
   */
  static double[] expElogbeta(breeze.linalg.DenseMatrix<Object> lambda) {
    int k = lambda.rows();
    int v = lambda.cols();
    breeze.linalg.DenseMatrix<Object> elog = LDAUtils$.MODULE$.dirichletExpectation(lambda);
    double[] expElogbeta = new double[v * k];
    for (int t = 0; t < v; t++) {
      for (int j = 0; j < k; j++) {
        expElogbeta[t * k + j] = Math.exp(elog.apply$mcD$sp(j, t));
      }
    }
    return expElogbeta;
  }

  /** A matrix's values as a compact Breeze matrix with the same rows and columns. */
  private static breeze.linalg.DenseMatrix<Object> dense(org.apache.spark.mllib.linalg.Matrix m) {
    int rows = m.numRows();
    int cols = m.numCols();
    double[] data = new double[rows * cols];
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        data[i + j * rows] = m.apply(i, j);
      }
    }
    return new breeze.linalg.DenseMatrix$mcD$sp(rows, cols, data);
  }

  /** Topics. */
  public int k() {
    return k;
  }

  /** A document's θ (K proportions adding up to 1), or K zeros when it has no term: what topicDistributions gives. */
  public double[] theta(Vector counts) {
    if (counts.numNonzeros() == 0) {
      return new double[k];
    }
    Document d = new Document(k, expElogbeta, vocabularySize, alpha);
    d.infer(counts, initialGamma);
    return normalised(d.gamma);
  }

  /**
   * The variational inference of one document (the loop in the class comment), on buffers it keeps: B, γ, e and φ of
   * the last document inferred, for the online optimizer's statistics ({@link OnlineLda}) as well as θ.
   */
  static final class Document {
    private final int k;
    private final double[] expElogbeta;
    private final int vocabularySize;
    private final double[] alpha;
    int[] ids;
    double[] cts;
    int n;
    /** B: the document's rows of exp(E[log β]), n × K column-major (leading dimension n), as Breeze's slice lays it out. */
    double[] b = new double[0];
    final double[] gamma;
    final double[] expElogtheta;
    double[] phiNorm = new double[0];
    private double[] ratio = new double[0];
    private final double[] product;
    private final double[] last;

    /** @param expElogbeta exp(E[log β]), term-major: the K values of term v at {@code [v * k, v * k + k)} */
    Document(int k, double[] expElogbeta, int vocabularySize, double[] alpha) {
      this.k = k;
      this.expElogbeta = expElogbeta;
      this.vocabularySize = vocabularySize;
      this.alpha = alpha;
      this.gamma = new double[k];
      this.expElogtheta = new double[k];
      this.product = new double[k];
      this.last = new double[k];
    }

    /** Infers γ (then e and φ) of a document with at least one non-zero count, from the initial γ given. */
    void infer(Vector counts, double[] initialGamma) {
      if (counts instanceof SparseVector s) {
        ids = s.indices();
        cts = s.values();
      } else {
        cts = counts.toArray();
        ids = new int[cts.length];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = i;
        }
      }
      n = ids.length;
      if (b.length < n * k) {
        b = new double[n * k];
        phiNorm = new double[n];
        ratio = new double[n];
      }
      for (int i = 0; i < n; i++) {
        int id = ids[i];
        if (id < 0 || id >= vocabularySize) {
          throw new IllegalArgumentException("term id " + id + " outside the model's vocabulary of " + vocabularySize);
        }
        int row = id * k;
        for (int j = 0; j < k; j++) {
          b[i + j * n] = expElogbeta[row + j];
        }
      }
      System.arraycopy(initialGamma, 0, gamma, 0, k);
      expDirichletExpectation(gamma, expElogtheta);
      multiply(b, n, k, expElogtheta, phiNorm);
      double meanChange = 1;
      while (meanChange > 1e-3) {
        System.arraycopy(gamma, 0, last, 0, k);
        for (int i = 0; i < n; i++) {
          ratio[i] = cts[i] / phiNorm[i];
        }
        multiplyTransposed(b, n, k, ratio, product);
        for (int j = 0; j < k; j++) {
          gamma[j] = expElogtheta[j] * product[j] + alpha[j];
        }
        expDirichletExpectation(gamma, expElogtheta);
        multiply(b, n, k, expElogtheta, phiNorm);
        double change = 0;
        for (int j = 0; j < k; j++) {
          change += Math.abs(gamma[j] - last[j]);
        }
        meanChange = change / k;
      }
    }
  }

  /**
   * {@code n} draws of Gamma(s, 1/s) by Breeze's sampler, from a Mersenne Twister seeded with {@code seed}: a
   * document's initial γ (n = K), and the online optimizer's initial λ (n = K · V).
   */
  static double[] gammaDraws(double gammaShape, long seed, int n) {
    breeze.stats.distributions.Gamma sampler = new breeze.stats.distributions.Gamma(gammaShape, 1.0 / gammaShape,
        new breeze.stats.distributions.RandBasis(new MersenneTwister(seed)));
    breeze.linalg.DenseVector<Object> drawn = sampler.samplesVector(n, scala.reflect.ClassTag$.MODULE$.Double());
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = drawn.apply$mcD$sp(i);
    }
    return out;
  }

  /**
   * {@code out} = E[log θ] under Dirichlet(x), ψ(x) − ψ(Σx), as MLlib's {@code LDAUtils.dirichletExpectation} of a
   * vector computes it (the sum in index order); returns Σx.
   */
  static double dirichletExpectation(double[] x, double[] out) {
    double sum = 0;
    for (double g : x) {
      sum += g;
    }
    double digammaOfSum = Gamma.digamma(sum);
    for (int j = 0; j < x.length; j++) {
      out[j] = Gamma.digamma(x[j]) - digammaOfSum;
    }
    return sum;
  }

  /** {@code out} = exp(ψ(γ) − ψ(Σγ)). */
  private static void expDirichletExpectation(double[] gamma, double[] out) {
    dirichletExpectation(gamma, out);
    for (int j = 0; j < gamma.length; j++) {
      out[j] = Math.exp(out[j]);
    }
  }

  /** {@code out} = B x + 1e−100, B n × K: Breeze's DenseMatrix × DenseVector (a BLAS dgemv into zeros), then the sum. */
  private static void multiply(double[] b, int n, int k, double[] x, double[] out) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    BLAS.getInstance().dgemv("N", n, k, 1.0, b, 0, n, x, 0, 1, 0.0, out, 0, 1);
    for (int i = 0; i < n; i++) {
      out[i] += 1e-100;
    }
  }

  /** {@code out} = Bᵀ x: Breeze's product of the transposed matrix, a BLAS dgemv of B with "T". */
  private static void multiplyTransposed(double[] b, int n, int k, double[] x, double[] out) {
    java.util.Arrays.fill(out, 0.0);
    BLAS.getInstance().dgemv("T", n, k, 1.0, b, 0, n, x, 0, 1, 0.0, out, 0, 1);
  }

  /**
   * γ / Σ|γ| (γ itself when the sum is 0), as Breeze's normalize(γ, 1) divides. Breeze's 1-norm adds pow(|γ_j|, 1) in
   * index order and takes pow(sum, 1); {@link Math#pow} with exponent 1 returns its argument, so this is that sum.
   */
  private static double[] normalised(double[] gamma) {
    double norm = 0;
    for (double g : gamma) {
      norm += Math.abs(g);
    }
    if (norm == 0) {
      return gamma;
    }
    double[] theta = new double[gamma.length];
    for (int j = 0; j < gamma.length; j++) {
      theta[j] = gamma[j] / norm;
    }
    return theta;
  }
}
