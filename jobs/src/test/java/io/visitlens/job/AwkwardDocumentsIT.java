package io.visitlens.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.config.JobOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a corpus of awkward documents, written here: each is either processed (and flagged in
 * {@code documents} where something was repaired or ignored) or listed in {@code rejected_documents} with the
 * reason, none is lost, and the summary line counts each class. The unreadable file is covered by
 * {@code CorpusReaderTest} (the tests may run as root, who reads any file whatever its mode).
 */
class AwkwardDocumentsIT extends SparkTestBase {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));

  static final String VISITS =
      "visit_id,label,start_date,end_date,host_country,host_city,guest_country,guest_leader,host_leader\n"
      + "belgrade-2024,Tokayev in Belgrade,2024-11-18,2024-11-19,Serbia,Belgrade,Kazakhstan,Kassym-Jomart Tokayev,"
      + "Aleksandar Vučić\n";

  static final String ARTICLE = " date 2024-11-19\nBELGRADE — Kazakh President Kassym-Jomart Tokayev and Serbian "
      + "President Aleksandar Vučić signed agreements on trade and energy.\n\nThe two leaders discussed direct "
      + "flights between Astana and Belgrade.\n";

  static final String CYRILLIC = " date 2024-11-19\nПредседник Србије Александар Вучић дочекао је у Београду "
      + "председника Казахстана Касима-Жомарта Токајева.\n\nТокајев и Вучић потписали су споразуме о трговини и "
      + "енергетици.\n";

  @TempDir
  static Path tmp;
  static Path corpus;
  static Path out;
  static AnalysisJob.Result result;
  static int files;

  @BeforeAll
  static void runOnAnAwkwardCorpus() throws Exception {
    startSpark();
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    write("clean.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
    write("copy.txt", ARTICLE.getBytes(StandardCharsets.UTF_8));
    write("latin1.txt", (" date 2024-11-19\nTokayev met Vučić at the Palace of Serbia; the café in Beograd "
        + "served coffee.\n").replace("Vučić", "Vucic").getBytes(StandardCharsets.ISO_8859_1));
    write("bom-crlf.txt", ("\uFEFF date 2024-11-18\r\nTokayev arrived in Belgrade for talks on energy.\r\n\r\n"
        + "He was met by Vučić.\r\n").getBytes(StandardCharsets.UTF_8));
    write("impossible-date.txt", (" date 2026-13-45\nBELGRADE, Nov. 18 — Kazakh President Tokayev arrived in "
        + "Belgrade on an official visit to discuss investment.\n").getBytes(StandardCharsets.UTF_8));
    write("cyrillic.txt", CYRILLIC.getBytes(StandardCharsets.UTF_8));
    write("elsewhere.txt", " date 2019-09-01\nThe mayor of Lyon opened a bakery.\n".getBytes(StandardCharsets.UTF_8));
    write("empty.txt", new byte[0]);
    write("blank.txt", "  \n\t \r\n  ".getBytes(StandardCharsets.UTF_8));
    write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'});
    byte[] huge = new byte[20 << 20];
    byte[] paragraph = "Tokayev and Vučić discussed trade.\n\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < huge.length; i++) {
      huge[i] = paragraph[i % paragraph.length];
    }
    write("huge.txt", huge);
    Path visits = Files.writeString(tmp.resolve("visits.csv"), VISITS);
    out = tmp.resolve("reports");
    result = AnalysisJob.run(spark, JobOptions.of(corpus.toString(), visits.toString(),
        REPO.resolve(JobOptions.DEFAULT_LEXICON).toString(), out.toString()));
  }

  static void write(String name, byte[] content) throws Exception {
    Files.write(corpus.resolve(name), content);
    files++;
  }

  static Dataset<Row> report(String name) {
    return spark.read().parquet(out.resolve("parquet").resolve(name).toString());
  }

  static Row document(String docId) {
    List<Row> rows = report("documents").where("doc_id = '" + docId + "'").collectAsList();
    assertEquals(1, rows.size(), () -> docId + " is processed, once");
    return rows.get(0);
  }

  /** doc_id → [reason_class, reason]. */
  static Map<String, List<String>> rejected() {
    return new TreeMap<>(report("rejected_documents").collectAsList().stream().collect(Collectors.toMap(
        r -> r.<String>getAs("doc_id"), r -> List.of(r.<String>getAs("reason_class"), r.<String>getAs("reason")))));
  }

  @Test
  void anEmptyAndAWhitespaceOnlyFileAreRejectedAsEmpty() {
    assertEquals(List.of("empty", "empty file"), rejected().get("empty"));
    assertEquals(List.of("empty", "no text (empty or whitespace only)"), rejected().get("blank"));
  }

  @Test
  void aBinaryFileIsRejected() {
    assertEquals(List.of("binary", "binary file (NUL or control bytes), not text"), rejected().get("image"));
  }

  @Test
  void invalidUtf8IsDecodedWithReplacementAndFlaggedInDocuments() {
    Row latin1 = document("latin1");
    assertEquals("invalid UTF-8: decoded with replacement characters", latin1.getAs("input_note"));
    assertEquals(List.of("invalid_utf8"), latin1.getList(latin1.fieldIndex("input_flags")), "the typed flag");
    assertEquals("belgrade-2024", latin1.getAs("visit_id"), "the rest of the text is used as usual");
    String sentences = report("annotated_corpus").where("doc_id = 'latin1'").collectAsList().stream()
        .map(r -> r.<String>getAs("sentence")).collect(Collectors.joining(" "));
    assertTrue(sentences.contains("caf\uFFFD"), () -> "the bad byte is a replacement character: " + sentences);
    assertNull(document("clean").getAs("input_note"), "a clean article has no note");
    assertEquals(List.of(), document("clean").getList(document("clean").fieldIndex("input_flags")), "and no flag");
  }

  @Test
  void aByteOrderMarkWithCrlfLineEndsStillGivesTheHeaderDate() {
    Row bom = document("bom-crlf");
    assertEquals(List.of("header", Date.valueOf("2024-11-18"), "belgrade-2024"),
        Arrays.asList(bom.getAs("date_source"), bom.getAs("published_date"), bom.getAs("visit_id")));
    assertNull(bom.getAs("input_note"), "nothing to flag: BOM and CRLF are tolerated");
    assertEquals(2, bom.<Integer>getAs("n_paragraphs"), "CRLF blank line splits the paragraphs");
  }

  @Test
  void anImpossibleHeaderDateIsFlaggedAndTheVisitIsTakenFromTheText() {
    Row doc = document("impossible-date");
    assertEquals("invalid header date 2026-13-45 ignored", doc.getAs("input_note"));
    assertEquals(List.of("invalid_date"), doc.getList(doc.fieldIndex("input_flags")), "the typed flag");
    assertEquals(List.of("text", "belgrade-2024"), Arrays.asList(doc.getAs("date_source"), doc.getAs("visit_id")));
    assertTrue(doc.<String>getAs("visit_evidence").startsWith("invalid header date 2026-13-45 ignored; "),
        doc.<String>getAs("visit_evidence"));
  }

  @Test
  void aSerbianCyrillicArticleIsProcessedWithCyrillicLowercaseTerms() {
    Row doc = document("cyrillic");
    assertNull(doc.getAs("input_note"));
    assertEquals("belgrade-2024", doc.getAs("visit_id"), "by its header date");
    assertTrue(doc.<Integer>getAs("n_tokens") > 15, () -> "tokens counted: " + doc);
    List<String> terms = report("annotated_corpus").where("doc_id = 'cyrillic'").selectExpr("explode(terms)")
        .collectAsList().stream().map(r -> r.getString(0)).filter(t -> !t.isEmpty()).toList();
    assertTrue(terms.containsAll(List.of("вучић", "токајев", "београду", "председник")), terms::toString);
    Pattern cyrillicLowercase = Pattern.compile("[\\p{IsCyrillic}&&[^\\p{Lu}]]+(-[\\p{IsCyrillic}&&[^\\p{Lu}]]+)*");
    assertEquals(List.of(), terms.stream().filter(t -> !cyrillicLowercase.matcher(t).matches()).toList(),
        "every term is Cyrillic and lowercase");
    assertTrue(rejected().keySet().stream().noneMatch(id -> id.equals("cyrillic")));
  }

  @Test
  void aTwentyMegabyteArticleIsRejectedWithItsSizeAndTheLimit() {
    assertEquals(List.of("too large",
        "too large: 20971520 bytes (20.0 MB), the limit is 8 MB per article (--max-document-mb)"), rejected().get("huge"));
  }

  @Test
  void anExactDuplicateIsFlaggedWithDuplicateOfAndAddsNoCounts() {
    Row copy = document("copy");
    assertEquals("clean", copy.getAs("duplicate_of"), "the earlier article by date, then doc_id");
    assertNull(document("clean").getAs("duplicate_of"));
    assertEquals(copy.<Integer>getAs("n_paragraphs"), copy.<Integer>getAs("n_duplicate_paragraphs"));
    assertEquals(List.of(0, 0), List.of(copy.<Integer>getAs("n_sentences"), copy.<Integer>getAs("n_tokens")));
    assertEquals(0, report("annotated_corpus").where("doc_id = 'copy'").count());
  }

  @Test
  void noDocumentIsLostAndTheSummaryLineCountsEachClass() {
    long documents = result.rowCounts().get("documents");
    long rejected = result.rowCounts().get("rejected_documents");
    assertEquals(files, documents + rejected, "every file is processed or rejected");
    assertEquals(List.of("blank", "empty", "huge", "image"), List.copyOf(rejected().keySet()));
    String line = RunSummary.line(result);
    String expected = "visitlens: wrote " + result.out() + ": 7 documents (1 invalid UTF-8, 1 invalid date, "
        + "1 duplicate article, 1 unassigned), 4 rejected (2 empty, 1 binary, 1 too large), "
        + result.rowCounts().get("annotated_corpus") + " annotated sentences in ";
    assertTrue(line.startsWith(expected) && line.matches(".* in \\d+\\.\\d s"), () -> "summary line:\n" + line
        + "\nexpected to start with\n" + expected);
    assertEquals("unassigned", document("elsewhere").getAs("visit_id") == null ? "unassigned" : "assigned");
  }
}
