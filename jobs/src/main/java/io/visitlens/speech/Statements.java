package io.visitlens.speech;

import io.visitlens.config.Visit;
import io.visitlens.transform.WordTriggers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the statements of an article and who made them, from its counted sentences in order (the rules are in the
 * README's {@code statements} section):
 * <ul>
 *   <li>a closing reporting clause ("…, said Tokayev.", "…! said the Kazakh leader."): the statement is the text
 *       before it, from the start of the paragraph or the end of the paragraph's previous statement, or from the
 *       opening quotation mark of a quotation begun in an earlier paragraph: a quotation ({@code quote});</li>
 *   <li>a quotation followed by its speaker ("“…,” Tokayev said"): {@code quote};</li>
 *   <li>a speaker, then a reporting verb ("Tokayev noted that …", "The Serbian President stated …",
 *       "Vučić, in turn, stressed …"), "As the Head of State highlighted, …" and "According to him, …": reported
 *       speech ({@code reported}); a quotation after the verb makes it a {@code quote}.</li>
 * </ul>
 * A speaker is a catalogued leader named (full name or surname, with or without a title), a title with a demonym or
 * country ("the Kazakh leader", "President of Kazakhstan"), resolved through the article's visit; a pronoun ("he",
 * "according to him"), resolved to the latest speaker of the paragraph or, failing that, of the paragraph before; a
 * bare title ("the Head of State"), resolved to the latest leader who spoke in the article; or, in a closing clause,
 * anyone else, kept as written. A statement whose speaker cannot be resolved is left out. Two leaders as one
 * subject ("Presidents X and Y reaffirmed …") make one statement each.
 */
public final class Statements implements Serializable {

  /** One counted sentence of the article: offsets in the article's text, and its sector matches. */
  public record Sentence(int paragraphId, int sentenceId, int begin, String text, List<Integer> matchBegin,
      List<String> matchSector) implements Serializable {}

  /**
   * One statement: the sentence of its cue, its span in the article ({@code begin}, {@code end}), the speaker
   * (canonical name), role ({@code host_leader}, {@code guest_leader}, {@code leader} for a catalogued leader not in
   * the article's visit, {@code other}), as written, the cue (its verb, or "according to"), the kind
   * ({@code quote} or {@code reported}), the text, and the sectors matched inside it (one per mention).
   */
  public record Statement(int sentenceId, int begin, int end, String speaker, String role, String speakerText,
      String cue, String kind, String text, List<String> sectors) implements Serializable {}

  public static final String HOST = "host_leader";
  public static final String GUEST = "guest_leader";
  public static final String LEADER = "leader";
  public static final String OTHER = "other";

