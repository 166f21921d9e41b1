package io.visitlens.report;

import static org.apache.spark.sql.functions.col;

import io.visitlens.stats.ArticleBootstrap;
import io.visitlens.stats.CooccurrencePermutation;
import io.visitlens.stats.CooccurrencePermutation.PairChange;
import io.visitlens.stats.TermBootstrap;
import io.visitlens.transform.DocumentRuns;
import io.visitlens.transform.Terms;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The articles of the two compared visits, and every resampling computed from them, in one pass: the article-level
 * bootstrap of {@code emphasis_comparison} ({@link ArticleBootstrap}), the permutation test of
 * {@code cooccurrence_change} ({@link CooccurrencePermutation}) and the intervals of {@code term_keyness}'s top terms
 * ({@link TermBootstrap}).
 *
 * <p>One pass over the annotated corpus's sentences of the two visits (no shuffle: each article's sentences are
 * together in a partition) makes each article one small record: its counted sentences, its mentions per sector, the
 * sector set of each sentence, its n-grams per order and its occurrences of the chosen terms. The {@code documents}
 * rows add every article of the two visits, with or without a counted sentence, and its language. The records are
 * sent to each of a few tasks by one shuffle; each task puts them in {@code doc_id} order and computes its share of
 * the bootstrap replicates, of the labellings and of the term replicates. Only those come back to the driver: the
 * replicates' shares, the pairs' hit counts and the terms' replicate values, whatever the corpus's size. Each
 * replicate and each labelling draws from its own generator, so the results do not depend on the tasks.
 */
public final class ComparedArticles {

  private ComparedArticles() {}

  /**
   * How much resampling: {@code replicates} bootstrap replicates (0: no interval), {@code permutations} labellings
   * per window (0: no test), the seed, the interval's confidence, and the tasks that share the work.
   */
  public record Settings(int replicates, int permutations, long seed, double confidence, int tasks)
      implements Serializable {
    public Settings {
      if (replicates < 0 || permutations < 0 || tasks < 1) {
        throw new IllegalArgumentException("need replicates >= 0, permutations >= 0 and tasks >= 1, got "
            + replicates + ", " + permutations + ", " + tasks);
      }
    }
  }

  /** The terms of one language and n-gram order whose log ratio gets an interval. */
  public record TermGroup(String language, int ngram, List<String> terms) implements Serializable {
    public TermGroup {
      terms = List.copyOf(terms);
    }
  }

  /**
   * What the pass gives: the comparison's intervals and article counts, the {@code cooccurrence_change} rows and the
   * chosen terms' intervals ({@link KeynessBootstrap#SCHEMA}), both local relations.
   */
  public record Result(EmphasisBootstrap.Result emphasis, Dataset<Row> cooccurrenceChange,
      Dataset<Row> termIntervals) {}

  /**
   * Runs the pass and the resampling.
   *
   * @param corpus    annotated sentences: {@code doc_id}, {@code visit_id}, {@code match_sector}, and {@code terms},
   *                  {@code is_stop} when there are term groups; each document's sentences together in a partition
   *                  (an article split over partitions is added up, but costs a record per part)
   * @param documents {@code doc_id}, {@code visit_id}, {@code language}: every article of the visits is a unit
   */
  public static Result run(Dataset<Row> corpus, Dataset<Row> documents, String visitA, String visitB,
      List<String> sectors, List<TermGroup> termGroups, Settings settings) {
    List<TermGroup> groups = settings.replicates() == 0 ? List.of() : List.copyOf(termGroups);
    TermKeys keys = new TermKeys(groups);
    List<Column> columns = new ArrayList<>(List.of(col("doc_id"), col("visit_id"), col("match_sector")));
    if (!keys.isEmpty()) {
      columns.addAll(List.of(col("terms"), col("is_stop")));
    }
    List<String> sectorList = List.copyOf(sectors);
    JavaRDD<Article> fromCorpus = corpus.where(col("visit_id").isin(visitA, visitB))
        .select(columns.toArray(new Column[0])).javaRDD()
        .mapPartitions(rows -> new ArticlePass(rows, visitB, sectorList, keys));
    JavaRDD<Article> fromDocuments = documents.where(col("visit_id").isin(visitA, visitB))
        .select(col("doc_id"), col("visit_id"), col("language")).javaRDD()
        .map(r -> Article.listed(r.getString(0), r.getString(1).equals(visitB), r.isNullAt(2) ? null : r.getString(2)));
    int tasks = settings.tasks();
    Task task = new Task(sectorList, groups, keys, settings);
    List<TaskResult> results = toEveryTask(fromCorpus.union(fromDocuments), tasks)
        .mapPartitionsWithIndex((t, articles) -> List.of(task.run(t, articles)).iterator(), false)
        .collect();
    return assemble(corpus.sparkSession(), new ArrayList<>(results), sectorList, groups, settings, visitA, visitB);
  }

