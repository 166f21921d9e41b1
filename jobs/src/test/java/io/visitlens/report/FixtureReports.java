package io.visitlens.report;

import io.visitlens.io.ReportWriter;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A small report directory for tests of what reads the reports: every report of the catalogue as Parquet and
 * CSV with the contract's column names and types, three visits (belgrade-2024 → astana-2026 compared, tashkent-2025 in
 * between), and hostile text in a document title, a sector and a term.
 *
 * <p>The comparison: energy rising (z = +2.41), tourism new (+2.05), trade falling (−3.10), defence industry
 * dropped (−2.20), {@link #HOSTILE_SECTOR} stable (+0.52); space is in the lexicon but never mentioned.
 */
public final class FixtureReports {
  public static final String HOSTILE_TITLE = "<script>alert(\"title\")</script>";
  public static final String HOSTILE_SECTOR = "arts & <b>crafts</b>";
  public static final String HOSTILE_TERM = "<img src=x onerror=alert(1)>";

  public static final List<String> ALL = List.of("documents", "visits", "rejected_documents", "sector_mentions",
      "sector_summary", "topic_cooccurrence", "cooccurrence_change", "emphasis_comparison", "term_keyness",
      "keyword_contexts", "lexicon_gaps", "topic_model", "topics", "topic_shares", "topic_sectors", "statements",
      "speaker_emphasis", "deliverables");

  private final SparkSession spark;
  private final Path dir;

  public FixtureReports(SparkSession spark, Path dir) {
    this.spark = spark;
    this.dir = dir;
  }

  /** Writes every report. */
  public FixtureReports all() {
    for (String report : ALL) {
      write(report);
    }
    return this;
  }

  /** Writes the named reports only. */
  public FixtureReports only(String... reports) {
    for (String report : reports) {
      write(report);
    }
    return this;
  }

  public Path dir() {
    return dir;
  }

  public org.apache.hadoop.fs.Path hadoopDir() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  public void write(String report) {
    switch (report) {
      case "visits" -> write(report, VISITS, visits());
      case "documents" -> write(report, DOCUMENTS, documents());
      case "rejected_documents" -> write(report, REJECTED, List.of(
          RowFactory.create("bad", "file:/corpus/bad.bin", "binary file (NUL bytes)", "binary")));
      case "sector_summary" -> write(report, SECTOR_SUMMARY, sectorSummary());
      case "emphasis_comparison" -> write(report, EMPHASIS, emphasis());
      case "topic_cooccurrence" -> write(report, COOCCURRENCE, cooccurrence());
      case "cooccurrence_change" -> write(report, CHANGE, change());
      case "term_keyness" -> write(report, KEYNESS, keyness());
      case "sector_mentions" -> write(report, MENTIONS, mentions());
      case "lexicon_gaps" -> write(report, LexiconGapsReport.REPORT.schema(), List.of(
          RowFactory.create("association", "en", "energy", "pipeline", 1, 4L, 3L, 6.2, false, "003",
              "Energy flows through the new pipeline."),
          RowFactory.create("association", "en", "energy", "grid", 1, 3L, 2L, 4.0, false, "001",
              "The grid was discussed."),
          RowFactory.create("association", "en", "energy", "storage", 1, 3L, 3L, 3.1, false, "002", "Storage next."),
          RowFactory.create("association", "en", "energy", "smart meters", 2, 3L, 1L, 1.5, false, "002",
              "Smart meters too."),
          RowFactory.create("enumeration", "en", "space", "space", 1, 1L, 1L, 1.0, true, "002",
              "Work in IT, space and tourism.")));
      case "topic_model" -> write(report, TopicModelReport.REPORT.schema(), List.of(
          RowFactory.create("fitted", null, 2, 40L, 200, 120, 3, 0.5, 2, 15, 1.0, 4.0, 5L)));
      case "topics" -> write(report, TopicsReport.REPORT.schema(), List.of(
          RowFactory.create(0, "pipeline · gas · oil", 1, "pipeline", 1, 0.08),
          RowFactory.create(0, "pipeline · gas · oil", 2, "gas", 1, 0.06),
          RowFactory.create(0, "pipeline · gas · oil", 3, "oil", 1, 0.05),
          RowFactory.create(1, HOSTILE_TERM + " · wheat · grain", 1, HOSTILE_TERM, 1, 0.07),
          RowFactory.create(1, HOSTILE_TERM + " · wheat · grain", 2, "wheat", 1, 0.06),
          RowFactory.create(1, HOSTILE_TERM + " · wheat · grain", 3, "grain", 1, 0.04)));
      case "topic_shares" -> write(report, TopicSharesReport.REPORT.schema(), List.of(
          RowFactory.create(A, 0, "pipeline · gas · oil", 20L, 0.7, 0.6, 0.8, "a", null, null, null, null, null, 0.95),
          RowFactory.create(A, 1, HOSTILE_TERM + " · wheat · grain", 20L, 0.3, 0.2, 0.4, "a", null, null, null, null,
              null, 0.95),
          RowFactory.create(B, 0, "pipeline · gas · oil", 18L, 0.4, 0.3, 0.5, "b", A, -30.0, -45.0, -15.0, 0.002, 0.95),
          RowFactory.create(B, 1, HOSTILE_TERM + " · wheat · grain", 18L, 0.6, 0.5, 0.7, "b", A, 30.0, 15.0, 45.0,
              0.002, 0.95)));
      case "topic_sectors" -> write(report, TopicSectorsReport.REPORT.schema(), List.of(
          RowFactory.create(0, "pipeline · gas · oil", 1, "energy", 0.9, 0.5, 1.8, 20L, 12.5),
          RowFactory.create(0, "pipeline · gas · oil", 2, HOSTILE_SECTOR, 0.2, 0.25, 0.8, 10L, 2.8),
          RowFactory.create(1, HOSTILE_TERM + " · wheat · grain", 1, HOSTILE_SECTOR, 0.45, 0.25, 1.8, 10L, 7.2),
          RowFactory.create(1, HOSTILE_TERM + " · wheat · grain", 2, "energy", 0.1, 0.5, 0.2, 20L, 1.6)));
      case "keyword_contexts" -> write(report, KeywordContextsReport.REPORT.schema(), List.of(
          RowFactory.create("sector", "en", null, "energy", B, 1, "001", 0, 0, 6, "", "Energy", "was first on the"),
          RowFactory.create("term", "en", 1, "astana", B, 1, "001", 1, 40, 46, "The talks in", "Astana", "went well ."),
          RowFactory.create("term", "en", 1, "astana", B, 2, "003", 2, 10, 16, "Back in", "Astana", HOSTILE_TERM),
          RowFactory.create("term", "en", 1, "belgrade", A, 1, "002", 0, 5, 13, "In", "Belgrade", "the leaders met")));
      case "statements" -> write(report, StatementsReport.REPORT.schema(), List.of(
          RowFactory.create("001", B, "en", 0, 0, 31, "Leader B", "guest_leader", "the B leader", "said", "quote",
              "Energy was first on the agenda", "energy", 1),
          RowFactory.create("002", A, "en", 3, 40, 62, "Leader A", "host_leader", "He", "noted", "reported",
              "trade reached a record", "trade", 1)));
      case "speaker_emphasis" -> write(report, SpeakerEmphasisReport.REPORT.schema(), List.of(
          RowFactory.create("Leader A", "energy", A, B, "host_leader", "guest_leader", 3L, 4L, 1L, 5L, 4L, 8L, 0.25,
              0.625, 37.5, 0.6, 3.0, 0.9, 1.1, "stable"),
          RowFactory.create("Leader A", "trade", A, B, "host_leader", "guest_leader", 3L, 4L, 3L, 3L, 4L, 8L, 0.75,
              0.375, -37.5, 0.6, 3.0, -0.9, -1.1, "stable"),
          RowFactory.create("Leader B", "trade", A, B, "guest_leader", null, 2L, 0L, 1L, 0L, 1L, 0L, 1.0, null, null,
              0.6, 3.0, null, null, "silent_in_b")));
      case "deliverables" -> write(report, DeliverablesReport.REPORT.schema(), List.of(
          RowFactory.create("001", B, "en", 2, 50, 70, "agreement", 10.0, "documents", null, "ten documents", "energy",
              "done", "The presidents signed ten documents."),
          RowFactory.create("002", A, "en", 4, 80, 95, "amount", 1.5e9, "billion", "USD", "$1.5 billion", null,
              "planned", "Investment will reach $1.5 billion.")));
      default -> throw new IllegalArgumentException(report);
    }
  }

  /** Writes rows with a schema as a report, Parquet and CSV, as a run does (with {@link ReportWriter}). */
  public void write(String report, StructType schema, List<Row> rows) {
    new ReportWriter(spark, hadoopDir()).write(report, spark.createDataFrame(rows, schema).coalesce(1),
        schema.fieldNames()[0]);
  }

  // ------------------------------------------------------------------------------------------ schemas
  // The report classes' own: a fixture never declares a report's columns again.

  public static final StructType VISITS = VisitsReport.REPORT.schema();
  public static final StructType DOCUMENTS = DocumentsReport.REPORT.schema();
  public static final StructType REJECTED = RejectedDocumentsReport.REPORT.schema();
  public static final StructType SECTOR_SUMMARY = SectorSummaryReport.REPORT.schema();
  public static final StructType COOCCURRENCE = TopicCooccurrenceReport.REPORT.schema();
  public static final StructType CHANGE = CooccurrenceChangeReport.REPORT.schema();
  public static final StructType EMPHASIS = EmphasisComparisonReport.REPORT.schema();
  public static final StructType MENTIONS = SectorMentionsReport.REPORT.schema();
  public static final StructType KEYNESS = TermKeynessReport.REPORT.schema();

  // ------------------------------------------------------------------------------------------ rows

  static final String A = "belgrade-2024";
  static final String MID = "tashkent-2025";
  static final String B = "astana-2026";

  private static List<Row> visits() {
    return List.of(
        RowFactory.create(A, "Tokayev in Belgrade", date("2024-11-18"), date("2024-11-19"), "Belgrade", "Serbia", 2, 1000L),
        RowFactory.create(MID, "Mirziyoyev in Tashkent", date("2025-06-01"), date("2025-06-02"), "Tashkent",
            "Uzbekistan", 0, 0L),
        RowFactory.create(B, "Vučić in Astana", date("2026-02-26"), date("2026-02-27"), "Astana", "Kazakhstan", 2, 1200L));
  }

  private static List<Row> documents() {
    return List.of(
        RowFactory.create("001", "file:/corpus/001.txt", "", "en", date("2026-02-27"), "header", B,
            "dated 2026-02-27 (header), within astana-2026", null, null, null, 6, 0, 20, 600, null, List.of(), null),
        RowFactory.create("002", "file:/corpus/002.txt", HOSTILE_TITLE, "sr-Latn", date("2024-11-18"), "header", A,
            "dated 2024-11-18 (header), within belgrade-2024", null, null, null, 8, 0, 25, 700,
            "invalid UTF-8: decoded with replacement characters", List.of("invalid_utf8"), null),
        RowFactory.create("003", "file:/corpus/003.txt", "", "ru", date("2026-02-27"), "text", B,
            "in-text date Feb. 27 and Vučić", 6, A, 1, 5, 0, 18, 600, "invalid header date 2026-13-45 ignored",
            List.of("invalid_date"), null),
        RowFactory.create("004", "file:/corpus/004.txt", "", "en", date("2024-11-19"), "header", A,
            "dated 2024-11-19 (header), within belgrade-2024", null, null, null, 9, 5, 10, 300, null, List.of(), null),
        RowFactory.create("009", "file:/corpus/009.txt", "", "und", null, "none", null,
            "no visit: no date and no host city", null, null, null, 3, 0, 7, 150, null, List.of(), null));
  }

  private static final String[] SECTORS = {"energy", "trade", "tourism", "defence industry", HOSTILE_SECTOR, "space"};

  private static List<Row> sectorSummary() {
    List<Row> rows = new ArrayList<>();
    summary(rows, A, "all", new long[] {5, 10, 0, 3, 2, 0}, 1000);
    summary(rows, A, "en", new long[] {2, 5, 0, 1, 1, 0}, 500);
    summary(rows, A, "sr-Latn", new long[] {3, 5, 0, 2, 1, 0}, 500);
    summary(rows, MID, "all", new long[] {2, 3, 0, 0, 0, 0}, 300);
    summary(rows, B, "all", new long[] {12, 9, 4, 0, 5, 0}, 1200);
    summary(rows, B, "en", new long[] {6, 4, 2, 0, 2, 0}, 600);
    summary(rows, B, "ru", new long[] {6, 5, 2, 0, 3, 0}, 600);
    return rows;
  }

  private static void summary(List<Row> rows, String visit, String language, long[] mentions, long tokens) {
    long total = 0;
    for (long m : mentions) {
      total += m;
    }
    for (int i = 0; i < SECTORS.length; i++) {
      int rank = 1;
      for (long m : mentions) {
        rank += m > mentions[i] ? 1 : 0;
      }
      long docs = Math.min(2, mentions[i]);
      rows.add(RowFactory.create(visit, language, SECTORS[i], mentions[i], docs, docs / 2.0,
          total == 0 ? 0.0 : mentions[i] / (double) total, mentions[i] * 10_000.0 / tokens, rank));
    }
  }

  private static List<Row> emphasis() {
    return List.of(
        emphasis("energy", 5, 12, 2.41, "rising"),
        emphasis("tourism", 0, 4, 2.05, "new"),
        emphasis("trade", 10, 9, -3.10, "falling"),
        emphasis("defence industry", 3, 0, -2.20, "dropped"),
        emphasis(HOSTILE_SECTOR, 2, 5, 0.52, "stable"));
  }

  private static Row emphasis(String sector, long a, long b, double z, String trend) {
    double shareA = a / 20.0;
    double shareB = b / 30.0;
    double delta = (shareB - shareA) * 100;
    // An interval 14 pp either side of the change: clear of zero for the larger changes only.
    return RowFactory.create(sector, A, B, a, b, 20L, 30L, shareA, shareB, delta, a / 2.0,
        Math.min(b, 2) / 2.0, 1.0, 8.0, z / 4, z, trend, Math.max(0, shareA - 0.1), shareA + 0.1,
        Math.max(0, shareB - 0.1), shareB + 0.1, delta - 14, delta + 14, Math.abs(delta) > 14 ? 0.01 : 0.4, 2L, 2L,
        0.95);
  }

  private static List<Row> cooccurrence() {
    List<Row> rows = new ArrayList<>();
    for (String scope : List.of(A, B, "all")) {
      rows.add(pair(scope, "sentence", "energy", "trade", 3, 8, 12, 60, 0.31));
      rows.add(pair(scope, "sentence", "energy", "tourism", 0, 8, 2, 60, -1.0));
      rows.add(pair(scope, "sentence", "tourism", "trade", 1, 2, 12, 60, 0.12));
      rows.add(pair(scope, "document", "energy", "trade", 2, 2, 2, 2, 1.0));
      rows.add(pair(scope, "document", HOSTILE_SECTOR, "energy", 1, 1, 2, 2, null));
    }
    return rows;
  }

  private static Row pair(String scope, String window, String a, String b, long co, long na, long nb, long n,
      Double npmi) {
    return RowFactory.create(scope, window, a, b, co, na, nb, n, co / (double) (na + nb - co), 0.5, npmi);
  }

  /** The change of three pairs: energy and trade drift apart, tourism joins energy, crafts unchanged. */
  private static List<Row> change() {
    return List.of(
        change("sentence", "energy", "trade", 4, 2, 8, 6, 12, 10, 0.001, 0.004),
        change("sentence", "energy", "tourism", 0, 3, 8, 0, 12, 4, 0.02, 0.03),
        change("document", HOSTILE_SECTOR, "energy", 1, 1, 1, 2, 2, 2, 1.0, 1.0));
  }

  private static Row change(String window, String a, String b, long coA, long coB, long aA, long bA, long aB, long bB,
      double p, double q) {
    long nA = 60;
    long nB = 60;
    double npmiA = aA == 0 || bA == 0 ? -1.0 : io.visitlens.stats.Association.npmi(coA, aA, bA, nA);
    double npmiB = aB == 0 || bB == 0 ? -1.0 : io.visitlens.stats.Association.npmi(coB, aB, bB, nB);
    return RowFactory.create(window, a, b, A, B, npmiA, npmiB, npmiB - npmiA, coA, coB, aA, bA, aB, bB, nA, nB, p, q,
        1000L, false);
  }

  private static List<Row> keyness() {
    return List.of(
        term("astana", 1, 0, 9, 4.10),
        term("lithium", 1, 0, 5, 3.20),
        term("critical minerals", 2, 0, 4, 2.50),
        term(HOSTILE_TERM, 1, 0, 2, 1.10),
        term("neutral", 1, 3, 3, 0.0),
        term("undefined", 1, 0, 0, null),
        term("wheat", 1, 4, 0, -2.10),
        term("belgrade", 1, 8, 0, -4.00));
  }

  private static Row term(String term, int ngram, long a, long b, Double z) {
    return RowFactory.create("en", term, ngram, A, B, a, b, 1000L, 1200L, 0.5, 100.0, z == null ? null : z / 3, z,
        z == null ? null : z * 2, z == null ? null : z / 2, 0.01, z == null ? null : Math.min(1.0, 0.5 / (1 + Math.abs(z))),
        z == null ? null : z / 2 - 1, z == null ? null : z / 2 + 1, 2L, 2L);
  }

  private static List<Row> mentions() {
    return List.of(
        RowFactory.create("001", B, "en", 0, "energy", "energy", "energy", 10, 16, "Energy was first on the agenda."),
        RowFactory.create("001", B, "en", 1, "tourism", "tourism", "tourism", 30, 37, "Tourism will grow."),
        RowFactory.create("002", A, "sr-Latn", 0, "trade", "trade", "trade", 0, 5, "Trade reached a record."),
        RowFactory.create("009", null, "und", 0, "trade", "trade", "trade", 0, 5, "Trade is unassigned here."));
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static Date date(String iso) {
    return Date.valueOf(iso);
  }
}
