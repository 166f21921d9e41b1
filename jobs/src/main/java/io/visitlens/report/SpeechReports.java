package io.visitlens.report;

import static org.apache.spark.sql.functions.col;

import io.visitlens.config.Visit;
import io.visitlens.speech.Deliverables;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What {@code statements}, {@code deliverables} and {@code speaker_emphasis} share: one pass over the annotated
 * corpus, an article at a time, that finds both the statements ({@link Statements}) and the deliverables
 * ({@link Deliverables}) and emits them as rows of one schema ({@link #SCHEMA}, {@code item} telling them apart), in
 * (doc_id, begin) order within each item. The job keeps the rows: each report selects its own. Reading the
 * sentences' text is most of the cost, so it is read once. Syndicated copies' paragraphs are not in the corpus, so
 * nothing is counted twice.
 */
public final class SpeechReports {

  static final String STATEMENT = "statement";
  static final String DELIVERABLE = "deliverable";

  /** The deliverables' languages, for now. */
  static final String DELIVERABLES_LANGUAGE = "en";

  /** How a list of sectors is joined in one column. */
  public static final String SECTOR_SEPARATOR = "; ";

  private SpeechReports() {}

  /** Both items' columns, and {@code sector_list}, each sector mention of a statement (for speaker_emphasis). */
  public static final StructType SCHEMA = new StructType()
      .add("item", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, true)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("speaker", DataTypes.StringType, true)
      .add("speaker_role", DataTypes.StringType, true)
      .add("speaker_text", DataTypes.StringType, true)
      .add("cue", DataTypes.StringType, true)
      .add("kind", DataTypes.StringType, true)
      .add("statement", DataTypes.StringType, true)
      .add("sectors", DataTypes.StringType, true)
      .add("sector_mentions", DataTypes.IntegerType, true)
      .add("sector_list", DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add("value", DataTypes.DoubleType, true)
      .add("unit", DataTypes.StringType, true)
      .add("currency", DataTypes.StringType, true)
      .add("object", DataTypes.StringType, true)
      .add("sector", DataTypes.StringType, true)
      .add("tense", DataTypes.StringType, true)
      .add("sentence", DataTypes.StringType, true);

  /** The pass over the annotated corpus (each document's sentences together, in order) for these visits. */
  public static Dataset<Row> pass(Dataset<Row> sentences, List<Visit> visits) {
    Statements statements = new Statements(SpeechCues.load(), visits);
    Map<String, Visit> byId = new LinkedHashMap<>();
    visits.forEach(v -> byId.put(v.visitId(), v));
    MapPartitionsFunction<Row, Row> pass = rows -> new Pass(rows, statements, new Deliverables(), byId);
    return sentences.select(col("doc_id"), col("visit_id"), col("paragraph_id"), col("sentence_id"),
            col("sentence_begin"), col("sentence"), col("match_begin"), col("match_sector"), col("language"))
        .mapPartitions(pass, Encoders.row(SCHEMA));
  }

  /** The {@code statements} report's rows, in its order. */
  public static Dataset<Row> statements(Dataset<Row> speech) {
    return select(speech, STATEMENT, StatementsReport.REPORT);
  }

  /** The {@code deliverables} report's rows, in its order. */
  public static Dataset<Row> deliverables(Dataset<Row> speech) {
    return select(speech, DELIVERABLE, DeliverablesReport.REPORT);
  }

  private static Dataset<Row> select(Dataset<Row> speech, String item, Report report) {
    return report.select(speech.where(col("item").equalTo(item)));
  }

  /** An article's sentences gathered; its statements and deliverables found when it ends. */
  private static final class Pass extends DocumentRuns<Row> {
    private final Statements statements;
    private final Deliverables deliverables;
    private final Map<String, Visit> visits;
    private final List<Statements.Sentence> sentences = new ArrayList<>();
    private final List<Row> found = new ArrayList<>();
    private String language;

    Pass(Iterator<Row> rows, Statements statements, Deliverables deliverables, Map<String, Visit> visits) {
      super(rows);
      this.statements = statements;
      this.deliverables = deliverables;
      this.visits = visits;
    }

    @Override
    protected void sentence(Row s) {
      language = s.getString(8);
      List<String> matched = s.getList(7);
      Statements.Sentence sentence = new Statements.Sentence(s.getInt(2), s.getInt(3), s.getInt(4), s.getString(5),
          s.getList(6), matched);
      if (statements.covers(language)) {
        sentences.add(sentence);
      }
      if (DELIVERABLES_LANGUAGE.equals(language)) {
        String sectors = String.join(SECTOR_SEPARATOR, new LinkedHashSet<>(matched));
        String visit = s.isNullAt(1) ? null : s.getString(1);
        for (Deliverables.Deliverable d : deliverables.find(sentence.text())) {
          found.add(RowFactory.create(DELIVERABLE, document(), visit, language, sentence.sentenceId(),
              sentence.begin() + d.begin(), sentence.begin() + d.end(), null, null, null, null, d.kind(), null, null,
              null, null, d.value(), d.unit(), d.currency(), d.object(), sectors.isEmpty() ? null : sectors,
              d.tense(), sentence.text()));
        }
      }
    }

    @Override
    protected void endDocument(String visit) {
      if (!sentences.isEmpty()) {
        for (Statements.Statement st : statements.find(sentences, language, visit == null ? null : visits.get(visit))) {
          String sectors = String.join(SECTOR_SEPARATOR, new LinkedHashSet<>(st.sectors()));
          ready.add(RowFactory.create(STATEMENT, document(), visit, language, st.sentenceId(), st.begin(), st.end(),
              st.speaker(), st.role(), st.speakerText(), st.cue(), st.kind(), st.text(),
              sectors.isEmpty() ? null : sectors, st.sectors().size(), st.sectors().toArray(new String[0]), null,
              null, null, null, null, null, null));
        }
      }
      ready.addAll(found);
      sentences.clear();
      found.clear();
    }
  }
}