  /**
   * Every record in each of {@code tasks} partitions, by one shuffle: each task then holds them all, and computes its
   * share of the resampling from them.
   */
  static <T> JavaRDD<T> toEveryTask(JavaRDD<T> records, int tasks) {
    return records.flatMapToPair(r -> {
          List<Tuple2<Integer, T>> copies = new ArrayList<>(tasks);
          for (int t = 0; t < tasks; t++) {
            copies.add(new Tuple2<>(t, r));
          }
          return copies.iterator();
        })
        .partitionBy(new HashPartitioner(tasks))
        .values();
  }

  /** The chosen terms as keys: (order, term) → a number, the same in every task. */
  static final class TermKeys implements Serializable {
    private final List<Map<String, Integer>> byOrder = new ArrayList<>();
    private final List<Set<String>> firstWords = new ArrayList<>();
    private int size;

    TermKeys(List<TermGroup> groups) {
      for (int o = 0; o < Terms.MAX_ORDER; o++) {
        byOrder.add(new HashMap<>());
        firstWords.add(new HashSet<>());
      }
      for (TermGroup g : groups) {
        for (String term : g.terms()) {
          if (byOrder.get(g.ngram() - 1).putIfAbsent(term, size) == null) {
            size++;
          }
          int space = term.indexOf(' ');
          firstWords.get(g.ngram() - 1).add(space < 0 ? term : term.substring(0, space));
        }
      }
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** The key of a chosen term of {@code order}, or -1. */
    int key(int order, String term) {
      return byOrder.get(order - 1).getOrDefault(term, -1);
    }

    /** Whether some chosen term of {@code order} starts with this word. */
    boolean startsSome(int order, String word) {
      return firstWords.get(order - 1).contains(word);
    }
  }

  /** One article of the two visits, or a part of one: what the resampling reads of it. */
  static final class Article implements Serializable {
    final String doc;
    final boolean visitB;
    /** Whether the documents report lists it (an article without a row there is not a unit). */
    boolean listed;
    String language;
    int sentences;
    /** Every sector mention, and those of each sector of the list by index. */
    int mentions;
    int[] sectorCounts;
    /** The sorted distinct sector indices of each sentence that mentions one of the list. */
    List<int[]> sets = new ArrayList<>();
    /** N-grams of each order (index order − 1). */
    long[] ngramTotals = new long[Terms.MAX_ORDER];
    /** Occurrences of each chosen term, by key. */
    Map<Integer, Long> termCounts = new HashMap<>();

    Article(String doc, boolean visitB, int sectors) {
      this.doc = doc;
      this.visitB = visitB;
      this.sectorCounts = new int[sectors];
    }

    static Article listed(String doc, boolean visitB, String language) {
      Article a = new Article(doc, visitB, 0);
      a.listed = true;
      a.language = language;
      return a;
    }

    /** Adds another part of the same article. */
    void add(Article o) {
      listed |= o.listed;
      language = language != null ? language : o.language;
      sentences += o.sentences;
      mentions += o.mentions;
      if (o.sectorCounts.length > sectorCounts.length) {
        sectorCounts = Arrays.copyOf(sectorCounts, o.sectorCounts.length);
      }
      for (int s = 0; s < o.sectorCounts.length; s++) {
        sectorCounts[s] += o.sectorCounts[s];
      }
      sets.addAll(o.sets);
      for (int k = 0; k < ngramTotals.length; k++) {
        ngramTotals[k] += o.ngramTotals[k];
      }
      o.termCounts.forEach((k, n) -> termCounts.merge(k, n, Long::sum));
    }
  }

