package io.visitlens.report;

import static io.visitlens.report.Report.BOOLEAN;
import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import io.visitlens.io.ReportWriter;
import io.visitlens.stats.CooccurrencePermutation;
import io.visitlens.stats.CooccurrencePermutation.Article;
import io.visitlens.stats.CooccurrencePermutation.PairChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.visitlens.transform.DocumentRuns;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cooccurrence_change}: one row per window and pair of sectors that both occur in visit A or both in visit B,
 * by {@code window}, {@code sector_a}, {@code sector_b}: the NPMI of the pair in each visit, its change, and a
 * permutation test of the change ({@link CooccurrencePermutation}).
 */
public final class CooccurrenceChangeReport {
  public static final String NAME = "cooccurrence_change";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "window", STRING, "sector_a", STRING, "sector_b", STRING, "visit_a", STRING, "visit_b", STRING,
      "npmi_a", DOUBLE, "npmi_b", DOUBLE, "delta_npmi", DOUBLE, "co_count_a", LONG, "co_count_b", LONG,
      "sector_a_windows_a", LONG, "sector_b_windows_a", LONG, "sector_a_windows_b", LONG, "sector_b_windows_b", LONG,
      "n_windows_a", LONG, "n_windows_b", LONG, "p_permutation", DOUBLE, "q_value", DOUBLE, "labellings", LONG,
      "exact", BOOLEAN), CooccurrenceChangeReport::plan,
      "window", "sector_a", "sector_b");

  static final String[] WINDOWS = {"sentence", "document"};

  private CooccurrenceChangeReport() {}

  /** A local relation: two windows × the sector pairs at most. */
  static ReportWriter.Plan plan(Products p) {
    long sectors = p.lexicon().sectors().size();
    return REPORT.sorted(p.cooccurrenceChange(), 2 * sectors * sectors);
  }

  /** What the tasks return: per window, chunk and pair, the hits and (from every task) the observed counts. */
  static final StructType TASK_SCHEMA = new StructType()
      .add("window", DataTypes.IntegerType, false)
      .add("i", DataTypes.IntegerType, false)
      .add("j", DataTypes.IntegerType, false)
      .add("hits", DataTypes.LongType, false)
      .add("labellings", DataTypes.LongType, false)
      .add("exact", DataTypes.BooleanType, false)
      .add("co_a", DataTypes.LongType, false)
      .add("co_b", DataTypes.LongType, false)
      .add("ai_a", DataTypes.LongType, false)
      .add("aj_a", DataTypes.LongType, false)
      .add("ai_b", DataTypes.LongType, false)
      .add("aj_b", DataTypes.LongType, false)
      .add("n_a", DataTypes.LongType, false)
      .add("n_b", DataTypes.LongType, false)
      .add("npmi_a", DataTypes.DoubleType, false)
      .add("npmi_b", DataTypes.DoubleType, false);

  /**
   * The report: each article of the two visits one row (its counted sentences, the sector set of each, from the
   * annotated corpus; every article of the visit from {@code documents}, with or without sentences), gathered into one
   * value by an aggregation on an executor, replicated to {@code tasks} tasks per window that share the labellings; the
   * tasks return one small row per pair. With {@code permutations} 0 the test is skipped ({@code p_permutation},
   * {@code q_value} empty).
   */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> corpus, Dataset<Row> documents, String visitA,
      String visitB, List<String> sectors, int permutations, long seed, int tasks) {
    Dataset<Row> articles = documents.where(col("visit_id").isin(visitA, visitB)).select(col("doc_id"),
        col("visit_id"));
    // Each article's sentences are together in one partition (Annotations.annotate): one row per article, no shuffle.
    MapPartitionsFunction<Row, Row> sets = ArticleSets::new;
    Dataset<Row> perDocument = corpus.where(col("visit_id").isin(visitA, visitB))
        .select(col("doc_id"), col("visit_id"), col("match_sector"))
        .mapPartitions(sets, Encoders.row(ARTICLE_SETS));
    Dataset<Row> gathered = articles.join(perDocument, new String[] {"doc_id"}, "left")
        .agg(collect_list(struct(col("visit_id"), col("doc_id"), col("n_sentences"), col("sets"))).as("rows"));
    int chunks = Math.max(1, tasks);
    List<Row> windowChunks = new ArrayList<>();
    for (int w = 0; w < WINDOWS.length; w++) {
      for (int c = 0; c < chunks; c++) {
        windowChunks.add(RowFactory.create(w, c));
      }
    }
    StructType chunkSchema = new StructType().add("window", DataTypes.IntegerType, false)
        .add("chunk", DataTypes.IntegerType, false);
    FlatMapFunction<Row, Row> task = new Task(visitA, visitB, sectors, permutations, seed, chunks);
    List<Row> rows = ReplicatedTasks.run(spark.createDataFrame(windowChunks, chunkSchema), windowChunks.size(),
        gathered, task, TASK_SCHEMA, 2L * chunks * sectors.size() * sectors.size());
    return spark.createDataFrame(reportRows(rows, visitA, visitB, sectors, permutations > 0), REPORT_SCHEMA);
  }

  /** One row per article: its counted sentences and the distinct sorted sectors of each that has any. */
  static final StructType ARTICLE_SETS = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("n_sentences", DataTypes.IntegerType, false)
      .add("sets", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType, false), false), false);

  /** The sector sets of an article's sentences, emitted when the article ends. */
  private static final class ArticleSets extends DocumentRuns {
    private int sentences;
    private final List<String[]> sets = new ArrayList<>();

    ArticleSets(Iterator<Row> rows) {
      super(rows);
    }

    @Override
    protected void sentence(Row s) {
      sentences++;
      List<String> matched = s.getList(2);
      if (!matched.isEmpty()) {
        sets.add(new java.util.TreeSet<>(matched).toArray(new String[0]));
      }
    }

    @Override
    protected void endDocument(String visit) {
      ready.add(RowFactory.create(document(), sentences, sets.toArray(new String[0][])));
      sentences = 0;
      sets.clear();
    }
  }

  static final StructType REPORT_SCHEMA = REPORT.schemaRequiring("window", "sector_a", "sector_b", "visit_a",
      "visit_b", "npmi_a", "npmi_b", "delta_npmi", "co_count_a", "co_count_b", "sector_a_windows_a",
      "sector_b_windows_a", "sector_a_windows_b", "sector_b_windows_b", "n_windows_a", "n_windows_b", "labellings",
      "exact");

  /** The report's rows from the tasks' rows: hits summed over the chunks, q-values per window. */
  private static List<Row> reportRows(List<Row> rows, String visitA, String visitB, List<String> sectors,
      boolean tested) {
    // (window, i, j) → the first row seen (observed counts) and the summed hits and labellings
    Map<List<Integer>, Object[]> byPair = new TreeMap<>((x, y) -> {
      for (int k = 0; k < 3; k++) {
        int c = Integer.compare(x.get(k), y.get(k));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (Row r : rows) {
      Object[] acc = byPair.computeIfAbsent(List.of(r.getInt(0), r.getInt(1), r.getInt(2)),
          k -> new Object[] {r, new long[2]});
      ((long[]) acc[1])[0] += r.getLong(3);
      ((long[]) acc[1])[1] += r.getLong(4);
    }
    List<Row> out = new ArrayList<>();
    for (int w = 0; w < WINDOWS.length; w++) {
      List<Object[]> window = new ArrayList<>();
      for (Map.Entry<List<Integer>, Object[]> e : byPair.entrySet()) {
        if (e.getKey().get(0) == w) {
          window.add(e.getValue());
        }
      }
      double[] p = new double[window.size()];
      for (int k = 0; k < p.length; k++) {
        Row r = (Row) window.get(k)[0];
        long[] sums = (long[]) window.get(k)[1];
        p[k] = !tested || sums[1] == 0 ? Double.NaN
            : r.getBoolean(5) ? sums[0] / (double) sums[1] : (1.0 + sums[0]) / (sums[1] + 1.0);
      }
      double[] q = CooccurrencePermutation.qValues(p);
      for (int k = 0; k < p.length; k++) {
        Row r = (Row) window.get(k)[0];
        long[] sums = (long[]) window.get(k)[1];
        double npmiA = r.getDouble(14);
        double npmiB = r.getDouble(15);
        // The pair in Spark's order of strings, as topic_cooccurrence names it (upper case first).
        String first = sectors.get(r.getInt(1));
        String second = sectors.get(r.getInt(2));
        boolean swap = SectorReports.compareUtf8(first, second) > 0;
        out.add(RowFactory.create(WINDOWS[w], swap ? second : first, swap ? first : second, visitA, visitB,
            npmiA, npmiB, npmiB - npmiA, r.getLong(6), r.getLong(7), r.getLong(swap ? 9 : 8), r.getLong(swap ? 8 : 9),
            r.getLong(swap ? 11 : 10), r.getLong(swap ? 10 : 11), r.getLong(12), r.getLong(13),
            Double.isNaN(p[k]) ? null : p[k], Double.isNaN(q[k]) ? null : q[k], tested ? sums[1] : 0L,
            r.getBoolean(5)));
      }
    }
    return out;
  }

  /** One task: one window, one chunk of the labellings. */
  private static final class Task implements FlatMapFunction<Row, Row> {
    private final String visitA;
    private final String visitB;
    private final List<String> sectors;
    private final int permutations;
    private final long seed;
    private final int chunks;

    Task(String visitA, String visitB, List<String> sectors, int permutations, long seed, int chunks) {
      this.visitA = visitA;
      this.visitB = visitB;
      this.sectors = List.copyOf(sectors);
      this.permutations = permutations;
      this.seed = seed;
      this.chunks = chunks;
    }

    @Override
    public Iterator<Row> call(Row r) {
      int window = r.getInt(0);
      int chunk = r.getInt(1);
      List<Row> gathered = r.getList(2);
      List<Article> a = articles(gathered, visitA, window);
      List<Article> b = articles(gathered, visitB, window);
      if (a.isEmpty() || b.isEmpty()) {
        return Collections.emptyIterator();
      }
      int n = sectors.size();
      List<int[]> pairs = CooccurrencePermutation.pairs(a, b, n);
      boolean exact = CooccurrencePermutation.exact(a.size(), b.size(), permutations);
      long labellings = exact ? CooccurrencePermutation.labellings(a.size(), b.size()) : permutations;
      int from = (int) (labellings * chunk / chunks);
      int to = (int) (labellings * (chunk + 1) / chunks);
      long[] hits = permutations == 0 ? new long[pairs.size()]
          : CooccurrencePermutation.hits(a, b, n, pairs, seed + window, from, to, exact);
      List<PairChange> changes = CooccurrencePermutation.changes(a, b, n, pairs, hits, 0, exact);
      List<Row> out = new ArrayList<>(pairs.size());
      for (int p = 0; p < pairs.size(); p++) {
        PairChange c = changes.get(p);
        out.add(RowFactory.create(window, c.sectorA(), c.sectorB(), hits[p], (long) (to - from), exact,
            c.coCountA(), c.coCountB(), c.sectorAWindowsA(), c.sectorBWindowsA(), c.sectorAWindowsB(),
            c.sectorBWindowsB(), c.windowsA(), c.windowsB(), c.npmiA(), c.npmiB()));
      }
      return out.iterator();
    }

    /** A visit's articles in doc_id order, as windows of {@code window}: its sentences, or itself. */
    private List<Article> articles(List<Row> rows, String visit, int window) {
      Map<String, Integer> index = new HashMap<>();
      for (int s = 0; s < sectors.size(); s++) {
        index.put(sectors.get(s), s);
      }
      // An article's rows added up: one row when its sentences were together in one partition, as they are in
      // the job; more, summed, when a caller's partitioning split them.
      Map<String, int[]> sentences = new TreeMap<>();
      Map<String, List<int[]>> sets = new HashMap<>();
      for (Row r : rows) {
        if (!visit.equals(r.getString(0))) {
          continue;
        }
        String doc = r.getString(1);
        sentences.computeIfAbsent(doc, d -> new int[1])[0] += r.isNullAt(2) ? 0 : r.getInt(2);
        List<int[]> docSets = sets.computeIfAbsent(doc, d -> new ArrayList<>());
        if (!r.isNullAt(3)) {
          for (Object element : r.getList(3)) { // an array inside an array: a Scala Seq
            @SuppressWarnings("unchecked")
            List<String> set = scala.collection.JavaConverters.seqAsJavaList((scala.collection.Seq<String>) element);
            docSets.add(set.stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray());
          }
        }
      }
      List<Article> out = new ArrayList<>(sentences.size());
      for (Map.Entry<String, int[]> d : sentences.entrySet()) {
        List<int[]> docSets = sets.get(d.getKey());
        if (window == 0) {
          out.add(new Article(d.getValue()[0], docSets.toArray(new int[0][])));
        } else {
          int[] union = docSets.stream().flatMapToInt(java.util.Arrays::stream).distinct().sorted().toArray();
          out.add(new Article(1, union.length == 0 ? new int[0][] : new int[][] {union}));
        }
      }
      return out;
    }
  }
}
