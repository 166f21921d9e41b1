package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.visitlens.stats.ArticleBootstrap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The article-level bootstrap of {@code emphasis_comparison} ({@link ArticleBootstrap}), on Spark: each article of the
 * two compared visits becomes one small row of its sector counts, the rows are gathered into one value on an executor
 * (an aggregation, never the driver), that value is replicated to a few tasks by a cartesian product, and each task
 * computes its range of replicates. Only the replicates' shares come back to the driver: {@code --bootstrap} rows of
 * two arrays of one value per sector, whatever the corpus.
 */
public final class EmphasisBootstrap {

  private EmphasisBootstrap() {}

  /**
   * What the bootstrap gives {@code emphasis_comparison}: each visit's articles, and each sector's intervals (empty
   * when the bootstrap is off or a visit has no article).
   */
  public record Result(long articlesA, long articlesB, Map<String, ArticleBootstrap.Interval> bySector,
      double confidence) implements Serializable {
    /** No bootstrap: the article counts alone. */
    public static Result articlesOnly(long articlesA, long articlesB) {
      return new Result(articlesA, articlesB, Map.of(), Double.NaN);
    }
  }

  /** The rows the tasks return: a replicate's number and its shares of A and of B, one per sector. */
  static final StructType REPLICATE_SCHEMA = new StructType()
      .add("replicate", DataTypes.IntegerType, false)
      .add("shares_a", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("shares_b", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  /**
   * The intervals of every sector of {@code sectors} between visits {@code visitA} and {@code visitB}.
   *
   * @param corpus     the annotated corpus (doc_id, visit_id, match_sector)
   * @param documents  the documents report (doc_id, visit_id): every article of a visit is a unit, with or without
   *                   mentions
   * @param replicates R, at least 1
   * @param tasks      how many tasks share the replicates (the result does not depend on it)
   */
  public static Result run(Dataset<Row> corpus, Dataset<Row> documents, String visitA, String visitB,
      List<String> sectors, int replicates, long seed, double confidence, int tasks) {
    if (replicates < 1 || tasks < 1) {
      throw new IllegalArgumentException("need replicates >= 1 and tasks >= 1, got " + replicates + ", " + tasks);
    }
    Dataset<Row> articles = documents.where(col("visit_id").isin(visitA, visitB)).select(col("doc_id"),
        col("visit_id"));
    // One row per article and sector it mentions (sector null for an article without mentions).
    Dataset<Row> counts = corpus.where(col("visit_id").isin(visitA, visitB))
        .select(col("doc_id"), explode(col("match_sector")).as("sector"))
        .groupBy(col("doc_id"), col("sector")).agg(count(lit(1)).cast("int").as("n"));
    Dataset<Row> gathered = articles.join(counts, new String[] {"doc_id"}, "left")
        .agg(collect_list(struct(col("visit_id"), col("doc_id"), col("sector"), col("n"))).as("rows"));
    int chunks = Math.min(tasks, replicates);
    FlatMapFunction<Row, Row> replicate = new Replicates(visitA, visitB, sectors, replicates, seed, chunks);
    List<Row> rows = ReplicatedTasks.run(corpus.sparkSession().range(chunks).toDF("chunk"), chunks, gathered, replicate,
        REPLICATE_SCHEMA, replicates);
    long[] n = articleCounts(articles, visitA);
    if (rows.isEmpty()) {
      return Result.articlesOnly(n[0], n[1]);
    }
    ArticleBootstrap.Replicate[] all = new ArticleBootstrap.Replicate[rows.size()];
    rows.sort(Comparator.comparingInt(r -> r.getInt(0)));
    for (int i = 0; i < all.length; i++) {
      Row r = rows.get(i);
      all[i] = new ArticleBootstrap.Replicate(doubles(r.getList(1)), doubles(r.getList(2)));
    }
    Map<String, ArticleBootstrap.Interval> bySector = new LinkedHashMap<>();
    for (int s = 0; s < sectors.size(); s++) {
      bySector.put(sectors.get(s), ArticleBootstrap.interval(all, s, confidence));
    }
    return new Result(n[0], n[1], bySector, confidence);
  }

  /** No bootstrap: each visit's articles counted (a small aggregation of the documents report). */
  public static Result articlesOnly(Dataset<Row> documents, String visitA, String visitB) {
    long[] n = articleCounts(documents.where(col("visit_id").isin(visitA, visitB)), visitA);
    return Result.articlesOnly(n[0], n[1]);
  }

  private static long[] articleCounts(Dataset<Row> articles, String visitA) {
    long[] n = new long[2];
    for (Row r : articles.groupBy(col("visit_id")).count().limit(2).collectAsList()) {
      n[r.getString(0).equals(visitA) ? 0 : 1] += r.getLong(1);
    }
    return n;
  }

  private static double[] doubles(List<Double> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  /** One task's replicates: the chunk's share of 0..R−1, from the gathered article rows. */
  private static final class Replicates implements FlatMapFunction<Row, Row> {
    private final String visitA;
    private final String visitB;
    private final List<String> sectors;
    private final int replicates;
    private final long seed;
    private final int chunks;

    Replicates(String visitA, String visitB, List<String> sectors, int replicates, long seed, int chunks) {
      this.visitA = visitA;
      this.visitB = visitB;
      this.sectors = List.copyOf(sectors);
      this.replicates = replicates;
      this.seed = seed;
      this.chunks = chunks;
    }

    @Override
    public java.util.Iterator<Row> call(Row chunkRow) {
      int chunk = (int) chunkRow.getLong(0);
      ArticleBootstrap.Articles a = articles(chunkRow.getList(1), visitA);
      ArticleBootstrap.Articles b = articles(chunkRow.getList(1), visitB);
      if (a.size() == 0 || b.size() == 0) {
        return java.util.Collections.emptyIterator();
      }
      int from = (int) ((long) replicates * chunk / chunks);
      int to = (int) ((long) replicates * (chunk + 1) / chunks);
      ArticleBootstrap.Replicate[] done = ArticleBootstrap.replicates(a, b, sectors.size(), seed, from, to);
      List<Row> out = new ArrayList<>(done.length);
      for (int i = 0; i < done.length; i++) {
        out.add(RowFactory.create(from + i, boxed(done[i].a()), boxed(done[i].b())));
      }
      return out.iterator();
    }

    /** One visit's articles in doc_id order, with their sector counts (sectors outside the list ignored). */
    private ArticleBootstrap.Articles articles(List<Row> rows, String visit) {
      Map<String, Integer> sectorIndex = new HashMap<>();
      for (int s = 0; s < sectors.size(); s++) {
        sectorIndex.put(sectors.get(s), s);
      }
      List<String> docs = rows.stream().filter(r -> visit.equals(r.getString(0))).map(r -> r.getString(1))
          .distinct().sorted().toList();
      Map<String, Integer> index = new HashMap<>();
      for (String d : docs) {
        index.put(d, index.size());
      }
      int[] totals = new int[docs.size()];
      List<int[]> entries = new ArrayList<>();
      for (Row r : rows) {
        if (!visit.equals(r.getString(0)) || r.isNullAt(2)) {
          continue;
        }
        Integer s = sectorIndex.get(r.getString(2));
        int i = index.get(r.getString(1));
        totals[i] += r.getInt(3);
        if (s != null) {
          entries.add(new int[] {i, s, r.getInt(3)});
        }
      }
      int[] article = new int[entries.size()];
      int[] sector = new int[entries.size()];
      int[] n = new int[entries.size()];
      for (int e = 0; e < entries.size(); e++) {
        article[e] = entries.get(e)[0];
        sector[e] = entries.get(e)[1];
        n[e] = entries.get(e)[2];
      }
      return new ArticleBootstrap.Articles(totals, article, sector, n);
    }

    private static Double[] boxed(double[] values) {
      Double[] out = new Double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i];
      }
      return out;
    }
  }
}
