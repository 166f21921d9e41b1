package io.visitlens.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Which raw documents cannot be processed, and why. */
public final class Rejections {
  private Rejections() {}

  /**
   * The classes of rejection reasons, each with the regular expression its reasons match, in the order they
   * are tested and summarised. A reason's text may carry details (sizes, paths, an excerpt); its class is stable.
   */
  public static final Map<String, String> REASON_CLASSES = reasonClasses();

  /** The class of a reason no pattern of {@link #REASON_CLASSES} matches. */
  public static final String OTHER = "other";

  private static Map<String, String> reasonClasses() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("empty", "^(empty file|no text)");
    m.put("binary", "^binary file");
    m.put("unreadable", "^unreadable");
    m.put("too large", "^too large");
    m.put("malformed record", "^(malformed record|record has no)");
    m.put("duplicate doc_id", "^duplicate doc_id");
    return m;
  }

  /** The short, stable class of a rejection reason: a key of {@link #REASON_CLASSES}, or {@link #OTHER}. */
  public static Column reasonClass(Column reason) {
    Column c = null;
    for (Map.Entry<String, String> e : REASON_CLASSES.entrySet()) {
      Column matches = reason.rlike(e.getValue());
      c = c == null ? when(matches, lit(e.getKey())) : c.when(matches, lit(e.getKey()));
    }
    return c.otherwise(lit(OTHER));
  }

  /**
   * Adds {@code reject_reason}: the reader's {@code read_problem}, or, for every document after the first (by
   * source path) that shares a {@code doc_id}, {@code "duplicate doc_id: already used by <path>"}. Null when
   * the document is processed.
   */
  public static Dataset<Row> withRejectReason(Dataset<Row> raw) {
    var byId = Window.partitionBy(col("doc_id")).orderBy(col("source_path"));
    Dataset<Row> withFirst = raw.withColumn("first_source_path", first(col("source_path")).over(byId));
    return withFirst.withColumn("reject_reason", coalesce(col("read_problem"),
            when(col("doc_id").isNotNull().and(col("first_source_path").notEqual(col("source_path"))),
                concat(lit("duplicate doc_id: already used by "), col("first_source_path")))))
        .drop("first_source_path");
  }
}