  /** The pass over one partition's sentences: an article record each time an article ends. */
  private static final class ArticlePass extends DocumentRuns<Article> {
    private final String visitB;
    private final Map<String, Integer> sectorIndex = new HashMap<>();
    private final TermKeys keys;
    private Article current;

    ArticlePass(Iterator<Row> sentences, String visitB, List<String> sectors, TermKeys keys) {
      super(sentences);
      this.visitB = visitB;
      for (int s = 0; s < sectors.size(); s++) {
        sectorIndex.put(sectors.get(s), s);
      }
      this.keys = keys;
    }

    @Override
    protected void sentence(Row s) {
      if (current == null) {
        current = new Article(document(), visitB.equals(s.getString(1)), sectorIndex.size());
      }
      current.sentences++;
      List<String> matched = s.getList(2);
      if (!matched.isEmpty()) {
        current.mentions += matched.size();
        int[] set = new int[matched.size()];
        int n = 0;
        for (String sector : matched) {
          Integer i = sectorIndex.get(sector);
          if (i != null) {
            current.sectorCounts[i]++;
            set[n++] = i;
          }
        }
        set = Arrays.stream(set, 0, n).sorted().distinct().toArray();
        if (set.length > 0) {
          current.sets.add(set);
        }
      }
      if (!keys.isEmpty()) {
        countTerms(s.getList(3), s.getList(4));
      }
    }

    /** The sentence's n-grams of each order, and its chosen ones (built only where a chosen one could start). */
    private void countTerms(List<String> terms, List<Boolean> stops) {
      int[] run = Terms.termRuns(terms, stops);
      StringBuilder term = new StringBuilder();
      for (int i = 0; i < terms.size(); i++) {
        int orders = Math.min(Terms.MAX_ORDER, run[i]);
        for (int order = 1; order <= orders; order++) {
          current.ngramTotals[order - 1]++;
          if (!keys.startsSome(order, terms.get(i))) {
            continue;
          }
          term.setLength(0);
          for (int k = 0; k < order; k++) {
            term.append(k > 0 ? " " : "").append(terms.get(i + k));
          }
          int key = keys.key(order, term.toString());
          if (key >= 0) {
            current.termCounts.merge(key, 1L, Long::sum);
          }
        }
      }
    }

    @Override
    protected void endDocument(String visit) {
      ready.add(current);
      current = null;
    }
  }

  /** What one task computed: its ranges of replicates and labellings, and (task 0) the observed pair counts. */
  record TaskResult(int task, long articlesA, long articlesB, ArticleBootstrap.Replicate[] replicates,
      List<List<PairChange>> observed, long[][] hits, long[] labellings, boolean[] exact,
      Map<Integer, double[][]> termValues, Map<Integer, long[]> termArticles) implements Serializable {}

  /** One task's work over every article of the two visits. */
  private static final class Task implements Serializable {
    private final List<String> sectors;
    private final List<TermGroup> groups;
    private final TermKeys keys;
    private final Settings settings;

    Task(List<String> sectors, List<TermGroup> groups, TermKeys keys, Settings settings) {
      this.sectors = sectors;
      this.groups = groups;
      this.keys = keys;
      this.settings = settings;
    }

