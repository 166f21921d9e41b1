package io.visitlens.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The article-level percentile bootstrap of each sector's share of a visit's sector mentions, and of the change of
 * that share from visit A to visit B.
 *
 * <p>A visit's share of sector s is Σ_d m_{d,s} / Σ_d M_d over its articles d, with m_{d,s} the article's mentions of
 * s and M_d its mentions of every sector (0 when the visit has no mention at all). One replicate draws n_A articles of
 * A with replacement, uniformly, and n_B articles of B, and recomputes both shares from the drawn articles (an article
 * drawn twice counts twice); δ = (share_B − share_A) × 100, in percentage points. Mentions cluster in articles: this
 * interval treats the article, not the mention, as the unit that varies, which a z over mentions does not.
 *
 * <p>Replicate r draws from its own generator, seeded by {@link #replicateSeed}(seed, r), A's articles first, then B's,
 * each visit's articles in the order given (the caller sorts them by {@code doc_id}): the same seed gives the same
 * replicates however the replicates are split between tasks.
 *
 * <p>Intervals are percentile intervals by the nearest-rank rule: of R replicate values sorted ascending, the bound at
 * probability p is the ⌈p·R⌉-th smallest (the first when p·R ≤ 1); a 95% interval is [p = 0.025, p = 0.975].
 * {@code p_bootstrap} = min(1, 2 · min(#{δ_r ≤ 0}, #{δ_r ≥ 0}) / R): twice the share of replicates on the far side of
 * zero, two-sided.
 */
public final class ArticleBootstrap {

  /** The default number of replicates ({@code --bootstrap}). */
  public static final int DEFAULT_REPLICATES = 2000;
  /** The default seed ({@code --seed}). */
  public static final long DEFAULT_SEED = 20_261_205L;
  /** The default confidence of the intervals ({@code --confidence}). */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private ArticleBootstrap() {}

  /**
   * One visit's articles: {@code totals[i]}, article i's mentions of every sector, and its mentions of single
   * sectors as entries (article, sector index, count), any order.
   */
  public record Articles(int[] totals, int[] entryArticle, int[] entrySector, int[] entryCount)
      implements Serializable {
    /** Checks that the arrays agree. */
    public Articles {
      if (entryArticle.length != entrySector.length || entrySector.length != entryCount.length) {
        throw new IllegalArgumentException("entry arrays of different lengths");
      }
      for (int a : entryArticle) {
        if (a < 0 || a >= totals.length) {
          throw new IllegalArgumentException("entry of article " + a + " of " + totals.length);
        }
      }
    }

    public int size() {
      return totals.length;
    }
  }

  /** The shares of one replicate: {@code a[s]} and {@code b[s]} for each sector index s. */
  public record Replicate(double[] a, double[] b) implements Serializable {}

  /** SplitMix64's finaliser of the seed and the replicate number: replicate r's generator's seed. */
  public static long replicateSeed(long seed, int replicate) {
    long z = seed + 0x9E3779B97F4A7C15L * (replicate + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Replicates {@code from} (inclusive) to {@code to} (exclusive) of visits {@code a} and {@code b}. */
  public static Replicate[] replicates(Articles a, Articles b, int sectors, long seed, int from, int to) {
    Replicate[] out = new Replicate[to - from];
    int[] drawnA = new int[a.size()];
    int[] drawnB = new int[b.size()];
    for (int r = from; r < to; r++) {
      SplittableRandom random = new SplittableRandom(replicateSeed(seed, r));
      out[r - from] = new Replicate(shares(a, sectors, random, drawnA), shares(b, sectors, random, drawnB));
    }
    return out;
  }

  /** The shares of one resample of {@code v}: n draws with replacement; {@code drawn} is scratch space. */
  private static double[] shares(Articles v, int sectors, SplittableRandom random, int[] drawn) {
    int n = v.size();
    Arrays.fill(drawn, 0);
    for (int k = 0; k < n; k++) {
      drawn[random.nextInt(n)]++;
    }
    return shares(v, sectors, drawn);
  }

  /** The shares when article i counts {@code weight[i]} times. */
  static double[] shares(Articles v, int sectors, int[] weight) {
    double total = 0;
    for (int i = 0; i < v.size(); i++) {
      total += (double) weight[i] * v.totals()[i];
    }
    double[] shares = new double[sectors];
    if (total == 0) {
      return shares;
    }
    for (int e = 0; e < v.entryArticle().length; e++) {
      shares[v.entrySector()[e]] += (double) weight[v.entryArticle()[e]] * v.entryCount()[e];
    }
    for (int s = 0; s < sectors; s++) {
      shares[s] /= total;
    }
    return shares;
  }

  /** The observed shares of {@code v}: every article once. */
  public static double[] observed(Articles v, int sectors) {
    int[] once = new int[v.size()];
    Arrays.fill(once, 1);
    return shares(v, sectors, once);
  }

  /**
   * One sector's intervals: share of A, share of B and their change in percentage points, each [low, high], and
   * {@code pBootstrap}.
   */
  public record Interval(double shareALow, double shareAHigh, double shareBLow, double shareBHigh, double deltaLow,
      double deltaHigh, double pBootstrap) implements Serializable {}

  /** The intervals of sector {@code s} at {@code confidence} (0 &lt; confidence &lt; 1) from its replicates. */
  public static Interval interval(Replicate[] replicates, int s, double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    int n = replicates.length;
    if (n == 0) {
      throw new IllegalArgumentException("no replicates");
    }
    double[] a = new double[n];
    double[] b = new double[n];
    double[] delta = new double[n];
    int atOrBelow = 0;
    int atOrAbove = 0;
    for (int r = 0; r < n; r++) {
      a[r] = replicates[r].a()[s];
      b[r] = replicates[r].b()[s];
      delta[r] = (b[r] - a[r]) * 100.0;
      atOrBelow += delta[r] <= 0 ? 1 : 0;
      atOrAbove += delta[r] >= 0 ? 1 : 0;
    }
    double tail = (1 - confidence) / 2;
    Arrays.sort(a);
    Arrays.sort(b);
    Arrays.sort(delta);
    return new Interval(quantile(a, tail), quantile(a, 1 - tail), quantile(b, tail), quantile(b, 1 - tail),
        quantile(delta, tail), quantile(delta, 1 - tail), Math.min(1.0, 2.0 * Math.min(atOrBelow, atOrAbove) / n));
  }

  /** The nearest-rank quantile of sorted values: the ⌈p·n⌉-th smallest, the first when p·n ≤ 1. */
  static double quantile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length - 1e-9);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }
}
