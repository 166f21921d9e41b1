package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM choices ({@code jobs/bin/visitlens}): C1 only for a small local corpus, less inlining by C2
 * elsewhere, the class-data archive recorded by a first run and used by the next, none under JFR. Run after
 * {@code package}, with the launcher's {@code VISITLENS_PRINT_COMMAND=1}, which prints the java command instead of
 * building or running anything.
 */
class LauncherIT {
  private static final Path REPO = Path.of(System.getProperty("visitlens.repo", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = REPO.resolve("jobs/bin/visitlens");
  private static final String C1 = "-XX:TieredStopAtLevel=1";
  private static final String SMALL_INLINING = "-XX:InlineSmallCode=1000";

  @TempDir Path dir;

  @Test
  void compilesWithC1OnlyForASmallLocalCorpusAndTiersOtherwise() throws Exception {
    Path small = Files.createDirectories(dir.resolve("small"));
    Files.writeString(small.resolve("a.txt"), "Predsednik Vučić u Astani, 27.02.2026.");
    Path large = dir.resolve("large.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(9L << 20); // sparse: 9 MB as the launcher measures it (du's apparent size)
    }

    assertTrue(command(Map.of(), "run").contains(C1), "the seeds, by default");
    assertTrue(command(Map.of(), "run", "--corpus", small.toString()).contains(C1), "--corpus DIR, 39 bytes");
    assertTrue(command(Map.of(), "run", "--corpus=" + small).contains(C1), "--corpus=DIR");
    assertFalse(command(Map.of(), "run", "--corpus", large.toString()).contains(C1), "9 MB");
    assertFalse(command(Map.of(), "run", "--corpus", "hdfs://namenode:8020/corpus").contains(C1),
        "a corpus not on this machine");
    assertFalse(command(Map.of(), "bench").contains(C1), "not run");
    List<String> own = command(Map.of("VISITLENS_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "run");
    assertFalse(own.contains(C1), "the user's tiered-compilation flag: " + own);
    assertTrue(own.contains("-XX:TieredStopAtLevel=4"), own.toString());
  }

  @Test
  void inlinesLessWhereverTheOptimisingCompilerRuns() throws Exception {
    Path large = dir.resolve("large.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(9L << 20);
    }
    assertTrue(command(Map.of(), "run", "--corpus", large.toString()).contains(SMALL_INLINING), "9 MB");
    assertTrue(command(Map.of(), "bench").contains(SMALL_INLINING), "bench");
    List<String> seeds = command(Map.of(), "run");
    assertFalse(seeds.contains(SMALL_INLINING), "not with C1 only (no C2 to tell): " + seeds);
    List<String> own = command(Map.of("VISITLENS_JAVA_OPTS", "-XX:InlineSmallCode=2500"), "bench");
    assertFalse(own.contains(SMALL_INLINING), "the user's own value wins: " + own);
    assertTrue(own.contains("-XX:InlineSmallCode=2500"), own.toString());
  }

  @Test
  void recordsTheArchiveOnAFirstRunAndUsesItAfterwards() throws Exception {
    Path archive = dir.resolve("visitlens-cds.jsa");
    Map<String, String> env = Map.of("VISITLENS_CDS_ARCHIVE", archive.toString());

    String recording = flag(command(env, "run"), "-XX:ArchiveClassesAtExit=");
    assertTrue(recording.startsWith(archive + "."), "a file of the run's own beside the archive: " + recording);
    assertEquals("", flag(command(env, "run", "--help"), "-XX:ArchiveClassesAtExit="), "run --help records none");
    assertEquals("", flag(command(env, "bench"), "-XX:ArchiveClassesAtExit="), "only run records");

    Files.writeString(archive, "an archive");
    assertEquals(archive.toString(), flag(command(env, "run"), "-XX:SharedArchiveFile="), "a later run");
    assertEquals(archive.toString(), flag(command(env, "bench"), "-XX:SharedArchiveFile="), "any subcommand");
    Map<String, String> jfr = Map.of("VISITLENS_CDS_ARCHIVE", archive.toString(),
        "VISITLENS_JAVA_OPTS", "-XX:StartFlightRecording=filename=run.jfr");
    List<String> underJfr = command(jfr, "run");
    assertEquals("", flag(underJfr, "-XX:SharedArchiveFile="), "no archive under JFR: " + underJfr);
    assertEquals("", flag(underJfr, "-XX:ArchiveClassesAtExit="), "nor a recording under JFR");
    assertTrue(Files.exists(archive), "kept");

    Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    List<String> stale = command(env, "run");
    assertFalse(Files.exists(archive), "an archive older than the jar is deleted");
    assertTrue(flag(stale, "-XX:ArchiveClassesAtExit=").startsWith(archive + "."), "and recorded again: " + stale);
  }

  @Test
  void runsThePlainApplicationJarWithTheUsersOptionsAndArguments() throws Exception {
    List<String> command = command(Map.of("VISITLENS_JAVA_OPTS", "-Xmx3g"), "run", "--out", "x y");
    assertEquals("java", command.get(0));
    assertFalse(command.contains("-Xmx1400m"), "an -Xmx of the user's replaces the default: " + command);
    String classPath = command.get(command.indexOf("-cp") + 1);
    String first = classPath.split(":")[0];
    assertTrue(first.matches(".*/jobs/target/visitlens-jobs-[^/]*\\.jar"), "the application jar first: " + first);
    assertEquals(List.of("io.visitlens.job.VisitLens", "run", "--out", "x y"),
        command.subList(command.size() - 4, command.size()), "arguments passed as given");
  }

  /** The java command the launcher would run, one argument per element. */
  private List<String> command(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(false);
    pb.environment().remove("VISITLENS_JAVA_OPTS");
    pb.environment().put("VISITLENS_CDS_ARCHIVE", dir.resolve("no-archive.jsa").toString());
    pb.environment().putAll(env);
    pb.environment().put("VISITLENS_PRINT_COMMAND", "1");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "launcher " + String.join(" ", args) + " printed: " + out);
    return List.of(out.split("\n"));
  }

  /** The value of the argument starting with {@code prefix}, or "". */
  private static String flag(List<String> command, String prefix) {
    return command.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
        .orElse("");
  }
}
