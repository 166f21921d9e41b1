package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.JobOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses bad configuration with exit code 2, a message naming the place, and nothing written. */
class VisitLensTest {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));

  record Outcome(int code, String err) {}

  static Outcome execute(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Outcome(VisitLens.execute(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  static List<String> run(Path out, String... more) {
    return run(out, REPO.resolve(JobOptions.DEFAULT_LEXICON), more);
  }

  static List<String> run(Path out, Path lexicon, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--corpus", REPO.resolve(JobOptions.DEFAULT_CORPUS).toString(),
        "--visits", REPO.resolve(JobOptions.DEFAULT_VISITS).toString(),
        "--lexicon", lexicon.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return args;
  }

  /** Each row: the flags, a text the message must contain. */
  static Stream<Arguments> badFlags() {
    return Stream.of(
        Arguments.of(List.of("--max-document-mb", "0"), "--max-document-mb: must be from 1 to 512, got 0"),
        Arguments.of(List.of("--max-document-mb", "-3"), "--max-document-mb: must be from 1 to 512, got -3"),
        Arguments.of(List.of("--window-days", "-1"), "--window-days: must be 0 or more"),
        Arguments.of(List.of("--min-count", "0"), "--min-count: must be greater than 0"),
        Arguments.of(List.of("--min-count", "many"), "'--min-count': 'many' is not an int"),
        Arguments.of(List.of("--prior-scale", "0"), "--prior-scale: must be greater than 0"),
        Arguments.of(List.of("--compare", "belgrade-2024"), "--compare: takes two different visit ids"),
        Arguments.of(List.of("--compare", "belgrade-2024,nowhere"), "--compare: no visit 'nowhere' in the catalogue"),
        Arguments.of(List.of("--format", "docx"), "--format: 'docx' is not one of auto, txt, jsonl, csv, parquet"),
        Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"));
  }

  @ParameterizedTest
  @MethodSource("badFlags")
  void aBadFlagExitsWithCode2NamingTheFlagAndWritesNothing(List<String> flags, String message, @TempDir Path tmp) {
    Outcome o = execute(run(tmp.resolve("reports"), flags.toArray(new String[0])).toArray(new String[0]));
    assertEquals(VisitLens.EXIT_REFUSED, o.code(), () -> flags + ": " + o.err());
    assertTrue(o.err().contains(message), () -> flags + " should say " + message + ", said:\n" + o.err());
    assertFalse(Files.exists(tmp.resolve("reports")), "nothing written");
    assertEquals(0, tmp.toFile().list().length, "no staging directory either");
  }

  @Test
  void aMalformedLexiconExitsWithCode2NamingFileAndLineAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path lexicon = tmp.resolve("sectors.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(REPO.resolve(JobOptions.DEFAULT_LEXICON)));
    lines.set(4, lines.get(4).replaceFirst(",(word|phrase|acronym),", ",verb,"));
    Files.write(lexicon, lines);
    Path out = Files.createDirectories(tmp.resolve("out"));
    Outcome o = execute(run(out, lexicon).toArray(new String[0]));
    assertEquals(VisitLens.EXIT_REFUSED, o.code(), o.err());
    assertTrue(o.err().startsWith("visitlens: refused: " + lexicon + ":5: "), o.err());
    assertTrue(o.err().contains("verb"), o.err());
    assertEquals(0, out.toFile().list().length, "nothing written");
  }

  @Test
  void anOutputInsideTheCorpusOrAForeignDirectoryExitsWithCode2(@TempDir Path tmp) throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "An article.");
    Outcome inside = execute("run", "--corpus", corpus.toString(), "--visits",
        REPO.resolve(JobOptions.DEFAULT_VISITS).toString(), "--lexicon", REPO.resolve(JobOptions.DEFAULT_LEXICON)
            .toString(), "--out", corpus.resolve("reports").toString());
    assertEquals(VisitLens.EXIT_REFUSED, inside.code(), inside.err());
    assertTrue(inside.err().contains("--out: " + corpus.resolve("reports") + " is the corpus or inside it"), inside.err());
    assertEquals(List.of("a.txt"), List.of(corpus.toFile().list()));

    Path foreign = Files.createDirectories(tmp.resolve("thesis"));
    Files.writeString(foreign.resolve("chapter1.docx"), "precious");
    Outcome refused = execute(run(foreign).toArray(new String[0]));
    assertEquals(VisitLens.EXIT_REFUSED, refused.code(), refused.err());
    assertTrue(refused.err().contains("is not a VisitLens report directory (no run.json); pass --force"), refused.err());
    assertEquals("precious", Files.readString(foreign.resolve("chapter1.docx")));
  }
}
