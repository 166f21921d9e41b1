package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
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
import io.visitlens.io.ReportWriter;
import io.visitlens.stats.Association;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code topic_cooccurrence}: one row per scope, window and pair of sectors that both occur in the scope, by
 * {@code scope}, {@code window}, {@code sector_a}, {@code sector_b}. The window sector sets are counted with the
 * sector counts the other sector reports use ({@link SectorReports#countCorpus}); the pairs, their counts and their
 * association are computed here, on the driver for a bounded number of sets and by Spark beyond.
 */
public final class TopicCooccurrenceReport {
  public static final String NAME = "topic_cooccurrence";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "window", STRING, "sector_a", STRING, "sector_b", STRING, "co_count", LONG,
      "count_a", LONG, "count_b", LONG, "n_windows", LONG, "jaccard", DOUBLE, "pmi", DOUBLE, "npmi", DOUBLE), TopicCooccurrenceReport::plan,
      "scope", "window", "sector_a", "sector_b");

  private TopicCooccurrenceReport() {}

  /** Bounded by the sector pairs of each scope (every visit key and "all") and window. */
  static ReportWriter.Plan plan(Products p) {
    long sectors = p.lexicon().sectors().size();
    return REPORT.sorted(build(p.sectorCounts(), p.sentences(), SectorMentionsReport.build(p.sentences()),
        p.documents()), (p.catalog().visits().size() + 2L) * 2 * sectors * sectors);
  }

  /**
   * The report from the corpus's sector counts, the annotated corpus, the mentions (read only when the sets are too
   * many for the driver) and the {@code documents} report.
   */
  public static Dataset<Row> build(SectorReports.CorpusCounts counts, Dataset<Row> sentences, Dataset<Row> mentions,
      Dataset<Row> documents) {
    return ofCounts(counts, sentences, mentions, documents);
  }

  /** {@link Association#jaccard}, {@link Association#pmi} and {@link Association#npmi} over (co, a, b, n). */
  private static final UserDefinedFunction JACCARD = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> Association.jaccard(co, a, b), DataTypes.DoubleType);
  private static final UserDefinedFunction PMI = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> finite(Association.pmi(co, a, b, n)), DataTypes.DoubleType);
  private static final UserDefinedFunction NPMI = udf(
      (UDF4<Long, Long, Long, Long, Double>) (co, a, b, n) -> finite(Association.npmi(co, a, b, n)), DataTypes.DoubleType);


  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
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
  public static Dataset<Row> ofMentions(Dataset<Row> mentions, Dataset<Row> sentences, Dataset<Row> documents) {
    return ofSets(windowSectorSets(mentions), sentences, documents);
  }

  /**
   * One row per window that holds a mention ({@code scope}: the visit, when attributed, and {@code all};
   * {@code window}: {@code sentence} or {@code document}) with the sorted set of its sectors, from sector_mentions:
   * what {@link #ofSets} reads its pairs and single counts off, with no self-join of mentions. The
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


  /** The schema of the rows built on the driver and by Spark alike. */
  static final StructType COOCCURRENCE_SCHEMA = REPORT.schemaRequiring("scope", "window", "sector_a", "sector_b",
      "co_count", "count_a", "count_b", "n_windows");

  /**
   * {@link #ofMentions} from the window sector sets of {@link #windowSectorSets}. The sets are first counted
   * by distinct (scope, window, set), an aggregate bounded by the sector combinations that occur, not by the corpus;
   * while it has at most {@link SectorReports#MAX_DRIVER_SETS} rows, single counts, pair counts and window totals are added up
   * from it on the driver (three Spark jobs in all, instead of one of some twenty stages); past that, by Spark.
   * Both give the same rows.
   */
  public static Dataset<Row> ofSets(Dataset<Row> sets, Dataset<Row> sentences,
      Dataset<Row> documents) {
    List<Row> setCounts = sets.groupBy(col("scope"), col("window"), col("sectors")).agg(count(lit(1)).as("n"))
        .limit(SectorReports.MAX_DRIVER_SETS + 1).collectAsList();
    if (setCounts.size() > SectorReports.MAX_DRIVER_SETS) {
      return distributed(sets, sentences, documents);
    }
    // Windows per visit key ("" for documents without a visit): sentences and documents, in one job.
    List<Row> windowCounts = windowsByVisit(sentences, documents).limit(SectorReports.MAX_DRIVER_SETS + 1).collectAsList();
    if (windowCounts.size() > SectorReports.MAX_DRIVER_SETS) {
      return distributed(sets, sentences, documents);
    }
    Map<String, Map<String, Long>> windows = new TreeMap<>();
    windowCounts.forEach(r -> windows.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
        .put(r.getString(0), r.getLong(2)));
    return sets.sparkSession().createDataFrame(cooccurrenceRows(setCounts, windows), COOCCURRENCE_SCHEMA);
  }

  /**
   * {@link #ofMentions} from the annotated corpus itself, whose documents are each together in one partition
   * ({@link io.visitlens.transform.Annotations#annotate}): one pass over its matches gives every window's sector
   * set (a sentence's, and its document's as the union of its sentences'), counted per (visit, window, set) with
   * partial sums per task; the window totals come from the documents report ({@code n_sentences} and one window
   * per document). While the distinct sets are at most {@link SectorReports#MAX_DRIVER_SETS}, the report is computed from them on
   * the driver; past that, by {@link #distributed} from the mentions. Either way the same rows
   * as {@link #ofMentions}, in two small Spark jobs instead of some twenty stages over the mentions.
   *
   * @param corpus    the annotated corpus (doc_id, visit_id, match_sector, language)
   * @param mentions  sector_mentions (for the distributed path only)
   * @param documents the documents report (visit_id, n_sentences)
   */
  public static Dataset<Row> ofCorpus(Dataset<Row> corpus, Dataset<Row> mentions, Dataset<Row> documents) {
    return ofCounts(SectorReports.countCorpus(corpus), corpus, mentions, documents);
  }


  /**
   * {@link #ofCorpus} from counts already taken ({@link SectorReports#countCorpus}); the mentions are read only
   * on the distributed path.
   */
  public static Dataset<Row> ofCounts(SectorReports.CorpusCounts counts, Dataset<Row> corpus,
      Dataset<Row> mentions, Dataset<Row> documents) {
    if (counts.windowSets() == null) {
      return distributed(windowSectorSets(mentions), corpus, documents);
    }
    List<Row> perVisit = counts.windowSets();
    // Scope "all" adds up every visit key's sets, the unassigned documents' included.
    Map<List<Object>, Long> all = new TreeMap<>(TopicCooccurrenceReport::compareSetKeys);
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
        .limit(SectorReports.MAX_DRIVER_SETS + 1).collectAsList()) {
      windows.computeIfAbsent("document", k -> new TreeMap<>()).put(r.getString(0), r.getLong(1));
      windows.computeIfAbsent("sentence", k -> new TreeMap<>()).put(r.getString(0), r.isNullAt(2) ? 0L : r.getLong(2));
    }
    return corpus.sparkSession().createDataFrame(cooccurrenceRows(setCounts, windows), COOCCURRENCE_SCHEMA);
  }

  private static int compareSetKeys(List<Object> x, List<Object> y) {
    int c = SectorReports.compareUtf8((String) x.get(0), (String) y.get(0));
    if (c != 0) {
      return c;
    }
    @SuppressWarnings("unchecked")
    List<String> a = (List<String>) x.get(1);
    @SuppressWarnings("unchecked")
    List<String> b = (List<String>) y.get(1);
    return SectorReports.compareKeys(a, b);
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



  /** {@link #ofSets} computed by Spark, for set counts too many for the driver. */
  static Dataset<Row> distributed(Dataset<Row> sets, Dataset<Row> sentences,
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
