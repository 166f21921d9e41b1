package io.visitlens.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.nlp.Languages;
import io.visitlens.nlp.TextCore;
import io.visitlens.stats.BenjaminiHochbergReference;
import io.visitlens.transform.Annotations;
import io.visitlens.transform.Paragraphs;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The term reports on in-memory fixtures whose expected values are worked by hand in the test. */
class TermReportsTest extends SparkTestBase {

  static final StructType TERM_COUNTS = new StructType()
      .add("doc_id", DataTypes.StringType)
      .add("visit_id", DataTypes.StringType)
      .add("language", DataTypes.StringType)
      .add("ngram", DataTypes.IntegerType)
      .add("term", DataTypes.StringType)
      .add("stem", DataTypes.StringType)
      .add("count", DataTypes.LongType);

  static Row tc(String doc, String visit, int ngram, String term, String stem, long count) {
    return tc(doc, visit, "en", ngram, term, stem, count);
  }

  static Row tc(String doc, String visit, String language, int ngram, String term, String stem, long count) {
    return row(doc, visit, language, ngram, term, stem, count);
  }

  /**
   * Per-document counts of a five-document corpus: d1, d2 in visit v1, d3 in v2, d4 without a visit, and d5
   * (only stop words) without any term, so N = 5.
   *
   * <pre>
   *   unigrams   d1 (v1)   d2 (v1)   d3 (v2)   d4 (-)  | corpus  df
   *   flights      3         1                          |   4      2
   *   flight                 1                          |   1      1
   *   trade        1         2         2         1      |   6      4
   *   energy       1                   2                |   3      2
   *   culture                          1                |   1      1
   *   total        5         4         5         1      |  15
   *   bigrams
   *   direct flights  2                1                |   3      2
   *   trade deal                       1                |   1      1
   * </pre>
   */
  static Dataset<Row> fiveDocuments() {
    return spark.createDataFrame(List.of(
        tc("d1", "v1", 1, "flights", "flight", 3), tc("d1", "v1", 1, "trade", "trade", 1),
        tc("d1", "v1", 1, "energy", "energi", 1), tc("d1", "v1", 2, "direct flights", "direct flight", 2),
        tc("d2", "v1", 1, "flights", "flight", 1), tc("d2", "v1", 1, "flight", "flight", 1),
        tc("d2", "v1", 1, "trade", "trade", 2),
        tc("d3", "v2", 1, "trade", "trade", 2), tc("d3", "v2", 1, "energy", "energi", 2),
        tc("d3", "v2", 1, "culture", "cultur", 1), tc("d3", "v2", 2, "direct flights", "direct flight", 1),
        tc("d3", "v2", 2, "trade deal", "trade deal", 1),
        tc("d4", null, 1, "trade", "trade", 1)), TERM_COUNTS);
  }

  static final double LN5 = Math.log(5.0);

  /** Rows of term_frequencies in the report's sort order, as lists. */
  static List<List<Object>> frequencies(Dataset<Row> report, String where) {
    return rowValues(report.where(where).orderBy("scope", "scope_id", "language", "ngram", "rank", "term"));
  }

  /** Expected English row: scope, scope_id, term, ngram, count, per_10k, doc_freq, tf_idf, rank, stem. */
  static List<Object> freq(String scope, String scopeId, String term, int ngram, long count, double per10k,
      long docFreq, double tfIdf, int rank, String stem) {
    return freq(scope, scopeId, "en", term, ngram, count, per10k, docFreq, tfIdf, rank, stem);
  }

  /** Expected row, in the report's column order. */
  static List<Object> freq(String scope, String scopeId, String language, String term, int ngram, long count,
      double per10k, long docFreq, double tfIdf, int rank, String stem) {
    return Arrays.asList(scope, scopeId, language, term, ngram, count, per10k, docFreq, tfIdf, rank, stem);
  }

