package io.visitlens.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The article-level percentile bootstrap of a term's {@link Keyness#logRatio} between visits A and B, within one
 * language and n-gram order: one replicate draws n_A of A's articles of the language and n_B of B's, with
 * replacement, and recomputes y_A, n_A (the term's and all terms' occurrences of the order in the drawn articles of
 * A) and the same for B. Replicate r draws from its own generator, seeded from the seed, the group's key and r, A's
 * articles first (in the order given); a replicate whose drawn articles of A or of B hold no term of the order gives
 * no value (the log ratio is undefined there) and the interval is over the others, by the nearest-rank rule of
 * {@link ArticleBootstrap}.
 */
public final class TermBootstrap {

  private TermBootstrap() {}

  /** One visit's articles in one language and order: each article's total, and its counts of the selected terms. */
  public record Side(long[] totals, int[] entryArticle, int[] entryTerm, long[] entryCount) implements Serializable {
    public int size() {
      return totals.length;
    }
  }

  /**
   * For each of {@code terms} selected terms, {low, high} of its log ratio at {@code confidence}, or {NaN, NaN} when
   * no replicate gives a value.
   */
  public static double[][] intervals(Side a, Side b, int terms, int replicates, long seed, double confidence) {
    double[][] values = values(a, b, terms, seed, 0, replicates);
    double[][] out = new double[terms][];
    for (int t = 0; t < terms; t++) {
      out[t] = interval(values[t], confidence);
    }
    return out;
  }

  /**
   * The log ratios of replicates {@code from} to {@code to} (exclusive): {@code [term][r - from]}, NaN where the
   * replicate gives no value. Ranges computed apart (by several tasks) and put together give the values of
   * {@code 0..R}: each replicate draws from its own generator.
   */
  public static double[][] values(Side a, Side b, int terms, long seed, int from, int to) {
    double[][] values = new double[terms][to - from];
    long[] drawnA = new long[a.size()];
    long[] drawnB = new long[b.size()];
    for (int r = from; r < to; r++) {
      SplittableRandom random = new SplittableRandom(ArticleBootstrap.replicateSeed(seed, r));
      draw(drawnA, random);
      draw(drawnB, random);
      long totalA = weighted(a.totals(), drawnA);
      long totalB = weighted(b.totals(), drawnB);
      if (totalA == 0 || totalB == 0) {
        for (int t = 0; t < terms; t++) {
          values[t][r - from] = Double.NaN;
        }
        continue;
      }
      long[] yA = counts(a, drawnA, terms);
      long[] yB = counts(b, drawnB, terms);
      for (int t = 0; t < terms; t++) {
        values[t][r - from] = Keyness.logRatio(yA[t], totalA, yB[t], totalB);
      }
    }
    return values;
  }

  /**
   * {low, high} at {@code confidence} of one term's replicate values (NaN ones left out), by the nearest-rank rule;
   * {NaN, NaN} when none has a value.
   */
  public static double[] interval(double[] replicateValues, double confidence) {
    double[] v = Arrays.stream(replicateValues).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double tail = (1 - confidence) / 2;
    return new double[] {ArticleBootstrap.quantile(v, tail), ArticleBootstrap.quantile(v, 1 - tail)};
  }

  private static void draw(long[] drawn, SplittableRandom random) {
    Arrays.fill(drawn, 0);
    for (int k = 0; k < drawn.length; k++) {
      drawn[random.nextInt(drawn.length)]++;
    }
  }

  private static long weighted(long[] totals, long[] drawn) {
    long sum = 0;
    for (int i = 0; i < totals.length; i++) {
      sum += drawn[i] * totals[i];
    }
    return sum;
  }

  private static long[] counts(Side s, long[] drawn, int terms) {
    long[] y = new long[terms];
    for (int e = 0; e < s.entryArticle().length; e++) {
      y[s.entryTerm()[e]] += drawn[s.entryArticle()[e]] * s.entryCount()[e];
    }
    return y;
  }

  /** The seed of a group (language, n-gram order): the seed mixed with both, so groups draw independently. */
  public static long groupSeed(long seed, String language, int ngram) {
    return ArticleBootstrap.replicateSeed(seed ^ language.hashCode(), ngram);
  }
}
