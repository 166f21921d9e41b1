package io.visitlens.nlp;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import io.visitlens.config.ConfigException;
import io.visitlens.config.SectorLexicon;
import java.io.Serializable;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text core: one pass over a paragraph that gives its sentences, tokens, normalised terms, stop-word flags,
 * stems and sector-lexicon matches, with the resources of the paragraph's language ({@link Languages}).
 *
 * <ul>
 *   <li><b>Sentences</b>: ICU4J's UAX #29 sentence BreakIterator with the CLDR abbreviation suppressions of the
 *       language and the project's own ({@link Languages#ABBREVIATIONS}), so {@code Mr. Vučić} or
 *       {@code U.S. sanctions} do not end a sentence. Two project rules on top: a semicolon ends a sentence, and
 *       a day number before a capitalised month name ({@code am 19. November}) does not. Line breaks inside a
 *       paragraph (hard-wrapped text) are read as spaces.</li>
 *   <li><b>Tokens</b>: ICU4J's UAX #29 word BreakIterator, then four rules: a single hyphen between two words
 *       joins them into one compound token ({@code drawing-room}, {@code COVID-19}), while {@code --}, {@code —}
 *       and {@code –} stay punctuation between words, and an ampersand between letters joins them too ({@code R&D},
 *       term {@code rd}); the period of an abbreviation inside a sentence belongs to
 *       it ({@code Mr.}, {@code U.S.}); a clitic {@code ’s ’re ’ll ’ve ’d ’m} is split off as its own token
 *       ({@code Serbia’s} → {@code Serbia} {@code ’s}); a negative contraction ({@code won’t}, {@code don’t}) and
 *       a word with an inner apostrophe ({@code ma’am}, {@code o’clock}) stay one token.</li>
 *   <li><b>Terms</b>: the token lowercased, with typographic apostrophes made {@code '}, keeping letters, marks,
 *       digits, hyphens, apostrophes and inner periods ({@code u.s}); an abbreviation loses its final period
 *       ({@code mr}). Punctuation has the empty term.</li>
 *   <li><b>Stop words and stems</b> by language ({@link Languages}); a stem is computed once per distinct term.</li>
 *   <li><b>Matches</b>: a paragraph is matched against the lexicon entries of its language
 *       ({@link Languages#resourceKey}: {@code sr-Cyrl} reads the {@code sr} entries, {@code und} the English ones).
 *       English entries by their surface forms ({@link SectorLexicon#variants}), tokenised by these same rules, in a
 *       token trie: words and phrases ignoring case, acronyms with case. The entries of another language by the
 *       stems of their words, made by the same tokenizer, terms and Snowball stemmer as the text's, in a trie of
 *       stems: {@code poljoprivredi} and {@code пољопривреди} (Lucene's Serbian stemmer transliterates Cyrillic)
 *       match {@code poljoprivreda}, {@code сельского хозяйства} matches {@code сельское хозяйство}; their
 *       acronyms with case, as written. Two entries of different sectors with the same stems are refused when the
 *       core is made (a {@link ConfigException} naming the lexicon's line); of two of one sector the first is kept.
 *       Overlapping matches in a sentence keep the longest (then the leftmost); each match carries its entry.</li>
 * </ul>
 *
 * A {@code TextCore} is immutable and serializable (it travels in a Spark task closure); the work is done by an
 * {@link Annotator}, one per thread, which holds the iterators and caches.
 */
public final class TextCore implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One sentence: offsets are paragraph-relative, ends exclusive; the token arrays are aligned. */
  public record Sentence(int begin, int end, String text, String[] tokens, int[] tokenBegin, int[] tokenEnd,
      String[] terms, String[] stems, boolean[] isStop, int[] matchBegin, int[] matchEnd, String[] matchText,
      SectorLexicon.Entry[] matchEntry) {}

  /** The lexicon's entries; a trie's terminal holds an index into it. */
  private final SectorLexicon.Entry[] entries;
  /** One language's tries: words and phrases (surface forms lower-cased for English, else stems), acronyms. */
  private record Tries(boolean byStem, Trie words, Trie acronyms) implements Serializable {}
  /** By {@link Languages#resourceKey}. */
  private final Map<String, Tries> tries;

  private TextCore(SectorLexicon.Entry[] entries, Map<String, Tries> tries) {
    this.entries = entries;
    this.tries = tries;
  }

  /**
   * The text core matching {@code lexicon}'s phrases; {@code null} for no matching.
   *
   * @throws ConfigException if two entries of one language but different sectors have the same stems
   */
  public static TextCore create(SectorLexicon lexicon) {
    Map<String, Tries> tries = new HashMap<>();
    List<SectorLexicon.Entry> entries = lexicon == null ? List.of() : lexicon.entries();
    Map<String, Tokenizer> tokenizers = new HashMap<>();
    for (int index = 0; index < entries.size(); index++) {
      SectorLexicon.Entry e = entries.get(index);
      String language = Languages.resourceKey(e.lang());
      Tokenizer tokenizer = tokenizers.computeIfAbsent(language, k -> new Tokenizer(Languages.of(k)));
      boolean byStem = !language.equals(Languages.ENGLISH);
      Tries t = tries.computeIfAbsent(language, k -> new Tries(byStem, new Trie(), new Trie()));
      boolean acronym = e.kind() == SectorLexicon.Kind.ACRONYM;
      for (String variant : SectorLexicon.variants(e)) {
        List<String> keys = new ArrayList<>();
        for (Tok tok : tokenizer.tokens(variant, 0, variant.length())) {
          String surface = variant.substring(tok.begin, tok.end);
          keys.add(acronym ? surface : !byStem ? surface.toLowerCase(Locale.ROOT)
              : tok.word ? tokenizer.stem(term(surface, tok.abbreviation)) : surface);
        }
        int known = (acronym ? t.acronyms() : t.words()).add(keys, index);
        if (known >= 0 && byStem && !entries.get(known).sector().equals(e.sector())) {
          SectorLexicon.Entry k = entries.get(known);
          throw new ConfigException(lexicon.source(), e.line(), "phrase \"" + e.phrase() + "\" (" + e.lang()
              + ", sector " + e.sector() + ") has the same stems as \"" + k.phrase() + "\" (line " + k.line()
              + ", sector " + k.sector() + "): both match \"" + String.join(" ", keys) + "\"");
        }
      }
    }
    return new TextCore(entries.toArray(new SectorLexicon.Entry[0]), tries);
  }

  /** A new annotator; not thread-safe. */
  public Annotator annotator() {
    return new Annotator();
  }

  /** Annotates paragraphs one at a time, reusing its iterators, resources and stem caches. */
  public final class Annotator {
    private final Map<String, Tokenizer> tokenizers = new HashMap<>();

    private Annotator() {}

    /** The sentences of {@code paragraph}, in the language {@code language} (a {@link Languages} code). */
    public List<Sentence> annotate(String paragraph, String language) {
      Tokenizer tokenizer = tokenizer(language);
      Tries lexicon = tries.get(tokenizer.resources.key());
      String flat = flat(paragraph);
      List<int[]> spans = tokenizer.sentences(flat);
      List<Sentence> out = new ArrayList<>(spans.size());
      for (int[] span : spans) {
        out.add(sentence(paragraph, flat, span[0], span[1], tokenizer, lexicon));
      }
      return out;
    }

    /** The sentence spans [begin, end) of {@code paragraph} alone, as {@link #annotate} finds them. */
    public List<int[]> sentences(String paragraph, String language) {
      return tokenizer(language).sentences(flat(paragraph));
    }

    private Tokenizer tokenizer(String language) {
      return tokenizers.computeIfAbsent(Languages.resourceKey(language), k -> new Tokenizer(Languages.of(k)));
    }

    private Sentence sentence(String paragraph, String flat, int begin, int end, Tokenizer tokenizer,
        Tries lexicon) {
      List<Tok> toks = tokenizer.tokens(flat, begin, end);
      int n = toks.size();
      String[] tokens = new String[n];
      int[] tb = new int[n];
      int[] te = new int[n];
      String[] terms = new String[n];
      String[] stems = new String[n];
      boolean[] stop = new boolean[n];
      Languages.Resources res = tokenizer.resources;
      for (int i = 0; i < n; i++) {
        Tok t = toks.get(i);
        tb[i] = t.begin;
        te[i] = t.end;
        tokens[i] = paragraph.substring(t.begin, t.end);
        String term = !t.word ? "" : t.clitic ? term(tokens[i].substring(1), false) : term(tokens[i], t.abbreviation);
        terms[i] = term;
        stems[i] = term.isEmpty() ? "" : tokenizer.stem(term);
        stop[i] = !term.isEmpty() && res.stopWords().contains(term);
      }
      List<int[]> matches = lexicon == null ? List.of() : matches(tokens, stems, tb, te, lexicon);
      int m = matches.size();
      int[] mb = new int[m];
      int[] me = new int[m];
      String[] mt = new String[m];
      SectorLexicon.Entry[] entry = new SectorLexicon.Entry[m];
      for (int i = 0; i < m; i++) {
        mb[i] = matches.get(i)[0];
        me[i] = matches.get(i)[1];
        mt[i] = paragraph.substring(mb[i], me[i]);
        entry[i] = entries[matches.get(i)[2]];
      }
      return new Sentence(begin, end, paragraph.substring(begin, end), tokens, tb, te, terms, stems, stop, mb, me,
          mt, entry);
    }

    /**
     * Trie matches of the sentence's tokens, {begin, end, entry} with [begin, end) in the paragraph, the longest
     * surviving overlaps.
     */
    private List<int[]> matches(String[] tokens, String[] stems, int[] tb, int[] te, Tries lexicon) {
      // Words by their stems, punctuation (no stem) as written; English by the lower-cased token.
      String[] words = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        words[i] = !lexicon.byStem() ? tokens[i].toLowerCase(Locale.ROOT)
            : stems[i].isEmpty() ? tokens[i] : stems[i];
      }
      List<int[]> candidates = new ArrayList<>();
      for (int i = 0; i < tokens.length; i++) {
        lexicon.words().matchesAt(words, i, tb, te, candidates);
        lexicon.acronyms().matchesAt(tokens, i, tb, te, candidates);
      }
      return longestFirst(candidates);
    }
  }

  /** The paragraph with its line breaks as spaces: the same offsets, and no sentence ends at a wrapped line. */
  private static String flat(String paragraph) {
    return paragraph.indexOf('\n') < 0 && paragraph.indexOf('\r') < 0 ? paragraph
        : paragraph.replace('\n', ' ').replace('\r', ' ');
  }

  /**
   * Of overlapping candidate matches [begin, end), keeps the longest first (then the leftmost) and drops any
   * that overlaps one kept, so a nested phrase is never counted twice; returned in text order.
   */
  public static List<int[]> longestFirst(List<int[]> candidates) {
    if (candidates.size() < 2) {
      return candidates;
    }
    candidates.sort(Comparator.<int[]>comparingInt(c -> c[0] - c[1]).thenComparingInt(c -> c[0]));
    List<int[]> accepted = new ArrayList<>();
    for (int[] c : candidates) {
      boolean overlaps = false;
      for (int[] a : accepted) {
        overlaps |= c[0] < a[1] && a[0] < c[1];
      }
      if (!overlaps) {
        accepted.add(c);
      }
    }
    accepted.sort(Comparator.comparingInt(c -> c[0]));
    return accepted;
  }

  /** The normalised term of a word token (see the class comment). */
  static String term(String token, boolean abbreviation) {
    StringBuilder b = new StringBuilder(token.length());
    int end = abbreviation ? token.length() - 1 : token.length();
    for (int i = 0; i < end; ) {
      int c = token.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\u2019' || c == '\u02BC' || c == '\u2018' || c == '\'') {
        b.append('\'');
      } else if (c == '-' || c == '\u2010' || c == '\u2011') {
        b.append('-');
      } else if (c == '.' || Character.isDigit(c) || isMark(c)) {
        b.appendCodePoint(c);
      } else if (Character.isLetter(c)) {
        b.appendCodePoint(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * A token of a sentence: [begin, end) in the paragraph; a word (letters or digits), an abbreviation with its
   * period, or a clitic split off a word (its term drops the apostrophe: {@code ’s} → {@code s}).
   */
  record Tok(int begin, int end, boolean word, boolean abbreviation, boolean clitic) {
    Tok(int begin, int end, boolean word, boolean abbreviation) {
      this(begin, end, word, abbreviation, false);
    }
  }

  /** One language's iterators and resources; single-threaded. */
  static final class Tokenizer {
    private static final int WORD_NUMBER = BreakIterator.WORD_NUMBER;
    private static final Pattern DAY_NUMBER_END = Pattern.compile("(?:^|\\s)\\d{1,2}\\.\\s*$");

    final Languages.Resources resources;
    private final BreakIterator sentences;
    private final BreakIterator words;
    private final Languages.Stemmer stemmer;
    private final Map<String, String> stemCache = new HashMap<>();

    Tokenizer(Languages.Resources resources) {
      this.resources = resources;
      ULocale locale = resources.locale();
      this.sentences = FilteredBreakIteratorBuilder.getInstance(locale)
          .wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
      this.words = BreakIterator.getWordInstance(locale);
      this.stemmer = resources.stemmer();
    }

    /** The stem of a term, remembered (up to a bound) for the life of this tokenizer. */
    String stem(String term) {
      String stem = stemCache.get(term);
      if (stem == null) {
        stem = stemmer.stem(term);
        if (stemCache.size() >= 200_000) {
          stemCache.clear();
        }
        stemCache.put(term, stem);
      }
      return stem;
    }

    /** Sentence spans [begin, end) of a paragraph whose line breaks are spaces, trimmed, none empty. */
    List<int[]> sentences(String text) {
      List<Integer> breaks = new ArrayList<>();
      sentences.setText(text);
      for (int b = sentences.next(); b != BreakIterator.DONE; b = sentences.next()) {
        breaks.add(b);
      }
      List<int[]> spans = new ArrayList<>();
      int start = 0;
      for (int k = 0; k < breaks.size(); k++) {
        int b = breaks.get(k);
        if (b < text.length() && (continuesAfterDayNumber(text, start, b) || followsAbbreviation(text, start, b))) {
          continue;
        }
        splitAtSemicolons(text, start, b, spans);
        start = b;
      }
      return spans;
    }

    /** Whether a break after {@code … 19.} is a date's day before a capitalised month name, not a sentence end. */
    private boolean continuesAfterDayNumber(String text, int start, int b) {
      if (!DAY_NUMBER_END.matcher(text.substring(Math.max(start, b - 8), b)).find()) {
        return false;
      }
      int e = b;
      while (e < text.length() && Character.isLetter(text.charAt(e))) {
        e++;
      }
      return Languages.isMonthName(text.substring(b, e));
    }

    /** Whether the whole word before a break is one of {@link Languages#ABBREVIATIONS} ({@code (Dr.} too). */
    private static boolean followsAbbreviation(String text, int start, int b) {
      int e = b;
      while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      int w = e;
      while (w > start && !Character.isWhitespace(text.charAt(w - 1))) {
        w--;
      }
      while (w < e && !Character.isLetter(text.charAt(w))) {
        w++;
      }
      return w < e && Languages.ABBREVIATIONS.contains(text.substring(w, e));
    }

    private static void splitAtSemicolons(String text, int begin, int end, List<int[]> spans) {
      int start = begin;
      for (int i = begin; i < end; i++) {
        if (text.charAt(i) == ';') {
          Spans.addTrimmed(text, start, i + 1, spans);
          start = i + 1;
        }
      }
      Spans.addTrimmed(text, start, end, spans);
    }

    /** The tokens of text[begin, end), by the rules of the class comment. */
    List<Tok> tokens(String text, int begin, int end) {
      // 1. UAX #29 segments, whitespace dropped.
      List<int[]> segs = new ArrayList<>();
      words.setText(new StringCharacterIterator(text, begin, end, begin));
      int s = words.first();
      for (int e = words.next(); e != BreakIterator.DONE; s = e, e = words.next()) {
        if (!isBlank(text, s, e)) {
          segs.add(new int[] {s, e, words.getRuleStatus()});
        }
      }
      // 2. Words with inner periods that are no abbreviation ("Belgrade.Then") split at the periods.
      List<int[]> split = new ArrayList<>(segs.size());
      for (int[] g : segs) {
        if (isWord(g) && !isAbbreviationLike(text, g[0], g[1])) {
          splitAtPeriods(text, g, split);
        } else {
          split.add(g);
        }
      }
      // 3. Compounds, abbreviation periods, clitics.
      List<Tok> out = new ArrayList<>(split.size());
      for (int i = 0; i < split.size(); i++) {
        int[] g = split.get(i);
        if (!isWord(g)) {
          boolean period = g[1] - g[0] == 1 && text.charAt(g[0]) == '.';
          Tok last = out.isEmpty() ? null : out.get(out.size() - 1);
          if (period && i + 1 < split.size() && last != null && last.word && !last.abbreviation
              && last.end == g[0] && isLetterWord(text, last.begin, last.end)
              && Character.isWhitespace(text.charAt(g[1]))) {
            out.set(out.size() - 1, new Tok(last.begin, g[1], true, true));
          } else {
            out.add(new Tok(g[0], g[1], hasLetterOrDigit(text, g[0], g[1]), false));
          }
          continue;
        }
        int tokBegin = g[0];
        int tokEnd = g[1];
        while (i + 2 < split.size() && isJoiner(text, split.get(i + 1)) && split.get(i + 1)[0] == tokEnd
            && isWord(split.get(i + 2)) && split.get(i + 2)[0] == split.get(i + 1)[1]) {
          tokEnd = split.get(i + 2)[1];
          i += 2;
        }
        int clitic = cliticStart(text, tokBegin, tokEnd);
        if (clitic > tokBegin) {
          out.add(new Tok(tokBegin, clitic, true, false));
          out.add(new Tok(clitic, tokEnd, true, false, true));
        } else {
          out.add(new Tok(tokBegin, tokEnd, true, false));
        }
      }
      return out;
    }

    private static boolean isWord(int[] g) {
      return g[2] >= WORD_NUMBER;
    }

    /** A single hyphen or ampersand, which joins the words on either side ({@code drawing-room}, {@code R&D}). */
    private static boolean isJoiner(String text, int[] g) {
      if (g[1] - g[0] != 1) {
        return false;
      }
      char c = text.charAt(g[0]);
      return c == '-' || c == '\u2010' || c == '\u2011' || c == '&';
    }

    private static boolean isBlank(String text, int b, int e) {
      for (int i = b; i < e; i++) {
        if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean hasLetterOrDigit(String text, int b, int e) {
      for (int i = b; i < e; i++) {
        if (Character.isLetterOrDigit(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }

    private static boolean isLetterWord(String text, int b, int e) {
      return Character.isLetter(text.codePointAt(b)) && Character.isLetter(text.codePointBefore(e));
    }

    /** A word whose inner periods are an abbreviation's ({@code U.S}, {@code e.g}, {@code Ph.D}): parts of ≤ 3 characters. */
    private static boolean isAbbreviationLike(String text, int b, int e) {
      int part = 0;
      for (int i = b; i < e; i++) {
        part = text.charAt(i) == '.' ? 0 : part + 1;
        if (part > 3 && text.indexOf('.', b) >= b && text.indexOf('.', b) < e) {
          return false;
        }
      }
      return true;
    }

    private static void splitAtPeriods(String text, int[] g, List<int[]> out) {
      int start = g[0];
      boolean numeric = g[2] < BreakIterator.WORD_LETTER;
      if (numeric) {
        out.add(g);
        return;
      }
      for (int i = g[0]; i < g[1]; i++) {
        if (text.charAt(i) == '.') {
          if (i > start) {
            out.add(new int[] {start, i, g[2]});
          }
          out.add(new int[] {i, i + 1, 0});
          start = i + 1;
        }
      }
      if (g[1] > start) {
        out.add(new int[] {start, g[1], g[2]});
      }
    }

    /** Where a clitic ({@code ’s ’re ’ll ’ve ’d ’m}) begins in a word token, or -1; never in {@code n’t}. */
    private static int cliticStart(String text, int b, int e) {
      int apostrophe = -1;
      for (int i = e - 1; i > b; i--) {
        char c = text.charAt(i);
        if (c == '\'' || c == '\u2019' || c == '\u02BC') {
          apostrophe = i;
          break;
        }
      }
      if (apostrophe <= b || !Character.isLetter(text.charAt(apostrophe - 1))) {
        return -1;
      }
      String rest = text.substring(apostrophe + 1, e).toLowerCase(Locale.ROOT);
      if (!CLITICS.contains(rest)) {
        return -1;
      }
      return apostrophe;
    }

    private static final Set<String> CLITICS = Set.of("s", "re", "ll", "ve", "d", "m");
  }

  /** Token sequences in a trie; a node that ends a phrase holds its entry's index (else -1). */
  static final class Trie implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Trie> next = new HashMap<>();
    private int entry = -1;

    /** Adds a phrase of entry {@code index}; the entry that already ends there (which it keeps), else -1. */
    int add(List<String> keys, int index) {
      if (keys.isEmpty()) {
        return -1;
      }
      Trie node = this;
      for (String k : keys) {
        node = node.next.computeIfAbsent(k, x -> new Trie());
      }
      if (node.entry >= 0) {
        return node.entry;
      }
      node.entry = index;
      return -1;
    }

    /** Adds every phrase that starts at token {@code i} as {begin, end, entry}, [begin, end) in the paragraph. */
    void matchesAt(String[] keys, int i, int[] tb, int[] te, List<int[]> out) {
      Trie node = this;
      for (int j = i; j < keys.length; j++) {
        node = node.next.get(keys[j]);
        if (node == null) {
          return;
        }
        if (node.entry >= 0) {
          out.add(new int[] {tb[i], te[j], node.entry});
        }
      }
    }
  }
}
