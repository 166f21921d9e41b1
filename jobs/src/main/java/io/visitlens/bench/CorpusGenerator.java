package io.visitlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.Visit;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.ArticleText;
import io.visitlens.io.ConfigFiles;
import io.visitlens.transform.Paragraphs;
import io.visitlens.transform.VisitAttributor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A deterministic synthetic corpus of news articles in JSON Lines ({@code id}, {@code title}, {@code source},
 * {@code date} when dated, {@code text}), built from the seed articles, the visit catalogue and the sector
 * lexicon, as large as a benchmark or a test needs. The same options always give the same bytes.
 *
 * <p>What it holds, by design (the shares are the constants below):
 * <ul>
 *   <li><b>Dates.</b> {@value #IN_WINDOW_PERCENT}% of the articles are dated inside a catalogued visit's window
 *       ({@code [start − 3, end + 3]} days, the default {@code --window-days}), spread evenly over the visits and
 *       over each window's days; {@value #OUTSIDE_PERCENT}% are dated outside every window (up to a year before
 *       the first visit or after the last one), so they stay unassigned; the rest ({@value #UNDATED_PERCENT}%)
 *       have no date and open with the host city's dateline ({@code ASTANA — }) and the guest leader's name,
 *       so attribution reads the visit from the text.
 *   <li><b>Paragraphs.</b> 4 to 10 per article. An original paragraph is either a seed paragraph (of a seed
 *       article about the same visit when there is one) extended by one or two generated sentences, or a
 *       paragraph generated from templates; either way it names lexicon phrases and the visit's parties and
 *       carries a unique detail (a document and annex number), so no two original paragraphs are alike.
 *   <li><b>Syndication.</b> About {@value #SYNDICATED_PERCENT}% of the paragraphs (never an undated article's
 *       dateline paragraph) are copied verbatim from a recent earlier article about the same visit (or about
 *       no visit), as wire copy is; a copy is never repeated within one article. The analysis finds each one
 *       as a duplicate, so its duplicate count equals the number of copies.
 *   <li><b>Rejects.</b> Every {@value #EMPTY_EVERY}th record has empty text and is rejected by the analysis.
 * </ul>
 * With the seeds of this repository an article is about 3 kB of JSON, so 10,000 articles make about 31 MB.
 */
public final class CorpusGenerator {

  public static final int IN_WINDOW_PERCENT = 70;
  public static final int OUTSIDE_PERCENT = 15;
  public static final int UNDATED_PERCENT = 15;
  public static final int SYNDICATED_PERCENT = 12;
  public static final int EMPTY_EVERY = 500;
  /** Original paragraphs per topic that a syndicated paragraph may be copied from (the most recent ones). */
  static final int SYNDICATION_POOL = 4096;
  /** Bumped whenever the output for the same options changes, so cached corpora are regenerated. */
  public static final int VERSION = 1;

  private static final String OTHER = "";

  private static final String[] OUTLETS = {
      "Steppe Courier", "Danube Dispatch", "Silk Road Business Daily", "Balkan Economic Review",
      "Central Asia Wire", "Eurasia Policy Monitor"};

  /** Extension sentences: %1$s guest leader, %2$s host leader, %3$s and %4$s lexicon phrases, %5$s host city. */
  private static final String[] EXTENSIONS = {
      "Officials said the talks also covered %3$s and %4$s.",
      "%1$s and %2$s agreed to expand cooperation in %3$s, with %4$s to follow.",
      "Ministers signed a roadmap on %3$s in %5$s, and working groups on %4$s will meet before the end of the year.",
      "Business leaders in %5$s pointed to %3$s and %4$s as the priorities of the coming years.",
      "The sides noted the progress on %3$s and asked their governments to prepare proposals on %4$s.",
      "According to the joint statement, %3$s and %4$s remain at the centre of the agenda.",
  };

  /**
   * Sentences of generated paragraphs, same arguments; %6$s guest country, %7$s host country, %8$d a number from 20
   * to 999, %9$d one from 2 to 25.
   */
  private static final String[] SENTENCES = {
      "%1$s held talks with %2$s in %5$s on %3$s.",
      "Trade between %7$s and %6$s reached %8$d million dollars last year, and both sides want more cooperation in %3$s.",
      "Delegations from %6$s and %7$s discussed %3$s and %4$s in %9$d working groups.",
      "%2$s said that %3$s offers companies from %6$s new opportunities in %7$s.",
      "Experts expect %4$s to grow by %9$d percent as projects in %3$s get under way.",
      "A business forum in %5$s gathered %8$d companies interested in %3$s and %4$s.",
      "%1$s invited investors from %7$s to take part in projects on %3$s.",
      "The intergovernmental commission will review %4$s at its next session.",
  };

  /** The unique detail of an original paragraph: article and paragraph number. */
  private static final String DETAIL = "The agreement on %s was registered as document %d, annex %d.";

  /**
   * What to generate. Paths are local files. {@code themes} &gt; 0 gives each article a theme, one of the lexicon's
   * first {@code themes} sectors ({@link #themes}), drawn uniformly: {@value #THEME_PERCENT}% of the article's
   * lexicon phrases are then the theme's (the rest any sector's), so a topic model has known topics to find. With 0
   * (the default) the phrases are any sector's and the corpus is the same as before themes existed.
   */
  public record Options(int docs, Path out, long seed, Path seedsCorpus, Path visits, Path lexicon, int themes) {
    public Options {
      if (docs < 0) {
        throw new IllegalArgumentException("docs must be 0 or more, got " + docs);
      }
      if (themes < 0) {
        throw new IllegalArgumentException("themes must be 0 or more, got " + themes);
      }
    }

    /** Without themes. */
    public Options(int docs, Path out, long seed, Path seedsCorpus, Path visits, Path lexicon) {
      this(docs, out, seed, seedsCorpus, visits, lexicon, 0);
    }
  }

  /** The share of a themed article's lexicon phrases that are its theme's, in percent. */
  public static final int THEME_PERCENT = 80;

  /**
   * The themes of {@link Options#themes} {@code n}: the lexicon's first n sectors, in its order, each with its
   * English phrases.
   */
  public static Map<String, List<String>> themes(SectorLexicon lexicon, int n) {
    SectorLexicon english = lexicon.onlyLanguage(SectorLexicon.ENGLISH);
    if (n > english.sectors().size()) {
      throw new IllegalArgumentException(n + " themes, but the lexicon has " + english.sectors().size() + " sectors");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String sector : english.sectors().subList(0, n)) {
      out.put(sector, english.entries().stream().filter(e -> e.sector().equals(sector))
          .map(SectorLexicon.Entry::phrase).toList());
    }
    return out;
  }

  /** What was generated. */
  public record Result(Path file, int articles, long bytes, int paragraphs, int syndicatedParagraphs,
      Map<String, Integer> datedInWindow, int datedOutside, int undated, int empty) {
    public double megabytes() {
      return bytes / 1e6;
    }
  }

  private final Random random;
  private final List<Visit> visits;
  private final List<String> phrases;
  /** Seed paragraphs by topic (visit id, or {@link #OTHER} for every seed paragraph). */
  private final Map<String, List<String>> seedParagraphs;
  /** Recent original paragraphs by topic, ring buffers of {@link #SYNDICATION_POOL}. */
  private final Map<String, List<String>> pool = new LinkedHashMap<>();
  private final Map<String, Integer> poolNext = new LinkedHashMap<>();
  private final int tolerance = JobOptions.DEFAULT_WINDOW_DAYS;

  /** The phrases of each theme ({@link #themes}); empty without themes. */
  private final List<List<String>> themePhrases;
  /** The theme of the article being written, or -1. */
  private int theme = -1;

  private CorpusGenerator(long seed, List<Visit> visits, List<String> phrases, Map<String, List<String>> seeds,
      List<List<String>> themePhrases) {
    this.themePhrases = themePhrases;
    this.random = new Random(seed);
    this.visits = visits;
    this.phrases = phrases;
    this.seedParagraphs = seeds;
  }

  /** Generates the corpus into {@code options.out()} (written beside it and moved into place). */
  public static Result run(Options options) throws IOException {
    VisitCatalog catalog = VisitCatalog.parse(ConfigFiles.read(options.visits()), options.visits().toString());
    SectorLexicon lexicon = SectorLexicon.parse(ConfigFiles.read(options.lexicon()), options.lexicon().toString());
    // The generated articles are English: they name the English rows only (the same phrases as before the lexicon
    // had other languages, so the same corpus).
    List<String> phrases = lexicon.onlyLanguage(SectorLexicon.ENGLISH).entries().stream()
        .map(SectorLexicon.Entry::phrase).toList();
    Map<String, List<String>> seeds = seedParagraphs(options.seedsCorpus(), catalog.visits());
    if (seeds.get(OTHER).isEmpty()) {
      throw new IllegalArgumentException(options.seedsCorpus() + ": no seed paragraphs (.txt articles) found");
    }
    return new CorpusGenerator(options.seed(), catalog.visits(), phrases, seeds,
        List.copyOf(themes(lexicon, options.themes()).values())).write(options.docs(), options.out());
  }

  private Result write(int docs, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempFile(parent, "." + out.getFileName(), ".partial");
    ObjectMapper json = new ObjectMapper();
    int paragraphs = 0;
    int syndicated = 0;
    int outside = 0;
    int undated = 0;
    int empty = 0;
    Map<String, Integer> inWindow = new LinkedHashMap<>();
    visits.forEach(v -> inWindow.put(v.visitId(), 0));
    try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      for (int i = 0; i < docs; i++) {
        // Drawn only with themes, so that a corpus without them is the same as before themes existed.
        theme = themePhrases.isEmpty() ? -1 : random.nextInt(themePhrases.size());
        int kind = random.nextInt(100);
        Visit visit = visits.get(random.nextInt(visits.size()));
        LocalDate date;
        String topic;
        if (kind < IN_WINDOW_PERCENT) {
          int span = (int) (visit.endDate().toEpochDay() - visit.startDate().toEpochDay()) + 2 * tolerance + 1;
          date = visit.startDate().minusDays(tolerance).plusDays(random.nextInt(span));
          topic = visit.visitId();
          inWindow.merge(topic, 1, Integer::sum);
        } else if (kind < IN_WINDOW_PERCENT + OUTSIDE_PERCENT) {
          date = outsideEveryWindow();
          topic = OTHER;
          outside++;
        } else {
          date = null;
          topic = visit.visitId();
          undated++;
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", String.format(Locale.ROOT, "gen-%07d", i));
        record.put("title", title(visit, topic));
        record.put("source", OUTLETS[random.nextInt(OUTLETS.length)]);
        if (date != null) {
          record.put("date", date.toString());
        }
        boolean isEmpty = i % EMPTY_EVERY == EMPTY_EVERY - 1;
        List<String> body = article(i, visit, topic, date == null, !isEmpty);
        if (isEmpty) {
          record.put("text", "");
          empty++;
        } else {
          record.put("text", String.join("\n\n", body));
          paragraphs += body.size();
          syndicated += lastSyndicated;
        }
        w.write(json.writeValueAsString(record));
        w.write('\n');
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(out, docs, Files.size(out), paragraphs, syndicated, inWindow, outside, undated, empty);
  }

  /** Syndicated paragraphs of the last article built. */
  private int lastSyndicated;

  /** An article's paragraphs; its originals join the syndication pool when {@code published} (not emptied). */
  private List<String> article(int article, Visit visit, String topic, boolean dateline, boolean published) {
    int n = 4 + random.nextInt(7);
    List<String> out = new ArrayList<>(n);
    List<String> originals = new ArrayList<>(n);
    Set<String> copied = new HashSet<>();
    lastSyndicated = 0;
    for (int j = 0; j < n; j++) {
      List<String> candidates = pool.getOrDefault(topic, List.of());
      boolean syndicate = random.nextInt(100) < SYNDICATED_PERCENT && !(dateline && j == 0);
      int pick = random.nextInt(SYNDICATION_POOL);
      if (syndicate && !candidates.isEmpty() && copied.add(candidates.get(pick % candidates.size()))) {
        out.add(candidates.get(pick % candidates.size()));
        lastSyndicated++;
        continue;
      }
      String p = original(article, j, visit, topic);
      if (dateline && j == 0) {
        p = visit.hostCity().toUpperCase(Locale.ROOT) + " — " + visit.guestLeader() + " and " + visit.hostLeader()
            + " met for talks on " + phrase() + ". " + p;
      }
      out.add(p);
      originals.add(p);
    }
    if (published) {
      originals.forEach(p -> remember(topic, p));
    }
    return out;
  }

  private String original(int article, int paragraph, Visit visit, String topic) {
    StringBuilder p = new StringBuilder();
    if (random.nextInt(100) < 65) {
      List<String> seeds = seedParagraphs.getOrDefault(topic, List.of());
      if (seeds.isEmpty()) {
        seeds = seedParagraphs.get(OTHER);
      }
      p.append(seeds.get(random.nextInt(seeds.size())));
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        p.append(' ').append(fill(EXTENSIONS[random.nextInt(EXTENSIONS.length)], visit));
      }
    } else {
      for (int k = 2 + random.nextInt(3); k > 0; k--) {
        p.append(p.length() == 0 ? "" : " ").append(fill(SENTENCES[random.nextInt(SENTENCES.length)], visit));
      }
    }
    p.append(' ').append(String.format(Locale.ROOT, DETAIL, phrase(), article + 1, paragraph + 1));
    return p.toString();
  }

  private String fill(String template, Visit v) {
    return capitalise(String.format(Locale.ROOT, template, v.guestLeader(), v.hostLeader(), phrase(), phrase(),
        v.hostCity(), v.guestCountry(), v.hostCountry(), 20 + random.nextInt(980), 2 + random.nextInt(24)));
  }

  private String title(Visit visit, String topic) {
    String phrase = phrase();
    return topic.equals(OTHER)
        ? capitalise(visit.guestCountry() + " and " + visit.hostCountry() + " review cooperation on " + phrase)
        : capitalise(surname(visit.guestLeader()) + " in " + visit.hostCity() + ": " + phrase + " on the agenda");
  }

  private String phrase() {
    if (theme >= 0 && random.nextInt(100) < THEME_PERCENT) {
      List<String> own = themePhrases.get(theme);
      return own.get(random.nextInt(own.size()));
    }
    return phrases.get(random.nextInt(phrases.size()));
  }

  /** A day up to a year before the first visit or after the last, outside every visit's window. */
  private LocalDate outsideEveryWindow() {
    LocalDate first = visits.get(0).startDate().minusDays(365);
    LocalDate last = visits.stream().map(Visit::endDate).max(LocalDate::compareTo).orElseThrow().plusDays(365);
    int span = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
    while (true) {
      LocalDate d = first.plusDays(random.nextInt(span));
      if (visits.stream().noneMatch(v -> v.windowContains(d, tolerance + 1))) {
        return d;
      }
    }
  }

  private void remember(String topic, String paragraph) {
    List<String> ring = pool.computeIfAbsent(topic, t -> new ArrayList<>());
    if (ring.size() < SYNDICATION_POOL) {
      ring.add(paragraph);
    } else {
      int next = poolNext.getOrDefault(topic, 0);
      ring.set(next, paragraph);
      poolNext.put(topic, (next + 1) % SYNDICATION_POOL);
    }
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String surname(String leader) {
    String[] parts = leader.strip().split("\\s+");
    return parts[parts.length - 1];
  }

  /**
   * The seed articles' paragraphs by the visit each article is attributed to (with the analysis's own
   * {@link VisitAttributor}), and all of them under {@link #OTHER}; files in name order, date headers removed.
   */
  static Map<String, List<String>> seedParagraphs(Path corpus, List<Visit> visits) throws IOException {
    VisitAttributor attributor = new VisitAttributor(visits, JobOptions.DEFAULT_WINDOW_DAYS);
    Map<String, List<String>> out = new LinkedHashMap<>();
    out.put(OTHER, new ArrayList<>());
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    for (Path f : files) {
      ArticleText.Decoded article = ArticleText.decode(Files.readAllBytes(f));
      if (article.rejectReason() != null) {
        continue;
      }
      String visit = attributor.attribute(article.text(), article.headerDate(),
          article.headerDate() == null ? null : "header").visitId();
      // The analysis's own paragraph split, each paragraph's lines joined into one.
      for (int[] span : Paragraphs.split(article.text())) {
        String p = article.text().substring(span[0], span[1]).replaceAll("\\s*\n\\s*", " ");
        out.get(OTHER).add(p);
        if (visit != null) {
          out.computeIfAbsent(visit, v -> new ArrayList<>()).add(p);
        }
      }
    }
    return out;
  }
}
