package io.visitlens.transform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cue phrases matched word by word on a text's words ({@link Words}), without a regular expression: the first word
 * of each cue is looked up in a hash map (exact words, and the stems of {@code word*} cues by their first two
 * letters), and only the few cues found are compared further. An alternation of some fifty cues, tried at every
 * word of every sentence, had made attribution four times slower.
 *
 * <p>A cue is words separated by spaces, already folded ({@link FoldedText}) and in lower case; a word ending in
 * {@code *} matches any word it begins, a lone {@code *} any one word, {@code #month} any month name or abbreviation
 * of {@link TextDates} ({@code last #month}: last November; {@code prošl* #month}: prošlog novembra). Immutable and
 * serializable.
 */
final class Cues implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The word that stands for any month name. */
  static final String MONTH = "#month";

  /** One cue: its words, each exact, a stem ({@code word*}) or any word ({@code *}). */
  private record Cue(String[] words, boolean[] stem) implements Serializable {
    boolean matches(Words text, int at, int limit) {
      if (at + words.length > limit) {
        return false;
      }
      for (int k = 0; k < words.length; k++) {
        String w = text.word(at + k);
        boolean ok = words[k].isEmpty() || (words[k].equals(MONTH) ? TextDates.MONTHS.containsKey(w)
            : stem[k] ? w.startsWith(words[k]) : w.equals(words[k]));
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<String, List<Cue>> byWord = new HashMap<>();
  /** Cues beginning with a stem, by the stem's first two letters ({@link #key}). */
  private final Map<Integer, List<Cue>> byStemStart = new HashMap<>();

  /** Cues as written in the cue file (any case and script), folded here. */
  Cues(List<String> cues) {
    for (String written : cues) {
      String[] words = FoldedText.fold(written.strip()).toLowerCase(Locale.ROOT).split("\\s+");
      String[] plain = new String[words.length];
      boolean[] stem = new boolean[words.length];
      for (int i = 0; i < words.length; i++) {
        boolean any = words[i].equals("*");
        stem[i] = any || words[i].endsWith("*");
        plain[i] = any ? "" : stem[i] ? words[i].substring(0, words[i].length() - 1) : words[i];
      }
      if (plain[0].isEmpty() || plain[0].equals(MONTH) || (stem[0] && plain[0].length() < 2)) {
        throw new IllegalArgumentException("a cue begins with a word, or a stem of two letters or more: " + written);
      }
      Cue cue = new Cue(plain, stem);
      if (stem[0]) {
        byStemStart.computeIfAbsent(key(plain[0]), k -> new ArrayList<>()).add(cue);
      } else {
        byWord.computeIfAbsent(plain[0], k -> new ArrayList<>()).add(cue);
      }
    }
  }

  /** A word's first two letters as one number (-1 for a word of one letter). */
  private static int key(String word) {
    return word.length() < 2 ? -1 : (word.charAt(0) << 16) | word.charAt(1);
  }

  /** The number of words of the cue starting at word {@code i} (and ending before word {@code limit}), 0 if none. */
  int at(Words text, int i, int limit) {
    String w = text.word(i);
    int best = longest(byWord.get(w), text, i, limit, 0);
    return byStemStart.isEmpty() ? best : longest(byStemStart.get(key(w)), text, i, limit, best);
  }

  private static int longest(List<Cue> cues, Words text, int i, int limit, int best) {
    if (cues != null) {
      for (Cue c : cues) {
        if (c.words().length > best && c.matches(text, i, limit)) {
          best = c.words().length;
        }
      }
    }
    return best;
  }

  /** Whether a cue stands among words {@code [from, to)}. */
  boolean anyIn(Words text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (at(text, i, to) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first word of the nearest cue that ends before word {@code before} with at most {@code between} words after
   * it, looking no further back than word {@code from}; -1 when there is none.
   */
  int before(Words text, int before, int from, int between) {
    for (int i = before - 1; i >= from && i >= before - between - 4; i--) {
      int n = at(text, i, before);
      if (n > 0 && before - (i + n) <= between) {
        return i;
      }
    }
    return -1;
  }
}