  static String join(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void termFrequenciesHasTheColumnsOfTheCatalogue() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 1, 200);
    assertEquals(List.of("scope", "scope_id", "language", "term", "ngram", "count", "per_10k", "doc_freq", "tf_idf",
        "rank", "stem"), List.of(report.columns()));
    assertEquals("scope:string,scope_id:string,language:string,term:string,ngram:int,count:bigint,per_10k:double,"
            + "doc_freq:bigint,tf_idf:double,rank:int,stem:string",
        Arrays.stream(report.schema().fields()).map(f -> f.name() + ":" + f.dataType().simpleString())
            .collect(Collectors.joining(",")));
  }

  @Test
  void corpusScopeCountsPer10kDocFreqTfIdfAndCompetitionRank() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 1, 200);
    assertRows("corpusScopeCountsPer10kDocFreqTfIdfAndCompetitionRank", List.of(
        // per_10k = count × 10,000 / 15 unigrams; tf_idf = count × ln(5 / df); culture and flight tie at rank 4
        freq("corpus", "", "trade", 1, 6, 6 * 10_000.0 / 15, 4, 6 * Math.log(5.0 / 4), 1, "trade"),
        freq("corpus", "", "flights", 1, 4, 4 * 10_000.0 / 15, 2, 4 * Math.log(5.0 / 2), 2, "flight"),
        freq("corpus", "", "energy", 1, 3, 3 * 10_000.0 / 15, 2, 3 * Math.log(5.0 / 2), 3, "energi"),
        freq("corpus", "", "culture", 1, 1, 1 * 10_000.0 / 15, 1, LN5, 4, "cultur"),
        freq("corpus", "", "flight", 1, 1, 1 * 10_000.0 / 15, 1, LN5, 4, "flight"),
        // 4 bigrams in the corpus
        freq("corpus", "", "direct flights", 2, 3, 7500.0, 2, 3 * Math.log(5.0 / 2), 1, "direct flight"),
        freq("corpus", "", "trade deal", 2, 1, 2500.0, 1, LN5, 2, "trade deal")),
        frequencies(report, "scope = 'corpus'"));
  }

  @Test
  void visitScopeCountsItsDocumentsAndUsesTheCorpusIdf() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 1, 200);
    assertRows("visitScopeCountsItsDocumentsAndUsesTheCorpusIdf", List.of(
        // v1 = d1 + d2: 9 unigrams, 2 bigrams; doc_freq within v1; idf from the corpus df
        freq("visit", "v1", "flights", 1, 4, 4 * 10_000.0 / 9, 2, 4 * Math.log(5.0 / 2), 1, "flight"),
        freq("visit", "v1", "trade", 1, 3, 3 * 10_000.0 / 9, 2, 3 * Math.log(5.0 / 4), 2, "trade"),
        freq("visit", "v1", "energy", 1, 1, 1 * 10_000.0 / 9, 1, 1 * Math.log(5.0 / 2), 3, "energi"),
        freq("visit", "v1", "flight", 1, 1, 1 * 10_000.0 / 9, 1, LN5, 3, "flight"),
        freq("visit", "v1", "direct flights", 2, 2, 10_000.0, 1, 2 * Math.log(5.0 / 2), 1, "direct flight"),
        // v2 = d3: 5 unigrams, 2 bigrams
        freq("visit", "v2", "energy", 1, 2, 4000.0, 1, 2 * Math.log(5.0 / 2), 1, "energi"),
        freq("visit", "v2", "trade", 1, 2, 4000.0, 1, 2 * Math.log(5.0 / 4), 1, "trade"),
        freq("visit", "v2", "culture", 1, 1, 2000.0, 1, LN5, 3, "cultur"),
        freq("visit", "v2", "direct flights", 2, 1, 5000.0, 1, Math.log(5.0 / 2), 1, "direct flight"),
        freq("visit", "v2", "trade deal", 2, 1, 5000.0, 1, LN5, 1, "trade deal")),
        frequencies(report, "scope = 'visit'"));
    assertEquals(0, report.where("scope = 'visit' and term = 'trade' and count = 1").count(),
        "d4 has no visit: it is in the corpus and document scopes only");
  }

  @Test
  void documentScopeHasDocFreqOneAndRanksWithinTheDocument() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 1, 200);
    assertRows("documentScopeHasDocFreqOneAndRanksWithinTheDocument", List.of(
        freq("document", "d1", "flights", 1, 3, 6000.0, 1, 3 * Math.log(5.0 / 2), 1, "flight"),
        freq("document", "d1", "energy", 1, 1, 2000.0, 1, Math.log(5.0 / 2), 2, "energi"),
        freq("document", "d1", "trade", 1, 1, 2000.0, 1, Math.log(5.0 / 4), 2, "trade"),
        freq("document", "d1", "direct flights", 2, 2, 10_000.0, 1, 2 * Math.log(5.0 / 2), 1, "direct flight"),
        freq("document", "d4", "trade", 1, 1, 10_000.0, 1, Math.log(5.0 / 4), 1, "trade")),
        frequencies(report, "scope = 'document' and scope_id in ('d1', 'd4')"));
    assertEquals(Map.of("corpus", 7L, "visit", 10L, "document", 13L), countsByScope(report));
  }

  /**
   * Per-document counts of a corpus in three languages, each visit covered in English and Serbian, v2 in German too:
   *
   * <pre>
   *   en       e1 (v1): trade 2, energy 1, expo 1    e2 (v2): trade 1, energy 3                     N = 2
   *   sr-Latn  s1 (v1): trgovina 1, energija 1       s2 (v2): energija 2, expo 1
   *                                                   s3 (v2): energija 1, turizam 1                 N = 3
   *   de                                              g1 (v2): handel 2                              N = 1
   * </pre>
   * {@code expo} is written alike in English and Serbian: two terms, one per language.
   */
  static Dataset<Row> threeLanguages() {
    return spark.createDataFrame(List.of(
        tc("e1", "v1", "en", 1, "trade", "trade", 2), tc("e1", "v1", "en", 1, "energy", "energi", 1),
        tc("e1", "v1", "en", 1, "expo", "expo", 1),
        tc("e2", "v2", "en", 1, "trade", "trade", 1), tc("e2", "v2", "en", 1, "energy", "energi", 3),
        tc("s1", "v1", "sr-Latn", 1, "trgovina", "trgovin", 1), tc("s1", "v1", "sr-Latn", 1, "energija", "energij", 1),
        tc("s2", "v2", "sr-Latn", 1, "energija", "energij", 2), tc("s2", "v2", "sr-Latn", 1, "expo", "expo", 1),
        tc("s3", "v2", "sr-Latn", 1, "energija", "energij", 1), tc("s3", "v2", "sr-Latn", 1, "turizam", "turiz", 1),
        tc("g1", "v2", "de", 1, "handel", "handel", 2)), TERM_COUNTS);
  }

  @Test
  void eachLanguageIsCountedAmongItsOwnTermsAndDocuments() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(threeLanguages(), TermReports.visitTermCounts(
        threeLanguages()), Map.of("en", 2L, "sr-Latn", 3L, "de", 1L), 1, 200);
    // en: 8 unigrams, energy 4 (df 2), trade 3 (df 2), expo 1 (df 1): idf over the 2 English documents.
    // sr-Latn: 7 unigrams, energija 4 (df 3), expo, trgovina, turizam 1 (df 1): idf over the 3 Serbian documents.
    assertRows("eachLanguageIsCountedAmongItsOwnTermsAndDocuments", List.of(
        freq("corpus", "", "de", "handel", 1, 2, 10_000.0, 1, 0.0, 1, "handel"),
        freq("corpus", "", "en", "energy", 1, 4, 5000.0, 2, 0.0, 1, "energi"),
        freq("corpus", "", "en", "trade", 1, 3, 3750.0, 2, 0.0, 2, "trade"),
        freq("corpus", "", "en", "expo", 1, 1, 1250.0, 1, Math.log(2), 3, "expo"),
        freq("corpus", "", "sr-Latn", "energija", 1, 4, 4 * 10_000.0 / 7, 3, 0.0, 1, "energij"),
        freq("corpus", "", "sr-Latn", "expo", 1, 1, 10_000.0 / 7, 1, Math.log(3), 2, "expo"),
        freq("corpus", "", "sr-Latn", "trgovina", 1, 1, 10_000.0 / 7, 1, Math.log(3), 2, "trgovin"),
        freq("corpus", "", "sr-Latn", "turizam", 1, 1, 10_000.0 / 7, 1, Math.log(3), 2, "turiz")),
        frequencies(report, "scope = 'corpus'"));
    // v2's Serbian rows: 5 unigrams of s2 and s3; the idf is the Serbian corpus's.
    assertRows("the visit scope per language", List.of(
        freq("visit", "v2", "sr-Latn", "energija", 1, 3, 6000.0, 2, 0.0, 1, "energij"),
        freq("visit", "v2", "sr-Latn", "expo", 1, 1, 2000.0, 1, Math.log(3), 2, "expo"),
        freq("visit", "v2", "sr-Latn", "turizam", 1, 1, 2000.0, 1, Math.log(3), 2, "turiz")),
        frequencies(report, "scope = 'visit' and scope_id = 'v2' and language = 'sr-Latn'"));
    assertRows("a document's rows carry its language", List.of(
        freq("document", "s2", "sr-Latn", "energija", 1, 2, 10_000.0 * 2 / 3, 1, 0.0, 1, "energij"),
        freq("document", "s2", "sr-Latn", "expo", 1, 1, 10_000.0 / 3, 1, Math.log(3), 2, "expo")),
        frequencies(report, "scope = 'document' and scope_id = 's2'"));
  }

  @Test
  void keynessComparesTheVisitsWithinEachLanguage() {
    Dataset<Row> report = TermKeynessReport.ofDocumentCounts(threeLanguages(), "v1", "v2", 1.0);
    Map<String, Row> got = new TreeMap<>();
    report.collectAsList().forEach(r -> got.put(r.getAs("language") + "/" + r.getAs("term"), r));
    assertEquals(Set.of("en/energy", "en/expo", "en/trade", "sr-Latn/energija", "sr-Latn/expo", "sr-Latn/trgovina",
        "sr-Latn/turizam"), got.keySet(), "German, in v2 alone, has nothing to compare");
    // English: 4 unigrams in each visit, α_0 = the 8 of the English corpus; Serbian: 2 against 5, α_0 = 7.
    assertEquals(List.of(1L, 0L, 4L, 4L, 1.0, 8.0), columnValues(got.get("en/expo"), "count_a", "count_b", "total_a",
        "total_b", "alpha_w", "alpha_0"));
    assertEquals(List.of(0L, 1L, 2L, 5L, 1.0, 7.0), columnValues(got.get("sr-Latn/expo"), "count_a", "count_b", "total_a",
        "total_b", "alpha_w", "alpha_0"));
    assertTrue(got.get("en/expo").<Double>getAs("z_score") < 0 && got.get("sr-Latn/expo").<Double>getAs("z_score") > 0,
        "the same spelling leans to v1 in English and to v2 in Serbian: " + got);
    // Benjamini–Hochberg within each language: English has 3 tests, Serbian 4.
    double[] enP = got.entrySet().stream().filter(e -> e.getKey().startsWith("en/"))
        .mapToDouble(e -> e.getValue().<Double>getAs("p_value")).toArray();
    double[] enQ = BenjaminiHochbergReference.benjaminiHochberg(enP);
    List<Row> en = got.entrySet().stream().filter(e -> e.getKey().startsWith("en/")).map(Map.Entry::getValue).toList();
    for (int i = 0; i < en.size(); i++) {
      assertEquals(enQ[i], en.get(i).<Double>getAs("q_value"), 1e-12, "q of " + en.get(i));
    }
  }

  private static List<Object> columnValues(Row r, String... columns) {
    List<Object> out = new ArrayList<>();
    for (String c : columns) {
      out.add(r.getAs(c));
    }
    return out;
  }

  static Map<String, Long> countsByScope(Dataset<Row> report) {
    return report.groupBy("scope").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  @Test
  void minCountCutsCorpusAndVisitScopesAndTopNCutsDocumentsAfterTheDenominatorsAndRanks() {
    Dataset<Row> report = TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 2, 1);
    // corpus and visits: count >= 2 only, every such term kept (more than the top 1); per_10k still over 15 / 9
    assertRows("minCountCutsCorpusAndVisitScopesAndTopNCutsDocumentsAfterTheDenominatorsAndRanks", List.of(
        freq("corpus", "", "trade", 1, 6, 6 * 10_000.0 / 15, 4, 6 * Math.log(5.0 / 4), 1, "trade"),
        freq("corpus", "", "flights", 1, 4, 4 * 10_000.0 / 15, 2, 4 * Math.log(5.0 / 2), 2, "flight"),
        freq("corpus", "", "energy", 1, 3, 3 * 10_000.0 / 15, 2, 3 * Math.log(5.0 / 2), 3, "energi"),
        freq("corpus", "", "direct flights", 2, 3, 7500.0, 2, 3 * Math.log(5.0 / 2), 1, "direct flight"),
        freq("visit", "v1", "flights", 1, 4, 4 * 10_000.0 / 9, 2, 4 * Math.log(5.0 / 2), 1, "flight"),
        freq("visit", "v1", "trade", 1, 3, 3 * 10_000.0 / 9, 2, 3 * Math.log(5.0 / 4), 2, "trade"),
        freq("visit", "v1", "direct flights", 2, 2, 10_000.0, 1, 2 * Math.log(5.0 / 2), 1, "direct flight"),
        freq("visit", "v2", "energy", 1, 2, 4000.0, 1, 2 * Math.log(5.0 / 2), 1, "energi"),
        freq("visit", "v2", "trade", 1, 2, 4000.0, 1, 2 * Math.log(5.0 / 4), 1, "trade")),
        frequencies(report, "scope in ('corpus', 'visit')"));
    // documents: the first term by count desc, then term asc (d3: energy before trade; direct flights before
    // trade deal), whatever --min-count says
    assertEquals(List.of("d1:1:flights", "d1:2:direct flights", "d2:1:trade", "d3:1:energy",
            "d3:2:direct flights", "d4:1:trade"),
        report.where("scope = 'document'").orderBy("scope", "scope_id", "ngram", "rank", "term").collectAsList().stream()
            .map(r -> r.getAs("scope_id") + ":" + r.getAs("ngram") + ":" + r.getAs("term")).toList());
    assertEquals(5000.0, report.where("scope = 'document' and scope_id = 'd2'").first().<Double>getAs("per_10k"),
        1e-9, "trade is 2 of d2's 4 unigrams");
    assertThrows(IllegalArgumentException.class, () -> TermFrequenciesReport.termFrequencies(fiveDocuments(), 5, 0, 1));
  }

  /**
   * Three articles run through paragraphs, de-duplication and the real annotation pipeline. w2 repeats w1's
   * third paragraph (a syndicated copy), which must not be counted.
   */
  static final String W1 = "Kazakhstan and Serbia agreed on direct flights. Flights between Astana and Belgrade "
      + "start in May; FLIGHTS will run twice a week.\n\n"
      + "Serbia’s president, Aleksandar Vučić, said the flights were “a bridge”. VUČIĆ thanked Tokayev (again).\n\n"
      + "Trade reached 2 billion dollars in 2024, and the expanded-format talks covered trade and energy.";
  static final String W2_OWN = "Direct flights, direct trade: Vučić and Tokayev met in Astana.\n\n"
      + "Energy, energy and ENERGY! Belgrade-based firms want flights too.";
  static final String W2 = "Trade reached 2 billion dollars in 2024, and the expanded-format talks covered trade "
      + "and energy.\n\n" + W2_OWN;
  static final String W3 = "Flights? Yes: flights. Serbia and Kazakhstan... flights.";
  /** The de-duplicated text, written out here independently of Paragraphs: w2 without its first paragraph. */
  static final String DEDUPLICATED = W1 + "\n\n" + W2_OWN + "\n\n" + W3;

  @Test
  void aCorpusCountEqualsACaseInsensitiveWholeWordCountOverTheDeduplicatedText() {
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("published_date", DataTypes.DateType).add("text", DataTypes.StringType);
    Dataset<Row> paragraphs = Paragraphs.withDuplicateFlags(Paragraphs.explodeParagraphs(spark.createDataFrame(
        List.of(row("w1", "v1", Date.valueOf("2024-11-18"), W1), row("w2", "v2", Date.valueOf("2026-02-26"), W2),
            row("w3", null, null, W3)), docs)));
    Dataset<Row> corpus = Annotations.annotate(TextCore.create(null),
        paragraphs.where("not is_duplicate"));
    Map<String, Long> counted = new TreeMap<>();
    for (Row r : TermFrequenciesReport.termFrequencies(TermReports.documentTermCounts(corpus), 3, 1, 200)
        .where("scope = 'corpus' and ngram = 1").collectAsList()) {
      counted.put(r.getAs("term"), r.getAs("count"));
    }

    // The independent count: every ordinary word of the de-duplicated text (a run of letters that is not a
    // stop word and is never glued to a hyphen, a digit or a clitic other than the possessive ’s), counted
    // with a plain case-insensitive whole-word regex.
    Set<String> stop = new HashSet<>(Languages.of(Languages.ENGLISH).stopWords());
    Set<String> words = new HashSet<>();
    Set<String> glued = new HashSet<>();
    Matcher m = Pattern.compile("\\p{L}+").matcher(DEDUPLICATED);
    while (m.find()) {
      String word = m.group().toLowerCase();
      int before = m.start() > 0 ? DEDUPLICATED.charAt(m.start() - 1) : ' ';
      int after = charAt(DEDUPLICATED, m.end());
      boolean possessive = isApostrophe(after) && charAt(DEDUPLICATED, m.end() + 1) == 's'
          && !Character.isLetter(charAt(DEDUPLICATED, m.end() + 2));
      boolean gluedHere = before == '-' || Character.isDigit(before) || isApostrophe(before)
          || after == '-' || Character.isDigit(after) || (isApostrophe(after) && !possessive);
      (gluedHere ? glued : words).add(word);
    }
    words.removeAll(glued);
    words.removeAll(stop);
    Map<String, Long> expected = new TreeMap<>();
    for (String word : words) {
      Pattern whole = Pattern.compile("\\b" + Pattern.quote(word) + "\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
      expected.put(word, whole.matcher(DEDUPLICATED).results().count());
    }
    Map<String, Long> actual = new TreeMap<>(counted);
    actual.keySet().retainAll(words);
    assertEquals(expected, actual);

    assertTrue(words.containsAll(List.of("flights", "serbia", "vučić", "energy", "direct", "trade", "tokayev")),
        "the check covers the tricky words: " + words);
    assertEquals(9L, expected.get("flights"), "4 in w1, 2 in w2, 3 in w3");
    assertEquals(3L, expected.get("trade"), "w1 twice, w2 once; w2's copy of w1's paragraph not counted");
    assertTrue(glued.containsAll(List.of("expanded", "format", "belgrade", "based")), "glued: " + glued);
    assertEquals(1L, counted.get("expanded-format"), "a hyphenated word is one term");
    assertEquals(1L, counted.get("belgrade-based"));
    assertNull(counted.get("2024"), "numbers are not terms");
    assertNull(counted.get("the"), "stop words are not terms");
  }

  static int charAt(String text, int i) {
    return i < text.length() ? text.charAt(i) : ' ';
  }

  static boolean isApostrophe(int c) {
    return c == '\'' || c == '’';
  }

  // ---------------------------------------------------------------------------------------------------------
  // term_keyness

  /**
   * Visit a (one document) against visit b (two documents), plus an unassigned document u1 that only feeds the
   * prior, which pools the whole corpus.
   *
   * <pre>
   *   unigrams  a1 (a) | b1 (b)  b2 (b) | u1 (-) || count_a  count_b  pooled = α_w (scale 1)
   *   trade       4    |   1       1    |   2    ||   4        2        8
   *   energy      2    |           2    |        ||   2        2        4
   *   flights          |   3       1    |        ||   0        4        4
   *   culture          |                |   2    ||   (not in a or b: no row)   2
   *   total_a = 6, total_b = 8, α_0 = Σ α_w = 18
   *   bigrams
   *   trade deal  1    |   1            |        ||   1        1        2
   *   direct flights   |   2            |        ||   0        2        2
   *   total_a = 1, total_b = 3, α_0 = 4
   *   trigrams: b1 has one, a none: no trigram rows
   * </pre>
   */
  static Dataset<Row> twoVisits() {
    return spark.createDataFrame(List.of(
        tc("a1", "a", 1, "trade", "trade", 4), tc("a1", "a", 1, "energy", "energi", 2),
        tc("a1", "a", 2, "trade deal", "trade deal", 1),
        tc("b1", "b", 1, "trade", "trade", 1), tc("b1", "b", 1, "flights", "flight", 3),
        tc("b1", "b", 2, "direct flights", "direct flight", 2), tc("b1", "b", 2, "trade deal", "trade deal", 1),
        tc("b1", "b", 3, "direct flights resume", "direct flight resum", 1),
        tc("b2", "b", 1, "trade", "trade", 1), tc("b2", "b", 1, "energy", "energi", 2),
        tc("b2", "b", 1, "flights", "flight", 1),
        tc("u1", null, 1, "trade", "trade", 2), tc("u1", null, 1, "culture", "cultur", 2)), TERM_COUNTS);
  }

  /** Expected keyness row, in the report's column order. */
  static List<Object> key(String term, int ngram, long countA, long countB, long totalA, long totalB,
      double alphaW, double alpha0, double logOdds, double z, double g2, double logRatio, double p, double q) {
    return Arrays.asList("en", term, ngram, "a", "b", countA, countB, totalA, totalB, alphaW, alpha0, logOdds, z, g2,
        logRatio, p, q);
  }

  /** The report's rows in its sort order: language, ngram, z_score descending, term. */
  static List<List<Object>> keynessRows(Dataset<Row> report) {
    return report.orderBy(col("language"), col("ngram"), col("z_score").desc(), col("term")).collectAsList().stream()
        .map(SparkTestBase::values).toList();
  }

  @Test
  void keynessRowsMatchTheirHandWorkedValues() {
    Dataset<Row> report = TermKeynessReport.ofDocumentCounts(twoVisits(), "a", "b", 1.0);
    assertEquals(List.of("language", "term", "ngram", "visit_a", "visit_b", "count_a", "count_b", "total_a", "total_b",
        "alpha_w", "alpha_0", "log_odds", "z_score", "g2", "log_ratio", "p_value", "q_value"),
        List.of(report.columns()));
    assertRows("keynessRowsMatchTheirHandWorkedValues", List.of(
        // flights: δ = ln((4+4)/(8+18−4−4)) − ln((0+4)/(6+18−0−4)) = ln(8/18) − ln(4/20) = 0.798508
        //   σ² = 1/(0+4) + 1/(4+4) = 0.375, z = 0.798508 / 0.612372 = 1.303958
        //   2×2 table a: 0 | 6, b: 4 | 4, n = 14; E = 6·4/14, 6·10/14, 8·4/14, 8·10/14
        //   G² = 2[0 + 6 ln(6/4.285714) + 4 ln(4/2.285714) + 4 ln(4/5.714286)] = 5.661194, b's rate higher: +
        //   log ratio = log2((4/8) / (0.5/6)) = log2(6) = 2.584963 (zero count → 0.5)
        //   p = erfc(√(5.661194/2)) = 0.017344;  BH, m = 3, rank 1: q = min(3·0.017344/1, q_trade) = 0.052033
        key("flights", 1, 0, 4, 6, 8, 4.0, 18.0, 0.798507696217772, 1.30395760761257, 5.66119359142808,
            2.58496250072116, 0.0173443156900078, 0.0520329470700235),
        // energy: δ = ln((2+4)/(8+18−2−4)) − ln((2+4)/(6+18−2−4)) = ln(6/20) − ln(6/18) = −0.105361
        //   σ² = 1/6 + 1/6, z = −0.105361 / 0.577350 = −0.182490
        //   table a: 2 | 4, b: 2 | 6; G² = 2[2 ln(2/1.714286) + 4 ln(4/4.285714) + 2 ln(2/2.285714)
        //   + 6 ln(6/5.714286)] = 0.116016, b's rate 2/8 < 2/6: −;  log ratio = log2((2/8)/(2/6)) = −0.415037
        //   p = erfc(√(0.116016/2)) = 0.733396; rank 3 of 3: q = p
        key("energy", 1, 2, 2, 6, 8, 4.0, 18.0, -0.105360515657826, -0.182489766231011, -0.116016146948516,
            -0.415037499278844, 0.733396122804687, 0.733396122804687),
        // trade: δ = ln((2+8)/(8+18−2−8)) − ln((4+8)/(6+18−4−8)) = ln(10/16) − ln(12/12) = −0.470004
        //   σ² = 1/12 + 1/10 = 0.183333, z = −0.470004 / 0.428174 = −1.097692
        //   table a: 4 | 2, b: 2 | 6; E = 2.571429, 3.428571, 3.428571, 4.571429
        //   G² = 2[4 ln(4/2.571429) + 2 ln(2/3.428571) + 2 ln(2/3.428571) + 6 ln(6/4.571429)] = 2.485895, −
        //   log ratio = log2((2/8)/(4/6)) = log2(0.375) = −1.415037
        //   p = erfc(√(2.485895/2)) = 0.114871; rank 2 of 3: q = min(3·0.114871/2, 0.733396) = 0.172307
        key("trade", 1, 4, 2, 6, 8, 8.0, 18.0, -0.470003629245736, -1.09769198735967, -2.48589459817452,
            -1.41503749927884, 0.114871016109109, 0.172306524163663),
        // direct flights: δ = ln((2+2)/(3+4−2−2)) − ln((0+2)/(1+4−0−2)) = ln(4/3) − ln(2/3) = ln 2 = 0.693147
        //   σ² = 1/2 + 1/4, z = 0.693147 / 0.866025 = 0.800377
        //   table a: 0 | 1, b: 2 | 1, n = 4; G² = 2[1 ln(1/0.5) + 2 ln(2/1.5) + 1 ln(1/1.5)] = 1.726092, +
        //   log ratio = log2((2/3)/(0.5/1)) = 0.415037;  p = erfc(√(1.726092/2)) = 0.188911
        //   BH, m = 2, the two p-values tie: both have i = 2, q = 2·p/2 = p
        key("direct flights", 2, 0, 2, 1, 3, 2.0, 4.0, 0.693147180559945, 0.800377422568629, 1.72609243471069,
            0.415037499278844, 0.188910700005692, 0.188910700005692),
        // trade deal: the mirror image: δ = ln((1+2)/(3+4−1−2)) − ln((1+2)/(1+4−1−2)) = ln(3/4) − ln(3/2)
        //   = −ln 2; σ² = 1/3 + 1/3, z = −0.848928; G² = −1.726092 (same table, columns swapped);
        //   log ratio = log2((1/3)/(1/1)) = −1.584963; p and q as direct flights
        key("trade deal", 2, 1, 1, 1, 3, 2.0, 4.0, -0.693147180559945, -0.848928454510333, -1.72609243471069,
            -1.58496250072116, 0.188910700005692, 0.188910700005692)),
        keynessRows(report));
  }

  @Test
  void thePriorScaleScalesBothAlphas() {
    Row trade = TermKeynessReport.ofDocumentCounts(twoVisits(), "a", "b", 0.5).where("term = 'trade'").first();
    // α_w = 0.5 · 8 = 4, α_0 = 0.5 · 18 = 9
    // δ = ln((2+4)/(8+9−2−4)) − ln((4+4)/(6+9−4−4)) = ln(6/11) − ln(8/7) = −0.739667
    // σ² = 1/8 + 1/6, z = −0.739667 / 0.540062 = −1.369598; G², log ratio and p do not depend on the prior
    assertEquals(4.0, trade.<Double>getAs("alpha_w"), 0.0);
    assertEquals(9.0, trade.<Double>getAs("alpha_0"), 0.0);
    assertEquals(-0.7396671961948382, trade.<Double>getAs("log_odds"), 1e-12);
    assertEquals(-1.3695975147591772, trade.<Double>getAs("z_score"), 1e-12);
    assertEquals(-2.48589459817452, trade.<Double>getAs("g2"), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> TermKeynessReport.ofDocumentCounts(twoVisits(), "a", "b", 0.0));
  }

  @Test
  void swappingTheVisitsNegatesTheDirectionalStatistics() {
    Map<String, Row> ab = byTerm(TermKeynessReport.ofDocumentCounts(twoVisits(), "a", "b", 1.0));
    Map<String, Row> ba = byTerm(TermKeynessReport.ofDocumentCounts(twoVisits(), "b", "a", 1.0));
    assertEquals(ab.keySet(), ba.keySet());
    for (String term : ab.keySet()) {
      for (String stat : List.of("log_odds", "z_score", "g2", "log_ratio")) {
        assertEquals(-ab.get(term).<Double>getAs(stat), ba.get(term).<Double>getAs(stat), 1e-12, term + " " + stat);
      }
      assertEquals(ab.get(term).<Double>getAs("q_value"), ba.get(term).<Double>getAs("q_value"), 1e-12);
    }
  }

  static Map<String, Row> byTerm(Dataset<Row> report) {
    return report.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("term"), r -> r));
  }

  @Test
  void qValuesAgreeWithTheInMemoryBenjaminiHochbergIncludingTies() {
    // 60 terms with assorted counts (many repeated, so many tied p-values) in two visits.
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(tc("a1", "a", 1, "t" + i, "t" + i, 1 + (i * 7) % 5));
      rows.add(tc("b1", "b", 1, "t" + i, "t" + i, 1 + (i * 3) % 4));
    }
    List<Row> report = TermKeynessReport.ofDocumentCounts(spark.createDataFrame(rows, TERM_COUNTS), "a", "b", 1.0)
        .collectAsList();
    double[] p = report.stream().mapToDouble(r -> r.<Double>getAs("p_value")).toArray();
    double[] q = BenjaminiHochbergReference.benjaminiHochberg(p);
    for (int i = 0; i < report.size(); i++) {
      assertEquals(q[i], report.get(i).<Double>getAs("q_value"), 1e-12, "q of " + report.get(i));
    }
    assertEquals(60, report.size());
  }

  @Test
  void aVisitWithoutDocumentsGivesAnEmptyTable() {
    Dataset<Row> report = TermKeynessReport.ofDocumentCounts(twoVisits(), "a", "nowhere", 1.0);
    assertEquals(0, report.count());
    assertEquals(17, report.columns().length);
  }

  @Test
  void anOrderWithASingleTermInTheCorpusHasNoLogOdds() {
    // α_w = α_0 = 3: the prior has no odds for the only term, so log_odds and z are null; the rates are equal
    Row only = TermKeynessReport.ofDocumentCounts(spark.createDataFrame(List.of(
        tc("a1", "a", 1, "flights", "flight", 1), tc("b1", "b", 1, "flights", "flight", 2)), TERM_COUNTS),
        "a", "b", 1.0).first();
    assertNull(only.getAs("log_odds"));
    assertNull(only.getAs("z_score"));
    assertEquals(0.0, only.<Double>getAs("g2"), 0.0);
    assertEquals(0.0, only.<Double>getAs("log_ratio"), 0.0);
    assertEquals(1.0, only.<Double>getAs("p_value"), 0.0);
    assertEquals(1.0, only.<Double>getAs("q_value"), 0.0);
  }

  /**
   * Articles whose terms tie within each document (every word once or twice), in Latin, Cyrillic and Gothic letters
   * (above U+FFFF, where Java's string order and Spark's differ from U+E000 up), in documents whose ids do not sort
   * as numbers (d10 before d9).
   */
  static Dataset<Row> tiedCorpus() {
    StructType docs = new StructType().add("doc_id", DataTypes.StringType).add("visit_id", DataTypes.StringType)
        .add("published_date", DataTypes.DateType).add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    String[] texts = {
        "Zebra apple mango. Mango zebra kiwi, \uD800\uDF30\uD800\uDF31 \uD800\uDF32 and Ωmega.",
        "Trade energy flights trade. Энергия торговля рейсы энергия.",
        "Kiwi \uFF21pple \uD800\uDF30\uD800\uDF31 apple banana. Banana kiwi apple cherry date elder fig.",
        "One two three four five six seven eight nine ten eleven twelve thirteen fourteen.",
        "Flights, flights, trade -- energy; culture, culture and more culture."};
    for (int d = 0; d < 12; d++) {
      rows.add(row("d" + d, d % 3 == 0 ? null : "v" + (d % 3), Date.valueOf("2024-11-18"), texts[d % texts.length]));
    }
    Dataset<Row> paragraphs = Paragraphs.withDuplicateFlags(Paragraphs.explodeParagraphs(
        spark.createDataFrame(rows, docs)));
    return Annotations.annotate(TextCore.create(null), paragraphs.where("not is_duplicate"));
  }

  @Test
  void termFrequenciesInReportOrderAreTheSortedReportRowForRow() {
    Dataset<Row> corpus = tiedCorpus().cache();
    try {
      // (top terms per document, scopes sorted in one task): a cut inside ties, and every term by ranges.
      for (Object[] c : new Object[][] {{2, true}, {200, false}}) {
        int top = (Integer) c[0];
        boolean oneTask = (Boolean) c[1];
        Dataset<Row> visitTerms = TermReports.visitTermCountsOfAnnotated(corpus).cache();
        Dataset<Row> counts = TermReports.documentTermCountsOfAnnotated(corpus, top);
        List<List<Object>> expected = TermFrequenciesReport.termFrequencies(counts, visitTerms, 12, 1, top)
            .orderBy("scope", "scope_id", "language", "ngram", "rank", "term").collectAsList().stream()
            .map(SparkTestBase::values).toList();
        List<List<Object>> actual = TermFrequenciesReport.termFrequenciesInReportOrder(counts, visitTerms, 12, 1, top,
            oneTask).collectAsList().stream().map(SparkTestBase::values).toList();
        assertTrue(expected.size() > 100, "rows at top " + top + ": " + expected.size());
        assertEquals(join(expected), join(actual), "top " + top + ", scopes sorted in one task: " + oneTask);
        visitTerms.unpersist();
      }
    } finally {
      corpus.unpersist();
    }
  }
}