  private static final Pattern AND = Pattern.compile("\\s+and\\s+");
  /** "Presidents" before a joint subject, and the stop after a speaker at the end of a sentence. */
  private static final Pattern SURFACE_TRIM = Pattern.compile("^Presidents\\s+|[.!]$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern END_QUOTES = Pattern.compile("^[\"“]+|[\"”]+$");

  private final Map<String, Rules> byLanguage = new LinkedHashMap<>();

  /** The rules of each language of {@code cues}, with the leaders and countries of {@code visits}. */
  public Statements(SpeechCues cues, List<Visit> visits) {
    for (String lang : cues.languages()) {
      byLanguage.put(lang, new Rules(cues.language(lang), List.copyOf(visits)));
    }
  }

  /** Whether {@code language} has cues (others get no statement). */
  public boolean covers(String language) {
    return byLanguage.containsKey(language);
  }

  /** The statements of one article, in order; {@code visit} is its visit or null. */
  public List<Statement> find(List<Sentence> sentences, String language, Visit visit) {
    Rules rules = byLanguage.get(language);
    if (rules == null || sentences.isEmpty()) {
      return List.of();
    }
    return new Article(rules, sentences, visit).statements();
  }

  /** One language's patterns, built once. */
  private static final class Rules implements Serializable {
    final SpeechCues.Language cues;
    /** The catalogue's visits, in its order (a country of an article without a visit: its latest leader). */
    final List<Visit> visits;
    final Pattern close;
    final Pattern clauseOnly;
    final Pattern quoteFirst;
    final Pattern reported;
    final Pattern as;
    final Pattern according;
    final Pattern name;
    final Pattern of;
    final Pattern demonym;
    final Pattern bareTitle;
    final Set<String> pronouns;
    /** A word of each reporting verb and of "according to": a sentence without one has no statement. */
    final WordTriggers cueWords;
    /** The first words of the "as" and "according to" cues, which start their sentences. */
    final List<String> asWords;
    final List<String> accordingWords;
    /** Surface name (full name or surname) → the catalogue's leader. */
    final Map<String, String> names = new LinkedHashMap<>();

    Rules(SpeechCues.Language cues, List<Visit> visits) {
      this.cues = cues;
      this.visits = visits;
      for (Visit v : visits) {
        for (String leader : new String[] {v.hostLeader(), v.guestLeader()}) {
          if (leader != null && !leader.isBlank()) {
            names.putIfAbsent(leader, leader);
            String[] words = leader.trim().split("\\s+");
            names.putIfAbsent(words[words.length - 1], leader);
          }
        }
      }
      Set<String> countries = new LinkedHashSet<>();
      visits.forEach(v -> {
        countries.add(v.hostCountry());
        countries.add(v.guestCountry());
      });
      countries.addAll(cues.demonyms().values());
      String nameAlt = alternation(names.keySet(), false);
      String demAlt = alternation(cues.demonyms().keySet(), false);
      String titleAlt = "(?i:" + alternation(cues.of("title"), true) + ")s?";
      String countryAlt = alternation(countries, false);
      pronouns = new LinkedHashSet<>(cues.of("pronoun"));
      String subjectPronouns = "(?i:he|she)"; // subject position; "him"/"her" only after "according to"
      String the = "(?:[Tt]he\\s+)?";
      String honorific = "(?:(?:Mr|Mrs|Ms|Dr)\\.?\\s+)?";
      String ref = "(?:" + the + "(?:(?:" + demAlt + ")\\s+)?(?:" + titleAlt + "\\s+)?" + honorific + "(?:" + nameAlt + ")"
          + "|" + the + "(?:" + demAlt + ")\\s+" + titleAlt
          + "|" + the + titleAlt + "\\s+of\\s+(?:the\\s+Republic\\s+of\\s+)?(?:" + countryAlt + ")"
          + "|[Tt]he\\s+" + titleAlt
          + "|" + subjectPronouns + ")";
      String subject = "(?:Presidents\\s+)?" + ref + "(?:\\s+and\\s+" + ref + ")?";
      String other = "(?:(?:[Tt]he\\s+)?\\p{Lu}[\\p{L}\\p{M}’'.\\-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}\\p{M}’'.\\-]*){0,5}"
          + "|the\\s+\\p{Ll}+(?:\\s+\\p{Ll}+){0,3})";
      String verb = "(?:" + alternation(cues.of("verb"), true) + ")";
      List<String> adverbs = cues.of("adverb");
      String adverb = "(?:" + alternation(adverbs, true) + ")";
      // Found from the end: the clause starts at its separator (a comma or quotation mark, or the "!" or "?" that
      // ends the statement), so each position but those fails at once.
      close = Pattern.compile("(?<sep>,[\"”’]?|[\"”’],?|[!?][\"”’]?)\\s+(?<cue>" + verb + ")\\s+(?<spk>"
          + subject + "|" + other + ")\\s*[.!]?[\"”’]?\\s*$");
      List<String> cueForms = new ArrayList<>(cues.of("verb"));
      cueForms.addAll(cues.of("according"));
      asWords = cues.of("as").stream().map(a -> a.split(" ")[0]).distinct().toList();
      accordingWords = cues.of("according").stream().map(a -> a.split(" ")[0]).distinct().toList();
      cueWords = WordTriggers.builder().words(1, cueForms.stream().map(WordTriggers::longestWord).toList()).build();
      clauseOnly = Pattern.compile("^(?<cue>" + verb + ")\\s+(?<spk>" + subject + "|" + other
          + ")\\s*[.!]?[\"”’]?\\s*$");
      quoteFirst = Pattern.compile("^[\"“](?<body>[^\"”]+?)[,.!?]?[\"”]\\s*,?\\s*(?<spk>" + subject + ")(?:\\s+"
          + adverb + ")?\\s+(?<cue>" + verb + ")\\b");
      reported = Pattern.compile("^(?:[^,“\"]{1,140}(?:,|\\s[—–-]))?\\s*(?<spk>" + subject + ")(?:,\\s*" + adverb + ",|\\s+"
          + adverb + ")?\\s+(?<cue>" + verb + ")\\b(?:\\s+that\\b)?[\\s,:]*(?<body>\\S.*)$");
      as = Pattern.compile("^(?i:" + alternation(cues.of("as"), true) + ")\\s+(?<spk>" + subject + ")(?:\\s+"
          + adverb + ")?\\s+(?<cue>" + verb + "),\\s*(?<body>\\S.*)$");
      according = Pattern.compile("^(?<cue>(?i:" + alternation(cues.of("according"), true) + "))\\s+(?<spk>"
          + subject + "|(?i:him|her))\\s*,\\s*(?<body>\\S.*)$");
      name = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + nameAlt + ")(?![\\p{L}\\p{M}])");
      demonym = Pattern.compile("(?<![\\p{L}])(?:" + demAlt + ")(?![\\p{L}])");
      bareTitle = Pattern.compile("(?:[Tt]he\\s+)?" + titleAlt);
      of = Pattern.compile("(?i:of)\\s+(?:the\\s+Republic\\s+of\\s+)?(?<country>" + countryAlt + ")");
    }

    /** The alternatives, longest first, quoted; words separated by any whitespace. */
    static String alternation(java.util.Collection<String> words, boolean wordBoundaries) {
      if (words.isEmpty()) {
        return "(?!)";
      }
      return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
          .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
          .map(w -> wordBoundaries ? "\\b" + w + "\\b" : w)
          .collect(Collectors.joining("|"));
    }
  }

