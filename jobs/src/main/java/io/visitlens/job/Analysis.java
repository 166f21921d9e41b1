package io.visitlens.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.visitlens.config.ConfigException;
import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.CorpusDigest;
import io.visitlens.io.ReportWriter;
import io.visitlens.nlp.TextCore;
import io.visitlens.report.ComparedArticles;
import io.visitlens.report.DocumentsReport;
import io.visitlens.report.EmphasisBootstrap;
import io.visitlens.report.HtmlSummary;
import io.visitlens.report.Products;
import io.visitlens.report.RejectedDocumentsReport;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import io.visitlens.report.SectorReports;
import io.visitlens.report.KeynessBootstrap;
import io.visitlens.report.SectorSummaryReport;
import io.visitlens.report.SpeakerEmphasisReport;
import io.visitlens.report.SpeechReports;
import io.visitlens.report.KeywordContextsReport;
import io.visitlens.report.LexiconGapsReport;
import io.visitlens.transform.Concordance;
import io.visitlens.report.TermKeynessReport;
import io.visitlens.report.TermReports;
import io.visitlens.report.TopicModel;
import io.visitlens.transform.Annotations;
import io.visitlens.transform.DocumentLanguage;
import io.visitlens.transform.Paragraphs;
import io.visitlens.transform.Rejections;
import io.visitlens.transform.Terms;
import io.visitlens.transform.VisitAttribution;
import io.visitlens.transform.VisitAttributor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The analysis as one composite transform: the validated inputs and the articles as read in, a plan of every report
 * of {@link Reports#ALL} out, and nothing written. What several reports read (the annotated corpus, the documents
 * report, the sector counts, the term pass) is computed once into {@link Products}; each report's class plans its
 * rows from those. The caller writes the plans ({@link ReportWriter#write(ReportWriter.Plan)}), reads them for the
 * page, and then closes the output, which releases what the analysis kept.
 *
 * <p>The one cut in the plan is the annotated corpus, handed to a {@link Checkpointer}: the job writes it as Parquet
 * (a deliverable of its own) and reads it back ({@link io.visitlens.io.Checkpoint}); {@link #inMemory()} keeps it
 * in memory, for tests. Small results are brought to the driver on the way (counts for the log, the corpus digest,
 * the sector counts every sector report is computed from); nothing per document is.
 */
public final class Analysis {
  private static final Logger LOG = LogManager.getLogger(Analysis.class);

  /** The name of the annotated corpus, the checkpoint's. */
  public static final String ANNOTATED_CORPUS = "annotated_corpus";

  private Analysis() {}

  /** The validated configuration inputs of a run. */
  public record Inputs(VisitCatalog catalog, SectorLexicon lexicon, List<String> comparison) {
    public Inputs {
      comparison = List.copyOf(comparison);
    }
  }

  /** Where the plan cuts its lineage: rows with {@code schema} in, the same rows (re-read or kept) out. */
  @FunctionalInterface
  public interface Checkpointer {
    Dataset<Row> checkpoint(String name, Dataset<Row> rows, StructType schema);
  }

  /** A checkpoint that keeps the rows in memory: for tests, and for a caller that writes nothing. */
  public static Checkpointer inMemory() {
    return (name, rows, schema) -> rows.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * What the run found on the way, for the log, the summary line and {@code run.json}.
   *
   * @param articles           articles read, rejected ones included
   * @param documents          articles processed
   * @param assigned           documents attributed to a visit
   * @param corpusDigest       {@link CorpusDigest} of the processed documents' text
   * @param sentences          rows of the annotated corpus
   * @param annotatedDocuments documents with at least one annotated sentence
   * @param vocabulary         per-visit term rows
   */
  public record Facts(long articles, long documents, long assigned, String corpusDigest, long sentences,
      long annotatedDocuments, long vocabulary, RunSummary.Classes classes) {}

  /**
   * The analysis's result: every report's plan by name, in {@link Reports#ALL} order, and what was found on the way.
   * The plans read rows the analysis keeps: use them before {@link #close}, which releases those.
   */
  public static final class Output implements AutoCloseable {
    private final Facts facts;
    private final Map<String, ReportWriter.Plan> plans;
    private final Dataset<Row> annotated;
    private final List<Dataset<Row>> kept;

    Output(Facts facts, Map<String, ReportWriter.Plan> plans, Dataset<Row> annotated, List<Dataset<Row>> kept) {
      this.facts = facts;
      this.plans = plans;
      this.annotated = annotated;
      this.kept = kept;
    }

    public Facts facts() {
      return facts;
    }

    /** Every report's plan, in {@link Reports#ALL} order. */
    public List<ReportWriter.Plan> plans() {
      return List.copyOf(plans.values());
    }

    /** The rows of one report of {@link Reports#ALL}. */
    public Dataset<Row> rows(String report) {
      ReportWriter.Plan plan = plans.get(report);
      if (plan == null) {
        throw new IllegalArgumentException("no report " + report + " (reports: " + plans.keySet() + ")");
      }
      return plan.rows();
    }

    /** Every report's rows by name, in {@link Reports#ALL} order. */
    public Map<String, Dataset<Row>> reports() {
      Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
      plans.forEach((name, plan) -> rows.put(name, plan.rows()));
      return rows;
    }

    /** Releases what the analysis kept (the checkpoint's rows too, when it kept them in memory). */
    @Override
    public void close() {
      release(kept, annotated);
    }
  }

  /**
   * Runs the analysis of {@code articles} (as {@link io.visitlens.io.CorpusReader#read} gives them); a
   * {@link ConfigException} when there is no article.
   */
  public static Output run(SparkSession spark, Inputs inputs, JobOptions options, Dataset<Row> articles,
      Checkpointer checkpointer) {
    return run(spark, inputs, options, articles, checkpointer, new Steps(spark));
  }

  static Output run(SparkSession spark, Inputs inputs, JobOptions options, Dataset<Row> articles,
      Checkpointer checkpointer, Steps steps) {
    List<Dataset<Row>> kept = new ArrayList<>();
    Dataset<Row> raw = null;
    Dataset<Row> documents = null;
    Dataset<Row> paragraphs = null;
    Dataset<Row> annotated = null;
    try {
      steps.begin("read");
      raw = Rejections.withRejectReason(articles).persist(StorageLevel.MEMORY_AND_DISK());
      long found = raw.count();
      if (found == 0) {
        throw ConfigException.of("--corpus", options.corpus() + ": no articles found");
      }
      steps.done("read", "read %d articles", found);

      steps.begin("attribute");
      documents = DocumentLanguage.withLanguage(VisitAttribution.withVisit(raw.where(col("reject_reason").isNull()),
              new VisitAttributor(inputs.catalog().visits(), inputs.catalog().aliases(), options.windowDays())))
          .persist(StorageLevel.MEMORY_AND_DISK());
      // The count also takes the corpus digest for run.json, in the same pass over the documents' text.
      Row attributed = documents.agg(count(lit(1)), count(col("visit_id")), CorpusDigest.sum()).first();
      long accepted = attributed.getLong(0);
      long assigned = attributed.getLong(1);
      String corpusDigest = CorpusDigest.of(attributed.isNullAt(2) ? null : attributed.getDecimal(2));
      steps.done("attribute", "%d documents processed, %d rejected; %d attributed to a visit, %d unassigned",
          accepted, found - accepted, assigned, accepted - assigned);

      steps.begin("paragraphs");
      paragraphs = Paragraphs.withDuplicateFlags(Paragraphs.explodeParagraphs(
              documents.select(col("doc_id"), col("visit_id"), col("language"), col("published_date"), col("text"))))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Row split = paragraphs.agg(count(lit(1)), count(when(col("is_duplicate"), lit(1)))).first();
      steps.done("paragraphs", "%d paragraphs, %d duplicates of an earlier document's (%s)", split.getLong(0),
          split.getLong(1), options.keepDuplicates() ? "kept: --keep-duplicates" : "left out of the counts");

      steps.begin("annotate");
      Dataset<Row> counted = options.keepDuplicates() ? paragraphs : paragraphs.where(col("is_duplicate").equalTo(false));
      annotated = checkpointer.checkpoint(ANNOTATED_CORPUS,
          Annotations.annotate(TextCore.create(inputs.lexicon()), counted), Annotations.SCHEMA);
      Dataset<Row> sentences = annotated;
      Row sentenceCounts = sentences.agg(count(lit(1)), countDistinct(col("doc_id"))).first();
      long nSentences = sentenceCounts.getLong(0);
      long nAnnotatedDocuments = sentenceCounts.getLong(1);
      steps.done("annotate", "annotated %d sentences", nSentences);

      steps.begin("documents");
      // The two reports the others count (documents) or the summary counts (both), sorted into their order and kept:
      // computed once, written as they are. The class count is the action that fills both caches, after which the
      // articles, documents and paragraphs, each cached with its text, are read by nothing and dropped, so that on a
      // large corpus the term pass gets the storage memory they held instead of spilling.
      Dataset<Row> documentsReport = keep(kept, ReportWriter.inReportOrder(
          DocumentsReport.build(documents, paragraphs, sentences), accepted, DocumentsReport.REPORT.order()));
      Dataset<Row> rejectedReport = keep(kept, ReportWriter.inReportOrder(RejectedDocumentsReport.build(raw),
          found - accepted, RejectedDocumentsReport.REPORT.order()));
      RunSummary.Classes classes = RunSummary.count(documentsReport, rejectedReport);
      // The annotated corpus's documents by language (those with a counted sentence): N of each language's tf-idf.
      Map<String, Long> documentsByLanguage = new java.util.TreeMap<>();
      for (Row r : SectorReports.boundedCollect(documentsReport.where(col("n_sentences").gt(0))
          .groupBy(col("language")).count(), "documents by language")) {
        documentsByLanguage.put(r.getString(0), r.getLong(1));
      }
      for (Dataset<Row> d : List.of(raw, documents, paragraphs)) {
        d.unpersist();
      }
      steps.done("documents", "documents %s, rejected %s", classes.documents(), classes.rejected());

      steps.begin("sectors");
      // One count of the corpus's sector matches, brought to the driver: every sector report but the mentions is
      // computed from it (window sector sets, each visit's mentions and documents per sector).
      SectorReports.CorpusCounts sectorCounts = SectorReports.countCorpus(sentences);
      Dataset<Row> sectorSummary = SectorSummaryReport.build(spark, sectorCounts.byVisitLanguageSector(),
          documentsReport,
          inputs.catalog().visits().stream().map(v -> v.visitId()).toList(), inputs.lexicon().sectors());
      steps.done("sectors", "sector matches counted by visit and window");

      steps.begin("terms");
      // One pass over the annotated corpus counts each document's n-grams once: it keeps each document's top terms
      // (the document scope) and adds them up per visit (every corpus-wide and visit-wide figure).
      Dataset<Row> termPass = keep(kept, TermReports.termPassOfAnnotated(sentences, options.topPerDocument()));
      Dataset<Row> visitTerms = keep(kept, Terms.visitSums(termPass));
      long vocabulary = countAndWarnIfNoTerms(visitTerms, inputs.comparison());
      // A small vocabulary's per-visit counts are read by some twenty small stages (sums, joins, ranks, the keyness
      // and its q-values): kept in one partition, each of those stages is one task instead of one per partition.
      Dataset<Row> perVisit = vocabulary <= ReportWriter.ONE_TASK_ROWS ? keep(kept, visitTerms.coalesce(1))
          : visitTerms;
      // term_keyness is computed once and kept: its top terms get article-level intervals of their log ratio, and the
      // report (with the intervals joined) and the page read it.
      String visitA = inputs.comparison().get(0);
      String visitB = inputs.comparison().get(1);
      Dataset<Row> keyness = keep(kept, TermKeynessReport.build(perVisit, visitA, visitB, options.priorScale()));
      List<ComparedArticles.TermGroup> top = KeynessBootstrap.chosen(keyness);
      List<ComparedArticles.TermGroup> chosen = options.bootstrap() > 0 ? top : List.of();
      steps.done("terms", "%d distinct terms by visit", vocabulary);

      steps.begin("contexts");
      // keyword_contexts: a few occurrences, in context, of each top keyness term in the two compared visits and of
      // each sector in each visit; each partition keeps its best few, so the kept result is small.
      // (one visit when the catalogue has one: A and B are then the same)
      Dataset<Row> keywordContexts = keep(kept, KeywordContextsReport.build(sentences, top,
          new java.util.TreeSet<>(List.of(visitA, visitB)), KeywordContextsReport.PER_TERM_AND_VISIT,
          Concordance.CONTEXT_TOKENS));
      long nContexts = keywordContexts.count();
      steps.done("contexts", "%d contexts of %d terms and the sectors", nContexts,
          top.stream().mapToInt(g -> g.terms().size()).sum());

      steps.begin("gaps");
      // lexicon_gaps: the n-grams of the sentences with a sector mention that the lexicon does not match, scored by
      // their association with each sector and found in lists of sectors; a few per sector, kept.
      Dataset<Row> lexiconGaps = keep(kept, LexiconGapsReport.build(sentences, inputs.lexicon(), sectorCounts));
      steps.done("gaps", "%d candidates the lexicon may miss", lexiconGaps.count());

      steps.begin("topics");
      // topics: Spark's LDA (MLlib's online optimizer) on the documents' unigram and bigram counts (a vocabulary read
      // from the per-visit counts), or nothing with --topics 0 or too few documents; four small local relations come
      // back.
      TopicModel.Result topics = TopicModel.run(spark, sentences, perVisit, nAnnotatedDocuments,
          inputs.lexicon().sectors(), visitA, visitB, new TopicModel.Settings(options.topics(),
              options.topicsMinDocuments(), options.seed(), options.bootstrap(), options.confidence(),
              spark.sparkContext().defaultParallelism()));
      steps.done("topics", "topic model %s: %d topics on %d documents", topics.fit().status(), topics.fit().k(),
          topics.fit().documents());

      steps.begin("resampling");
      // Every resampling in one pass over the compared visits' articles (each a small record, sent to a few tasks):
      // the comparison's bootstrap, cooccurrence_change's permutation test and the top terms' intervals. Only the
      // replicates' and labellings' results come back.
      ComparedArticles.Result resampled = ComparedArticles.run(sentences, documentsReport, visitA, visitB,
          inputs.lexicon().sectors(), chosen, new ComparedArticles.Settings(options.bootstrap(),
              options.permutations(), options.seed(), options.confidence(), spark.sparkContext().defaultParallelism()));
      EmphasisBootstrap.Result bootstrap = resampled.emphasis();
      steps.done("resampling", "%d and %d articles: %d replicates, %d labellings per window, %d terms' intervals",
          bootstrap.articlesA(), bootstrap.articlesB(), options.bootstrap(), options.permutations(),
          chosen.stream().mapToInt(g -> g.terms().size()).sum());

      Dataset<Row> speech = null;
      Dataset<Row> speakerEmphasis = null;
      if (options.speech()) {
        steps.begin("speech");
        // Statements and deliverables in one pass over the annotated corpus, kept: two reports select their rows,
        // and speaker_emphasis (a local relation) counts the leaders' statements and their sector mentions.
        speech = keep(kept, SpeechReports.pass(sentences, inputs.catalog().visits()));
        SpeakerEmphasisReport.Counts speechCounts = SpeakerEmphasisReport.counts(speech, visitA, visitB); // fills it
        speakerEmphasis = SpeakerEmphasisReport.build(spark, speechCounts, visitA, visitB,
            sectorCounts.pooledBySector(), options.priorScale());
        steps.done("speech", "%d statements, %d deliverables", speechCounts.items().getOrDefault("statement", 0L),
            speechCounts.items().getOrDefault("deliverable", 0L));
      }

      steps.begin("plan");
      Products products = new Products(spark, options, inputs.catalog(), inputs.lexicon(),
          inputs.comparison().get(0), inputs.comparison().get(1), sentences, documentsReport, rejectedReport,
          nAnnotatedDocuments, documentsByLanguage, sectorCounts, sectorSummary, Terms.documentRows(termPass), perVisit,
          vocabulary, bootstrap, resampled.cooccurrenceChange(), keyness, resampled.termIntervals(), speech,
          speakerEmphasis, keywordContexts, lexiconGaps, topics);
      Map<String, ReportWriter.Plan> plans = new LinkedHashMap<>();
      for (Report report : Reports.ALL) {
        ReportWriter.Plan plan = report.plan(products);
        if (plan != null) { // null: not computed in this run (--no-speech)
          plans.put(report.name(), plan);
        }
      }
      steps.done("plan", "planned %d reports", plans.size());
      Facts facts = new Facts(found, accepted, assigned, corpusDigest, nSentences, nAnnotatedDocuments, vocabulary,
          classes);
      return new Output(facts, plans, annotated, kept);
    } catch (RuntimeException | Error e) {
      release(kept, annotated);
      throw e;
    } finally {
      for (Dataset<Row> d : new Dataset[] {raw, documents, paragraphs}) {
        if (d != null) {
          d.unpersist();
        }
      }
    }
  }

  /** Unpersists the rows the analysis kept, and the checkpoint's when there is one (a no-op on a file read). */
  private static void release(List<Dataset<Row>> kept, Dataset<Row> annotated) {
    kept.forEach(Dataset::unpersist);
    if (annotated != null) {
      annotated.unpersist();
    }
  }

  /** Persists rows that several reports read, and adds them to those the output releases. */
  private static Dataset<Row> keep(List<Dataset<Row>> kept, Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(persisted);
    return persisted;
  }

  /**
   * The rows of the per-visit term counts (one action, which also fills their cache), warning when a compared visit
   * has no counted term: its keyness table is then empty, not an error.
   */
  static long countAndWarnIfNoTerms(Dataset<Row> visitTerms, List<String> comparison) {
    long rows = 0;
    List<String> counted = new ArrayList<>();
    // One row per visit key with a counted term: bounded by the catalogue.
    for (Row r : visitTerms.groupBy(col("visit_id")).agg(count(lit(1)))
        .limit((int) HtmlSummary.MAX_ROWS_PER_ACTION).collectAsList()) {
      rows += r.getLong(1);
      if (!r.isNullAt(0)) {
        counted.add(r.getString(0));
      }
    }
    for (String visit : comparison) {
      if (!counted.contains(visit)) {
        LOG.warn("visit {} has no counted term (no attributed document, or only duplicate paragraphs): "
            + "term_keyness {} vs {} is empty", visit, comparison.get(0), comparison.get(1));
      }
    }
    return rows;
  }
}
