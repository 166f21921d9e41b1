package io.visitlens.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Sector mentions: the lexicon matches of the annotated corpus, one row each, with their evidence. */
public final class SectorMentions {

  /** One row per mention. Offsets are into the document text, end exclusive. */
  public static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, false)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("sector", DataTypes.StringType, false)
      .add("phrase", DataTypes.StringType, false)
      .add("matched_text", DataTypes.StringType, false)
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("sentence", DataTypes.StringType, false);

  private SectorMentions() {}

  /**
   * One row per match in the annotated corpus ({@code match_begin}, {@code match_end}, {@code match_text}), with
   * the sector and phrase of the lexicon entry it matched ({@code match_sector}, {@code match_phrase}) and the
   * document's {@code language}.
   */
  public static Dataset<Row> explodeMentions(Dataset<Row> sentences) {
    Dataset<Row> in = sentences.select("doc_id", "visit_id", "sentence_id", "sentence", "match_begin", "match_end",
        "match_text", "match_sector", "match_phrase", "language");
    FlatMapFunction<Row, Row> explode = s -> {
      List<Integer> begins = s.getList(4);
      List<Integer> ends = s.getList(5);
      List<String> texts = s.getList(6);
      List<String> sectors = s.getList(7);
      List<String> phrases = s.getList(8);
      List<Row> out = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        out.add(RowFactory.create(s.getString(0), s.getString(1), s.getString(9), s.getInt(2), sectors.get(i),
            phrases.get(i), texts.get(i), begins.get(i), ends.get(i), s.getString(3)));
      }
      return out.iterator();
    };
    return in.flatMap(explode, Encoders.row(SCHEMA));
  }
}