  /** A speaker resolved: canonical name and role. */
  private record Speaker(String name, String role) {
    /** A catalogued leader (any role but {@code other}). */
    boolean leader() {
      return !role.equals(OTHER);
    }
  }

  /** The work on one article. */
  private static final class Article {
    private final Rules rules;
    private final List<Sentence> sentences;
    private final Visit visit;
    private final List<Statement> out = new ArrayList<>();
    private Speaker lastLeaderInArticle;

    Article(Rules rules, List<Sentence> sentences, Visit visit) {
      this.rules = rules;
      this.sentences = sentences;
      this.visit = visit;
    }

    List<Statement> statements() {
      int paragraph = Integer.MIN_VALUE;
      Speaker lastInParagraph = null;
      Speaker lastInPreviousParagraph = null;
      int bodyStart = 0; // index of the first sentence a closing clause's statement may start at
      int openQuote = -1; // begin of a quotation opened in an earlier paragraph and not closed yet
      boolean quoteOpenedHere = false;
      for (int k = 0; k < sentences.size(); k++) {
        Sentence s = sentences.get(k);
        if (s.paragraphId() != paragraph) {
          // a paragraph ends: a quotation it opened and did not close continues into the next one
          if (paragraph != Integer.MIN_VALUE && quoteOpenedHere) {
            openQuote = openQuote >= 0 ? openQuote : sentences.get(bodyStart).begin();
          } else {
            openQuote = -1;
          }
          paragraph = s.paragraphId();
          lastInPreviousParagraph = lastInParagraph;
          lastInParagraph = null;
          bodyStart = k;
          String first = s.text().stripLeading();
          quoteOpenedHere = first.startsWith("“") || first.startsWith("\"");
          if (!quoteOpenedHere) {
            openQuote = -1;
          }
        }
        if (quoteOpenedHere && closesQuote(s.text())) {
          quoteOpenedHere = false;
        }
        Speaker pronounTarget = lastInParagraph != null ? lastInParagraph : lastInPreviousParagraph;
        List<Statement> found = match(s, k, bodyStart, openQuote, pronounTarget);
        if (!found.isEmpty()) {
          out.addAll(found);
          Statement last = found.get(found.size() - 1);
          Speaker sp = new Speaker(last.speaker(), last.role());
          lastInParagraph = sp;
          if (sp.leader()) {
            lastLeaderInArticle = sp;
          }
          bodyStart = k + 1;
          openQuote = -1;
          quoteOpenedHere = false;
        }
      }
      return out;
    }

