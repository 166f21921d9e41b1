package io.visitlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import io.visitlens.config.NameAliases;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.Visit;
import io.visitlens.transform.VisitAttributor;
import io.visitlens.nlp.LanguageDetection;
import io.visitlens.nlp.TextCore;
import io.visitlens.speech.Deliverables;
import io.visitlens.speech.SpeechCues;
import io.visitlens.speech.Statements;
import io.visitlens.transform.Paragraphs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The text core alone, in MB/s on one core ({@code visitlens bench-core}): the paragraphs of a generated corpus
 * annotated in one thread, stage by stage, best of several rounds after a warm-up round. With {@code --legacy},
 * the same for the Spark NLP pipeline VisitLens ran before ({@link LegacyAnnotationPipeline} through Spark NLP's
 * {@link LightPipeline}), and the agreement of the two on every paragraph: sentences, tokens, terms and sector
 * matches.
 *
 * <p>MB are UTF-8 megabytes (10⁶ bytes) of paragraph text. A stage's time is the difference between two
 * cumulative runs (sentences; + tokens, terms, stop words and stems; + lexicon matches), so the three add up to
 * the whole pass.
 */
public final class TextCoreBenchmark {

  /** What to run. */
  public record Options(Path corpus, SectorLexicon lexicon, int rounds, boolean legacy, Path multilingual,
      List<Visit> visits, NameAliases aliases) {
    public Options(Path corpus, SectorLexicon lexicon, int rounds, boolean legacy) {
      this(corpus, lexicon, rounds, legacy, null, null, null);
    }
  }

  /** Repeated until the multilingual text is at least this many MB, so that one round is long enough to time. */
  static final double MULTILINGUAL_MB = 6.0;

  /** One measured configuration: its name, seconds for the whole text, and MB/s. */
  public record Measure(String engine, String stages, double seconds, double megabytes) {
    public double mbPerSecond() {
      return megabytes / seconds;
    }
  }

  private TextCoreBenchmark() {}

  /** Runs the benchmark; {@code spark} is needed only for {@code --legacy} (to fit the Spark NLP stages). */
  public static List<Measure> run(SparkSession spark, Options options, PrintStream out) throws IOException {
    List<String> documents = texts(options.corpus());
    List<String> paragraphs = new ArrayList<>();
    for (String d : documents) {
      for (int[] span : Paragraphs.split(d)) {
        paragraphs.add(d.substring(span[0], span[1]));
      }
    }
    double mb = paragraphs.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum() / 1e6;
    out.printf(Locale.ROOT, "text core benchmark: %d documents, %d paragraphs, %.2f MB, one thread, best of %d%n",
        documents.size(), paragraphs.size(), mb, options.rounds());
    List<Measure> measures = new ArrayList<>();

    LanguageDetection detector = LanguageDetection.create();
    measures.add(time("visitlens", "language detection (per document)", mb, options.rounds(),
        () -> documents.forEach(detector::detect)));
    TextCore.Annotator bare = TextCore.create(null).annotator();
    TextCore.Annotator full = TextCore.create(options.lexicon()).annotator();
    measures.add(time("visitlens", "sentences", mb, options.rounds(),
        () -> paragraphs.forEach(p -> bare.sentences(p, "en"))));
    measures.add(time("visitlens", "sentences + tokens, terms, stops, stems", mb, options.rounds(),
        () -> paragraphs.forEach(p -> bare.annotate(p, "en"))));
    measures.add(time("visitlens", "whole pass (+ lexicon matches)", mb, options.rounds(),
        () -> paragraphs.forEach(p -> full.annotate(p, "en"))));
    if (options.lexicon() != null && options.lexicon().languages().size() > 1) {
      // The rows of other languages are never looked at in an English paragraph: this should cost nothing.
      TextCore.Annotator english =
          TextCore.create(options.lexicon().onlyLanguage(SectorLexicon.ENGLISH)).annotator();
      measures.add(time("visitlens", "whole pass, English lexicon rows only", mb, options.rounds(),
          () -> paragraphs.forEach(p -> english.annotate(p, "en"))));
    }
    if (options.visits() != null) {
      // The attribution step (not the text core), per article, with the name aliases of every language and without.
      VisitAttributor plain = new VisitAttributor(options.visits(), NameAliases.none(), 3);
      VisitAttributor withAliases = new VisitAttributor(options.visits(), options.aliases(), 3);
      measures.add(time("visitlens", "attribution, no aliases", mb, options.rounds(),
          () -> documents.forEach(d -> plain.attribute(d, null, null))));
      measures.add(time("visitlens", "attribution, with the aliases", mb, options.rounds(),
          () -> documents.forEach(d -> withAliases.attribute(d, null, null))));
    }
    if (options.visits() != null) {
      measures.addAll(speech(documents, full, options.visits(), mb, options.rounds()));
    }
    if (options.multilingual() != null) {
      measures.addAll(multilingual(options, full, out));
    }

    if (options.legacy()) {
      PipelineModel legacy = LegacyAnnotationPipeline.fit(spark, "text", options.lexicon());
      int[][] cumulative = {{0, 1}, {0, 1, 2}, {0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5, 6, 7}};
      String[] names = {"sentences", "sentences + tokens", "sentences + tokens, terms, stops, stems",
          "whole pass (+ lexicon matches)"};
      for (int k = 0; k < cumulative.length; k++) {
        LightPipeline light = new LightPipeline(stages(spark, legacy, cumulative[k]), false);
        measures.add(time("legacy Spark NLP", names[k], mb, Math.min(options.rounds(), 2),
            () -> paragraphs.forEach(light::fullAnnotateJava)));
      }
      agreement(paragraphs, new LightPipeline(legacy, false), full, out);
    }
    out.println();
    out.printf(Locale.ROOT, "%-18s %-42s %10s %10s%n", "engine", "stages", "seconds", "MB/s");
    for (Measure m : measures) {
      out.printf(Locale.ROOT, "%-18s %-42s %10.2f %10.2f%n", m.engine(), m.stages(), m.seconds(), m.mbPerSecond());
    }
    return measures;
  }

