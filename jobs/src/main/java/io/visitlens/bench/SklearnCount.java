package io.visitlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The benchmark's scikit-learn contender: {@code sklearn_count.py} (shipped in {@code jobs/src/main/python/},
 * on the class path as {@code io/visitlens/bench/sklearn_count.py}) run as a child process,
 * {@code python3 sklearn_count.py --input corpus.jsonl --out DIR}. It fits
 * {@code CountVectorizer(ngram_range=(1, 3), stop_words="english")} on the corpus's texts and writes
 * {@code ngrams.csv}, {@code top_unigrams.csv} and, last, {@code summary.csv} (see the script).
 *
 * <p>The interpreter: the system property {@code visitlens.python} or else the environment's
 * {@code VISITLENS_PYTHON} when set, else the first of {@code python3} on the PATH and Debian's {@code /usr/bin/python3} that imports
 * {@code sklearn}; Debian's python3-sklearn is installed for the latter, which another {@code python3} earlier on
 * the PATH (pyenv's, say) does not see.
 */
public final class SklearnCount {

  /** Why the contender cannot run, in the words the bench prints. */
  public static final String NOT_INSTALLED = "python3-sklearn is not installed (no python3 here imports sklearn; "
      + "on Debian: apt-get install python3-sklearn)";

  static final String SCRIPT_RESOURCE = "/io/visitlens/bench/sklearn_count.py";

  private static final Map<List<String>, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private SklearnCount() {}

  /**
   * One run: the child's wall time (process start to exit), its peak resident set size (as the script measured
   * it, {@code ru_maxrss}), what the script wrote.
   *
   * @param wallMs      from starting the child process to its exit, interpreter start included
   * @param peakRssBytes the child's peak resident set size
   * @param summary     summary.csv's keys and values, in order (documents, vocabulary, the step times …)
   * @param ngrams      per n-gram order (1, 2, 3): {vocabulary, total count}
   * @param topUnigrams the most frequent unigrams and their counts, most frequent first
   */
  public record Result(long wallMs, long peakRssBytes, Map<String, String> summary, Map<Integer, long[]> ngrams,
      Map<String, Long> topUnigrams) {
    /** The script's own time for {@code fit_transform}, in seconds: no interpreter start, import or reading. */
    public double fitS() {
      return Double.parseDouble(summary.get("fit_s"));
    }

    public long documents() {
      return Long.parseLong(summary.get("documents"));
    }

    public long vocabulary() {
      return Long.parseLong(summary.get("vocabulary"));
    }
  }

  /** The interpreters tried, in order. */
  static List<String> candidates() {
    String set = System.getProperty("visitlens.python");
    if (set == null || set.isBlank()) {
      set = System.getenv("VISITLENS_PYTHON");
    }
    if (set != null && !set.isBlank()) {
      return List.of(set.strip());
    }
    return List.of("python3", "/usr/bin/python3");
  }

  /** The interpreter that imports sklearn, if any (probed once per candidate list). */
  public static Optional<String> python() {
    return PROBED.computeIfAbsent(candidates(), list -> list.stream().filter(SklearnCount::importsSklearn).findFirst());
  }

  public static boolean available() {
    return python().isPresent();
  }

  private static boolean importsSklearn(String python) {
    try {
      Process p = new ProcessBuilder(python, "-c", "import sklearn").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no such interpreter
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Writes the script from the class path to {@code dir/sklearn_count.py} and returns that path. */
  static Path script(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("sklearn_count.py");
    try (InputStream in = SklearnCount.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new IOException(SCRIPT_RESOURCE + " is not on the class path");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /**
   * Runs the script on the JSON Lines file {@code corpus} into the directory {@code out} (created; the child's
   * standard output and error go to {@code out/log.txt}) and reads back what it wrote.
   *
   * @throws IllegalStateException when no interpreter imports sklearn
   * @throws IOException when the child fails or wrote no summary
   */
  public static Result run(Path script, Path corpus, Path out) throws IOException {
    String python = python().orElseThrow(() -> new IllegalStateException("sklearn contender: " + NOT_INSTALLED));
    Files.createDirectories(out);
    Path log = out.resolve("log.txt");
    ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--input", corpus.toString(), "--out",
        out.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    int exit;
    try {
      exit = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("sklearn contender interrupted", e);
    }
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    Path summaryFile = out.resolve("summary.csv");
    if (exit != 0 || !Files.isRegularFile(summaryFile)) {
      throw new IOException("sklearn contender: " + python + " " + script + " exited with " + exit
          + (exit == 0 ? " without writing summary.csv" : "") + "; its output (" + log + "):\n" + tail(log));
    }
    Map<String, String> summary = new LinkedHashMap<>();
    for (CSVRecord r : read(summaryFile)) {
      summary.put(r.get("key"), r.get("value"));
    }
    Map<Integer, long[]> ngrams = new LinkedHashMap<>();
    for (CSVRecord r : read(out.resolve("ngrams.csv"))) {
      ngrams.put(Integer.parseInt(r.get("order")),
          new long[] {Long.parseLong(r.get("vocabulary")), Long.parseLong(r.get("count"))});
    }
    Map<String, Long> top = new LinkedHashMap<>();
    for (CSVRecord r : read(out.resolve("top_unigrams.csv"))) {
      top.put(r.get("term"), Long.parseLong(r.get("count")));
    }
    long rss = Math.round(Double.parseDouble(summary.get("peak_rss_mb")) * 1e6);
    return new Result(wallMs, rss, Collections.unmodifiableMap(summary), Collections.unmodifiableMap(ngrams),
        Collections.unmodifiableMap(top));
  }

  private static List<CSVRecord> read(Path csvFile) throws IOException {
    try (Reader r = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
      return csv.getRecords();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
