package io.visitlens.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.InputStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * What a processed document's row says about awkward input: what was repaired or ignored on the way in, as codes
 * ({@code input_flags}) and as a note ({@code input_note}), and whether the article is an exact copy of an earlier
 * one ({@code duplicate_of}). All are DataFrame expressions over every document: nothing is collected to the driver.
 */
public final class DocumentFlags {

  private DocumentFlags() {}

  /**
   * Adds {@code input_flags}, the {@link InputStatus} codes of what was repaired or ignored (the reader's
   * {@code input_flag}, {@link InputStatus#INVALID_UTF8}, then {@link InputStatus#INVALID_DATE} when the attribution
   * left a {@code date_note}; empty when neither), and replaces {@code input_note} (the reader's note, such as
   * {@code invalid UTF-8: decoded with replacement characters}) with the reader's note and the attribution's
   * {@code date_note} ({@code invalid header date 2026-13-45 ignored}), joined by {@code "; "}; null when neither
   * applies. Needs {@code input_note}, {@code input_flag} and {@code date_note} ({@link VisitAttribution}).
   */
  public static Dataset<Row> withInputNote(Dataset<Row> documents) {
    Column note = concat_ws("; ", col("input_note"), col("date_note"));
    Column flags = filter(array(col("input_flag"), when(col("date_note").isNotNull(), lit(InputStatus.INVALID_DATE))),
        Column::isNotNull);
    return documents.withColumn("input_flags", flags).withColumn("input_note", when(note.notEqual(""), note));
  }

  /**
   * Adds {@code duplicate_of}: for an article whose text is exactly that of an earlier one, the {@code doc_id} of
   * the earliest; null otherwise. "Earlier" is the order of {@link Paragraphs#withDuplicateFlags}: published
   * date, undated last, then {@code doc_id}. Texts are compared by their SHA-256 (the text after the date
   * header is taken off and line ends are folded), so the same body under another date header is a copy too.
   */
  public static Dataset<Row> withDuplicateOf(Dataset<Row> documents) {
    var byText = Window.partitionBy(sha2(col("text"), 256))
        .orderBy(col("published_date").asc_nulls_last(), col("doc_id").asc());
    return documents.withColumn("first_doc_id", first(col("doc_id")).over(byText))
        .withColumn("duplicate_of", when(col("first_doc_id").notEqual(col("doc_id")), col("first_doc_id")))
        .drop("first_doc_id");
  }
}
