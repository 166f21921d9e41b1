package io.visitlens.report;

import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;

import io.visitlens.io.ReportWriter;
import io.visitlens.speech.Deliverables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code deliverables}: one row per deliverable found in a counted sentence ({@link Deliverables}), by
 * {@code doc_id}, {@code begin}. English sentences only, for now; syndicated copies are not in the corpus.
 */
public final class DeliverablesReport {
  public static final String NAME = "deliverables";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "language", STRING, "sentence_id", INT, "begin", INT, "end", INT,
      "kind", STRING, "value", DOUBLE, "unit", STRING, "currency", STRING, "object", STRING, "sector", STRING,
      "tense", STRING, "sentence", STRING), DeliverablesReport::plan, "doc_id", "begin");

  /** The languages whose sentences are read. */
  static final String LANGUAGE = "en";

  private DeliverablesReport() {}

  /** Derived in (doc_id, begin) order from the annotated corpus in (doc_id, sentence_id) order: no sort. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(build(p.sentences()));
  }

  /** The report from the annotated corpus. */
  public static Dataset<Row> build(Dataset<Row> sentences) {
    Deliverables deliverables = new Deliverables();
    FlatMapFunction<Row, Row> find = s -> {
      List<Row> out = new ArrayList<>();
      if (!LANGUAGE.equals(s.getString(7))) {
        return out.iterator();
      }
      int sentenceBegin = s.getInt(3);
      String sectors = String.join(StatementsReport.SECTOR_SEPARATOR, new LinkedHashSet<>(s.<String>getList(5)));
      for (Deliverables.Deliverable d : deliverables.find(s.getString(4))) {
        out.add(RowFactory.create(s.getString(0), s.isNullAt(1) ? null : s.getString(1), s.getString(7), s.getInt(2),
            sentenceBegin + d.begin(), sentenceBegin + d.end(), d.kind(), d.value(), d.unit(), d.currency(),
            d.object(), sectors.isEmpty() ? null : sectors, d.tense(), s.getString(4)));
      }
      return out.iterator();
    };
    return sentences.select(col("doc_id"), col("visit_id"), col("sentence_id"), col("sentence_begin"),
            col("sentence"), col("match_sector"), col("match_begin"), col("language"))
        .flatMap(find, Encoders.row(REPORT.schema()));
  }
}
