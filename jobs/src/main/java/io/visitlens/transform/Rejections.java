package io.visitlens.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.InputStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Which raw documents cannot be processed, and why. */
public final class Rejections {
  private Rejections() {}

  /**
   * Adds {@code reject_reason}: the reader's {@code read_problem}, or, for every document after the first (by
   * source path) that shares a {@code doc_id}, {@code "duplicate doc_id: already used by <path>"}; and
   * {@code reject_class}, its {@link InputStatus} class: the reader's {@code read_problem_class}, or
   * {@link InputStatus#DUPLICATE_DOC_ID}. Both null when the document is processed.
   */
  public static Dataset<Row> withRejectReason(Dataset<Row> raw) {
    var byId = Window.partitionBy(col("doc_id")).orderBy(col("source_path"));
    Dataset<Row> withFirst = raw.withColumn("first_source_path", first(col("source_path")).over(byId));
    Column duplicate = col("doc_id").isNotNull().and(col("first_source_path").notEqual(col("source_path")));
    return withFirst
        .withColumn("reject_reason", coalesce(col("read_problem"),
            when(duplicate, concat(lit("duplicate doc_id: already used by "), col("first_source_path")))))
        .withColumn("reject_class", coalesce(col("read_problem_class"),
            when(duplicate, lit(InputStatus.DUPLICATE_DOC_ID))))
        .drop("first_source_path");
  }
}