    TaskResult run(int t, Iterator<Article> parts) {
      TreeMap<String, Article> byDoc = new TreeMap<>();
      while (parts.hasNext()) {
        Article a = parts.next();
        Article known = byDoc.putIfAbsent(a.doc, a);
        if (known != null) {
          known.add(a);
        }
      }
      List<Article> a = new ArrayList<>();
      List<Article> b = new ArrayList<>();
      for (Article x : byDoc.values()) {
        if (x.listed) {
          (x.visitB ? b : a).add(x);
        }
      }
      int tasks = settings.tasks();
      int s = sectors.size();
      ArticleBootstrap.Replicate[] replicates = new ArticleBootstrap.Replicate[0];
      if (settings.replicates() > 0 && !a.isEmpty() && !b.isEmpty()) {
        replicates = ArticleBootstrap.replicates(bootstrapSide(a), bootstrapSide(b), s, settings.seed(),
            range(settings.replicates(), t, tasks), range(settings.replicates(), t + 1, tasks));
      }
      List<List<PairChange>> observed = new ArrayList<>();
      long[][] hits = new long[CooccurrenceChangeReport.WINDOWS.length][];
      long[] labellings = new long[hits.length];
      boolean[] exact = new boolean[hits.length];
      for (int w = 0; w < hits.length; w++) {
        List<CooccurrencePermutation.Article> wa = windows(a, w);
        List<CooccurrencePermutation.Article> wb = windows(b, w);
        if (wa.isEmpty() || wb.isEmpty()) {
          observed.add(List.of());
          hits[w] = new long[0];
          continue;
        }
        List<int[]> pairs = CooccurrencePermutation.pairs(wa, wb, s);
        exact[w] = CooccurrencePermutation.exact(wa.size(), wb.size(), settings.permutations());
        long all = settings.permutations() == 0 ? 0
            : exact[w] ? CooccurrencePermutation.labellings(wa.size(), wb.size()) : settings.permutations();
        int from = (int) (all * t / tasks);
        int to = (int) (all * (t + 1) / tasks);
        labellings[w] = to - from;
        hits[w] = to > from ? CooccurrencePermutation.hits(wa, wb, s, pairs, settings.seed() + w, from, to, exact[w])
            : new long[pairs.size()];
        observed.add(t == 0 ? CooccurrencePermutation.changes(wa, wb, s, pairs, hits[w], 0, exact[w]) : List.of());
      }
      Map<Integer, double[][]> termValues = new HashMap<>();
      Map<Integer, long[]> termArticles = new HashMap<>();
      for (int g = 0; g < groups.size(); g++) {
        TermGroup group = groups.get(g);
        TermBootstrap.Side sa = termSide(a, group);
        TermBootstrap.Side sb = termSide(b, group);
        termArticles.put(g, new long[] {sa.size(), sb.size()});
        if (sa.size() > 0 && sb.size() > 0) {
          termValues.put(g, TermBootstrap.values(sa, sb, group.terms().size(),
              TermBootstrap.groupSeed(settings.seed(), group.language(), group.ngram()),
              range(settings.replicates(), t, tasks), range(settings.replicates(), t + 1, tasks)));
        }
      }
      return new TaskResult(t, a.size(), b.size(), replicates, observed, hits, labellings, exact, termValues,
          termArticles);
    }

    /** One visit's articles, in doc_id order, for the comparison's bootstrap. */
    private ArticleBootstrap.Articles bootstrapSide(List<Article> articles) {
      int[] totals = new int[articles.size()];
      List<int[]> entries = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        Article x = articles.get(i);
        totals[i] = x.mentions;
        for (int s = 0; s < x.sectorCounts.length; s++) {
          if (x.sectorCounts[s] > 0) {
            entries.add(new int[] {i, s, x.sectorCounts[s]});
          }
        }
      }
      return new ArticleBootstrap.Articles(totals, column(entries, 0), column(entries, 1), column(entries, 2));
    }

    /** One visit's articles as windows: their sentences (window 0), or each article whole (window 1). */
    private static List<CooccurrencePermutation.Article> windows(List<Article> articles, int window) {
      List<CooccurrencePermutation.Article> out = new ArrayList<>(articles.size());
      for (Article x : articles) {
        if (window == 0) {
          out.add(new CooccurrencePermutation.Article(x.sentences, x.sets.toArray(new int[0][])));
        } else {
          int[] union = x.sets.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
          out.add(new CooccurrencePermutation.Article(1, union.length == 0 ? new int[0][] : new int[][] {union}));
        }
      }
      return out;
    }

    /** One visit's articles of the group's language, in doc_id order: their n-grams of its order, its terms' counts. */
    private TermBootstrap.Side termSide(List<Article> articles, TermGroup group) {
      List<Article> of = articles.stream().filter(x -> group.language().equals(x.language)).toList();
      long[] totals = new long[of.size()];
      List<long[]> entries = new ArrayList<>();
      for (int i = 0; i < of.size(); i++) {
        Article x = of.get(i);
        totals[i] = x.ngramTotals[group.ngram() - 1];
        for (int term = 0; term < group.terms().size(); term++) {
          Long n = x.termCounts.get(keys.key(group.ngram(), group.terms().get(term)));
          if (n != null) {
            entries.add(new long[] {i, term, n});
          }
        }
      }
      int[] article = new int[entries.size()];
      int[] term = new int[entries.size()];
      long[] count = new long[entries.size()];
      for (int e = 0; e < entries.size(); e++) {
        article[e] = (int) entries.get(e)[0];
        term[e] = (int) entries.get(e)[1];
        count[e] = entries.get(e)[2];
      }
      return new TermBootstrap.Side(totals, article, term, count);
    }
  }