  /**
   * The multilingual resources on articles in several languages ({@code --multilingual DIR}, {@code .txt} files,
   * repeated to {@link #MULTILINGUAL_MB}): the whole pass with each article's own resources (its detected language:
   * stop list, Snowball stemmer, the lexicon rows of its language matched by stem) against the same pass with the
   * English resources for every article. The difference is what the multilingual resources cost.
   */
  private static List<Measure> multilingual(Options options, TextCore.Annotator full, PrintStream out)
      throws IOException {
    LanguageDetection detector = LanguageDetection.create();
    List<String[]> once = new ArrayList<>();
    Map<String, Integer> languages = new java.util.TreeMap<>();
    try (var files = Files.list(options.multilingual())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String language = detector.detect(text);
        languages.merge(language, 1, Integer::sum);
        for (int[] span : Paragraphs.split(text)) {
          once.add(new String[] {text.substring(span[0], span[1]), language});
        }
      }
    }
    double onceMb = once.stream().mapToLong(p -> p[0].getBytes(StandardCharsets.UTF_8).length).sum() / 1e6;
    if (once.isEmpty()) {
      throw new IOException("no .txt article in " + options.multilingual());
    }
    int copies = (int) Math.ceil(MULTILINGUAL_MB / onceMb);
    List<String[]> paragraphs = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      paragraphs.addAll(once);
    }
    double mb = onceMb * copies;
    out.printf(Locale.ROOT, "multilingual: %s, articles by detected language %s, %.3f MB repeated %d times%n",
        options.multilingual(), languages, onceMb, copies);
    List<Measure> measures = new ArrayList<>();
    measures.add(time("visitlens", "multilingual: English resources", mb, options.rounds(),
        () -> paragraphs.forEach(p -> full.annotate(p[0], "en"))));
    measures.add(time("visitlens", "multilingual: each article's own", mb, options.rounds(),
        () -> paragraphs.forEach(p -> full.annotate(p[0], p[1]))));
    if (options.visits() != null) {
      List<String> articles = new ArrayList<>();
      try (var files = Files.list(options.multilingual())) {
        for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
          articles.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
      VisitAttributor withAliases = new VisitAttributor(options.visits(), options.aliases(), 3);
      measures.add(time("visitlens", "multilingual: attribution, aliases", mb, options.rounds(), () -> {
        for (int c = 0; c < copies; c++) {
          articles.forEach(d -> withAliases.attribute(d, null, null));
        }
      }));
    }
    return measures;
  }

  /**
   * The speech pass's extraction ({@code statements} and {@code deliverables}) on the articles' counted sentences as
   * the annotated corpus gives them (article offsets, sector matches), annotated beforehand and not timed.
   */
  private static List<Measure> speech(List<String> documents, TextCore.Annotator full, List<Visit> visits, double mb,
      int rounds) {
    List<List<Statements.Sentence>> articles = new ArrayList<>();
    for (String d : documents) {
      List<Statements.Sentence> sentences = new ArrayList<>();
      int paragraphId = 0;
      for (int[] span : Paragraphs.split(d)) {
        for (TextCore.Sentence s : full.annotate(d.substring(span[0], span[1]), "en")) {
          List<Integer> begins = new ArrayList<>();
          List<String> sectors = new ArrayList<>();
          for (int i = 0; i < s.matchBegin().length; i++) {
            begins.add(span[0] + s.matchBegin()[i]);
            sectors.add(s.matchEntry()[i].sector());
          }
          sentences.add(new Statements.Sentence(paragraphId, sentences.size(), span[0] + s.begin(), s.text(), begins,
              sectors));
        }
        paragraphId++;
      }
      articles.add(sentences);
    }
    Statements statements = new Statements(SpeechCues.load(), visits);
    Deliverables deliverables = new Deliverables();
    Visit visit = visits.isEmpty() ? null : visits.get(0);
    long[] found = new long[2];
    List<Measure> measures = new ArrayList<>();
    measures.add(time("visitlens", "speech: statements (per article)", mb, rounds, () -> {
      found[0] = 0;
      articles.forEach(a -> found[0] += statements.find(a, "en", visit).size());
    }));
    measures.add(time("visitlens", "speech: deliverables (per sentence)", mb, rounds, () -> {
      found[1] = 0;
      articles.forEach(a -> a.forEach(s -> found[1] += deliverables.find(s.text()).size()));
    }));
    System.err.printf(Locale.ROOT, "speech: %d statements, %d deliverables%n", found[0], found[1]);
    return measures;
  }

  private static Measure time(String engine, String stages, double mb, int rounds, Runnable work) {
    work.run(); // warm-up
    long best = Long.MAX_VALUE;
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      work.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return new Measure(engine, stages, best / 1e9, mb);
  }

  private static PipelineModel stages(SparkSession spark, PipelineModel model, int[] which) {
    Transformer[] all = model.stages();
    PipelineStage[] chosen = Arrays.stream(which).mapToObj(i -> all[i]).toArray(PipelineStage[]::new);
    return new Pipeline().setStages(chosen).fit(spark.createDataFrame(List.of(), new StructType()));
  }

  /** The article texts of a JSON Lines corpus ({@code text} of each record). */
  static List<String> texts(Path corpus) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode text = json.readTree(line).get("text");
          if (text != null && !text.asText().isBlank()) {
            texts.add(text.asText());
          }
        }
      }
    }
    return texts;
  }

  /**
   * How far the two agree on every paragraph: spans as "begin:end" keys, counted in the legacy output, in the
   * core's and in both; and the term occurrences each has that the other lacks.
   */
  private static void agreement(List<String> paragraphs, LightPipeline legacy, TextCore.Annotator core,
      PrintStream out) {
    long[] sentences = new long[3];
    long[] tokens = new long[3];
    long[] matches = new long[3];
    Map<String, Long> onlyLegacy = new HashMap<>();
    Map<String, Long> onlyCore = new HashMap<>();
    for (String p : paragraphs) {
      Map<String, List<IAnnotation>> old = legacy.fullAnnotateJava(p);
      List<TextCore.Sentence> now = core.annotate(p, "en");
      Set<String> oldSentences = spans(old.get(LegacyAnnotationPipeline.SENTENCE));
      Set<String> newSentences = new HashSet<>();
      Set<String> newTokens = new HashSet<>();
      Set<String> newMatches = new HashSet<>();
      Map<String, Long> newTerms = new HashMap<>();
      for (TextCore.Sentence s : now) {
        newSentences.add(s.begin() + ":" + s.end());
        for (int i = 0; i < s.tokens().length; i++) {
          newTokens.add(s.tokenBegin()[i] + ":" + s.tokenEnd()[i]);
          if (!s.terms()[i].isEmpty()) {
            newTerms.merge(s.terms()[i], 1L, Long::sum);
          }
        }
        for (int i = 0; i < s.matchBegin().length; i++) {
          newMatches.add(s.matchBegin()[i] + ":" + s.matchEnd()[i]);
        }
      }
      Map<String, Long> oldTerms = new HashMap<>();
      for (IAnnotation a : old.getOrDefault(LegacyAnnotationPipeline.NORMALIZED, List.of())) {
        String t = ((JavaAnnotation) a).result();
        if (!t.isEmpty()) {
          oldTerms.merge(t, 1L, Long::sum);
        }
      }
      List<int[]> oldChunks = new ArrayList<>();
      for (String column : List.of(LegacyAnnotationPipeline.SECTOR_WORDS, LegacyAnnotationPipeline.SECTOR_ACRONYMS)) {
        for (IAnnotation a : old.getOrDefault(column, List.of())) {
          JavaAnnotation j = (JavaAnnotation) a;
          oldChunks.add(new int[] {j.begin(), j.end() + 1});
        }
      }
      Set<String> oldMatches = new HashSet<>();
      for (int[] m : TextCore.longestFirst(oldChunks)) {
        oldMatches.add(m[0] + ":" + m[1]);
      }
      count(sentences, oldSentences, newSentences);
      count(tokens, spans(old.get(LegacyAnnotationPipeline.TOKEN)), newTokens);
      count(matches, oldMatches, newMatches);
      diff(oldTerms, newTerms, onlyLegacy, onlyCore);
    }
    out.println();
    out.println("agreement with the legacy pipeline (identical spans; F1 = 2 × same / (legacy + core)):");
    report(out, "sentences", sentences);
    report(out, "tokens", tokens);
    report(out, "sector matches", matches);
    long termsOld = onlyLegacy.values().stream().mapToLong(Long::longValue).sum();
    long termsNew = onlyCore.values().stream().mapToLong(Long::longValue).sum();
    out.printf(Locale.ROOT, "  terms: %d occurrences only in the legacy output, %d only in the core's%n", termsOld,
        termsNew);
    out.println("  most frequent legacy-only terms: " + top(onlyLegacy));
    out.println("  most frequent core-only terms:   " + top(onlyCore));
  }

  private static Set<String> spans(List<IAnnotation> annotations) {
    Set<String> out = new HashSet<>();
    for (IAnnotation a : annotations == null ? List.<IAnnotation>of() : annotations) {
      JavaAnnotation j = (JavaAnnotation) a;
      out.add(j.begin() + ":" + (j.end() + 1));
    }
    return out;
  }

  private static void count(long[] acc, Set<String> legacy, Set<String> core) {
    acc[0] += legacy.size();
    acc[1] += core.size();
    for (String s : core) {
      if (legacy.contains(s)) {
        acc[2]++;
      }
    }
  }

  private static void diff(Map<String, Long> legacy, Map<String, Long> core, Map<String, Long> onlyLegacy,
      Map<String, Long> onlyCore) {
    for (Map.Entry<String, Long> e : legacy.entrySet()) {
      long d = e.getValue() - core.getOrDefault(e.getKey(), 0L);
      if (d > 0) {
        onlyLegacy.merge(e.getKey(), d, Long::sum);
      }
    }
    for (Map.Entry<String, Long> e : core.entrySet()) {
      long d = e.getValue() - legacy.getOrDefault(e.getKey(), 0L);
      if (d > 0) {
        onlyCore.merge(e.getKey(), d, Long::sum);
      }
    }
  }

  private static void report(PrintStream out, String what, long[] c) {
    out.printf(Locale.ROOT, "  %-15s legacy %9d, core %9d, identical %9d, F1 %.4f%n", what, c[0], c[1], c[2],
        2.0 * c[2] / Math.max(1, c[0] + c[1]));
  }

  private static String top(Map<String, Long> counts) {
    Map<String, Long> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(15).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top.isEmpty() ? "none" : top.toString();
  }
}
