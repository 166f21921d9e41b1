package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.transform.DocumentRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * What the sector reports share: one count of the annotated corpus's sector matches ({@link #countCorpus}), from which
 * {@code sector_summary}, {@code emphasis_comparison} and {@code topic_cooccurrence} are computed, and the driver's
 * bound on what such an aggregate may bring back.
 */
public final class SectorReports {

  private SectorReports() {}


  /** The rows of an aggregate bounded by the catalogue and the lexicon; a guard, never expected to trip. */
  public static List<Row> boundedCollect(Dataset<Row> aggregate, String what) {
    List<Row> rows = aggregate.limit(MAX_DRIVER_SETS + 1).collectAsList();
    if (rows.size() > MAX_DRIVER_SETS) {
      throw new IllegalStateException(what + ": more than " + MAX_DRIVER_SETS + " rows (visits × sectors)");
    }
    return rows;
  }

  /**
   * Distinct (scope, window, sector set) rows up to which {@link TopicCooccurrenceReport#ofSets} counts on the driver;
   * the page's bound on what one action brings back ({@link HtmlSummary#MAX_ROWS_PER_ACTION}).
   */
  static final int MAX_DRIVER_SETS = (int) HtmlSummary.MAX_ROWS_PER_ACTION - 1;

  /**
   * What the sector reports count off the annotated corpus's matches, in one pass and one Spark job
   * ({@link #countCorpus}): the window sector sets of {@link #windowSetCounts} (null when there are more than
   * {@link #MAX_DRIVER_SETS}, for the distributed path), and each (visit, language, sector)'s mentions and
   * documents, which are the sector_mentions rows and their distinct documents counted per visit, document language
   * and sector.
   *
   * @param windowSets            rows of {@link #WINDOW_SET_COUNT_SCHEMA}, or null
   * @param byVisitLanguageSector [visit_id (null for none), language, sector] → {mentions, documents}
   * @param sentencesByLanguage   [language, sector] → sentences with a mention of the sector, and [language, null]
   *                              → sentences with a mention of any sector (every visit, and none, pooled)
   */
  public record CorpusCounts(List<Row> windowSets, Map<List<String>, long[]> byVisitLanguageSector,
      Map<List<String>, Long> sentencesByLanguage) {
    /**
     * [visit_id (null for none), sector] → {mentions, documents}, every language pooled (a document has one
     * language, so its documents add up too).
     */
    public Map<List<String>, long[]> byVisitSector() {
      Map<List<String>, long[]> pooled = new HashMap<>();
      byVisitLanguageSector.forEach((k, c) -> {
        long[] sum = pooled.computeIfAbsent(Arrays.asList(k.get(0), k.get(2)), x -> new long[2]);
        sum[0] += c[0];
        sum[1] += c[1];
      });
      return pooled;
    }

    /** Each sector's mentions in the whole corpus, documents with and without a visit, every language. */
    public Map<String, Long> pooledBySector() {
      Map<String, Long> pooled = new HashMap<>();
      byVisitLanguageSector.forEach((k, c) -> pooled.merge(k.get(2), c[0], Long::sum));
      return pooled;
    }
  }

  /** The rows of {@link #matchCounts} that count a sector's mentions, and its documents; sectors = [the sector]. */
  static final String MENTION_COUNT = "#mentions";
  static final String DOCUMENT_COUNT = "#documents";
  /**
   * The rows of {@link #matchCounts} that count, per language, the sentences with a mention of a sector (sectors =
   * [the sector]) or of any (sectors = []); visit_id null.
   */
  static final String SENTENCE_COUNT = "#sentences";

