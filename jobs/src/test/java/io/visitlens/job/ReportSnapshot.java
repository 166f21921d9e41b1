package io.visitlens.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Recorded reports, and the comparison of a run's reports with them that names what differs: the report, the row
 * (by its key columns) and the column, with both values.
 *
 * <p>A snapshot is a directory of {@code <report>.csv.gz}, each the run's {@code csv/<report>.csv} without
 * {@code source_path} (it names where the corpus was when the run read it). Record one (only when a report is meant
 * to change, saying which rows changed and why in the commit) with
 * <pre>java -cp "jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt)" \
 *   io.visitlens.job.ReportSnapshot REPORTS_DIR SNAPSHOT_DIR</pre>
 */
public final class ReportSnapshot {

  /**
   * The columns that identify a row of each report (its sort order's leading columns, enough to be unique). A row
   * whose key repeats is told apart by its occurrence ({@code #2}, …). A report the run writes that is not listed
   * here is a failure: add its key when a report is added.
   */
  static final Map<String, List<String>> KEYS = Map.ofEntries(
      Map.entry("documents", List.of("doc_id")),
      Map.entry("visits", List.of("visit_id")),
      Map.entry("rejected_documents", List.of("doc_id", "reason")),
      Map.entry("sector_mentions", List.of("doc_id", "begin", "end", "sector")),
      Map.entry("sector_summary", List.of("visit_id", "language", "sector")),
      Map.entry("topic_cooccurrence", List.of("scope", "window", "sector_a", "sector_b")),
      Map.entry("emphasis_comparison", List.of("sector")),
      Map.entry("cooccurrence_change", List.of("window", "sector_a", "sector_b")),
      Map.entry("term_frequencies", List.of("scope", "scope_id", "language", "ngram", "term")),
      Map.entry("term_keyness", List.of("language", "ngram", "term")),
      Map.entry("keyword_contexts", List.of("kind", "language", "ngram", "term", "visit_id", "place")),
      Map.entry("lexicon_gaps", List.of("reason", "language", "sector", "candidate")),
      Map.entry("topic_model", List.of("status")),
      Map.entry("topics", List.of("topic", "rank")),
      Map.entry("topic_shares", List.of("visit_id", "topic")),
      Map.entry("topic_sectors", List.of("topic", "rank")),
      Map.entry("statements", List.of("doc_id", "begin", "speaker")),
      Map.entry("speaker_emphasis", List.of("speaker", "sector")),
      Map.entry("deliverables", List.of("doc_id", "begin", "kind")));

  /** Differences listed in a failure message at most; the counts cover them all. */
  static final int MAX_LISTED = 25;

  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();

  private ReportSnapshot() {}

  public static void main(String[] args) throws IOException {
    record(Path.of(args[0]), Path.of(args[1]));
  }

