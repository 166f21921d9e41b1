package io.visitlens.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.visitlens.config.SectorLexicon;
import io.visitlens.stats.Association;
import io.visitlens.transform.DocumentRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/** The sector reports: {@code sector_summary}, {@code topic_cooccurrence} and {@code emphasis_comparison}. */
public final class SectorReports {

  /** {@link Association#jaccard}, {@link Association#pmi} and {@link Association#npmi} over (co, a, b, n). */
  private static final UserDefinedFunction JACCARD = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> Association.jaccard(co, a, b), DataTypes.DoubleType);
  private static final UserDefinedFunction PMI = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> finite(Association.pmi(co, a, b, n)), DataTypes.DoubleType);
  private static final UserDefinedFunction NPMI = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> finite(Association.npmi(co, a, b, n)), DataTypes.DoubleType);

  private SectorReports() {}

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }


  /** The rows of an aggregate bounded by the catalogue and the lexicon; a guard, never expected to trip. */
  static List<Row> boundedCollect(Dataset<Row> aggregate, String what) {
    List<Row> rows = aggregate.limit(MAX_DRIVER_SETS + 1).collectAsList();
    if (rows.size() > MAX_DRIVER_SETS) {
      throw new IllegalStateException(what + ": more than " + MAX_DRIVER_SETS + " rows (visits × sectors)");
    }
    return rows;
  }

  /**
   * One row per scope (each visit, and {@code all} for every processed document), window ({@code sentence} or
   * {@code document}) and pair of sectors that both occur in the scope, {@code sector_a < sector_b}. Counts
   * are numbers of windows; PMI and NPMI after Bouma (2009) from the window probabilities.
   *
   * @param mentions  sector_mentions
   * @param sentences the annotated corpus (every counted sentence is a window)
   * @param documents the documents report (every processed document is a window)
   */
  public static Dataset<Row> topicCooccurrence(Dataset<Row> mentions, Dataset<Row> sentences, Dataset<Row> documents) {
    return topicCooccurrenceOfSets(windowSectorSets(mentions), sentences, documents);
  }

  /**
   * One row per window that holds a mention ({@code scope}: the visit, when attributed, and {@code all};
   * {@code window}: {@code sentence} or {@code document}) with the sorted set of its sectors, from sector_mentions:
   * what {@link #topicCooccurrenceOfSets} reads its pairs and single counts off, with no self-join of mentions. The
   * job keeps it, since three branches of the report read it.
   */
  public static Dataset<Row> windowSectorSets(Dataset<Row> mentions) {
    Dataset<Row> sentenceSets = mentions.groupBy(col("visit_id"), col("doc_id"), col("sentence_id"))
        .agg(array_sort(collect_set(col("sector"))).as("sectors"));
    Dataset<Row> documentSets = sentenceSets.groupBy(col("visit_id"), col("doc_id"))
        .agg(array_sort(array_distinct(flatten(collect_list(col("sectors"))))).as("sectors"));
    return sentenceSets.select(col("visit_id"), lit("sentence").as("window"), col("sectors"))
        .unionByName(documentSets.select(col("visit_id"), lit("document").as("window"), col("sectors")))
        .select(explode(when(col("visit_id").isNull(), array(lit("all"))).otherwise(array(col("visit_id"), lit("all"))))
            .as("scope"), col("window"), col("sectors"));
  }

  /**
   * Distinct (scope, window, sector set) rows up to which {@link #topicCooccurrenceOfSets} counts on the driver;
   * the page's bound on what one action brings back ({@link HtmlSummary#MAX_ROWS_PER_ACTION}).
   */
  static final int MAX_DRIVER_SETS = (int) HtmlSummary.MAX_ROWS_PER_ACTION - 1;

  /** The schema of {@code topic_cooccurrence}. */
  static final StructType COOCCURRENCE_SCHEMA = new StructType()
      .add("scope", DataTypes.StringType, false).add("window", DataTypes.StringType, false)
      .add("sector_a", DataTypes.StringType, false).add("sector_b", DataTypes.StringType, false)
      .add("co_count", DataTypes.LongType, false).add("count_a", DataTypes.LongType, false)
      .add("count_b", DataTypes.LongType, false).add("n_windows", DataTypes.LongType, false)
      .add("jaccard", DataTypes.DoubleType, true).add("pmi", DataTypes.DoubleType, true)
      .add("npmi", DataTypes.DoubleType, true);

  /**
   * {@link #topicCooccurrence} from the window sector sets of {@link #windowSectorSets}. The sets are first counted
   * by distinct (scope, window, set), an aggregate bounded by the sector combinations that occur, not by the corpus;
   * while it has at most {@link #MAX_DRIVER_SETS} rows, single counts, pair counts and window totals are added up
   * from it on the driver (three Spark jobs in all, instead of one of some twenty stages); past that, by Spark.
   * Both give the same rows.
   */
  public static Dataset<Row> topicCooccurrenceOfSets(Dataset<Row> sets, Dataset<Row> sentences,
      Dataset<Row> documents) {
    List<Row> setCounts = sets.groupBy(col("scope"), col("window"), col("sectors")).agg(count(lit(1)).as("n"))
        .limit(MAX_DRIVER_SETS + 1).collectAsList();
    if (setCounts.size() > MAX_DRIVER_SETS) {
      return topicCooccurrenceDistributed(sets, sentences, documents);
    }
    // Windows per visit key ("" for documents without a visit): sentences and documents, in one job.
    List<Row> windowCounts = windowsByVisit(sentences, documents).limit(MAX_DRIVER_SETS + 1).collectAsList();
    if (windowCounts.size() > MAX_DRIVER_SETS) {
      return topicCooccurrenceDistributed(sets, sentences, documents);
    }
    Map<String, Map<String, Long>> windows = new TreeMap<>();
    windowCounts.forEach(r -> windows.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
        .put(r.getString(0), r.getLong(2)));
    return sets.sparkSession().createDataFrame(cooccurrenceRows(setCounts, windows), COOCCURRENCE_SCHEMA);
  }

  /**
   * {@link #topicCooccurrence} from the annotated corpus itself, whose documents are each together in one partition
   * ({@link io.visitlens.transform.Annotations#annotate}): one pass over its matches gives every window's sector
   * set (a sentence's, and its document's as the union of its sentences'), counted per (visit, window, set) with
   * partial sums per task; the window totals come from the documents report ({@code n_sentences} and one window
   * per document). While the distinct sets are at most {@link #MAX_DRIVER_SETS}, the report is computed from them on
   * the driver; past that, by {@link #topicCooccurrenceDistributed} from the mentions. Either way the same rows
   * as {@link #topicCooccurrence}, in two small Spark jobs instead of some twenty stages over the mentions.
   *
   * @param corpus    the annotated corpus (doc_id, visit_id, match_text)
   * @param lexicon   the lexicon the corpus was matched with (matched text → sector)
   * @param mentions  sector_mentions (for the distributed path only)
   * @param documents the documents report (visit_id, n_sentences)
   */
  public static Dataset<Row> topicCooccurrenceOfCorpus(Dataset<Row> corpus, SectorLexicon lexicon,
      Dataset<Row> mentions, Dataset<Row> documents) {
    return topicCooccurrenceOfCounts(countCorpus(corpus, lexicon), corpus, mentions, documents);
  }

  /**
   * What the sector reports count off the annotated corpus's matches, in one pass and one Spark job
   * ({@link #countCorpus}): the window sector sets of {@link #windowSetCounts} (null when there are more than
   * {@link #MAX_DRIVER_SETS}, for the distributed path), and each (visit, sector)'s mentions and documents, which
   * are the sector_mentions rows and their distinct documents counted per visit and sector.
   *
   * @param windowSets    rows of {@link #WINDOW_SET_COUNT_SCHEMA}, or null
   * @param byVisitSector [visit_id (null for none), sector] → {mentions, documents}
   */
  public record CorpusCounts(List<Row> windowSets, Map<List<String>, long[]> byVisitSector) {
    /** Each sector's mentions in the whole corpus, documents with and without a visit. */
    public Map<String, Long> pooledBySector() {
      Map<String, Long> pooled = new HashMap<>();
      byVisitSector.forEach((k, c) -> pooled.merge(k.get(1), c[0], Long::sum));
      return pooled;
    }
  }

  /** The rows of {@link #matchCounts} that count a sector's mentions, and its documents; sectors = [the sector]. */
  static final String MENTION_COUNT = "#mentions";
  static final String DOCUMENT_COUNT = "#documents";

  /** {@link CorpusCounts} of an annotated corpus whose documents are each together in one partition. */
  public static CorpusCounts countCorpus(Dataset<Row> corpus, SectorLexicon lexicon) {
    Dataset<Row> counted = matchCounts(corpus, lexicon);
    List<Row> rows = counted.limit(MAX_DRIVER_SETS + 1).collectAsList();
    List<Row> sets = new ArrayList<>();
    if (rows.size() > MAX_DRIVER_SETS) {
      sets = null;
      rows = boundedCollect(counted.where(col("window").isin(MENTION_COUNT, DOCUMENT_COUNT)),
          "sector mentions by visit");
    }
    Map<List<String>, long[]> byVisitSector = new HashMap<>();
    for (Row r : rows) {
      String kind = r.getString(1);
      boolean mentions = kind.equals(MENTION_COUNT);
      if (mentions || kind.equals(DOCUMENT_COUNT)) {
        byVisitSector.computeIfAbsent(Arrays.asList(r.getString(0), r.<String>getList(2).get(0)),
            k -> new long[2])[mentions ? 0 : 1] += r.getLong(3);
      } else if (sets != null) {
        sets.add(r);
      }
    }
    return new CorpusCounts(sets, byVisitSector);
  }

  /**
   * {@link #topicCooccurrenceOfCorpus} from counts already taken ({@link #countCorpus}); the mentions are read only
   * on the distributed path.
   */
  public static Dataset<Row> topicCooccurrenceOfCounts(CorpusCounts counts, Dataset<Row> corpus,
      Dataset<Row> mentions, Dataset<Row> documents) {
    if (counts.windowSets() == null) {
      return topicCooccurrenceDistributed(windowSectorSets(mentions), corpus, documents);
    }
    List<Row> perVisit = counts.windowSets();
    // Scope "all" adds up every visit key's sets, the unassigned documents' included.
    Map<List<Object>, Long> all = new TreeMap<>(SectorReports::compareSetKeys);
    List<Row> setCounts = new ArrayList<>();
    for (Row r : perVisit) {
      if (!r.isNullAt(0)) {
        setCounts.add(RowFactory.create(r.getString(0), r.getString(1), r.getSeq(2), r.getLong(3)));
      }
      all.merge(List.of(r.getString(1), r.getList(2)), r.getLong(3), Long::sum);
    }
    all.forEach((k, n) -> setCounts.add(RowFactory.create("all", k.get(0),
        scala.collection.JavaConverters.asScalaBuffer((List<?>) k.get(1)).toList(), n)));
    Map<String, Map<String, Long>> windows = new TreeMap<>();
    for (Row r : documents.groupBy(coalesce(col("visit_id"), lit("")).as("visit_id"))
        .agg(count(lit(1)).as("documents"), sum(col("n_sentences")).cast("long").as("sentences"))
        .limit(MAX_DRIVER_SETS + 1).collectAsList()) {
      windows.computeIfAbsent("document", k -> new TreeMap<>()).put(r.getString(0), r.getLong(1));
      windows.computeIfAbsent("sentence", k -> new TreeMap<>()).put(r.getString(0), r.isNullAt(2) ? 0L : r.getLong(2));
    }
    return corpus.sparkSession().createDataFrame(cooccurrenceRows(setCounts, windows), COOCCURRENCE_SCHEMA);
  }

  private static int compareSetKeys(List<Object> x, List<Object> y) {
    int c = compareUtf8((String) x.get(0), (String) y.get(0));
    if (c != 0) {
      return c;
    }
    @SuppressWarnings("unchecked")
    List<String> a = (List<String>) x.get(1);
    @SuppressWarnings("unchecked")
    List<String> b = (List<String>) y.get(1);
    return compareKeys(a, b);
  }

  /** The columns of {@link #windowSetCounts}. */
  static final StructType WINDOW_SET_COUNT_SCHEMA = new StructType()
      .add("visit_id", DataTypes.StringType, true)
      .add("window", DataTypes.StringType, false)
      .add("sectors", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("n", DataTypes.LongType, false);

  /**
   * How many windows hold each sector set, per visit (null for documents without one): one row per
   * ({@code visit_id}, {@code window}, {@code sectors}) with {@code n}, for every non-empty set of a counted sentence
   * ({@code sentence}) or document ({@code document}); sectors sorted in Spark's string order. From the annotated
   * corpus's matches in one pass (each document's sentences together in a partition, checked), summed per task.
   */
  static Dataset<Row> windowSetCounts(Dataset<Row> corpus, SectorLexicon lexicon) {
    return matchCounts(corpus, lexicon).where(col("window").isin("sentence", "document"));
  }

  /**
   * {@link #windowSetCounts} and, in the same pass, each visit's mentions of each sector ({@code window}
   * {@link #MENTION_COUNT}, {@code sectors} = [sector], {@code n} mentions) and documents that mention it
   * ({@link #DOCUMENT_COUNT}).
   */
  static Dataset<Row> matchCounts(Dataset<Row> corpus, SectorLexicon lexicon) {
    MapPartitionsFunction<Row, Row> sets = rows -> new WindowSets(rows, lexicon);
    return corpus.select(col("doc_id"), col("visit_id"), col("match_text"))
        .mapPartitions(sets, Encoders.row(WINDOW_SET_COUNT_SCHEMA))
        .groupBy(col("visit_id"), col("window"), col("sectors"))
        .agg(sum(col("n")).as("n"));
  }

  /** Most distinct (visit, window, set) keys a task holds before it emits them as partial counts. */
  static final int MAX_PARTIAL_SETS = 100_000;

  /** The partial set counts of one task; see {@link #windowSetCounts}. */
  private static final class WindowSets extends DocumentRuns {
    private final SectorLexicon lexicon;
    /** (visit, window, sorted set) → windows, for the task. */
    private final Map<List<Object>, long[]> counts = new HashMap<>();
    private final Set<String> documentSet = new TreeSet<>(SectorReports::compareUtf8);
    private String visit;

    WindowSets(Iterator<Row> sentences, SectorLexicon lexicon) {
      super(sentences);
      this.lexicon = lexicon;
    }

    @Override
    protected void sentence(Row s) {
      visit = s.isNullAt(1) ? null : s.getString(1);
      List<String> matched = s.getList(2);
      if (!matched.isEmpty()) {
        Set<String> sentenceSet = new TreeSet<>(SectorReports::compareUtf8);
        for (String text : matched) {
          String sector = lexicon.lookup(text).orElseThrow(() -> new IllegalStateException("matched text '"
              + text + "' in document " + s.getString(0) + " is no variant of a lexicon entry")).sector();
          sentenceSet.add(sector);
          counts.computeIfAbsent(Arrays.asList(visit, MENTION_COUNT, List.of(sector)), k -> new long[1])[0]++;
        }
        add("sentence", sentenceSet);
        documentSet.addAll(sentenceSet);
      }
    }

    @Override
    protected void endDocument(String visit) {
      if (!documentSet.isEmpty()) {
        this.visit = visit;
        add("document", documentSet);
        for (String sector : documentSet) {
          counts.computeIfAbsent(Arrays.asList(visit, DOCUMENT_COUNT, List.of(sector)), k -> new long[1])[0]++;
        }
      }
      documentSet.clear();
      if (counts.size() >= MAX_PARTIAL_SETS) {
        endPartition();
      }
    }

    /** Emits the partial counts as rows (when the map is full, and at the end of the partition). */
    @Override
    protected void endPartition() {
      counts.forEach((k, n) -> ready.add(RowFactory.create(k.get(0), k.get(1),
          ((List<?>) k.get(2)).toArray(new String[0]), n[0])));
      counts.clear();
    }

    private void add(String window, Set<String> set) {
      counts.computeIfAbsent(Arrays.asList(visit, window, List.copyOf(set)), k -> new long[1])[0]++;
    }
  }

  /**
   * Windows per visit ({@code scope}: the visit id, {@code ""} for documents without one; {@code window};
   * {@code n}): every counted sentence and every processed document is a window, with or without mentions.
   */
  static Dataset<Row> windowsByVisit(Dataset<Row> sentences, Dataset<Row> documents) {
    Dataset<Row> sentenceWindows = sentences.groupBy(coalesce(col("visit_id"), lit("")).as("visit_id"))
        .agg(count(lit(1)).as("n"));
    Dataset<Row> documentWindows = documents.groupBy(coalesce(col("visit_id"), lit("")).as("visit_id"))
        .agg(count(lit(1)).as("n"));
    return sentenceWindows.select(col("visit_id").as("scope"), lit("sentence").as("window"), col("n"))
        .unionByName(documentWindows.select(col("visit_id").as("scope"), lit("document").as("window"), col("n")));
  }

  /** The report's rows from set counts (scope, window, sorted sectors, n) and windows per window and visit key. */
  static List<Row> cooccurrenceRows(List<Row> setCounts, Map<String, Map<String, Long>> windows) {
    // (scope, window) → sector → windows holding it, and (scope, window) → [a, b] → windows holding both.
    Map<List<String>, Map<String, Long>> singles = new TreeMap<>(SectorReports::compareKeys);
    Map<List<String>, Map<List<String>, Long>> pairs = new TreeMap<>(SectorReports::compareKeys);
    for (Row r : setCounts) {
      List<String> key = List.of(r.getString(0), r.getString(1));
      List<String> sectors = r.getList(2);
      long n = r.getLong(3);
      Map<String, Long> single = singles.computeIfAbsent(key, k -> new TreeMap<>(SectorReports::compareUtf8));
      Map<List<String>, Long> pair = pairs.computeIfAbsent(key, k -> new TreeMap<>(SectorReports::compareKeys));
      for (int i = 0; i < sectors.size(); i++) {
        single.merge(sectors.get(i), n, Long::sum);
        for (int j = i + 1; j < sectors.size(); j++) {
          pair.merge(List.of(sectors.get(i), sectors.get(j)), n, Long::sum);
        }
      }
    }
    List<Row> out = new ArrayList<>();
    for (Map.Entry<List<String>, Map<String, Long>> e : singles.entrySet()) {
      String scope = e.getKey().get(0);
      String window = e.getKey().get(1);
      Map<String, Long> perVisit = windows.getOrDefault(window, Map.of());
      Long nWindows = scope.equals("all")
          ? (perVisit.isEmpty() ? null : perVisit.values().stream().mapToLong(Long::longValue).sum())
          : perVisit.get(scope);
      if (nWindows == null) {
        continue; // as the join on the window totals drops a scope without windows
      }
      List<Map.Entry<String, Long>> present = new ArrayList<>(e.getValue().entrySet());
      for (int i = 0; i < present.size(); i++) {
        for (int j = i + 1; j < present.size(); j++) {
          String a = present.get(i).getKey();
          String b = present.get(j).getKey();
          long countA = present.get(i).getValue();
          long countB = present.get(j).getValue();
          long co = pairs.get(e.getKey()).getOrDefault(List.of(a, b), 0L);
          out.add(RowFactory.create(scope, window, a, b, co, countA, countB, nWindows,
              Association.jaccard(co, countA, countB), finite(Association.pmi(co, countA, countB, nWindows)),
              finite(Association.npmi(co, countA, countB, nWindows))));
        }
      }
    }
    return out;
  }

  /** Spark's order of strings (its own comparison: UTF-8 bytes, unsigned, so code point order). */
  static int compareUtf8(String x, String y) {
    return UTF8String.fromString(x).compareTo(UTF8String.fromString(y));
  }

  private static int compareKeys(List<String> x, List<String> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = compareUtf8(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  /** {@link #topicCooccurrenceOfSets} computed by Spark, for set counts too many for the driver. */
  static Dataset<Row> topicCooccurrenceDistributed(Dataset<Row> sets, Dataset<Row> sentences,
      Dataset<Row> documents) {
    Dataset<Row> singles = sets.select(col("scope"), col("window"), explode(col("sectors")).as("sector"))
        .groupBy("scope", "window", "sector").agg(count(lit(1)).as("n"));
    Dataset<Row> pairs = sets.flatMap(new PairsOfSet(), Encoders.row(PAIR_SCHEMA))
        .groupBy("scope", "window", "sector_a", "sector_b").agg(count(lit(1)).as("co_count"));
    Dataset<Row> allPairs = singles.as("a").join(singles.as("b"),
            col("a.scope").equalTo(col("b.scope")).and(col("a.window").equalTo(col("b.window")))
                .and(col("a.sector").lt(col("b.sector"))))
        .select(col("a.scope").as("scope"), col("a.window").as("window"), col("a.sector").as("sector_a"),
            col("b.sector").as("sector_b"), col("a.n").as("count_a"), col("b.n").as("count_b"));

    Dataset<Row> windows = windowsByVisit(sentences, documents);
    Dataset<Row> nWindows = windows.where(col("scope").notEqual(""))
        .unionByName(windows.groupBy(col("window")).agg(sum(col("n")).as("n")).withColumn("scope", lit("all")))
        .withColumnRenamed("n", "n_windows");

    Dataset<Row> counted = allPairs
        .join(pairs, seq("scope", "window", "sector_a", "sector_b"), "left")
        .join(nWindows, seq("scope", "window"))
        .select(col("scope"), col("window"), col("sector_a"), col("sector_b"),
            coalesce(col("co_count"), lit(0L)).as("co_count"), col("count_a"), col("count_b"), col("n_windows"));
    Dataset<Row> scored = counted.select(col("scope"), col("window"), col("sector_a"), col("sector_b"),
        col("co_count"), col("count_a"), col("count_b"), col("n_windows"),
        JACCARD.apply(col("co_count"), col("count_a"), col("count_b"), col("n_windows")).as("jaccard"),
        PMI.apply(col("co_count"), col("count_a"), col("count_b"), col("n_windows")).as("pmi"),
        NPMI.apply(col("co_count"), col("count_a"), col("count_b"), col("n_windows")).as("npmi"));
    // The same schema as the driver's rows (Spark's plan marks more columns nullable than can be null).
    return sets.sparkSession().createDataFrame(scored.javaRDD(), COOCCURRENCE_SCHEMA);
  }


  private static final StructType PAIR_SCHEMA = new StructType()
      .add("scope", DataTypes.StringType, false).add("window", DataTypes.StringType, false)
      .add("sector_a", DataTypes.StringType, false).add("sector_b", DataTypes.StringType, false);

  /** Every pair (a, b), a before b, of a window's sorted sector set, with the window's scope. */
  private static final class PairsOfSet implements FlatMapFunction<Row, Row> {
    @Override
    public Iterator<Row> call(Row set) {
      String scope = set.getString(0);
      String window = set.getString(1);
      List<String> sectors = set.getList(2);
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < sectors.size(); i++) {
        for (int j = i + 1; j < sectors.size(); j++) {
          out.add(RowFactory.create(scope, window, sectors.get(i), sectors.get(j)));
        }
      }
      return out.iterator();
    }
  }

  private static scala.collection.Seq<String> seq(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toSeq();
  }

}