  /** The first of task t's share of 0..n−1 among {@code tasks}. */
  private static int range(int n, int t, int tasks) {
    return (int) ((long) n * t / tasks);
  }

  private static int[] column(List<int[]> rows, int k) {
    return rows.stream().mapToInt(r -> r[k]).toArray();
  }

  /** The tasks' results put together, in task order. */
  private static Result assemble(SparkSession spark, List<TaskResult> results, List<String> sectors, List<TermGroup> groups,
      Settings settings, String visitA, String visitB) {
    results.sort((x, y) -> Integer.compare(x.task(), y.task()));
    long articlesA = results.isEmpty() ? 0 : results.get(0).articlesA();
    long articlesB = results.isEmpty() ? 0 : results.get(0).articlesB();
    // The comparison's intervals: every replicate, in order.
    EmphasisBootstrap.Result emphasis = EmphasisBootstrap.Result.articlesOnly(articlesA, articlesB);
    List<ArticleBootstrap.Replicate> replicates = new ArrayList<>();
    results.forEach(r -> replicates.addAll(Arrays.asList(r.replicates())));
    if (!replicates.isEmpty()) {
      ArticleBootstrap.Replicate[] all = replicates.toArray(new ArticleBootstrap.Replicate[0]);
      Map<String, ArticleBootstrap.Interval> bySector = new LinkedHashMap<>();
      for (int s = 0; s < sectors.size(); s++) {
        bySector.put(sectors.get(s), ArticleBootstrap.interval(all, s, settings.confidence()));
      }
      emphasis = new EmphasisBootstrap.Result(articlesA, articlesB, bySector, settings.confidence());
    }
    // cooccurrence_change: task 0's observed counts, every task's hits.
    List<Row> change = new ArrayList<>();
    for (int w = 0; w < CooccurrenceChangeReport.WINDOWS.length && !results.isEmpty(); w++) {
      List<PairChange> observed = results.get(0).observed().get(w);
      long[] hits = new long[observed.size()];
      long labellings = 0;
      for (TaskResult r : results) {
        for (int p = 0; p < r.hits()[w].length; p++) {
          hits[p] += r.hits()[w][p];
        }
        labellings += r.labellings()[w];
      }
      change.addAll(CooccurrenceChangeReport.rows(w, observed, hits, labellings, results.get(0).exact()[w],
          settings.permutations() > 0, sectors, visitA, visitB));
    }
    // term_keyness's intervals: each group's replicate values, every task's.
    List<Row> terms = new ArrayList<>();
    for (int g = 0; g < groups.size() && !results.isEmpty(); g++) {
      TermGroup group = groups.get(g);
      long[] n = results.get(0).termArticles().get(g);
      if (n[0] == 0 || n[1] == 0) {
        continue;
      }
      for (int term = 0; term < group.terms().size(); term++) {
        // the tasks' ranges of replicates, in task order, make up 0..R-1
        double[] values = new double[settings.replicates()];
        int at = 0;
        for (TaskResult r : results) {
          double[] part = r.termValues().get(g)[term];
          System.arraycopy(part, 0, values, at, part.length);
          at += part.length;
        }
        double[] ci = TermBootstrap.interval(values, settings.confidence());
        terms.add(RowFactory.create(group.language(), group.ngram(), group.terms().get(term),
            Double.isNaN(ci[0]) ? null : ci[0], Double.isNaN(ci[1]) ? null : ci[1], n[0], n[1]));
      }
    }
    return new Result(emphasis, spark.createDataFrame(change, CooccurrenceChangeReport.REPORT_SCHEMA),
        spark.createDataFrame(terms, KeynessBootstrap.SCHEMA));
  }
}
