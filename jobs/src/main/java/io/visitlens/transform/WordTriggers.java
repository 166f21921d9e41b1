package io.visitlens.transform;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Which of a set of words and characters a text contains, as a bit mask, in one scan of its characters and with no
 * string made per word: a prefilter, so that costly patterns run only on the texts that can match them. A word is a
 * maximal run of letters (as in {@link Words}), compared case-insensitively through Lucene's {@link CharArrayMap};
 * a hyphenated word is two words. Immutable once built, and serializable (the map is rebuilt on first use).
 */
public final class WordTriggers implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Word (lower case) → its bits. */
  private final Map<String, Integer> words;
  /** Character → its bits. */
  private final Map<Character, Integer> chars;
  private transient volatile CharArrayMap<Integer> lookup;
  private transient int[] ascii;
  private transient char[] others;
  private transient int[] otherBits;

  private WordTriggers(Map<String, Integer> words, Map<Character, Integer> chars) {
    this.words = words;
    this.chars = chars;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds words and characters with their bits; a word's bits add up when it is given twice. */
  public static final class Builder {
    private final Map<String, Integer> words = new LinkedHashMap<>();
    private final Map<Character, Integer> chars = new LinkedHashMap<>();

    /**
     * Each word of {@code words} triggers {@code bit}.
     *
     * @throws IllegalArgumentException for a word that is not a run of letters (a phrase must give one of its
     *     words)
     */
    public Builder words(int bit, Iterable<String> words) {
      for (String w : words) {
        if (w.isEmpty() || !w.codePoints().allMatch(Character::isLetter)) {
          throw new IllegalArgumentException("not a word (a run of letters): \"" + w + "\"");
        }
        this.words.merge(w.toLowerCase(Locale.ROOT), bit, (a, b) -> a | b);
      }
      return this;
    }

    public Builder words(int bit, String... words) {
      return words(bit, java.util.List.of(words));
    }

    /** Each character of {@code chars} triggers {@code bit} wherever it stands. */
    public Builder chars(int bit, String chars) {
      for (char c : chars.toCharArray()) {
        this.chars.merge(c, bit, (a, b) -> a | b);
      }
      return this;
    }

    public WordTriggers build() {
      return new WordTriggers(Map.copyOf(words), Map.copyOf(chars));
    }
  }

  /**
   * The word a phrase (or a hyphenated word) is found by: its longest run of letters, the first of equals ("set up"
   * by "set", "re-establish" by "establish"); every text containing the phrase contains it.
   */
  public static String longestWord(String phrase) {
    String best = "";
    for (String w : phrase.split("[^\\p{L}]+")) {
      best = w.length() > best.length() ? w : best;
    }
    return best;
  }

  /** The bits of the words and characters {@code text} contains, OR-ed together; 0 for none. */
  public int scan(String text) {
    if (lookup == null) {
      index();
    }
    CharArrayMap<Integer> map = lookup;
    int[] low = ascii;
    char[] high = others;
    int n = text.length();
    char[] buffer = text.toCharArray();
    int bits = 0;
    int start = -1;
    for (int i = 0; i < n; i++) {
      char c = buffer[i];
      if (c < 128) {
        bits |= low[c];
      } else {
        for (int k = 0; k < high.length; k++) {
          if (high[k] == c) {
            bits |= otherBits[k];
          }
        }
      }
      if (Character.isLetter(c)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        Integer b = map.get(buffer, start, i - start);
        if (b != null) {
          bits |= b;
        }
        start = -1;
      }
    }
    if (start >= 0) {
      Integer b = map.get(buffer, start, n - start);
      if (b != null) {
        bits |= b;
      }
    }
    return bits;
  }

  private synchronized void index() {
    if (lookup != null) {
      return;
    }
    CharArrayMap<Integer> map = new CharArrayMap<>(Math.max(16, words.size() * 2), true);
    words.forEach(map::put);
    int[] low = new int[128];
    StringBuilder high = new StringBuilder();
    java.util.List<Integer> highBits = new java.util.ArrayList<>();
    chars.forEach((c, b) -> {
      if (c < 128) {
        low[c] |= b;
      } else {
        high.append(c);
        highBits.add(b);
      }
    });
    ascii = low;
    others = high.toString().toCharArray();
    otherBits = highBits.stream().mapToInt(Integer::intValue).toArray();
    lookup = map;
  }
}