  /** {@link CorpusCounts} of an annotated corpus whose documents are each together in one partition. */
  public static CorpusCounts countCorpus(Dataset<Row> corpus) {
    Dataset<Row> counted = matchCounts(corpus);
    List<Row> rows = counted.limit(MAX_DRIVER_SETS + 1).collectAsList();
    List<Row> sets = new ArrayList<>();
    if (rows.size() > MAX_DRIVER_SETS) {
      sets = null;
      rows = boundedCollect(counted.where(col("window").isin(MENTION_COUNT, DOCUMENT_COUNT, SENTENCE_COUNT)),
          "sector mentions by visit");
    }
    Map<List<String>, long[]> byVisitLanguageSector = new HashMap<>();
    Map<List<String>, Long> sentencesByLanguage = new HashMap<>();
    for (Row r : rows) {
      String kind = r.getString(1);
      boolean mentions = kind.equals(MENTION_COUNT);
      if (kind.equals(SENTENCE_COUNT)) {
        List<String> sectors = r.getList(2);
        sentencesByLanguage.merge(Arrays.asList(r.getString(4), sectors.isEmpty() ? null : sectors.get(0)),
            r.getLong(3), Long::sum);
      } else if (mentions || kind.equals(DOCUMENT_COUNT)) {
        byVisitLanguageSector.computeIfAbsent(Arrays.asList(r.getString(0), r.getString(4),
            r.<String>getList(2).get(0)), k -> new long[2])[mentions ? 0 : 1] += r.getLong(3);
      } else if (sets != null) {
        sets.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3)));
      }
    }
    return new CorpusCounts(sets, byVisitLanguageSector, sentencesByLanguage);
  }

  /** The columns of {@link #windowSetCounts}. */
  static final StructType WINDOW_SET_COUNT_SCHEMA = new StructType()
      .add("visit_id", DataTypes.StringType, true)
      .add("window", DataTypes.StringType, false)
      .add("sectors", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("n", DataTypes.LongType, false);

  /** The rows of {@link #matchCounts}: {@link #WINDOW_SET_COUNT_SCHEMA} and the language of a count by language. */
  static final StructType MATCH_COUNT_SCHEMA = WINDOW_SET_COUNT_SCHEMA.add("language", DataTypes.StringType, true);

  /**
   * How many windows hold each sector set, per visit (null for documents without one): one row per
   * ({@code visit_id}, {@code window}, {@code sectors}) with {@code n}, for every non-empty set of a counted sentence
   * ({@code sentence}) or document ({@code document}); sectors sorted in Spark's string order. From the annotated
   * corpus's matches in one pass (each document's sentences together in a partition, checked), summed per task.
   */
  static Dataset<Row> windowSetCounts(Dataset<Row> corpus) {
    return matchCounts(corpus).where(col("window").isin("sentence", "document")).drop("language");
  }

  /**
   * {@link #windowSetCounts} ({@code language} null) and, in the same pass, each visit's mentions of each sector in
   * each document language ({@code window} {@link #MENTION_COUNT}, {@code sectors} = [sector], {@code n} mentions)
   * and documents that mention it ({@link #DOCUMENT_COUNT}).
   */
  static Dataset<Row> matchCounts(Dataset<Row> corpus) {
    MapPartitionsFunction<Row, Row> sets = WindowSets::new;
    return corpus.select(col("doc_id"), col("visit_id"), col("match_sector"), col("language"))
        .mapPartitions(sets, Encoders.row(MATCH_COUNT_SCHEMA))
        .groupBy(col("visit_id"), col("window"), col("sectors"), col("language"))
        .agg(sum(col("n")).as("n"))
        .select(col("visit_id"), col("window"), col("sectors"), col("n"), col("language"));
  }

  /** Most distinct (visit, window, set) keys a task holds before it emits them as partial counts. */
  static final int MAX_PARTIAL_SETS = 100_000;

  /** The partial set counts of one task; see {@link #windowSetCounts}. */
  private static final class WindowSets extends DocumentRuns<Row> {
    /** (visit, window, sorted set, language or null) → windows, for the task. */
    private final Map<List<Object>, long[]> counts = new HashMap<>();
    private final Set<String> documentSet = new TreeSet<>(SectorReports::compareUtf8);
    private String visit;
    private String language;

    WindowSets(Iterator<Row> sentences) {
      super(sentences);
    }

    @Override
    protected void sentence(Row s) {
      visit = s.isNullAt(1) ? null : s.getString(1);
      language = s.getString(3);
      List<String> matched = s.getList(2);
      if (!matched.isEmpty()) {
        Set<String> sentenceSet = new TreeSet<>(SectorReports::compareUtf8);
        for (String sector : matched) {
          sentenceSet.add(sector);
          counts.computeIfAbsent(Arrays.asList(visit, MENTION_COUNT, List.of(sector), language),
              k -> new long[1])[0]++;
        }
        add("sentence", sentenceSet);
        documentSet.addAll(sentenceSet);
        for (String sector : sentenceSet) {
          counts.computeIfAbsent(Arrays.asList(null, SENTENCE_COUNT, List.of(sector), language),
              k -> new long[1])[0]++;
        }
        counts.computeIfAbsent(Arrays.asList(null, SENTENCE_COUNT, List.of(), language), k -> new long[1])[0]++;
      }
    }

    @Override
    protected void endDocument(String visit) {
      if (!documentSet.isEmpty()) {
        this.visit = visit;
        add("document", documentSet);
        for (String sector : documentSet) {
          counts.computeIfAbsent(Arrays.asList(visit, DOCUMENT_COUNT, List.of(sector), language),
              k -> new long[1])[0]++;
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
          ((List<?>) k.get(2)).toArray(new String[0]), n[0], k.get(3))));
      counts.clear();
    }

    private void add(String window, Set<String> set) {
      counts.computeIfAbsent(Arrays.asList(visit, window, List.copyOf(set), null), k -> new long[1])[0]++;
    }
  }

  /** Keys of strings compared element by element in Spark's order of strings, a shorter prefix first. */
  static int compareKeys(List<String> x, List<String> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = compareUtf8(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  /** Spark's order of strings (its own comparison: UTF-8 bytes, unsigned, so code point order). */
  static int compareUtf8(String x, String y) {
    return UTF8String.fromString(x).compareTo(UTF8String.fromString(y));
  }
}
