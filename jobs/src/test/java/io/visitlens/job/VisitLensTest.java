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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * Every subcommand's help formats: picocli formats each description with {@link String#format}, and a lone
   * {@code %} (as in "80% of") makes it print a warning and the raw text instead.
   */
  @Test
  void everySubcommandsHelpFormatsWithoutAWarning() {
    List<String> commands = new ArrayList<>(new picocli.CommandLine(new VisitLens()).getSubcommands().keySet());
    assertTrue(commands.contains("generate"), "subcommands: " + commands);
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      for (String command : commands) {
        Outcome o = execute(command, "--help");
        assertEquals(0, o.code(), command + " --help: " + o.err());
        assertFalse(o.err().contains("WARN"), command + " --help wrote a warning: " + o.err());
      }
    } finally {
      System.setOut(saved);
    }
  }

  @Test
  void benchRefusesZeroRounds() {
    Outcome o = execute("bench", "--rounds", "0", "--docs", "10");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("--rounds: must be 1 or more, got 0"), o.err());
  }

  @Test
  void benchRefusesACsvScopeThatIsNotOne() {
    Outcome o = execute("bench", "--csv-scopes", "corpus,all", "--docs", "10");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("--csv-scopes: takes scopes of term_frequencies, of corpus, visit, document; got 'all'"),
        o.err());
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
        Arguments.of(List.of("--topics", "-1"), "--topics: must be from 0 (no topic model) to 200, got -1"),
        Arguments.of(List.of("--topics", "201"), "--topics: must be from 0 (no topic model) to 200, got 201"),
        Arguments.of(List.of("--topics-min-docs", "1"), "--topics-min-docs: must be 2 or more, got 1"),
        Arguments.of(List.of("--csv-scopes", "corpus,documents"),
            "--csv-scopes: takes scopes of term_frequencies, of corpus, visit, document; got 'documents'"),
        Arguments.of(List.of("--csv-scopes", ""),
            "--csv-scopes: takes scopes of term_frequencies, of corpus, visit, document; got ''"),
        Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"));
  }

  @Test
  void csvScopesAreKeptInTheReportsOrderEachOnce() {
    assertEquals(List.of("corpus", "visit"), JobOptions.csvScopes(List.of("visit", "corpus", "visit")));
    assertEquals(JobOptions.TERM_SCOPES, JobOptions.csvScopes(null), "not given: every scope");
    assertEquals(JobOptions.TERM_SCOPES, JobOptions.defaults().csvScopes());
    assertTrue(JobOptions.defaults().allScopesInCsv());
    JobOptions two = JobOptions.defaults().withCsvScopes(List.of("visit", "corpus"));
    assertEquals(List.of("corpus", "visit"), two.csvScopes());
    assertFalse(two.allScopesInCsv());
    assertEquals(two.csvScopes(), two.withSpeech(false).withTopics(3, 200).csvScopes(), "kept by the other withers");
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

  /**
   * Each row: which flag gets the file, its text, the charset it is saved in, and the line of its first byte that is
   * not UTF-8. The files are read as the job reads them (through Hadoop's file system), never decoded with
   * replacement characters.
   */
  static Stream<Arguments> filesNotInUtf8() {
    String visits = "visit_id,label,start_date,end_date,host_country,host_city,guest_country,guest_leader,host_leader\n"
        + "berlin-2025,Berlin 2025,2025-03-04,2025-03-05,Germany,Berlin,Kazakhstan,Tokayev,Scholz\n"
        + "duesseldorf-2025,D\u00fcsseldorf 2025,2025-06-10,2025-06-11,Germany,D\u00fcsseldorf,Serbia,Vucic,Wuest\n";
    String lexicon = "sector,phrase,kind,cap_code,notes\r\n"
        + "trade,trade,word,18,\r\n"
        + "trade,Au\u00dfenhandel,word,18,German: foreign trade\r\n";
    String serbian = "visit_id,label,start_date,end_date,host_country,host_city,guest_country,guest_leader,host_leader\n"
        + "\n"
        + "beograd-2024,Beograd 2024,2024-11-18,2024-11-19,Serbia,Beograd,Kazakhstan,Tokayev,Vu\u010di\u0107\n";
    return Stream.of(
        Arguments.of("--visits", visits, "ISO-8859-1", 3),
        Arguments.of("--lexicon", lexicon, "ISO-8859-1", 3),
        Arguments.of("--visits", serbian, "windows-1250", 3));
  }

  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("filesNotInUtf8")
  void aConfigurationFileNotInUtf8ExitsWithCode2NamingFileAndLine(String flag, String text, String charset,
      int line, @TempDir Path tmp) throws Exception {
    Path file = tmp.resolve(flag.substring(2) + ".csv");
    Files.write(file, text.getBytes(java.nio.charset.Charset.forName(charset)));
    Path out = tmp.resolve("out");
    List<String> args = run(out);
    args.set(args.indexOf(flag) + 1, file.toString());
    Outcome o = execute(args.toArray(new String[0]));
    assertEquals(VisitLens.EXIT_REFUSED, o.code(), () -> flag + " in " + charset + ": " + o.err());
    assertTrue(o.err().startsWith("visitlens: refused: " + file + ":" + line + ": not valid UTF-8 (byte 0x"),
        () -> flag + " in " + charset + " should be refused at line " + line + ", said:\n" + o.err());
    assertTrue(o.err().contains("save the file as UTF-8"), o.err());
    assertFalse(Files.exists(out), "nothing written");
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
