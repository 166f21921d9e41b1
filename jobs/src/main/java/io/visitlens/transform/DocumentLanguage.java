package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.visitlens.nlp.LanguageDetection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** The language of each document, which decides the text core's resources. */
public final class DocumentLanguage {

  private DocumentLanguage() {}

  /**
   * Adds {@code language}: the {@link LanguageDetection} code of the document's {@code text} ({@code en},
   * {@code de}, {@code ru}, {@code sr-Latn}, {@code sr-Cyrl}, another ISO 639-1 code, or {@code und} when the
   * detector is unsure). The detector travels in the task closure and loads its models once per executor.
   */
  public static Dataset<Row> withLanguage(Dataset<Row> documents) {
    LanguageDetection detector = LanguageDetection.create();
    UserDefinedFunction detect = udf(
        (UDF1<String, String>) text -> text == null ? LanguageDetection.UNDETERMINED : detector.detect(text),
        DataTypes.StringType).asNonNullable();
    return documents.withColumn("language", detect.apply(col("text")));
  }
}