    /** Whether a paragraph's opening quotation closes in this sentence. */
    private static boolean closesQuote(String text) {
      int open = 0;
      int close = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        open += c == '“' ? 1 : 0;
        close += c == '”' ? 1 : 0;
      }
      long straight = text.chars().filter(c -> c == '"').count();
      return close > 0 && close >= open || straight >= 2;
    }

    private List<Statement> match(Sentence s, int k, int bodyStart, int openQuote, Speaker pronounTarget) {
      String text = s.text();
      if (!hasCueWord(text)) {
        return List.of();
      }
      Matcher m = rules.close.matcher(text);
      if (m.find()) {
        char first = m.group("sep").charAt(0);
        int bodyEnd = m.start("sep") + (first == '!' || first == '?' ? 1 : 0);
        if (!text.substring(0, bodyEnd).isBlank()) {
          int begin = openQuote >= 0 ? openQuote : sentences.get(bodyStart).begin();
          return statements(s, m.group("spk"), m.group("cue"), "quote", begin, s.begin() + bodyEnd, pronounTarget,
              true);
        }
      }
      m = k > bodyStart ? rules.clauseOnly.matcher(text) : null;
      if (m != null && m.matches()) {
        // the clause alone: the sentence before ended the quotation with "!" or "?" and the segmenter cut there
        Sentence previous = sentences.get(k - 1);
        int begin = openQuote >= 0 ? openQuote : sentences.get(bodyStart).begin();
        int end = previous.begin() + previous.text().length();
        return statements(s, m.group("spk"), m.group("cue"), "quote", begin, end, pronounTarget, true);
      }
      m = text.startsWith("\"") || text.startsWith("“") ? rules.quoteFirst.matcher(text) : null;
      if (m != null && m.find()) {
        int begin = openQuote >= 0 ? openQuote : s.begin() + m.start("body");
        return statements(s, m.group("spk"), m.group("cue"), "quote", begin, s.begin() + m.end("body"),
            pronounTarget, false);
      }
      for (Pattern p : new Pattern[] {rules.as, rules.according, rules.reported}) {
        // "as …" and "according to …" are tried only on a sentence that starts with their first word
        if (p != rules.reported && !startsWithAny(text, p == rules.as ? rules.asWords : rules.accordingWords)) {
          continue;
        }
        m = p.matcher(text);
        if (m.matches()) {
          int begin = s.begin() + m.start("body");
          String body = m.group("body");
          int end = s.begin() + m.end("body") - trailingStop(body);
          String kind = body.startsWith("“") || body.startsWith("\"") ? "quote" : "reported";
          return statements(s, m.group("spk"), m.group("cue"), kind, begin, end, pronounTarget, false);
        }
      }
      return List.of();
    }

    private static boolean startsWithAny(String text, List<String> words) {
      for (String w : words) {
        if (text.regionMatches(true, 0, w, 0, w.length())) {
          return true;
        }
      }
      return false;
    }

    /** Whether the sentence has a word of a cue. */
    private boolean hasCueWord(String text) {
      return rules.cueWords.scan(text) != 0;
    }

    private static int trailingStop(String body) {
      return body.endsWith(".") ? 1 : 0;
    }

