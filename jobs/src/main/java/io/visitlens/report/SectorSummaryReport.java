package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.visitlens.io.ReportWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code sector_summary}: one row per catalogued visit, language and lexicon sector (zeros included), by
 * {@code visit_id}, {@code language}, {@code rank}, {@code sector}. The language {@link #ALL_LANGUAGES} pools the
 * visit's documents of every language; each document language the visit has documents in has rows of its own.
 */
public final class SectorSummaryReport {
  public static final String NAME = "sector_summary";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "visit_id", STRING, "language", STRING, "sector", STRING, "mentions", LONG, "documents", LONG,
      "doc_share", DOUBLE, "share", DOUBLE, "per_10k_tokens", DOUBLE, "rank", INT), SectorSummaryReport::plan,
      "visit_id", "language", "rank", "sector");

  /** The {@code language} of the rows that pool every language of a visit's documents. */
  public static final String ALL_LANGUAGES = "all";

  private SectorSummaryReport() {}

  /** A local relation of catalogued visits × (languages + 1) × sectors rows at most. */
  static ReportWriter.Plan plan(Products p) {
    // Each visit has its pooled rows and one set per language it has articles in: the annotated corpus's languages
    // (an article without a counted sentence could add a language; the bound only chooses how the rows are sorted).
    long languages = p.documentsByLanguage().size() + 1L;
    return REPORT.sorted(p.sectorSummary(), (p.catalog().visits().size() + 1L) * languages
        * p.lexicon().sectors().size());
  }

  /**
   * One row per visit, language and sector (every catalogued visit × every lexicon sector, zeros included, for
   * {@link #ALL_LANGUAGES} and for each language the visit has documents in).
   *
   * @param mentions  sector_mentions
   * @param documents the documents report (for each visit's documents, languages and tokens)
   */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> mentions, Dataset<Row> documents,
      List<String> visitIds, List<String> sectors) {
    Map<List<String>, long[]> perSector = new HashMap<>();
    for (Row r : SectorReports.boundedCollect(mentions.groupBy("visit_id", "language", "sector")
        .agg(count(lit(1)).as("mentions"), countDistinct(col("doc_id")).as("documents")), "sector mentions by visit")) {
      perSector.put(Arrays.asList(r.getString(0), r.getString(1), r.getString(2)),
          new long[] {r.getLong(3), r.getLong(4)});
    }
    return build(spark, perSector, documents, visitIds, sectors);
  }

  /**
   * {@link #build(SparkSession, Dataset, Dataset, List, List)} from the mentions already counted per visit, language
   * and sector ({@link SectorReports.CorpusCounts#byVisitLanguageSector}): computed on the driver, since the counts
   * are bounded by the catalogue, the languages and the lexicon whatever the corpus (joins and a window over a
   * handful of rows cost Spark more than the counting).
   *
   * <ul>
   *   <li>{@code mentions}: the sector's mentions in the visit's documents of the language;
   *       {@code documents}: those documents that mention it;</li>
   *   <li>{@code doc_share} = documents / the visit's documents of the language;
   *       {@code share} = mentions / the visit's mentions of every sector in the language;
   *       {@code per_10k_tokens} = mentions × 10,000 / the tokens of the visit's documents of the language
   *       (0 where the denominator is 0);</li>
   *   <li>{@code rank}: competition rank by mentions within (visit, language).</li>
   * </ul>
   *
   * @param perSector [visit_id (null for none), language, sector] → {mentions, documents}
   */
  public static Dataset<Row> build(SparkSession spark, Map<List<String>, long[]> perSector,
      Dataset<Row> documents, List<String> visitIds, List<String> sectors) {
    // visit → language → {documents, tokens}, the pooled language included.
    Map<String, Map<String, long[]>> perVisit = new HashMap<>();
    for (Row r : SectorReports.boundedCollect(documents.where(col("visit_id").isNotNull())
        .groupBy("visit_id", "language").agg(count(lit(1)).as("visit_documents"),
            sum(col("n_tokens")).cast("long").as("visit_tokens")), "documents by visit and language")) {
      long[] counts = {r.getLong(2), r.isNullAt(3) ? 0 : r.getLong(3)};
      Map<String, long[]> languages = perVisit.computeIfAbsent(r.getString(0), v -> new TreeMap<>());
      languages.put(r.getString(1), counts);
      long[] all = languages.computeIfAbsent(ALL_LANGUAGES, l -> new long[2]);
      all[0] += counts[0];
      all[1] += counts[1];
    }
    Map<List<String>, long[]> pooled = new HashMap<>();
    perSector.forEach((k, c) -> {
      long[] sum = pooled.computeIfAbsent(Arrays.asList(k.get(0), ALL_LANGUAGES, k.get(2)), x -> new long[2]);
      sum[0] += c[0];
      sum[1] += c[1];
    });
    List<Row> rows = new ArrayList<>();
    for (String v : visitIds) {
      Map<String, long[]> languages = new TreeMap<>(perVisit.getOrDefault(v, Map.of()));
      languages.putIfAbsent(ALL_LANGUAGES, new long[2]);
      languages.forEach((language, visit) -> addRows(rows, v, language, visit,
          ALL_LANGUAGES.equals(language) ? pooled : perSector, sectors));
    }
    return spark.createDataFrame(rows, SUMMARY_SCHEMA);
  }

  /** The rows of one visit and language: every sector, ranked by mentions. */
  private static void addRows(List<Row> rows, String visit, String language, long[] visitCounts,
      Map<List<String>, long[]> perSector, List<String> sectors) {
    long total = 0;
    List<long[]> counts = new ArrayList<>();
    for (String sector : sectors) {
      long[] c = perSector.getOrDefault(Arrays.asList(visit, language, sector), new long[2]);
      counts.add(c);
      total += c[0];
    }
    for (int i = 0; i < sectors.size(); i++) {
      long[] c = counts.get(i);
      int rank = 1;
      for (long[] other : counts) {
        if (other[0] > c[0]) {
          rank++;
        }
      }
      rows.add(RowFactory.create(visit, language, sectors.get(i), c[0], c[1], ratio(c[1], visitCounts[0]),
          ratio(c[0], total), ratio(c[0] * 10_000.0, visitCounts[1]), rank));
    }
  }

  /** The rows' schema: {@link #REPORT}'s columns, with the nullability the Parquet files have always had. */
  static final StructType SUMMARY_SCHEMA = REPORT.schemaRequiring("visit_id", "language", "sector", "mentions",
      "documents", "rank");

  /** x / y, 0 when y is 0 (an empty visit has no share of anything). */
  private static double ratio(double x, long y) {
    return y == 0 ? 0.0 : x / y;
  }
}