  /** Writes the snapshot of a report directory's {@code csv/} into {@code snapshot} (replacing its files). */
  public static void record(Path reports, Path snapshot) throws IOException {
    Files.createDirectories(snapshot);
    for (Path csv : csvFiles(reports)) {
      Table t = read(Files.newInputStream(csv), false);
      Path out = snapshot.resolve(name(csv) + ".csv.gz");
      try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8);
          CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build())) {
        p.printRecord(t.columns);
        for (List<String> row : t.rows) {
          p.printRecord(row);
        }
      }
    }
  }

  /**
   * What differs between the recorded {@code snapshot} and the run's {@code reports}: one line per difference (a
   * missing or extra report, column or row, a changed value, rows out of order), empty when they agree. A column the
   * run has and the snapshot has not (a new column) is not a difference.
   */
  public static List<String> compare(Path snapshot, Path reports) throws IOException {
    List<String> out = new ArrayList<>();
    Map<String, Path> recorded = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(snapshot)) {
      s.filter(p -> p.getFileName().toString().endsWith(".csv.gz")).sorted()
          .forEach(p -> recorded.put(p.getFileName().toString().replaceFirst("\\.csv\\.gz$", ""), p));
    }
    Map<String, Path> written = new LinkedHashMap<>();
    for (Path csv : csvFiles(reports)) {
      written.put(name(csv), csv);
    }
    for (String report : new TreeSet<>(written.keySet())) {
      if (!recorded.containsKey(report)) {
        out.add(report + ": written by the run but not in the snapshot (record one, and add its key to KEYS)");
      }
    }
    for (Map.Entry<String, Path> e : recorded.entrySet()) {
      String report = e.getKey();
      if (!written.containsKey(report)) {
        out.add(report + ": in the snapshot but not written by the run");
        continue;
      }
      List<String> key = KEYS.get(report);
      if (key == null) {
        out.add(report + ": no key columns in ReportSnapshot.KEYS");
        continue;
      }
      compareTable(report, key, read(Files.newInputStream(e.getValue()), true),
          read(Files.newInputStream(written.get(report)), false), out);
    }
    return out;
  }

  private static void compareTable(String report, List<String> key, Table expected, Table actual, List<String> out) {
    List<String> columns = expected.columns;
    for (String c : columns) {
      if (!actual.columns.contains(c)) {
        out.add(report + ": column " + c + " is missing");
        return;
      }
    }
    if (expected.rows.size() != actual.rows.size()) {
      out.add(report + ": " + actual.rows.size() + " rows, expected " + expected.rows.size());
    }
    Map<String, List<String>> byKeyExpected = keyed(report, key, expected, columns, out);
    Map<String, List<String>> byKeyActual = keyed(report, key, actual, columns, out);
    for (String k : byKeyExpected.keySet()) {
      List<String> a = byKeyActual.get(k);
      if (a == null) {
        out.add(report + " [" + k + "]: row missing");
        continue;
      }
      List<String> x = byKeyExpected.get(k);
      for (int i = 0; i < columns.size(); i++) {
        if (!x.get(i).equals(a.get(i))) {
          out.add(report + " [" + k + "] " + columns.get(i) + ": expected '" + x.get(i) + "', was '" + a.get(i) + "'");
        }
      }
    }
    for (String k : byKeyActual.keySet()) {
      if (!byKeyExpected.containsKey(k)) {
        out.add(report + " [" + k + "]: row not in the snapshot");
      }
    }
    List<String> orderExpected = new ArrayList<>(byKeyExpected.keySet());
    List<String> orderActual = new ArrayList<>(byKeyActual.keySet());
    orderExpected.retainAll(byKeyActual.keySet());
    orderActual.retainAll(byKeyExpected.keySet());
    for (int i = 0; i < orderExpected.size(); i++) {
      if (!orderExpected.get(i).equals(orderActual.get(i))) {
        out.add(report + ": rows out of order: expected [" + orderExpected.get(i) + "] at its place, found ["
            + orderActual.get(i) + "]");
        break;
      }
    }
  }

  /** The rows by key, in file order, restricted to {@code columns}; a repeated key gets {@code #n}. */
  private static Map<String, List<String>> keyed(String report, List<String> key, Table t, List<String> columns,
      List<String> out) {
    int[] keyAt = new int[key.size()];
    for (int i = 0; i < key.size(); i++) {
      keyAt[i] = t.columns.indexOf(key.get(i));
      if (keyAt[i] < 0) {
        out.add(report + ": key column " + key.get(i) + " is missing");
        return Map.of();
      }
    }
    int[] at = columns.stream().mapToInt(t.columns::indexOf).toArray();
    Map<String, List<String>> rows = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (List<String> row : t.rows) {
      StringBuilder k = new StringBuilder();
      for (int i = 0; i < keyAt.length; i++) {
        k.append(i == 0 ? "" : ", ").append(key.get(i)).append('=').append(row.get(keyAt[i]));
      }
      int n = seen.merge(k.toString(), 1, Integer::sum);
      if (n > 1) {
        k.append(" #").append(n);
      }
      List<String> values = new ArrayList<>(at.length);
      for (int i : at) {
        values.add(row.get(i));
      }
      rows.put(k.toString(), values);
    }
    return rows;
  }

  /** A CSV table: its columns (without {@code source_path}) and rows. */
  private record Table(List<String> columns, List<List<String>> rows) {}

  private static Table read(InputStream in, boolean gzipped) throws IOException {
    try (Reader r = new InputStreamReader(gzipped ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, READ)) {
      List<String> header = parser.getHeaderNames();
      List<Integer> kept = new ArrayList<>();
      List<String> columns = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (!header.get(i).equals("source_path")) {
          kept.add(i);
          columns.add(header.get(i));
        }
      }
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        List<String> row = new ArrayList<>(kept.size());
        for (int i : kept) {
          row.add(record.get(i));
        }
        rows.add(row);
      }
      return new Table(columns, rows);
    }
  }

  private static List<Path> csvFiles(Path reports) throws IOException {
    try (Stream<Path> s = Files.list(reports.resolve("csv"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static String name(Path csv) {
    return csv.getFileName().toString().replaceFirst("\\.csv$", "");
  }
}
