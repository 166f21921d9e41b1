package io.visitlens.transform;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A text with its diacritics folded away (NFD, combining marks removed, a few stroke letters mapped), Cyrillic
 * written in Latin letters, and typographic quotes and spaces unified, keeping a map back to the original so
 * quotes for evidence can be taken from the text as written. Also splits the folded text into sentences.
 *
 * <p>Cyrillic is transliterated letter by letter, with a table built once from ICU4J's transforms: Serbian
 * Cyrillic by {@code Serbian-Latin/BGN}, which gives Serbian's own Latin alphabet ({@code Љ} → {@code Lj},
 * {@code Џ} → {@code Dž}, {@code Ђ} → {@code Đ}), so {@code Београд} folds to {@code Beograd} and {@code Вучић}
 * to {@code Vucic}; the letters Serbian lacks (Russian {@code я ю й ы щ ъ ь ё э}, Kazakh {@code ә қ ң ө ұ ү һ і})
 * by ICU's {@code Cyrillic-Latin} (ISO 9), its diacritics then folded ({@code я} → {@code â} → {@code a});
 * the hard and soft signs fold to nothing. Russian {@code Вучич} thus folds to {@code Vucic} too, and
 * {@code Токаев} to {@code Tokaev}. The table is fixed by the library's version (ICU4J 79.1), so the folding is
 * deterministic; catalogue names, aliases and cue words are folded by the same function as the text.
 */
final class FoldedText {

  /** Abbreviations after which a period does not end a sentence (lower case, without the period). */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "prof", "jr", "sr", "no", "vs", "gov",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      // Serbian (gospodin, gospođa, tj., npr., br., godine), Russian (г-н folds to g-n: г., гг., т.е.), German
      "g", "gdin", "gdja", "gda", "tj", "npr", "br", "god", "gg", "nr", "bzw", "ca", "vgl", "hr", "fr");

  /** Latin for each code point of the Cyrillic block U+0400..U+04FF, folded later like any other letter. */
  private static final String[] CYRILLIC = cyrillicTable();

  private final String original;
  private final String folded;
  /** folded index -> index of the original char it came from. */
  private final int[] originalIndex;

  private FoldedText(String original, String folded, int[] originalIndex) {
    this.original = original;
    this.folded = folded;
    this.originalIndex = originalIndex;
  }

  /** Folds {@code s}; see the class comment. */
  static FoldedText of(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int[] map = new int[s.length() + 1];
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (cp < 0x80) {
        map = append(out, map, (char) cp, i);
      } else {
        String piece = foldCodePoint(cp);
        for (int k = 0; k < piece.length(); k++) {
          char c = piece.charAt(k);
          int type = Character.getType(c);
          if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
              && type != Character.ENCLOSING_MARK) {
            map = append(out, map, c, i);
          }
        }
      }
      i += width;
    }
    return new FoldedText(s, out.toString(), map);
  }

  /** The folded form of {@code s}, for catalogue names matched against folded texts. */
  static String fold(String s) {
    return of(s).folded;
  }

  private static int[] append(StringBuilder out, int[] map, char c, int originalPos) {
    if (out.length() >= map.length) {
      map = java.util.Arrays.copyOf(map, map.length * 2 + 1);
    }
    map[out.length()] = originalPos;
    out.append(c);
    return map;
  }

  private static String[] cyrillicTable() {
    Transliterator serbian = Transliterator.getInstance("Serbian-Latin/BGN");
    Transliterator iso9 = Transliterator.getInstance("Cyrillic-Latin");
    String[] table = new String[0x100];
    for (int cp = 0x400; cp < 0x500; cp++) {
      String c = new String(Character.toChars(cp));
      String latin = serbian.transliterate(c);
      if (hasCyrillic(latin)) {
        latin = iso9.transliterate(c);
      }
      StringBuilder kept = new StringBuilder();
      latin.codePoints().filter(x -> Character.getType(x) != Character.MODIFIER_LETTER
          && Character.getType(x) != Character.MODIFIER_SYMBOL && !(x >= 0x400 && x < 0x530)).forEach(kept::appendCodePoint);
      // A letter the transforms leave in Cyrillic (old or rare letters) stays as it is written.
      // Đ from Ђ folds as the Latin letter does (Đoković, Ђоковић: Dokovic).
      table[cp - 0x400] = hasCyrillic(latin) ? c
          : Normalizer.normalize(kept, Normalizer.Form.NFD).replace('\u0111', 'd').replace('\u0110', 'D');
    }
    return table;
  }

  private static boolean hasCyrillic(String s) {
    return s.codePoints().anyMatch(x -> x >= 0x400 && x < 0x530);
  }

  private static String foldCodePoint(int cp) {
    if (cp >= 0x400 && cp < 0x500) {
      return CYRILLIC[cp - 0x400];
    }
    switch (cp) {
      case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200A:
        return " ";
      case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032:
        return "'";
      case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB:
        return "\"";
      case 0x2010, 0x2011:
        return "-";
      case 0xFEFF, 0x200B, 0x00AD:
        return ""; // byte-order mark, zero-width space, soft hyphen
      case 0x0111:
        return "d"; // đ
      case 0x0110:
        return "D"; // Đ
      case 0x0142:
        return "l"; // ł
      case 0x0141:
        return "L"; // Ł
      case 0x00F8:
        return "o"; // ø
      case 0x00D8:
        return "O"; // Ø
      case 0x0131:
        return "i"; // dotless i
      default:
        return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    }
  }

  String folded() {
    return folded;
  }

  /** The original text behind folded range [start, end). */
  String original(int start, int end) {
    int from = start >= folded.length() ? original.length() : originalIndex[start];
    int to = end >= folded.length() ? original.length() : originalIndex[end];
    return original.substring(from, Math.max(from, to));
  }

  /**
   * Sentence spans [start, end) of the folded text. A sentence ends at a line break, or at '.', '!' or '?'
   * followed by white space and an upper-case letter or an opening quote, unless the period closes an
   * abbreviation ("Mr.", "Feb.") or an initial ("K.").
   */
  List<int[]> sentences() {
    String t = folded;
    int n = t.length();
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      int next = -1;
      if (c == '\n') {
        next = i + 1;
      } else if (c == '.' || c == '!' || c == '?') {
        int j = i + 1;
        while (j < n && "\"')]".indexOf(t.charAt(j)) >= 0) {
          j++;
        }
        if (j >= n) {
          next = j;
        } else if (Character.isWhitespace(t.charAt(j))) {
          int k = j;
          while (k < n && Character.isWhitespace(t.charAt(k)) && t.charAt(k) != '\n') {
            k++;
          }
          boolean opensSentence = k >= n || t.charAt(k) == '\n' || Character.isUpperCase(t.charAt(k))
              || t.charAt(k) == '"' || t.charAt(k) == '\'';
          if (opensSentence && !(c == '.' && closesAbbreviation(t, i))) {
            next = j;
          }
        }
      }
      if (next >= 0) {
        if (next > start) {
          spans.add(new int[] {start, next});
        }
        start = next;
        i = next - 1;
      }
    }
    if (start < n) {
      spans.add(new int[] {start, n});
    }
    return spans;
  }

  private static boolean closesAbbreviation(String t, int periodPos) {
    int b = periodPos;
    while (b > 0 && Character.isLetter(t.charAt(b - 1))) {
      b--;
    }
    String word = t.substring(b, periodPos);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** Index of the span containing {@code pos} (or the last span starting before it), -1 if none. */
  static int spanIndexAt(List<int[]> spans, int pos) {
    int lo = 0;
    int hi = spans.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid)[0] <= pos) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
