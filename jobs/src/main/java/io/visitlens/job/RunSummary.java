package io.visitlens.job;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.visitlens.io.InputStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The line {@code visitlens run} prints last, and the counts behind it: processed documents per flag (invalid
 * UTF-8, an invalid date, an exact copy of an earlier article, unassigned) and rejected articles per reason
 * class, so that every awkward document of a run is accounted for in one line.
 */
public final class RunSummary {
  /** The document flags, in the order the line lists them; a document may carry several. */
  public static final List<String> DOCUMENT_CLASSES =
      List.of("invalid UTF-8", "invalid date", "duplicate article", "unassigned");

  /** More (kind, class) rows than the classes can produce; bounds the one action's result. */
  static final int MAX_CLASS_ROWS = 100;

  private RunSummary() {}

  /**
   * The classes with at least one document, each map in its fixed order.
   *
   * @param documents documents per flag class, in {@link #DOCUMENT_CLASSES} order
   * @param rejected  rejected articles per reason class, in {@link InputStatus#REJECT_CLASSES} order
   */
  public record Classes(Map<String, Long> documents, Map<String, Long> rejected) {}

  /**
   * Counts the classes with one aggregation over the {@code documents} and {@code rejected_documents} reports;
   * only its handful of (kind, class, count) rows reach the driver.
   */
  public static Classes count(Dataset<Row> documentsReport, Dataset<Row> rejectedReport) {
    Column flags = filter(array(
        when(array_contains(col("input_flags"), InputStatus.INVALID_UTF8), lit(DOCUMENT_CLASSES.get(0))),
        when(array_contains(col("input_flags"), InputStatus.INVALID_DATE), lit(DOCUMENT_CLASSES.get(1))),
        when(col("duplicate_of").isNotNull(), lit(DOCUMENT_CLASSES.get(2))),
        when(col("visit_id").isNull(), lit(DOCUMENT_CLASSES.get(3)))), Column::isNotNull);
    Dataset<Row> classes = documentsReport.select(lit("document").as("kind"), explode(flags).as("class"))
        .unionByName(rejectedReport.select(lit("rejected").as("kind"), col("reason_class").as("class")));
    Map<String, Long> documents = new LinkedHashMap<>();
    Map<String, Long> rejected = new LinkedHashMap<>();
    List<String> rejectedOrder = InputStatus.REJECT_CLASSES;
    DOCUMENT_CLASSES.forEach(c -> documents.put(c, 0L));
    rejectedOrder.forEach(c -> rejected.put(c, 0L));
    for (Row r : classes.groupBy(col("kind"), col("class")).count().limit(MAX_CLASS_ROWS).collectAsList()) {
      (r.getString(0).equals("document") ? documents : rejected).put(r.getString(1), r.getLong(2));
    }
    documents.values().removeIf(n -> n == 0);
    rejected.values().removeIf(n -> n == 0);
    return new Classes(documents, rejected);
  }

  /**
   * {@code visitlens: wrote file:/…/reports: 5 documents (1 invalid UTF-8, 1 duplicate article), 2 rejected
   * (1 empty, 1 binary), 96 annotated sentences in 12.3 s}; a count without flagged documents has no parentheses.
   */
  public static String line(AnalysisJob.Result result) {
    Map<String, Long> c = result.rowCounts();
    return String.format(Locale.ROOT,
        "visitlens: wrote %s: %d documents%s, %d rejected%s, %d annotated sentences in %.1f s", result.out(),
        c.get("documents"), breakdown(result.classes().documents()), c.get("rejected_documents"),
        breakdown(result.classes().rejected()), c.get("annotated_corpus"), result.timingsMs().get("total") / 1000.0);
  }

  private static String breakdown(Map<String, Long> classes) {
    if (classes.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    classes.forEach((name, n) -> parts.add(n + " " + name));
    return " (" + String.join(", ", parts) + ")";
  }
}
