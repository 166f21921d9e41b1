package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.ReportWriter;
import io.visitlens.transform.Terms;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import java.util.Map;

/**
 * {@code term_frequencies}: one row per term, n-gram order and scope, by {@code scope}, {@code scope_id},
 * {@code ngram}, {@code rank}, {@code term}. Built by {@link #termFrequencies} or, in report order without a sort,
 * {@link #termFrequenciesInReportOrder}; {@link #write} chooses. Both read the term pass's per-document counts and
 * the per-visit counts ({@link TermReports}).
 */
public final class TermFrequenciesReport {
  public static final String NAME = "term_frequencies";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "scope", STRING, "scope_id", STRING, "language", STRING, "term", STRING, "ngram", INT, "count", LONG, "per_10k", DOUBLE,
      "doc_freq", LONG, "tf_idf", DOUBLE, "rank", INT, "stem", STRING), TermFrequenciesReport::plan,
      "scope", "scope_id", "language", "ngram", "rank", "term");

  private TermFrequenciesReport() {}

  /** The {@code scope} values of {@code term_frequencies}. */
  public static final String CORPUS = "corpus";
  public static final String VISIT = "visit";
  public static final String DOCUMENT = "document";

  /**
   * Per-visit term rows up to which the vocabulary's document frequencies are broadcast to the document scope of
   * {@code term_frequencies}, which is then written in the order it is counted in, without a shuffle or a sort (at
   * 10,000 articles that sort and its sampling pass took a third of the terms step). About 100 bytes a row on the
   * driver and on each executor; above it, the document scope is joined by a shuffle and the report sorted by ranges.
   */
  public static final long MAX_BROADCAST_VOCABULARY = 1_000_000;

  /**
   * The report from the term pass's document rows and the per-visit counts. Small enough to sort in one task (the
   * simpler plan, which matters on a small corpus), or with a vocabulary too large to broadcast, it is joined and
   * sorted; otherwise it is built in the report's order (the document scope neither shuffled nor sorted) and
   * written in that order.
   */
  static ReportWriter.Plan plan(Products p) {
    ReportWriter.Plan plan = planRows(p);
    // --csv-scopes: the CSV keeps the scopes asked for, the Parquet every scope.
    return p.options().allScopesInCsv() ? plan
        : plan.withCsvRows(new ReportWriter.CsvRows("scope", p.options().csvScopes()));
  }

  /** The rows of every scope, and how they reach the report's order. */
  private static ReportWriter.Plan planRows(Products p) {
    long vocabulary = p.vocabulary();
    int minCount = p.options().minCount();
    int top = p.options().topPerDocument();
    // A bound known before writing: a corpus or visit row per per-visit row at most, and the document scope's cut
    // (an order of a document has at most topPerDocument rows).
    long bound = 2 * vocabulary + p.nDocuments() * Terms.MAX_ORDER * (long) top;
    if (bound <= ReportWriter.ONE_TASK_ROWS || vocabulary > MAX_BROADCAST_VOCABULARY) {
      return REPORT.sorted(termFrequencies(p.termCounts(), p.perVisitTerms(), p.documentsByLanguage(), minCount, top),
          bound);
    }
    return REPORT.inOrder(termFrequenciesInReportOrder(p.termCounts(), p.perVisitTerms(), p.documentsByLanguage(),
        minCount, top, vocabulary <= ReportWriter.ONE_TASK_ROWS));
  }

  /**
   * The {@code term_frequencies} report, from {@link TermReports#documentTermCounts}: every term of every n-gram order
   * in three scopes, the whole corpus ({@code scope_id} empty), each visit (documents without a visit are in
   * the corpus and document scopes only) and each document, each scope split by document {@code language}: a
   * language's terms are counted among the terms of its own documents only.
   *
   * <ul>
   *   <li>{@code count}: occurrences in the scope's documents of the language; {@code doc_freq}: those documents
   *       that contain it;</li>
   *   <li>{@code per_10k} = count × 10,000 / (occurrences of all terms of that n-gram order in the scope and
   *       language);</li>
   *   <li>{@code tf_idf} = count × ln(N / df), N = the documents of the language ({@code documentsByLanguage}; all
   *       {@code nDocuments} for a language it does not name), df = the term's doc_freq in the corpus scope of the
   *       language (the same idf in every scope; 0 for a term in every document of its language);</li>
   *   <li>{@code rank}: competition rank by count within (scope, scope_id, language, ngram), 1 for the most
   *       frequent, ties sharing a rank (1, 2, 2, 4);</li>
   *   <li>{@code stem}: the stems of the term's tokens joined by a space.</li>
   * </ul>
   *
   * Bounds: the corpus and visit scopes keep the terms with count ≥ {@code minCount}; the document scope
   * keeps the first {@code topPerDocument} terms of each document and n-gram order by count descending, then
   * term ascending. Denominators, doc_freq and ranks are computed before either cut.
   *
   * @param termCounts     {@link TermReports#documentTermCounts}
   * @param nDocuments     N, the number of documents in the annotated corpus
   * @param minCount       the smallest count kept in the corpus and visit scopes, ≥ 1
   * @param topPerDocument terms kept per document and n-gram order, ≥ 1
   */
  public static Dataset<Row> termFrequencies(Dataset<Row> termCounts, long nDocuments, int minCount,
      int topPerDocument) {
    return termFrequencies(termCounts, TermReports.visitTermCounts(termCounts), nDocuments, minCount, topPerDocument);
  }

  /** {@link #termFrequencies(Dataset, Dataset, Map, int, int)} with every language's N = {@code nDocuments}. */
  public static Dataset<Row> termFrequencies(Dataset<Row> termCounts, Dataset<Row> visitTermCounts,
      long nDocuments, int minCount, int topPerDocument) {
    return termFrequencies(termCounts, visitTermCounts, Map.of("", nDocuments), minCount, topPerDocument);
  }

  /**
   * {@link #termFrequencies(Dataset, long, int, int)} with the visit-level counts already aggregated
   * ({@link TermReports#visitTermCounts} of the same term counts): the corpus and visit scopes are read off them,
   * and only the document scope reads the per-document counts.
   */
  public static Dataset<Row> termFrequencies(Dataset<Row> termCounts, Dataset<Row> visitTermCounts,
      Map<String, Long> documentsByLanguage, int minCount, int topPerDocument) {
    FrequencyScopes scopes = frequencyScopes(termCounts, visitTermCounts, documentsByLanguage, minCount,
        topPerDocument, TermReports.SHUFFLE_HASH);
    return scopes.aggregated().unionByName(scopes.document());
  }

  /**
   * The rows of {@link #termFrequencies(Dataset, Dataset, long, int, int)} already in the report's order
   * ({@link TermFrequenciesReport}), for a writer that keeps the order of the partitions: the corpus scope, then the
   * document scope, then the visit scope ({@code corpus < document < visit}). The corpus and visit scopes are sorted,
   * in one task each when {@code sortScopesInOneTask} (when the vocabulary is small), else by ranges. The document scope, the largest, is not
   * sorted and not shuffled: it keeps the order of {@code termCounts}, which must be that of
   * {@link #documentTermCountsOfAnnotated(Dataset, int)} of an annotated corpus in {@code doc_id} order (each
   * document's rows by n-gram order, then count descending, then term in code point order, which is Spark's order of
   * strings), and the vocabulary's document frequencies are broadcast to it. Use it when the vocabulary (the rows of
   * {@code visitTermCounts}) fits in memory on every executor; the same rows as the unordered version.
   */
  public static Dataset<Row> termFrequenciesInReportOrder(Dataset<Row> termCounts, Dataset<Row> visitTermCounts,
      long nDocuments, int minCount, int topPerDocument, boolean sortScopesInOneTask) {
    return termFrequenciesInReportOrder(termCounts, visitTermCounts, Map.of("", nDocuments), minCount,
        topPerDocument, sortScopesInOneTask);
  }

  /** {@link #termFrequenciesInReportOrder(Dataset, Dataset, long, int, int, boolean)} with N by language. */
  public static Dataset<Row> termFrequenciesInReportOrder(Dataset<Row> termCounts, Dataset<Row> visitTermCounts,
      Map<String, Long> documentsByLanguage, int minCount, int topPerDocument, boolean sortScopesInOneTask) {
    FrequencyScopes scopes = frequencyScopes(termCounts, visitTermCounts, documentsByLanguage, minCount,
        topPerDocument, "broadcast");
    return sorted(scopes.aggregated().where(col("scope").equalTo(CORPUS)), sortScopesInOneTask)
        .unionByName(scopes.document())
        .unionByName(sorted(scopes.aggregated().where(col("scope").equalTo(VISIT)), sortScopesInOneTask));
  }

  /** Rows of one scope of {@code term_frequencies} sorted by the report's order. */
  private static Dataset<Row> sorted(Dataset<Row> scope, boolean inOneTask) {
    Column[] order = TermFrequenciesReport.REPORT.order().stream().map(c -> col(c)).toArray(Column[]::new);
    return inOneTask ? scope.repartition(1).sortWithinPartitions(order) : scope.orderBy(order);
  }

  /** The corpus and visit scopes of {@code term_frequencies}, and its document scope, with the report's columns. */
  private record FrequencyScopes(Dataset<Row> aggregated, Dataset<Row> document) {}

  /**
   * @param documentsByLanguage N of each language's tf-idf; the key {@code ""}, if there, is N of any language not
   *                            named (else the sum of the values)
   */
  private static FrequencyScopes frequencyScopes(Dataset<Row> termCounts, Dataset<Row> visitTermCounts,
      Map<String, Long> documentsByLanguage, int minCount, int topPerDocument, String vocabularyJoin) {
    if (minCount < 1 || topPerDocument < 1) {
      throw new IllegalArgumentException("need minCount >= 1 and topPerDocument >= 1, got " + minCount + ", "
          + topPerDocument);
    }
    // The corpus scope is the vocabulary of each language with its document frequency, which the other scopes join
    // for tf_idf. A document is in one visit or none, so its counts and document frequencies add up over the visit
    // groups. A term has one stem in a language.
    String[] termKey = {"language", "ngram", "term", "stem"};
    Dataset<Row> corpusScope = visitTermCounts
        .groupBy(col("language"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count"), sum(col("doc_freq")).as("doc_freq"))
        .select(lit(CORPUS).as("scope"), lit("").as("scope_id"), col("language"), col("ngram"), col("term"),
            col("stem"), col("count"), col("doc_freq"), col("doc_freq").as("corpus_doc_freq"));
    Dataset<Row> documentFrequency = corpusScope.select(col("language"), col("ngram"), col("term"), col("stem"),
        col("corpus_doc_freq"));
    Dataset<Row> visitScope = visitTermCounts.where(col("visit_id").isNotNull())
        .join(documentFrequency.hint(TermReports.SHUFFLE_HASH), termKey)
        .select(lit(VISIT).as("scope"), col("visit_id").as("scope_id"), col("language"), col("ngram"), col("term"),
            col("stem"), col("count"), col("doc_freq"), col("corpus_doc_freq"));
    Dataset<Row> aggregated = corpusScope.unionByName(visitScope);
    Dataset<Row> aggregatedKept = aggregated.where(col("count").geq(minCount))
        .join(countProfile(aggregated), new String[] {"scope", "scope_id", "language", "ngram", "count"});

    // A document's own terms: position, rank and total were computed with the counts, before the top-N cut (the
    // same competition rank and total the count profile gives the other scopes), so the large document scope is
    // cut without a window and joined once, for its document frequency.
    Dataset<Row> documentKept = Terms.withDocumentPlaces(termCounts).where(col("position").leq(topPerDocument))
        .join(documentFrequency.hint(vocabularyJoin), termKey)
        .select(lit(DOCUMENT).as("scope"), col("doc_id").as("scope_id"), col("language"), col("ngram"), col("term"),
            col("stem"), col("count"), lit(1L).as("doc_freq"), col("corpus_doc_freq"), col("rank"),
            col("doc_total").as("scope_total"));

    Column n = documentsOfLanguage(documentsByLanguage);
    return new FrequencyScopes(frequencyColumns(aggregatedKept, n), frequencyColumns(documentKept, n));
  }

  /** N of the tf-idf of a row's language, as a column: a CASE over the few languages of the corpus. */
  private static Column documentsOfLanguage(Map<String, Long> documentsByLanguage) {
    long others = documentsByLanguage.containsKey("") ? documentsByLanguage.get("")
        : documentsByLanguage.values().stream().mapToLong(Long::longValue).sum();
    Column n = lit((double) others);
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(documentsByLanguage).entrySet()) {
      if (!e.getKey().isEmpty()) {
        n = when(col("language").equalTo(e.getKey()), lit((double) e.getValue())).otherwise(n);
      }
    }
    return n;
  }

  /** The report's columns, in the report's column order. */
  private static Dataset<Row> frequencyColumns(Dataset<Row> scope, Column nDocuments) {
    return scope.select(col("scope"), col("scope_id"), col("language"), col("term"), col("ngram"), col("count"),
        col("count").multiply(10_000.0).divide(col("scope_total")).as("per_10k"),
        col("doc_freq"),
        col("count").multiply(log(nDocuments.divide(col("corpus_doc_freq")))).as("tf_idf"),
        col("rank"), col("stem"));
  }

  /**
   * Rank and total of every (scope, n-gram order, count) of the corpus and visit scopes, computed on the
   * count profile (how many terms have each count), which is small whatever the vocabulary: the competition
   * rank is 1 + the number of terms with a higher count, the total is Σ count × terms with that count.
   */
  private static Dataset<Row> countProfile(Dataset<Row> all) {
    WindowSpec scope = Window.partitionBy(col("scope"), col("scope_id"), col("language"), col("ngram"));
    return all.groupBy(col("scope"), col("scope_id"), col("language"), col("ngram"), col("count"))
        .agg(count(lit(1)).as("n_terms"))
        .select(col("scope"), col("scope_id"), col("language"), col("ngram"), col("count"),
            sum(col("n_terms")).over(scope.orderBy(col("count").desc()))
                .minus(col("n_terms")).plus(1).cast("int").as("rank"),
            sum(col("count").multiply(col("n_terms"))).over(scope).as("scope_total"));
  }
}
