package io.visitlens.report;

import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.col;

import io.visitlens.config.Visit;
import io.visitlens.io.ReportWriter;
import io.visitlens.speech.SpeechCues;
import io.visitlens.speech.Statements;
import io.visitlens.transform.DocumentRuns;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * {@code statements}: one row per attributed statement ({@link Statements}), by {@code doc_id}, {@code begin}. Found
 * in one pass over the annotated corpus, an article at a time: the statements of syndicated copies are not counted
 * twice, since their paragraphs are not in the corpus.
 */
public final class StatementsReport {
  public static final String NAME = "statements";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "doc_id", STRING, "visit_id", STRING, "language", STRING, "sentence_id", INT, "begin", INT, "end", INT,
      "speaker", STRING, "speaker_role", STRING, "speaker_text", STRING, "cue", STRING, "kind", STRING,
      "statement", STRING, "sectors", STRING, "sector_mentions", INT), StatementsReport::plan, "doc_id", "begin");

  /** How {@code sectors} joins the distinct sectors of a statement. */
  public static final String SECTOR_SEPARATOR = "; ";

  private StatementsReport() {}

  /** Derived in (doc_id, begin) order from the annotated corpus in (doc_id, sentence_id) order: no sort. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(build(p.sentences(), p.catalog().visits()));
  }

  /** The report from the annotated corpus (each document's sentences together, in order), for these visits. */
  public static Dataset<Row> build(Dataset<Row> sentences, List<Visit> visits) {
    Statements statements = new Statements(SpeechCues.load(), visits);
    Map<String, Visit> byId = new LinkedHashMap<>();
    visits.forEach(v -> byId.put(v.visitId(), v));
    MapPartitionsFunction<Row, Row> pass = rows -> new Pass(rows, statements, byId);
    return sentences.select(col("doc_id"), col("visit_id"), col("paragraph_id"), col("sentence_id"),
            col("sentence_begin"), col("sentence"), col("match_begin"), col("match_sector"), col("language"))
        .mapPartitions(pass, Encoders.row(REPORT.schema()));
  }

  /** An article's sentences gathered, its statements found when it ends. */
  private static final class Pass extends DocumentRuns<Row> {
    private final Statements statements;
    private final Map<String, Visit> visits;
    private final List<Statements.Sentence> sentences = new ArrayList<>();
    private String language;

    Pass(Iterator<Row> rows, Statements statements, Map<String, Visit> visits) {
      super(rows);
      this.statements = statements;
      this.visits = visits;
    }

    @Override
    protected void sentence(Row s) {
      language = s.getString(8);
      if (statements.covers(language)) {
        sentences.add(new Statements.Sentence(s.getInt(2), s.getInt(3), s.getInt(4), s.getString(5), s.getList(6),
            s.getList(7)));
      }
    }

    @Override
    protected void endDocument(String visit) {
      if (!sentences.isEmpty()) {
        for (Statements.Statement st : statements.find(sentences, language, visit == null ? null : visits.get(visit))) {
          ready.add(RowFactory.create(document(), visit, language, st.sentenceId(), st.begin(), st.end(),
              st.speaker(), st.role(), st.speakerText(), st.cue(), st.kind(), st.text(),
              String.join(SECTOR_SEPARATOR, new LinkedHashSet<>(st.sectors())), st.sectors().size()));
        }
      }
      sentences.clear();
    }
  }
}
