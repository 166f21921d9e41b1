package io.visitlens.report;

import io.visitlens.io.Sha256;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.visitlens.config.Visit;
import io.visitlens.config.VisitCatalog;
import io.visitlens.transform.DocumentFlags;
import io.visitlens.transform.Rejections;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The corpus-level reports: {@code documents}, {@code visits} and {@code rejected_documents}. */
public final class CorpusReports {

  private CorpusReports() {}

  /**
   * One row per processed document: where it came from, its date and visit with the evidence, its size, what
   * was repaired or ignored on the way in ({@code input_note}) and the earlier article it copies exactly
   * ({@code duplicate_of}). Paragraph counts include duplicates; sentence and token counts cover the counted
   * paragraphs only.
   *
   * @param documents  attributed documents (doc_id, source_path, title, text, date_text, date_origin, input_note,
   *                   published_date, date_source, visit_id, visit_evidence)
   * @param paragraphs paragraphs with {@code is_duplicate}
   * @param sentences  the annotated corpus
   */
  public static Dataset<Row> documents(Dataset<Row> documents, Dataset<Row> paragraphs, Dataset<Row> sentences) {
    Dataset<Row> paragraphCounts = paragraphs.groupBy(col("doc_id")).agg(
        count(lit(1)).cast("int").as("n_paragraphs"),
        sum(when(col("is_duplicate"), 1).otherwise(0)).cast("int").as("n_duplicate_paragraphs"));
    // A sentence's tokens are its non-empty terms (punctuation has an empty term). array_remove, not
    // filter(terms, t -> t != ''): Spark generates code for the first and evaluates the lambda of the second row by
    // row, element by element, which was 19% of the reports step at 100,000 articles.
    Dataset<Row> sentenceCounts = sentences.groupBy(col("doc_id")).agg(
        count(lit(1)).cast("int").as("n_sentences"),
        sum(size(array_remove(col("terms"), ""))).cast("int").as("n_tokens"));
    return DocumentFlags.withDuplicateOf(DocumentFlags.withInputNote(documents))
        .join(paragraphCounts, "doc_id")
        .join(sentenceCounts, "doc_id", "left")
        .select(col("doc_id"), col("source_path"), col("title"), col("language"), col("published_date"),
            col("date_source"),
            col("visit_id"), col("visit_evidence"), col("n_paragraphs"), col("n_duplicate_paragraphs"),
            coalesce(col("n_sentences"), lit(0)).as("n_sentences"), coalesce(col("n_tokens"), lit(0)).as("n_tokens"),
            col("input_note"), col("input_flags"), col("duplicate_of"));
  }

  /** One row per catalogued visit, with how many documents and counted tokens were attributed to it. */
  public static Dataset<Row> visits(SparkSession spark, VisitCatalog catalog, Dataset<Row> documentsReport) {
    StructType schema = new StructType()
        .add("visit_id", DataTypes.StringType, false)
        .add("label", DataTypes.StringType, false)
        .add("start_date", DataTypes.DateType, false)
        .add("end_date", DataTypes.DateType, false)
        .add("host_city", DataTypes.StringType, false)
        .add("host_country", DataTypes.StringType, false);
    List<Row> rows = new ArrayList<>();
    for (Visit v : catalog.visits()) {
      rows.add(RowFactory.create(v.visitId(), v.label(), Date.valueOf(v.startDate()), Date.valueOf(v.endDate()),
          v.hostCity(), v.hostCountry()));
    }
    Dataset<Row> perVisit = documentsReport.where(col("visit_id").isNotNull()).groupBy(col("visit_id")).agg(
        countDistinct(col("doc_id")).cast("int").as("n_documents"),
        sum(col("n_tokens")).cast("long").as("n_tokens"));
    return spark.createDataFrame(rows, schema)
        .join(perVisit, "visit_id", "left")
        .select(col("visit_id"), col("label"), col("start_date"), col("end_date"), col("host_city"),
            col("host_country"), coalesce(col("n_documents"), lit(0)).as("n_documents"),
            coalesce(col("n_tokens"), lit(0L)).as("n_tokens"));
  }

  /**
   * The sum behind the corpus digest, as an aggregate column over documents ({@code doc_id}, {@code text}), so
   * that a job counting the documents takes it in the same pass: the decimal sum of the first 60 bits of each
   * document's SHA-256 over {@code doc_id NUL text}, which depends on neither file order nor partitioning. Computed
   * on the executors; only the sum reaches the driver.
   */
  public static Column corpusDigestSum() {
    return sum(expr(
        "cast(conv(substring(sha2(concat(doc_id, '\u0000', text), 256), 1, 15), 16, 10) as decimal(38,0))"));
  }

  /** The corpus digest: the SHA-256 of a {@link #corpusDigestSum}'s decimal text (null, no documents: "0"). */
  public static String corpusDigestOf(java.math.BigDecimal sum) {
    return Sha256.hex(sum == null ? "0" : sum.toPlainString());
  }

  /** One row per article that could not be processed, with the reason and its short, stable class. */
  public static Dataset<Row> rejectedDocuments(Dataset<Row> rawDocuments) {
    return rawDocuments.where(col("reject_reason").isNotNull())
        .select(coalesce(col("doc_id"), lit("")).as("doc_id"), col("source_path"), col("reject_reason").as("reason"),
            col("reject_class").as("reason_class"));
  }
}
