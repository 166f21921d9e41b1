package io.visitlens.job;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A fingerprint of every CSV report of a run: per report, its columns, its row count and the SHA-256 of its rows
 * in file order, restricted to the recorded columns (a column added later does not change the fingerprint of
 * the others). {@code source_path} is left out: it names where the corpus was when the run read it. The baseline files under {@code src/test/resources/io/visitlens/job/baseline/} were recorded from
 * the reports of a commit before the performance work; {@link ReportsUnchangedIT} checks that today's reports
 * still match them.
 *
 * <p>Record a new baseline (only when a report is meant to change) with
 * <pre>java -cp "jobs/target/test-classes:jobs/target/classes:$(cat jobs/target/classpath.txt)" \
 *   io.visitlens.job.ReportDigest REPORTS_DIR OUT.digest</pre>
 */
public final class ReportDigest {

  /** One report's fingerprint. */
  public record Entry(String report, List<String> columns, long rows, String sha256) {
    String line() {
      return report + "\t" + String.join(",", columns) + "\t" + rows + "\t" + sha256;
    }

    static Entry parse(String line) {
      String[] f = line.split("\t");
      return new Entry(f[0], List.of(f[1].split(",")), Long.parseLong(f[2]), f[3]);
    }
  }

  private ReportDigest() {}

  public static void main(String[] args) throws IOException {
    Map<String, Entry> digest = of(Path.of(args[0]), Map.of());
    List<String> lines = new ArrayList<>();
    lines.add("# report<TAB>columns<TAB>rows<TAB>sha256 of the rows over those columns (ReportDigest)");
    digest.values().forEach(e -> lines.add(e.line()));
    Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
  }

  /** Reads a recorded digest file. */
  public static Map<String, Entry> read(Reader reader) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (String line : new java.io.BufferedReader(reader).lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Entry e = Entry.parse(line);
        out.put(e.report(), e);
      }
    }
    return out;
  }

  /**
   * Fingerprints every {@code csv/*.csv} of a report directory; a report named in {@code columns} is restricted to
   * those columns (all of its columns otherwise).
   */
  public static Map<String, Entry> of(Path reports, Map<String, List<String>> columns) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(reports.resolve("csv"))) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    for (Path f : files) {
      String report = f.getFileName().toString().replaceFirst("\\.csv$", "");
      out.put(report, entry(report, f, columns.get(report)));
    }
    return out;
  }

  private static Entry entry(String report, Path csv, List<String> wanted) throws IOException {
    MessageDigest sha = sha256();
    long rows = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      List<String> columns = wanted != null ? wanted
          : parser.getHeaderNames().stream().filter(c -> !c.equals("source_path")).toList();
      for (String c : columns) {
        if (!parser.getHeaderNames().contains(c)) {
          throw new IllegalStateException(csv + ": no column " + c + " (has " + parser.getHeaderNames() + ")");
        }
      }
      for (CSVRecord record : parser) {
        Writer line = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(line, CSVFormat.RFC4180)) {
          for (String c : columns) {
            printer.print(record.get(c));
          }
          printer.println();
        }
        sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
      }
      return new Entry(report, columns, rows, HexFormat.of().formatHex(sha.digest()));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
