package io.visitlens.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the co-occurrence of two sectors changed from visit A to visit B, and a permutation test of that change.
 *
 * <p>A window is a counted sentence or an article. For a group of articles, n is its windows, a and b the windows that
 * hold each sector, co those that hold both, and NPMI is {@link Association#npmi}, taken as −1 when a sector does not
 * occur in the group (a pair seen in one visit only is "never together" in the other). The change is
 * Δ = NPMI_B − NPMI_A.
 *
 * <p>The test shuffles the visit labels among the articles of A and B (n_A of them labelled A), recomputes Δ, and
 * counts how often |Δ| is at least the observed |Δ| (less 10⁻⁹ for rounding). When the distinct labellings,
 * C(n_A + n_B, n_A), are no more than the permutations asked for, every labelling is enumerated and
 * p = #{|Δ_π| ≥ |Δ|} / C, exactly (the observed labelling among them). Otherwise K random labellings, permutation k
 * drawn by its own generator seeded from the seed and k ({@link ArticleBootstrap#replicateSeed}), and
 * p = (1 + #{|Δ_k| ≥ |Δ|}) / (K + 1) (Phipson &amp; Smyth 2010: never 0).
 */
public final class CooccurrencePermutation {

  /** The default number of permutations ({@code --permutations}). */
  public static final int DEFAULT_PERMUTATIONS = 1000;

  private CooccurrencePermutation() {}

  /**
   * One article's windows: how many there are, and for each window that holds a sector, the sorted distinct sector
   * indices it holds.
   */
  public record Article(int windows, int[][] sets) implements Serializable {}

  /** Sums over a group of articles: windows, windows per sector, windows per pair (index i · S + j, i &lt; j). */
  static final class Sums {
    long windows;
    final long[] sector;
    final long[] pair;

    Sums(int sectors) {
      sector = new long[sectors];
      pair = new long[sectors * sectors];
    }

    void add(Article a, int sign) {
      windows += sign * (long) a.windows();
      int s = sector.length;
      for (int[] set : a.sets()) {
        for (int x = 0; x < set.length; x++) {
          sector[set[x]] += sign;
          for (int y = x + 1; y < set.length; y++) {
            pair[set[x] * s + set[y]] += sign;
          }
        }
      }
    }

    /** NPMI of sectors i &lt; j in the group, −1 when either does not occur. */
    double npmi(int i, int j) {
      long a = sector[i];
      long b = sector[j];
      if (a == 0 || b == 0) {
        return -1.0;
      }
      return Association.npmi(pair[i * sector.length + j], a, b, windows);
    }
  }

  /**
   * The counts and NPMI of one pair in both visits, and its permutation p-value: the windows holding both
   * ({@code coCount}), each sector ({@code sectorAWindowsA}: windows of visit A that hold the pair's first sector), and
   * all windows, in A and in B.
   */
  public record PairChange(int sectorA, int sectorB, long coCountA, long coCountB, long sectorAWindowsA,
      long sectorBWindowsA, long sectorAWindowsB, long sectorBWindowsB, long windowsA, long windowsB, double npmiA,
      double npmiB, double pPermutation) implements Serializable {
    public double delta() {
      return npmiB - npmiA;
    }
  }

  /** The pairs to test: both sectors occur in A, or both in B (the pairs {@code topic_cooccurrence} has a row for). */
  public static List<int[]> pairs(List<Article> a, List<Article> b, int sectors) {
    Sums sa = sums(a, sectors);
    Sums sb = sums(b, sectors);
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < sectors; i++) {
      for (int j = i + 1; j < sectors; j++) {
        if ((sa.sector[i] > 0 && sa.sector[j] > 0) || (sb.sector[i] > 0 && sb.sector[j] > 0)) {
          out.add(new int[] {i, j});
        }
      }
    }
    return out;
  }

  static Sums sums(List<Article> articles, int sectors) {
    Sums s = new Sums(sectors);
    articles.forEach(x -> s.add(x, 1));
    return s;
  }

  /** The distinct labellings of n_A + n_B articles with n_A labelled A: C(n_A + n_B, n_A). */
  public static long labellings(int nA, int nB) {
    return choose(nA + nB, nA);
  }

  /** Whether every labelling is enumerated for these sizes and {@code permutations}. */
  public static boolean exact(int nA, int nB, int permutations) {
    return choose(nA + nB, nA) <= permutations;
  }

  /** C(n, k), or {@link Long#MAX_VALUE} when it exceeds 10¹⁸. */
  static long choose(int n, int k) {
    k = Math.min(k, n - k);
    long c = 1;
    for (int i = 1; i <= k; i++) {
      if (c > 1_000_000_000_000_000_000L / (n - k + i)) {
        return Long.MAX_VALUE;
      }
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /**
   * For each pair, how many of labellings {@code from} to {@code to} (exclusive) give |Δ| ≥ the observed |Δ|: random
   * labellings (by their own seeds), or, when {@link #exact}, the {@code from}-th to {@code to}-th combinations in
   * lexicographic order.
   */
  public static long[] hits(List<Article> a, List<Article> b, int sectors, List<int[]> pairs, long seed, int from,
      int to, boolean exact) {
    List<Article> all = new ArrayList<>(a);
    all.addAll(b);
    Counts counts = new Counts(all, sectors, pairs);
    int n = all.size();
    int[] windows = new int[n];
    for (int k = 0; k < n; k++) {
      windows[k] = all.get(k).windows();
    }
    int nA = a.size();
    long[] groupA = new long[counts.features];
    long[] total = new long[counts.features];
    long totalWindows = 0;
    for (int k = 0; k < n; k++) {
      counts.add(k, total);
      totalWindows += all.get(k).windows();
    }
    long windowsA = 0;
    for (int k = 0; k < nA; k++) {
      counts.add(k, groupA);
      windowsA += all.get(k).windows();
    }
    double[] observed = counts.deltas(groupA, windowsA, total, totalWindows);
    long[] hits = new long[pairs.size()];
    int[] chosen = exact ? combination(n, nA, from) : null;
    int[] order = new int[n];
    boolean[] inA = new boolean[n];
    for (int k = from; k < to; k++) {
      Arrays.fill(groupA, 0);
      windowsA = 0;
      if (exact) {
        for (int i : chosen) {
          counts.add(i, groupA);
          windowsA += all.get(i).windows();
        }
        nextCombination(chosen, n);
      } else {
        SplittableRandom random = new SplittableRandom(ArticleBootstrap.replicateSeed(seed, k));
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        for (int i = 0; i < nA; i++) { // the first nA of a partial Fisher-Yates shuffle are a uniform sample
          int j = i + random.nextInt(n - i);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
          inA[order[i]] = true;
        }
        // The sample's sums added in article order, not in the order drawn: the same integers, read in memory order.
        for (int i = 0; i < n; i++) {
          if (inA[i]) {
            inA[i] = false;
            counts.add(i, groupA);
            windowsA += windows[i];
          }
        }
      }
      double[] d = counts.deltas(groupA, windowsA, total, totalWindows);
      for (int p = 0; p < pairs.size(); p++) {
        if (Math.abs(d[p]) >= Math.abs(observed[p]) - 1e-9) {
          hits[p]++;
        }
      }
    }
    return hits;
  }

  /**
   * Each article's windows per sector and per tested pair, as one sparse vector (feature s for sector s,
   * {@code sectors + p} for pair p), computed once: a labelling then adds up vectors instead of walking the
   * articles' windows again.
   */
  private static final class Counts {
    final int sectors;
    final int features;
    final List<int[]> pairs;
    final int[] start;
    final int[] feature;
    final int[] count;

    Counts(List<Article> articles, int sectors, List<int[]> pairs) {
      this.sectors = sectors;
      this.pairs = pairs;
      this.features = sectors + pairs.size();
      int[] pairIndex = new int[sectors * sectors];
      Arrays.fill(pairIndex, -1);
      for (int p = 0; p < pairs.size(); p++) {
        pairIndex[pairs.get(p)[0] * sectors + pairs.get(p)[1]] = p;
      }
      start = new int[articles.size() + 1];
      int[] scratch = new int[features];
      int[] touched = new int[features];
      int[] f = new int[16];
      int[] c = new int[16];
      int entries = 0;
      for (int k = 0; k < articles.size(); k++) {
        int nTouched = 0;
        for (int[] set : articles.get(k).sets()) {
          for (int x = 0; x < set.length; x++) {
            nTouched = bump(scratch, touched, nTouched, set[x]);
            for (int y = x + 1; y < set.length; y++) {
              int p = pairIndex[set[x] * sectors + set[y]];
              if (p >= 0) {
                nTouched = bump(scratch, touched, nTouched, sectors + p);
              }
            }
          }
        }
        if (entries + nTouched > f.length) {
          f = Arrays.copyOf(f, Math.max(2 * f.length, entries + nTouched));
          c = Arrays.copyOf(c, f.length);
        }
        for (int t = 0; t < nTouched; t++) {
          f[entries] = touched[t];
          c[entries++] = scratch[touched[t]];
          scratch[touched[t]] = 0;
        }
        start[k + 1] = entries;
      }
      feature = Arrays.copyOf(f, entries);
      count = Arrays.copyOf(c, entries);
    }

    private static int bump(int[] scratch, int[] touched, int nTouched, int f) {
      if (scratch[f]++ == 0) {
        touched[nTouched++] = f;
      }
      return nTouched;
    }

    void add(int article, long[] into) {
      for (int e = start[article]; e < start[article + 1]; e++) {
        into[feature[e]] += count[e];
      }
    }

    /** Δ of each pair between group A (its sums) and the rest of {@code total}. */
    double[] deltas(long[] groupA, long windowsA, long[] total, long totalWindows) {
      double[] d = new double[pairs.size()];
      for (int p = 0; p < d.length; p++) {
        int i = pairs.get(p)[0];
        int j = pairs.get(p)[1];
        int f = sectors + p;
        d[p] = npmi(total[f] - groupA[f], total[i] - groupA[i], total[j] - groupA[j], totalWindows - windowsA)
            - npmi(groupA[f], groupA[i], groupA[j], windowsA);
      }
      return d;
    }

    /** NPMI, −1 when either sector does not occur (as {@link Sums#npmi}). */
    private static double npmi(long both, long a, long b, long windows) {
      return a == 0 || b == 0 ? -1.0 : Association.npmi(both, a, b, windows);
    }
  }

  /** The pairs' changes and counts, with p from the hits over {@code labellings} labellings. */
  public static List<PairChange> changes(List<Article> a, List<Article> b, int sectors, List<int[]> pairs,
      long[] hits, long labellings, boolean exact) {
    Sums sa = sums(a, sectors);
    Sums sb = sums(b, sectors);
    List<PairChange> out = new ArrayList<>();
    for (int p = 0; p < pairs.size(); p++) {
      int i = pairs.get(p)[0];
      int j = pairs.get(p)[1];
      double pValue = labellings == 0 ? Double.NaN
          : exact ? hits[p] / (double) labellings : (1.0 + hits[p]) / (labellings + 1.0);
      out.add(new PairChange(i, j, sa.pair[i * sectors + j], sb.pair[i * sectors + j], sa.sector[i], sa.sector[j],
          sb.sector[i], sb.sector[j], sa.windows, sb.windows, sa.npmi(i, j), sb.npmi(i, j), pValue));
    }
    return out;
  }

  /** The {@code rank}-th (0-based) k-combination of 0..n−1 in lexicographic order. */
  static int[] combination(int n, int k, long rank) {
    int[] c = new int[k];
    int next = 0;
    for (int pos = 0; pos < k; pos++) {
      while (true) {
        long withNext = choose(n - next - 1, k - pos - 1);
        if (rank < withNext) {
          c[pos] = next++;
          break;
        }
        rank -= withNext;
        next++;
      }
    }
    return c;
  }

  /** Advances a k-combination of 0..n−1 to the next in lexicographic order (no-op after the last). */
  static void nextCombination(int[] c, int n) {
    int k = c.length;
    int i = k - 1;
    while (i >= 0 && c[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return;
    }
    c[i]++;
    for (int j = i + 1; j < k; j++) {
      c[j] = c[j - 1] + 1;
    }
  }

  /** Benjamini–Hochberg q-values of {@code p}, in the same order (NaN stays NaN and is not counted). */
  public static double[] qValues(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
      m += Double.isNaN(p[i]) ? 0 : 1;
    }
    Arrays.sort(order, (x, y) -> Double.compare(Double.isNaN(p[y]) ? -1 : p[y], Double.isNaN(p[x]) ? -1 : p[x]));
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double running = 1.0;
    for (int idx = 0; idx < order.length; idx++) {
      int i = order[idx];
      if (Double.isNaN(p[i])) {
        continue;
      }
      // the largest p first: i' = number of p-values <= this one (ties share the largest rank)
      int countAtMost = 0;
      for (double v : p) {
        countAtMost += !Double.isNaN(v) && v <= p[i] ? 1 : 0;
      }
      running = Math.min(running, Math.min(1.0, m * p[i] / countAtMost));
      q[i] = running;
    }
    return q;
  }
}
