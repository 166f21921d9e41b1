package io.visitlens.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import io.visitlens.stats.TermBootstrap;
import io.visitlens.transform.DocumentRuns;
import io.visitlens.transform.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The article-level bootstrap of {@code term_keyness}'s log ratio for its top terms ({@link TermBootstrap}): the
 * {@link #TOP_TERMS} terms with the largest |z| of each language and n-gram order. One pass over the annotated corpus
 * counts, for each article of the two visits, its terms of each order and its occurrences of the chosen terms (a few
 * rows per article); the rows are gathered on an executor and each (language, order) is one task
 * ({@link ReplicatedTasks}). The intervals come back, one row per chosen term.
 */
public final class KeynessBootstrap {

  /** The terms of each language and n-gram order that get an interval: the largest |z_score|, then by term. */
  public static final int TOP_TERMS = 20;

  private KeynessBootstrap() {}

  /** The intervals: language, ngram, term, the interval of log_ratio, and the articles of each side. */
  public static final StructType SCHEMA = new StructType()
      .add("language", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("log_ratio_ci_low", DataTypes.DoubleType, true)
      .add("log_ratio_ci_high", DataTypes.DoubleType, true)
      .add("n_articles_a", DataTypes.LongType, false)
      .add("n_articles_b", DataTypes.LongType, false);

  /** The rows the counting pass emits: per article its totals (term null) and its counts of the chosen terms. */
  static final StructType COUNT_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, true)
      .add("n", DataTypes.LongType, false);

  /**
   * The intervals of the top terms of {@code keyness} (term_keyness rows of visits A and B).
   *
   * @param corpus    the annotated corpus, each document's sentences together in a partition
   * @param documents the documents report: doc_id, visit_id, language (every article is a unit)
   */
  public static Dataset<Row> intervals(SparkSession spark, Dataset<Row> keyness, Dataset<Row> corpus,
      Dataset<Row> documents, String visitA, String visitB, int replicates, long seed, double confidence) {
    List<Row> chosen = SectorReports.boundedCollect(keyness
        .where(col("z_score").isNotNull().and(isnan(col("z_score")).unary_$bang()))
        .withColumn("place", row_number().over(Window.partitionBy(col("language"), col("ngram"))
            .orderBy(abs(col("z_score")).desc(), col("term"))))
        .where(col("place").leq(TOP_TERMS)).select(col("language"), col("ngram"), col("term")), "top keyness terms");
    if (chosen.isEmpty() || replicates < 1) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    Set<String> keys = new HashSet<>();
    Map<List<Object>, List<String>> groups = new TreeMap<>((x, y) -> {
      int c = ((String) x.get(0)).compareTo((String) y.get(0));
      return c != 0 ? c : Integer.compare((Integer) x.get(1), (Integer) y.get(1));
    });
    for (Row r : chosen) {
      keys.add(key(r.getString(0), r.getInt(1), r.getString(2)));
      groups.computeIfAbsent(List.of(r.getString(0), r.getInt(1)), k -> new ArrayList<>()).add(r.getString(2));
    }
    MapPartitionsFunction<Row, Row> count = rows -> new ArticleCounts(rows, keys);
    Dataset<Row> counts = corpus.where(col("visit_id").isin(visitA, visitB))
        .select(col("doc_id"), col("visit_id"), col("terms"), col("stems"), col("is_stop"), col("language"))
        .mapPartitions(count, Encoders.row(COUNT_SCHEMA));
    Dataset<Row> articles = documents.where(col("visit_id").isin(visitA, visitB))
        .select(col("doc_id"), col("visit_id"), col("language"));
    Dataset<Row> gathered = articles.join(counts, new String[] {"doc_id"}, "left")
        .agg(collect_list(struct(col("visit_id"), col("doc_id"), col("language"), col("ngram"), col("term"),
            col("n"))).as("rows"));
    List<Row> taskRows = new ArrayList<>();
    for (Map.Entry<List<Object>, List<String>> g : groups.entrySet()) {
      taskRows.add(RowFactory.create(g.getKey().get(0), g.getKey().get(1), g.getValue().toArray(new String[0])));
    }
    StructType taskSchema = new StructType().add("language", DataTypes.StringType, false)
        .add("ngram", DataTypes.IntegerType, false)
        .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);
    FlatMapFunction<Row, Row> task = new Task(visitA, visitB, replicates, seed, confidence);
    List<Row> out = ReplicatedTasks.run(spark.createDataFrame(taskRows, taskSchema), taskRows.size(), gathered, task,
        SCHEMA, chosen.size());
    return spark.createDataFrame(out, SCHEMA);
  }

  private static String key(String language, int ngram, String term) {
    return language + '\0' + ngram + '\0' + term;
  }

  /** Each article's n-gram totals by order and its counts of the chosen terms, emitted at the article's end. */
  private static final class ArticleCounts extends DocumentRuns {
    private final Set<String> keys;
    private final long[] totals = new long[Terms.MAX_ORDER];
    private final Map<String, long[]> chosen = new HashMap<>();
    private String language;

    ArticleCounts(Iterator<Row> sentences, Set<String> keys) {
      super(sentences);
      this.keys = keys;
    }

    @Override
    protected void sentence(Row s) {
      language = s.getString(5);
      Terms.forEachNgram(s.getList(2), s.getList(4), Terms.MAX_ORDER, (i, order, term) -> {
        totals[order - 1]++;
        String k = key(language, order, term);
        if (keys.contains(k)) {
          chosen.computeIfAbsent(term + '\0' + order, x -> new long[1])[0]++;
        }
      });
    }

    @Override
    protected void endDocument(String visit) {
      String doc = document();
      for (int o = 0; o < totals.length; o++) {
        ready.add(RowFactory.create(doc, o + 1, null, totals[o]));
        totals[o] = 0;
      }
      chosen.forEach((k, n) -> {
        int cut = k.lastIndexOf('\0');
        ready.add(RowFactory.create(doc, Integer.parseInt(k.substring(cut + 1)), k.substring(0, cut), n[0]));
      });
      chosen.clear();
    }
  }

  /** One (language, order): its chosen terms' intervals from the gathered article rows. */
  private static final class Task implements FlatMapFunction<Row, Row> {
    private final String visitA;
    private final String visitB;
    private final int replicates;
    private final long seed;
    private final double confidence;

    Task(String visitA, String visitB, int replicates, long seed, double confidence) {
      this.visitA = visitA;
      this.visitB = visitB;
      this.replicates = replicates;
      this.seed = seed;
      this.confidence = confidence;
    }

    @Override
    public Iterator<Row> call(Row r) {
      String language = r.getString(0);
      int ngram = r.getInt(1);
      List<String> terms = r.getList(2);
      Map<String, Integer> index = new HashMap<>();
      for (int t = 0; t < terms.size(); t++) {
        index.put(terms.get(t), t);
      }
      List<Row> rows = r.getList(3);
      TermBootstrap.Side a = side(rows, visitA, language, ngram, index);
      TermBootstrap.Side b = side(rows, visitB, language, ngram, index);
      List<Row> out = new ArrayList<>();
      if (a.size() == 0 || b.size() == 0) {
        return out.iterator();
      }
      double[][] ci = TermBootstrap.intervals(a, b, terms.size(), replicates,
          TermBootstrap.groupSeed(seed, language, ngram), confidence);
      for (int t = 0; t < terms.size(); t++) {
        out.add(RowFactory.create(language, ngram, terms.get(t), Double.isNaN(ci[t][0]) ? null : ci[t][0],
            Double.isNaN(ci[t][1]) ? null : ci[t][1], (long) a.size(), (long) b.size()));
      }
      return out.iterator();
    }

    /** A visit's articles of the language in doc_id order, their totals of the order and chosen-term counts. */
    private static TermBootstrap.Side side(List<Row> rows, String visit, String language, int ngram,
        Map<String, Integer> index) {
      Map<String, Integer> article = new TreeMap<>();
      for (Row x : rows) {
        if (visit.equals(x.getString(0)) && language.equals(x.getString(2))) {
          article.putIfAbsent(x.getString(1), 0);
        }
      }
      int i = 0;
      for (Map.Entry<String, Integer> e : article.entrySet()) {
        e.setValue(i++);
      }
      long[] totals = new long[article.size()];
      List<long[]> entries = new ArrayList<>();
      for (Row x : rows) {
        if (!visit.equals(x.getString(0)) || !language.equals(x.getString(2)) || x.isNullAt(3) || x.getInt(3) != ngram) {
          continue;
        }
        int at = article.get(x.getString(1));
        if (x.isNullAt(4)) {
          totals[at] += x.getLong(5);
        } else if (index.containsKey(x.getString(4))) {
          entries.add(new long[] {at, index.get(x.getString(4)), x.getLong(5)});
        }
      }
      int[] entryArticle = new int[entries.size()];
      int[] entryTerm = new int[entries.size()];
      long[] entryCount = new long[entries.size()];
      for (int e = 0; e < entries.size(); e++) {
        entryArticle[e] = (int) entries.get(e)[0];
        entryTerm[e] = (int) entries.get(e)[1];
        entryCount[e] = entries.get(e)[2];
      }
      return new TermBootstrap.Side(totals, entryArticle, entryTerm, entryCount);
    }
  }
}
