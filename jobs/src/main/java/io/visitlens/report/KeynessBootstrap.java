package io.visitlens.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The article-level bootstrap of {@code term_keyness}'s log ratio for its top terms
 * ({@link io.visitlens.stats.TermBootstrap}): the
 * {@link #TOP_TERMS} terms with the largest |z| of each language and n-gram order ({@link #chosen}). Their counts in
 * each article of the two visits, and the intervals, come from {@link ComparedArticles}'s pass; one row per chosen
 * term.
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

  /**
   * The terms that get an interval: the {@link #TOP_TERMS} of each language and n-gram order of {@code keyness}
   * (term_keyness rows) with the largest |z_score|, then by term; by language, then order. A small collect: at most
   * {@link #TOP_TERMS} terms per language and order.
   */
  public static List<ComparedArticles.TermGroup> chosen(Dataset<Row> keyness) {
    List<Row> rows = SectorReports.boundedCollect(keyness
        .where(col("z_score").isNotNull().and(isnan(col("z_score")).unary_$bang()))
        .withColumn("place", row_number().over(Window.partitionBy(col("language"), col("ngram"))
            .orderBy(abs(col("z_score")).desc(), col("term"))))
        .where(col("place").leq(TOP_TERMS))
        .select(col("language"), col("ngram"), col("term"), col("place")), "top keyness terms");
    Map<List<Object>, TreeMap<Integer, String>> groups = new TreeMap<>((x, y) -> {
      int c = ((String) x.get(0)).compareTo((String) y.get(0));
      return c != 0 ? c : Integer.compare((Integer) x.get(1), (Integer) y.get(1));
    });
    for (Row r : rows) {
      groups.computeIfAbsent(List.of(r.getString(0), r.getInt(1)), k -> new TreeMap<>()).put(r.getInt(3),
          r.getString(2));
    }
    List<ComparedArticles.TermGroup> out = new ArrayList<>();
    groups.forEach((k, terms) -> out.add(new ComparedArticles.TermGroup((String) k.get(0), (Integer) k.get(1),
        new ArrayList<>(terms.values()))));
    return out;
  }
}
