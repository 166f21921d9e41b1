package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL while it writes its reports leaves the previous reports byte for byte, and the next
 * run removes what it left behind. The run that gets killed and the one after it are separate JVMs started
 * like {@code jobs/bin/visitlens run}; the first run, whose reports must survive, is in this JVM. The run after
 * the killed one also checks what the command line promises: exit code 0 and the summary as the last line.
 */
class KilledRunIT extends SparkTestBase {
  static final Path REPO = AnalysisJobIT.REPO;

  @Test
  void aRunKilledMidWayLeavesThePreviousReportsByteIdenticalAndTheNextRunCleansUp(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("reports");

    AnalysisJob.run(spark, AnalysisJobIT.seedOptions(out));
    Map<String, byte[]> before = AnalysisJobIT.snapshot(out);
    assertTrue(before.containsKey("run.json") && before.keySet().stream().anyMatch(f -> f.startsWith("csv/")), before::toString);

    Process killed = start(out, tmp.resolve("killed.log"));
    Path staging = awaitStagingWithAReport(tmp, killed, tmp.resolve("killed.log"));
    killed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
    assertTrue(killed.waitFor(1, TimeUnit.MINUTES), "the killed run is gone");
    assertEquals(137, killed.exitValue(), "killed by SIGKILL (128 + 9)");
    assertTrue(Files.isDirectory(staging), "the killed run left its staging directory: it died mid-way");

    Map<String, byte[]> after = AnalysisJobIT.snapshot(out);
    assertEquals(before.keySet(), after.keySet(), "the same files in the previous reports");
    for (String f : before.keySet()) {
      assertArrayEquals(before.get(f), after.get(f), () -> f + " changed by the killed run");
    }

    Process next = start(out, tmp.resolve("next.log"));
    assertTrue(next.waitFor(5, TimeUnit.MINUTES), "the next run finishes");
    List<String> log = Files.readAllLines(tmp.resolve("next.log"));
    assertEquals(0, next.exitValue(), () -> "the next run exits 0:\n" + output(tmp.resolve("next.log")));
    assertTrue(!log.isEmpty() && log.get(log.size() - 1).matches("visitlens: wrote file:.*/reports: \\d+ documents, 0 rejected, \\d+ "
        + "annotated sentences in \\d+\\.\\d s"), () -> "its last line on stdout is the summary:\n" + output(tmp.resolve("next.log")));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".reports."))
          .toList(), "the next run removed the staging leftovers");
    }
    assertTrue(Files.isRegularFile(out.resolve("run.json")));
  }

  /**
   * Starts {@code visitlens run} on the seeds in a new JVM with the launcher's JVM flags; its standard output goes
   * to {@code log}, its standard error (the log) to {@code log.err}.
   */
  static Process start(Path out, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(List.of(jvmOptions().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), VisitLens.class.getName(), "run",
        "--corpus", REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
        "--visits", REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
        "--lexicon", REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(),
        "--out", out.toString(), "--master", "local[2]"));
    return new ProcessBuilder(command).redirectOutput(log.toFile())
        .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile()).start();
  }

  /** What a run printed: standard output, then standard error. */
  static String output(Path log) {
    try {
      return Files.readString(log) + "\n--- stderr:\n" + Files.readString(log.resolveSibling(log.getFileName() + ".err"));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The {@code --add-opens} flags Spark needs on Java 17, as the build wrote them for the launcher. */
  static String jvmOptions() throws IOException {
    try (InputStream in = KilledRunIT.class.getResourceAsStream("/io/visitlens/launcher/jvm-options.txt")) {
      assertTrue(in != null, "jvm-options.txt on the class path");
      String options = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      assertFalse(options.contains("${"), "jvm-options.txt is filtered by the build: " + options);
      return options;
    }
  }

  /**
   * Waits until a staging directory beside {@code --out} holds a written report (a Parquet file moved into
   * place, not one still under {@code _temporary}), and returns it.
   */
  static Path awaitStagingWithAReport(Path parent, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (!run.isAlive()) {
        fail("the run ended before it could be killed (exit " + run.exitValue() + "):\n" + output(log));
      }
      Optional<Path> staging = stagingWithAReport(parent);
      if (staging.isPresent()) {
        return staging.get();
      }
      Thread.sleep(50);
    }
    run.destroyForcibly();
    fail("no staging directory with a report after 4 minutes:\n" + output(log));
    return null;
  }

  private static Optional<Path> stagingWithAReport(Path parent) throws IOException {
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path staging : siblings.filter(p -> p.getFileName().toString().startsWith(".reports.staging-")).toList()) {
        Path parquet = staging.resolve("parquet");
        if (!Files.isDirectory(parquet)) {
          continue;
        }
        try (Stream<Path> reports = Files.list(parquet)) {
          for (Path report : reports.toList()) {
            try (Stream<Path> files = Files.list(report)) {
              if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                return Optional.of(staging);
              }
            }
          }
        } catch (IOException e) {
          // a directory moved or deleted while listing: look again
        }
      }
    }
    return Optional.empty();
  }
}
