package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.ParquetFooter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * What the HTML summary shows, read from the Parquet reports of one report directory. Only small tables are
 * collected to the driver: the aggregated reports whole (up to {@link #MAX_ROWS} rows), and from the
 * per-document and per-term reports only counts and the first rows of a stated sort order.
 *
 * <p>A report that is absent, or lacks a column the page needs, is recorded in {@link #unavailable} with the
 * reason, and its sections say so instead of failing the run.
 */
final class SummaryData {
  /** Most documents listed in the documents table. */
  static final int MAX_DOCUMENTS = 500;
  /** Most rows listed in each data-quality list (unassigned, rejected, with duplicates). */
  static final int MAX_LISTED = 100;
  /** Distinctive terms shown per side of the comparison. */
  static final int TOP_TERMS = 15;
  /** Most visits given a co-occurrence heatmap. */
  static final int MAX_HEATMAPS = 12;
  /** Guard on the aggregated reports (one row per visit and sector, or per sector pair): never expected. */
  static final int MAX_ROWS = 50_000;

  static final List<String> VISITS_COLUMNS = List.of("visit_id", "label", "start_date", "end_date", "host_city",
      "host_country", "n_documents", "n_tokens");
  static final List<String> DOCUMENTS_COLUMNS = List.of("doc_id", "title", "published_date", "date_source",
      "visit_id", "visit_evidence", "n_paragraphs", "n_duplicate_paragraphs", "n_tokens");
  static final List<String> REJECTED_COLUMNS = List.of("doc_id", "source_path", "reason");
  static final List<String> SUMMARY_COLUMNS = List.of("visit_id", "language", "sector", "mentions", "documents", "share",
      "doc_share", "per_10k_tokens", "rank");
  static final List<String> EMPHASIS_COLUMNS = List.of("sector", "visit_a", "visit_b", "mentions_a", "mentions_b",
      "share_a", "share_b", "delta_pp", "z_score", "trend", "share_a_ci_low", "share_a_ci_high", "share_b_ci_low",
      "share_b_ci_high", "delta_pp_ci_low", "delta_pp_ci_high", "p_bootstrap", "n_articles_a", "n_articles_b",
      "confidence");
  static final List<String> CHANGE_COLUMNS = List.of("window", "sector_a", "sector_b", "npmi_a", "npmi_b",
      "delta_npmi", "co_count_a", "co_count_b", "p_permutation", "q_value");
  /** The largest co-occurrence changes the page lists. */
  static final int TOP_CHANGES = 10;
  static final List<String> COOCCURRENCE_COLUMNS = List.of("scope", "window", "sector_a", "sector_b", "co_count",
      "count_a", "count_b", "n_windows", "npmi");
  static final List<String> SPEAKER_COLUMNS = List.of("speaker", "sector", "visit_a", "visit_b", "role_a", "role_b",
      "statements_a", "statements_b", "share_a", "share_b", "delta_pp", "z_score", "trend");
  static final List<String> DELIVERABLE_COLUMNS = List.of("doc_id", "visit_id", "begin", "kind", "value", "unit",
      "currency", "object", "tense", "sentence");
  static final List<String> KEYNESS_COLUMNS = List.of("language", "term", "ngram", "visit_a", "visit_b", "count_a", "count_b",
      "z_score", "q_value");

  /** Report name → why its sections are empty, as a predicate: "is not available in this run", "lacks the column x". */
  final Map<String, String> unavailable = new LinkedHashMap<>();

  /** visits, in report order (start date, id); empty when the report is unavailable. */
  List<Map<String, Object>> visits = List.of();

  long documentsTotal;
  /** The first {@link #MAX_DOCUMENTS} documents by visit start date, published date and id. */
  List<Map<String, Object>> documents = List.of();
  long unassignedTotal;
  List<Map<String, Object>> unassigned = List.of();
  long paragraphsTotal;
  long duplicateParagraphsTotal;
  long documentsWithDuplicates;
  List<Map<String, Object>> withDuplicates = List.of();
  /** Documents by visit and language: visit_id (null when unassigned), language, n_documents. */
  List<Map<String, Object>> coverage = List.of();

  long rejectedTotal;
  List<Map<String, Object>> rejected = List.of();

  /** sector_summary's rows that pool every language. */
  List<Map<String, Object>> sectorSummary = List.of();
  /** Sector mentions by visit and document language: visit_id, language, mentions (sector_summary's own rows). */
  List<Map<String, Object>> mentionsByLanguage = List.of();
  List<Map<String, Object>> emphasis = List.of();
  /** The largest co-occurrence changes, by |delta_npmi| descending. */
  List<Map<String, Object>> changes = List.of();
  /** Co-occurrence rows of the scopes in {@link #heatmapScopes}. */
  List<Map<String, Object>> cooccurrence = List.of();
  List<String> heatmapScopes = List.of();
  List<String> scopesWithoutHeatmap = List.of();

  /** The compared pair of the keyness rows shown, or null. */
  String keynessA;
  String keynessB;
  /** Terms most distinctive of A (most negative z) and of B (most positive z). */
  List<Map<String, Object>> termsA = List.of();
  List<Map<String, Object>> termsB = List.of();

  /** speaker_emphasis: each leader's sectors, the largest change first. */
  List<Map<String, Object>> speakers = List.of();
  /** deliverables: the first {@link #MAX_DELIVERABLES} by visit, kind, document and place, and how many there are. */
  List<Map<String, Object>> deliverables = List.of();
  /** keyword_contexts, in its order (a few per term or sector and visit). */
  List<Map<String, Object>> contexts = List.of();
  /** lexicon_gaps: the first few of each reason, language and sector, in the report's order. */
  List<Map<String, Object>> gaps = List.of();
  long deliverablesTotal;
  /** topic_model's row, or null. */
  Map<String, Object> topicModel;
  /** topics: the first {@link #TOPIC_TERMS} terms of each topic, by topic and rank. */
  List<Map<String, Object>> topicTerms = List.of();
  /** topic_shares: the compared visits' rows, by topic and role. */
  List<Map<String, Object>> topicShares = List.of();
  /** topic_sectors: each topic's sector of highest lift. */
  List<Map<String, Object>> topicSectors = List.of();

  /** Deliverables listed on the page at most. */
  static final int MAX_DELIVERABLES = 200;

  /** Notes on rows left out (a guard reached), shown on the page, in alphabetical order. */
  final List<String> truncated = java.util.Collections.synchronizedList(new ArrayList<>());

  private SummaryData() {}

  /** The columns the page needs of each report it shows, by report name. */
  static final List<String> CONTEXT_COLUMNS = List.of("kind", "language", "ngram", "term", "visit_id", "place",
      "doc_id", "left", "match", "right");
  static final List<String> GAP_COLUMNS = List.of("reason", "language", "sector", "candidate", "ngram", "count",
      "doc_freq", "score", "rejected_by_note", "evidence_doc_id", "evidence");
  static final List<String> TOPIC_MODEL_COLUMNS = List.of("status", "k", "documents", "min_documents");
  static final List<String> TOPIC_COLUMNS = List.of("topic", "rank", "term");
  static final List<String> TOPIC_SHARE_COLUMNS = List.of("visit_id", "topic", "documents", "share", "share_ci_low",
      "share_ci_high", "comparison_role", "delta_pp", "delta_pp_ci_low", "delta_pp_ci_high", "confidence");
  static final List<String> TOPIC_SECTOR_COLUMNS = List.of("topic", "rank", "sector", "lift");
  /** The terms the page quotes of each topic. */
  static final int TOPIC_TERMS = 6;
  /** The lexicon gap candidates the page lists per reason, language and sector. */
  static final int GAPS_PER_SECTOR = 3;
  static final Map<String, List<String>> NEEDED = orderedNeeds();

  private static Map<String, List<String>> orderedNeeds() {
    Map<String, List<String>> needed = new LinkedHashMap<>();
    needed.put(VisitsReport.NAME, VISITS_COLUMNS);
    needed.put(DocumentsReport.NAME, DOCUMENTS_COLUMNS);
    needed.put(RejectedDocumentsReport.NAME, REJECTED_COLUMNS);
    needed.put(SectorSummaryReport.NAME, SUMMARY_COLUMNS);
    needed.put(EmphasisComparisonReport.NAME, EMPHASIS_COLUMNS);
    needed.put(TopicCooccurrenceReport.NAME, COOCCURRENCE_COLUMNS);
    needed.put(CooccurrenceChangeReport.NAME, CHANGE_COLUMNS);
    needed.put(TermKeynessReport.NAME, KEYNESS_COLUMNS);
    needed.put(KeywordContextsReport.NAME, CONTEXT_COLUMNS);
    needed.put(LexiconGapsReport.NAME, GAP_COLUMNS);
    needed.put(TopicModelReport.NAME, TOPIC_MODEL_COLUMNS);
    needed.put(TopicsReport.NAME, TOPIC_COLUMNS);
    needed.put(TopicSharesReport.NAME, TOPIC_SHARE_COLUMNS);
    needed.put(TopicSectorsReport.NAME, TOPIC_SECTOR_COLUMNS);
    needed.put(SpeakerEmphasisReport.NAME, SPEAKER_COLUMNS);
    needed.put(DeliverablesReport.NAME, DELIVERABLE_COLUMNS);
    return java.util.Collections.unmodifiableMap(needed);
  }

  /**
   * Reads what the page shows from the Parquet reports under {@code dir/parquet} (a report directory written
   * earlier, perhaps by an older version): a report that is absent or lacks a column is recorded as unavailable.
   */
  static SummaryData read(SparkSession spark, Path dir) {
    Map<String, String> unavailable = new LinkedHashMap<>();
    Reader reader = new Reader(spark, dir, unavailable);
    Map<String, Dataset<Row>> reports = new LinkedHashMap<>();
    NEEDED.forEach((name, columns) -> {
      Dataset<Row> rows = reader.open(name, columns);
      if (rows != null) {
        reports.put(name, rows);
      }
    });
    return of(reports, unavailable);
  }

  /**
   * What the page shows, from the reports' rows as the analysis planned them (kept rows and small local relations,
   * not read back from disk): the reports that need nothing else read first, at once, then co-occurrence and
   * keyness, which follow the comparison and the visit order. A report missing from {@code reports} is unavailable.
   */
  static SummaryData of(Map<String, Dataset<Row>> reports) {
    return of(reports, Map.of());
  }

  private static SummaryData of(Map<String, Dataset<Row>> reports, Map<String, String> unavailable) {
    SummaryData d = new SummaryData();
    d.unavailable.putAll(unavailable);
    NEEDED.keySet().forEach(name -> {
      if (!reports.containsKey(name)) {
        d.unavailable.putIfAbsent(name, "is not available in this run");
      }
    });
    Dataset<Row> visits = reports.get(VisitsReport.NAME);
    Dataset<Row> documents = reports.get(DocumentsReport.NAME);
    Dataset<Row> rejected = reports.get(RejectedDocumentsReport.NAME);
    Dataset<Row> summary = reports.get(SectorSummaryReport.NAME);
    Dataset<Row> emphasis = reports.get(EmphasisComparisonReport.NAME);
    Dataset<Row> cooccurrence = reports.get(TopicCooccurrenceReport.NAME);
    Dataset<Row> keyness = reports.get(TermKeynessReport.NAME);
    Dataset<Row> change = reports.get(CooccurrenceChangeReport.NAME);
    Dataset<Row> speakers = reports.get(SpeakerEmphasisReport.NAME);
    Dataset<Row> deliverables = reports.get(DeliverablesReport.NAME);
    Dataset<Row> contexts = reports.get(KeywordContextsReport.NAME);
    Dataset<Row> gaps = reports.get(LexiconGapsReport.NAME);
    Dataset<Row> topicModel = reports.get(TopicModelReport.NAME);
    Dataset<Row> topics = reports.get(TopicsReport.NAME);
    Dataset<Row> topicShares = reports.get(TopicSharesReport.NAME);
    Dataset<Row> topicSectors = reports.get(TopicSectorsReport.NAME);

    Concurrently.run("page", () -> {
      if (visits != null) {
        d.visits = d.collect(VisitsReport.NAME, visits.orderBy(col("start_date"), col("visit_id")));
      }
    }, () -> d.readDocuments(documents, visits), () -> {
      if (rejected != null) {
        d.rejectedTotal = rejected.count();
        d.rejected = maps(rejected.orderBy(col("doc_id"), col("source_path")).limit(MAX_LISTED));
      }
    }, () -> {
      if (summary != null) {
        d.sectorSummary = d.collect(SectorSummaryReport.NAME, summary
            .where(col("language").equalTo(SectorSummaryReport.ALL_LANGUAGES))
            .orderBy(col("visit_id"), col("rank"), col("sector")));
        d.mentionsByLanguage = d.collect(SectorSummaryReport.NAME, summary
            .where(col("language").notEqual(SectorSummaryReport.ALL_LANGUAGES))
            .groupBy(col("visit_id"), col("language")).agg(sum(col("mentions")).as("mentions"))
            .orderBy(col("visit_id"), col("language")));
      }
    }, () -> {
      if (emphasis != null) {
        d.emphasis = d.collect(EmphasisComparisonReport.NAME, emphasis.orderBy(col("sector")));
      }
    }, () -> {
      if (change != null) {
        d.changes = maps(change.select(columns(CHANGE_COLUMNS))
            .orderBy(org.apache.spark.sql.functions.abs(col("delta_npmi")).desc(), col("window").desc(),
                col("sector_a"), col("sector_b"))
            .limit(TOP_CHANGES));
      }
    }, () -> {
      if (speakers != null) {
        d.speakers = d.collect(SpeakerEmphasisReport.NAME, speakers.select(columns(SPEAKER_COLUMNS))
            .orderBy(col("speaker"), org.apache.spark.sql.functions.abs(col("delta_pp")).desc_nulls_last(),
                col("sector")));
      }
    }, () -> {
      if (contexts != null) {
        d.contexts = d.collect(KeywordContextsReport.NAME, contexts.select(columns(CONTEXT_COLUMNS))
            .orderBy(java.util.Arrays.stream(KeywordContextsReport.REPORT.orderColumns()).map(c -> col(c))
                .toArray(org.apache.spark.sql.Column[]::new)));
      }
    }, () -> {
      if (gaps != null) {
        d.gaps = d.collect(LexiconGapsReport.NAME, gaps.select(columns(GAP_COLUMNS))
            .withColumn("place", org.apache.spark.sql.functions.row_number().over(
                org.apache.spark.sql.expressions.Window.partitionBy(col("reason"), col("language"), col("sector"))
                    .orderBy(col("score").desc(), col("candidate"))))
            .where(col("place").leq(GAPS_PER_SECTOR)).drop("place")
            .orderBy(col("sector").asc_nulls_last(), col("reason"), col("language"), col("score").desc(),
                col("candidate")));
      }
    }, () -> {
      if (topicModel != null) {
        List<Map<String, Object>> model = maps(topicModel.select(columns(TOPIC_MODEL_COLUMNS)).limit(1));
        d.topicModel = model.isEmpty() ? null : model.get(0);
      }
      if (topics != null) {
        d.topicTerms = d.collect(TopicsReport.NAME, topics.select(columns(TOPIC_COLUMNS))
            .where(col("rank").leq(TOPIC_TERMS)).orderBy(col("topic"), col("rank")));
      }
      if (topicShares != null) {
        d.topicShares = d.collect(TopicSharesReport.NAME, topicShares.select(columns(TOPIC_SHARE_COLUMNS))
            .where(col("comparison_role").isNotNull()).orderBy(col("topic"), col("comparison_role")));
      }
      if (topicSectors != null) {
        d.topicSectors = d.collect(TopicSectorsReport.NAME, topicSectors.select(columns(TOPIC_SECTOR_COLUMNS))
            .where(col("rank").equalTo(1)).orderBy(col("topic")));
      }
    }, () -> {
      if (deliverables != null) {
        d.deliverablesTotal = deliverables.count();
        d.deliverables = maps(deliverables.select(columns(DELIVERABLE_COLUMNS))
            .orderBy(col("visit_id").asc_nulls_last(), col("kind"), col("doc_id"), col("begin"))
            .limit(MAX_DELIVERABLES));
      }
    });
    Concurrently.run("page", () -> d.readCooccurrence(cooccurrence), () -> d.readKeyness(keyness));
    d.truncated.sort(null); // the notes in one order whichever read finished first
    return d;
  }

  /** The visit ids in display order: the visits report's, then any other visit the reports name. */
  List<String> visitOrder() {
    Set<String> ids = new LinkedHashSet<>();
    visits.forEach(v -> ids.add(str(v.get("visit_id"))));
    Set<String> others = new java.util.TreeSet<>();
    sectorSummary.forEach(r -> others.add(str(r.get("visit_id"))));
    emphasis.forEach(r -> {
      others.add(str(r.get("visit_a")));
      others.add(str(r.get("visit_b")));
    });
    others.removeAll(ids);
    ids.addAll(others);
    ids.remove("");
    return new ArrayList<>(ids);
  }

  /** The visits row of an id, or null. */
  Map<String, Object> visit(String id) {
    return visits.stream().filter(v -> id != null && id.equals(v.get("visit_id"))).findFirst().orElse(null);
  }

  private void readDocuments(Dataset<Row> documents, Dataset<Row> visits) {
    if (documents == null) {
      return;
    }
    Column unassigned = col("visit_id").isNull().or(col("visit_id").equalTo(""));
    Row totals = documents.agg(count(lit(1)), sum(when(unassigned, 1).otherwise(0)),
        sum(col("n_paragraphs")), sum(col("n_duplicate_paragraphs")),
        sum(when(col("n_duplicate_paragraphs").gt(0), 1).otherwise(0))).first();
    documentsTotal = totals.getLong(0);
    unassignedTotal = longOr0(totals.get(1));
    paragraphsTotal = longOr0(totals.get(2));
    duplicateParagraphsTotal = longOr0(totals.get(3));
    documentsWithDuplicates = longOr0(totals.get(4));

    Dataset<Row> ordered = visits == null
        ? documents.orderBy(col("visit_id").asc_nulls_last(), col("published_date").asc_nulls_last(), col("doc_id"))
        : documents.join(visits.select(col("visit_id").as("_visit_id"), col("start_date").as("_visit_start")),
                col("visit_id").equalTo(col("_visit_id")), "left")
            .orderBy(col("_visit_start").asc_nulls_last(), col("visit_id").asc_nulls_last(),
                col("published_date").asc_nulls_last(), col("doc_id"));
    this.documents = maps(ordered.select(columns(DOCUMENTS_COLUMNS)).limit(MAX_DOCUMENTS));
    this.unassigned = maps(documents.where(unassigned).orderBy(col("doc_id")).select(columns(DOCUMENTS_COLUMNS))
        .limit(MAX_LISTED));
    // Bounded by the catalogue times the languages detected.
    this.coverage = maps(documents.groupBy(col("visit_id"), col("language")).agg(count(lit(1)).as("n_documents"))
        .orderBy(col("visit_id").asc_nulls_last(), col("language")).limit(MAX_ROWS));
    this.withDuplicates = maps(documents.where(col("n_duplicate_paragraphs").gt(0))
        .orderBy(col("n_duplicate_paragraphs").desc(), col("doc_id")).select(columns(DOCUMENTS_COLUMNS))
        .limit(MAX_LISTED));
  }

  private void readCooccurrence(Dataset<Row> cooccurrence) {
    if (cooccurrence == null) {
      return;
    }
    List<String> scopes = new ArrayList<>();
    Set<String> present = new java.util.TreeSet<>();
    cooccurrence.select(col("scope")).distinct().limit(MAX_ROWS + 1).collectAsList().forEach(r -> present.add(str(r.get(0))));
    List<String> order = visitOrder();
    // The compared visits first, then the others in visit order, then any scope the visits do not name.
    List<String> preferred = new ArrayList<>();
    if (!emphasis.isEmpty()) {
      preferred.add(str(emphasis.get(0).get("visit_a")));
      preferred.add(str(emphasis.get(0).get("visit_b")));
    }
    preferred.addAll(order);
    preferred.addAll(present);
    for (String s : preferred) {
      if (present.contains(s) && !scopes.contains(s) && !"all".equals(s)) {
        scopes.add(s);
      }
    }
    List<String> shown = new ArrayList<>(scopes.subList(0, Math.min(MAX_HEATMAPS, scopes.size())));
    scopesWithoutHeatmap = scopes.subList(shown.size(), scopes.size());
    if (present.contains("all")) {
      shown.add("all");
    }
    // Back to display order: visits in catalogue order, "all" last.
    shown.sort(java.util.Comparator.comparingInt(s -> "all".equals(s) ? Integer.MAX_VALUE
        : order.contains(s) ? order.indexOf(s) : order.size()));
    heatmapScopes = shown;
    this.cooccurrence = collect(TopicCooccurrenceReport.NAME, cooccurrence.where(col("scope").isin(shown.toArray()))
        .orderBy(col("scope"), col("window"), col("sector_a"), col("sector_b")));
  }

  private void readKeyness(Dataset<Row> rows) {
    if (rows == null) {
      return;
    }
    // Up to four queries read the keyness rows (the pair's presence, the first pair, the terms of each side): they
    // are computed once for the page (from the per-visit counts: joins and a window for the q-values), not each time.
    Dataset<Row> keyness = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      readKeynessOf(keyness);
    } finally {
      keyness.unpersist();
    }
  }

  private void readKeynessOf(Dataset<Row> keyness) {
    String a = null;
    String b = null;
    if (!emphasis.isEmpty()) {
      a = str(emphasis.get(0).get("visit_a"));
      b = str(emphasis.get(0).get("visit_b"));
      if (keyness.where(col("visit_a").equalTo(a).and(col("visit_b").equalTo(b))).limit(1).count() == 0) {
        a = null;
      }
    }
    if (a == null) {
      List<Row> pairs = keyness.select(col("visit_a"), col("visit_b")).distinct()
          .orderBy(col("visit_a"), col("visit_b")).limit(1).collectAsList();
      if (pairs.isEmpty()) {
        return;
      }
      a = pairs.get(0).getString(0);
      b = pairs.get(0).getString(1);
    }
    keynessA = a;
    keynessB = b;
    Dataset<Row> pair = keyness.where(col("visit_a").equalTo(a).and(col("visit_b").equalTo(b))
        .and(col("z_score").isNotNull()).and(col("z_score").isNaN().unary_$bang()));
    termsB = maps(pair.where(col("z_score").gt(0)).orderBy(col("z_score").desc(), col("term")).limit(TOP_TERMS));
    termsA = maps(pair.where(col("z_score").lt(0)).orderBy(col("z_score").asc(), col("term")).limit(TOP_TERMS));
  }

  private List<Map<String, Object>> collect(String report, Dataset<Row> rows) {
    List<Map<String, Object>> maps = maps(rows.limit(MAX_ROWS + 1));
    if (maps.size() > MAX_ROWS) {
      truncated.add(report + ": only the first " + MAX_ROWS + " rows are shown");
      return maps.subList(0, MAX_ROWS);
    }
    return maps;
  }

  private static List<Map<String, Object>> maps(Dataset<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    String[] names = rows.columns();
    for (Row r : rows.collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], plain(r.get(i)));
      }
      out.add(m);
    }
    return out;
  }

  /** Dates as ISO text, non-finite numbers as null: what JSON and the page can show. */
  static Object plain(Object v) {
    if (v instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (v instanceof LocalDate || v instanceof TemporalAccessor || v instanceof java.util.Date) {
      return v.toString();
    }
    if (v instanceof Double x && !Double.isFinite(x)) {
      return null;
    }
    if (v instanceof Float x && !Float.isFinite(x)) {
      return null;
    }
    return v;
  }

  static String str(Object v) {
    return v == null ? "" : v.toString();
  }

  private static long longOr0(Object v) {
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }

  /** Opens reports, recording why one cannot be used. */
  private static final class Reader {
    private final SparkSession spark;
    private final Path parquet;
    private final FileSystem fs;
    private final Map<String, String> unavailable;

    Reader(SparkSession spark, Path dir, Map<String, String> unavailable) {
      this.spark = spark;
      this.parquet = new Path(dir, "parquet");
      this.unavailable = unavailable;
      try {
        this.fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The report's rows, or null (with the reason recorded) when it is absent or lacks a needed column. */
    Dataset<Row> open(String report, List<String> needed) {
      Path path = new Path(parquet, report);
      java.util.Optional<org.apache.spark.sql.types.StructType> schema;
      try {
        FileStatus[] files = fs.exists(path) ? fs.globStatus(new Path(path, "*.parquet")) : null;
        if (files == null || files.length == 0) {
          unavailable.put(report, "is not available in this run");
          return null;
        }
        schema = ParquetFooter.sparkSchema(fs.getConf(), files[0].getPath());
      } catch (IOException | RuntimeException e) {
        unavailable.put(report, "cannot be read (" + e.getMessage() + ")");
        return null;
      }
      // A report's files share the schema its write gave them; without Spark's own in the footer, Spark infers it.
      Dataset<Row> rows = schema.isPresent() ? spark.read().schema(schema.get()).parquet(path.toString())
          : spark.read().parquet(path.toString());
      Set<String> have = new LinkedHashSet<>(Arrays.asList(rows.columns()));
      List<String> missing = needed.stream().filter(c -> !have.contains(c)).toList();
      if (!missing.isEmpty()) {
        unavailable.put(report, "lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        return null;
      }
      return rows;
    }
  }
}