    /** One statement per speaker of the subject (two for "X and Y"), or none when no speaker resolves. */
    private List<Statement> statements(Sentence cueSentence, String subject, String cue, String kind, int begin,
        int end, Speaker pronounTarget, boolean othersAllowed) {
      List<Statement> found = new ArrayList<>();
      String[] parts = AND.split(subject);
      for (String part : parts) {
        String surface = SURFACE_TRIM.matcher(part).replaceAll("").strip();
        Speaker sp = resolve(surface, pronounTarget, othersAllowed && parts.length == 1);
        if (sp == null) {
          continue;
        }
        found.add(new Statement(cueSentence.sentenceId(), begin, end, sp.name(), sp.role(), surface,
            SPACES.matcher(cue.toLowerCase(Locale.ROOT)).replaceAll(" "), kind, text(begin, end), sectors(begin, end)));
      }
      return found;
    }

    /** The speaker of a subject as written, or null. */
    private Speaker resolve(String surface, Speaker pronounTarget, boolean othersAllowed) {
      String lower = surface.toLowerCase(Locale.ROOT);
      if (rules.pronouns.contains(lower)) {
        return pronounTarget;
      }
      Matcher n = rules.name.matcher(surface);
      if (n.find()) {
        return leader(rules.names.get(SPACES.matcher(n.group()).replaceAll(" ")));
      }
      Matcher dem = rules.demonym.matcher(surface);
      if (dem.find()) {
        return country(rules.cues.demonyms().get(dem.group()), surface, othersAllowed);
      }
      Matcher o = rules.of.matcher(surface);
      if (o.find()) {
        return country(o.group("country"), surface, othersAllowed);
      }
      if (rules.bareTitle.matcher(surface).matches()) {
        return lastLeaderInArticle;
      }
      return othersAllowed ? new Speaker(surface, OTHER) : null;
    }

    /** The leader of a country in the article's visit (or in the latest visit naming it, for an article without). */
    private Speaker country(String country, String surface, boolean othersAllowed) {
      if (visit != null) {
        if (country.equals(visit.hostCountry())) {
          return leader(visit.hostLeader());
        }
        if (country.equals(visit.guestCountry())) {
          return leader(visit.guestLeader());
        }
      }
      List<String> leaders = visitsNaming(country);
      if (!leaders.isEmpty()) {
        return leader(leaders.get(leaders.size() - 1));
      }
      return othersAllowed ? new Speaker(surface, OTHER) : null;
    }

    private List<String> visitsNaming(String country) {
      List<String> leaders = new ArrayList<>();
      for (Visit v : rules.visits) {
        if (country.equals(v.hostCountry())) {
          leaders.add(v.hostLeader());
        } else if (country.equals(v.guestCountry())) {
          leaders.add(v.guestLeader());
        }
      }
      return leaders;
    }

    private Speaker leader(String name) {
      String role = visit == null ? LEADER
          : name.equals(visit.hostLeader()) ? HOST : name.equals(visit.guestLeader()) ? GUEST : LEADER;
      return new Speaker(name, role);
    }

    /** The statement's text: the sentences' text between the offsets, quotation marks at its ends taken off. */
    private String text(int begin, int end) {
      StringBuilder b = new StringBuilder();
      for (Sentence s : sentences) {
        int from = Math.max(begin, s.begin());
        int to = Math.min(end, s.begin() + s.text().length());
        if (from < to) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(s.text(), from - s.begin(), to - s.begin());
        }
      }
      return END_QUOTES.matcher(b.toString().strip()).replaceAll("").strip();
    }

    /** The sectors matched between the offsets, one per mention, in order. */
    private List<String> sectors(int begin, int end) {
      List<String> out = new ArrayList<>();
      for (Sentence s : sentences) {
        for (int i = 0; i < s.matchBegin().size(); i++) {
          int at = s.matchBegin().get(i);
          if (at >= begin && at < end) {
            out.add(s.matchSector().get(i));
          }
        }
      }
      return out;
    }
  }
}
