package io.visitlens.transform;

import java.sql.Date;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Attributes every document to a visit, or says why not, with {@link VisitAttributor}. */
public final class VisitAttribution {

  /** The columns {@link #withVisit} adds. */
  public static final StructType FIELDS = new StructType()
      .add("published_date", DataTypes.DateType, true)
      .add("date_source", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("visit_evidence", DataTypes.StringType, false)
      .add("visit_score", DataTypes.IntegerType, true)
      .add("runner_up_visit_id", DataTypes.StringType, true)
      .add("runner_up_score", DataTypes.IntegerType, true)
      .add("date_note", DataTypes.StringType, true);

  private VisitAttribution() {}

  /**
   * Adds {@link #FIELDS} to raw documents (which need {@code text}, {@code date_text} and {@code date_origin}).
   * Runs per document on the executors; the attributor travels in the task closure.
   */
  public static Dataset<Row> withVisit(Dataset<Row> documents, VisitAttributor attributor) {
    StructType in = documents.schema();
    StructType out = in;
    for (var f : FIELDS.fields()) {
      out = out.add(f);
    }
    int text = in.fieldIndex("text");
    int dateText = in.fieldIndex("date_text");
    int dateOrigin = in.fieldIndex("date_origin");
    int width = in.size();
    MapFunction<Row, Row> attribute = doc -> {
      Object[] values = new Object[width + FIELDS.size()];
      for (int i = 0; i < width; i++) {
        values[i] = doc.get(i);
      }
      Attribution a = attributor.attribute(doc.getString(text), doc.getString(dateText), doc.getString(dateOrigin));
      values[width] = a.publishedDate() == null ? null : Date.valueOf(a.publishedDate());
      values[width + 1] = a.dateSource();
      values[width + 2] = a.visitId();
      values[width + 3] = a.evidence();
      values[width + 4] = a.score();
      values[width + 5] = a.runnerUpId();
      values[width + 6] = a.runnerUpScore();
      values[width + 7] = a.dateNote();
      return RowFactory.create(values);
    };
    return documents.map(attribute, Encoders.row(out));
  }
}
