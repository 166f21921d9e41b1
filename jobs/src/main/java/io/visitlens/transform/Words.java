package io.visitlens.transform;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text (maximal runs of letters), in lower case, with their positions; made once per text. Attribution
 * reads them in folded text.
 */
public final class Words {
  private final String[] words;
  private final int[] starts;
  private final int[] ends;
  private final int size;

  private Words(String[] words, int[] starts, int[] ends, int size) {
    this.words = words;
    this.starts = starts;
    this.ends = ends;
    this.size = size;
  }

  public static Words of(String folded) {
    int n = folded.length();
    String lower = folded.toLowerCase(Locale.ROOT);
    boolean sameLength = lower.length() == n;
    String[] words = new String[Math.max(8, n / 5)];
    int[] starts = new int[words.length];
    int[] ends = new int[words.length];
    int size = 0;
    for (int i = 0; i < n; ) {
      if (!Character.isLetter(folded.charAt(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && Character.isLetter(folded.charAt(j))) {
        j++;
      }
      if (size == words.length) {
        words = Arrays.copyOf(words, size * 2);
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      words[size] = sameLength ? lower.substring(i, j) : folded.substring(i, j).toLowerCase(Locale.ROOT);
      starts[size] = i;
      ends[size] = j;
      size++;
      i = j;
    }
    return new Words(words, starts, ends, size);
  }

  public int size() {
    return size;
  }

  public String word(int i) {
    return words[i];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  /** The index of the first word starting at or after {@code pos} ({@link #size} when none). */
  int firstAtOrAfter(int pos) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] < pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
