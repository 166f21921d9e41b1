package io.visitlens.report;

import io.visitlens.config.JobOptions;
import io.visitlens.config.SectorLexicon;
import io.visitlens.config.VisitCatalog;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the analysis computes once and the reports are built from: each report's {@link Report#plan} reads these
 * and nothing else. A new report that needs only these is one class and one line in {@link Reports#ALL}; one that
 * needs a product of its own adds it here, computed once by the analysis.
 *
 * @param sentences      the annotated corpus, each document's sentences together in one partition, in
 *                       ({@code doc_id}, {@code sentence_id}) order across partitions
 * @param documents      the {@code documents} report's rows, in its order, kept (other reports count them)
 * @param rejected       the {@code rejected_documents} report's rows, in its order, kept
 * @param nDocuments     documents in the annotated corpus
 * @param documentsByLanguage documents in the annotated corpus by language (N of each language's tf-idf)
 * @param sectorCounts   the corpus's sector counts, on the driver ({@link SectorReports#countCorpus})
 * @param sectorSummary  the {@code sector_summary} rows, a local relation
 * @param termCounts     the term pass's per-document rows ({@link io.visitlens.transform.Terms#documentRows})
 * @param perVisitTerms  the per-visit term counts, kept
 * @param vocabulary     rows of {@code perVisitTerms}
 * @param emphasisBootstrap the article-level bootstrap of the comparison ({@link EmphasisBootstrap})
 * @param cooccurrenceChange the {@code cooccurrence_change} rows, a local relation
 * @param keyness        the {@code term_keyness} statistics, kept ({@link TermKeynessReport#build})
 * @param keynessIntervals the article-level intervals of its top terms ({@link KeynessBootstrap}), a local relation
 * @param speech         the statements and deliverables of the speech pass ({@link SpeechReports#pass}), kept;
 *                       null (and {@code speakerEmphasis} too) when the run has no speech pass ({@code --no-speech})
 * @param speakerEmphasis the {@code speaker_emphasis} rows, a local relation
 * @param keywordContexts the {@code keyword_contexts} rows, kept ({@link KeywordContextsReport#build})
 * @param lexiconGaps    the {@code lexicon_gaps} rows, kept ({@link LexiconGapsReport#build})
 * @param topicModel     the topic model's four reports, local relations ({@link TopicModel#run})
 */
public record Products(SparkSession spark, JobOptions options, VisitCatalog catalog, SectorLexicon lexicon,
    String visitA, String visitB, Dataset<Row> sentences, Dataset<Row> documents, Dataset<Row> rejected,
    long nDocuments, Map<String, Long> documentsByLanguage, SectorReports.CorpusCounts sectorCounts, Dataset<Row> sectorSummary, Dataset<Row> termCounts,
    Dataset<Row> perVisitTerms, long vocabulary, EmphasisBootstrap.Result emphasisBootstrap,
    Dataset<Row> cooccurrenceChange, Dataset<Row> keyness, Dataset<Row> keynessIntervals, Dataset<Row> speech,
    Dataset<Row> speakerEmphasis, Dataset<Row> keywordContexts, Dataset<Row> lexiconGaps,
    TopicModel.Result topicModel) {}
