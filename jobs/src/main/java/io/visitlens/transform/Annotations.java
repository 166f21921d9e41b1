package io.visitlens.transform;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.visitlens.nlp.AnnotationPipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The annotated corpus: paragraphs run through the Spark NLP pipeline, flattened at once into one plain row
 * per sentence. No annotation struct leaves this class.
 */
public final class Annotations {

  /** One row per sentence. Offsets are into the document text; ends are exclusive. Arrays are aligned per token. */
  public static final StructType SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("paragraph_id", DataTypes.IntegerType, false)
      .add("sentence_begin", DataTypes.IntegerType, false)
      .add("sentence_end", DataTypes.IntegerType, false)
      .add("sentence", DataTypes.StringType, false)
      .add("tokens", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("token_begin", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("token_end", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("stems", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("is_stop", DataTypes.createArrayType(DataTypes.BooleanType, false), false)
      .add("match_begin", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("match_end", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("match_text", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private Annotations() {}

  /**
   * Annotates paragraphs ({@code doc_id}, {@code visit_id}, {@code paragraph_id}, {@code paragraph_begin},
   * {@code paragraph_text}) and returns one row per sentence with {@link #SCHEMA} plus {@code sentence_id},
   * the sentence's 0-based position in its document.
   *
   * <p>{@code terms[i]} is the normalised form of {@code tokens[i]} (lowercase, letters, digits and hyphens
   * kept), empty for punctuation; {@code stems[i]} is its Porter stem (empty for punctuation);
   * {@code is_stop[i]} is true for an English stop word.
   */
  public static Dataset<Row> annotate(PipelineModel pipeline, Dataset<Row> paragraphs) {
    Dataset<Row> transformed = pipeline.transform(paragraphs.select(
        col("doc_id"), col("visit_id"), col("paragraph_id"), col("paragraph_begin"), col("paragraph_text")));
    List<String> columns = List.of(transformed.columns());
    Column noChunks = array().cast(transformed.schema().apply(AnnotationPipeline.TOKEN).dataType());
    Dataset<Row> annotated = transformed.select(col("doc_id"), col("visit_id"), col("paragraph_id"),
        col("paragraph_begin"), col(AnnotationPipeline.SENTENCE), col(AnnotationPipeline.TOKEN),
        col(AnnotationPipeline.NORMALIZED), col(AnnotationPipeline.CLEAN), col(AnnotationPipeline.STEM),
        columns.contains(AnnotationPipeline.SECTOR_WORDS) ? col(AnnotationPipeline.SECTOR_WORDS) : noChunks,
        columns.contains(AnnotationPipeline.SECTOR_ACRONYMS) ? col(AnnotationPipeline.SECTOR_ACRONYMS) : noChunks);
    Dataset<Row> sentences = annotated.flatMap((FlatMapFunction<Row, Row>) Annotations::flatten, Encoders.row(SCHEMA));
    return sentences.withColumn("sentence_id",
        row_number().over(Window.partitionBy(col("doc_id")).orderBy(col("sentence_begin"))).minus(1));
  }

  static java.util.Iterator<Row> flatten(Row p) {
    String docId = p.getString(0);
    String visitId = p.getString(1);
    int paragraphId = p.getInt(2);
    int offset = p.getInt(3);
    List<Row> sentences = p.getList(4);
    List<Row> tokens = p.getList(5);
    Map<Integer, String> normalized = new HashMap<>();
    for (Row n : p.<Row>getList(6)) {
      normalized.put(n.<Integer>getAs("begin"), n.getAs("result"));
    }
    Set<Integer> kept = new HashSet<>();
    for (Row c : p.<Row>getList(7)) {
      kept.add(c.<Integer>getAs("begin"));
    }
    Map<Integer, String> stemmed = new HashMap<>();
    for (Row n : p.<Row>getList(8)) {
      stemmed.put(n.<Integer>getAs("begin"), n.getAs("result"));
    }
    List<Row> chunks = new ArrayList<>(p.<Row>getList(9));
    chunks.addAll(p.<Row>getList(10));
    List<Row> out = new ArrayList<>(sentences.size());
    int t = 0;
    for (Row s : sentences) {
      int sb = s.<Integer>getAs("begin");
      int se = s.<Integer>getAs("end");
      List<String> words = new ArrayList<>();
      List<Integer> begins = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      List<String> terms = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      List<Boolean> stops = new ArrayList<>();
      while (t < tokens.size() && tokens.get(t).<Integer>getAs("begin") < sb) {
        t++;
      }
      for (; t < tokens.size() && tokens.get(t).<Integer>getAs("begin") <= se; t++) {
        Row token = tokens.get(t);
        int tb = token.<Integer>getAs("begin");
        String term = normalized.get(tb);
        words.add(token.getAs("result"));
        begins.add(offset + tb);
        ends.add(offset + token.<Integer>getAs("end") + 1);
        terms.add(term == null ? "" : term);
        String stem = term == null ? null : stemmed.get(tb);
        stems.add(stem == null ? "" : stem);
        stops.add(term != null && !term.isEmpty() && !kept.contains(tb));
      }
      List<int[]> matches = longestFirst(chunks, sb, se);
      Integer[] matchBegin = new Integer[matches.size()];
      Integer[] matchEnd = new Integer[matches.size()];
      String[] matchText = new String[matches.size()];
      String text = s.getAs("result");
      for (int i = 0; i < matches.size(); i++) {
        matchBegin[i] = offset + matches.get(i)[0];
        matchEnd[i] = offset + matches.get(i)[1] + 1;
        matchText[i] = text.substring(matches.get(i)[0] - sb, matches.get(i)[1] + 1 - sb);
      }
      out.add(RowFactory.create(docId, visitId, paragraphId, offset + sb, offset + se + 1, text,
          words.toArray(new String[0]), begins.toArray(new Integer[0]), ends.toArray(new Integer[0]),
          terms.toArray(new String[0]), stems.toArray(new String[0]), stops.toArray(new Boolean[0]), matchBegin,
          matchEnd, matchText));
    }
    return out.iterator();
  }

  /**
   * The matches of one sentence, [begin, end] inclusive and paragraph-relative, that survive "the longest
   * match wins": candidates are taken longest first (then leftmost), and one that overlaps an accepted match
   * is dropped, so a nested phrase is never counted twice ("green energy" is one match, not also "energy").
   * Returned in text order.
   */
  static List<int[]> longestFirst(List<Row> chunks, int sentenceBegin, int sentenceEnd) {
    List<int[]> candidates = new ArrayList<>();
    for (Row c : chunks) {
      int b = c.<Integer>getAs("begin");
      int e = c.<Integer>getAs("end");
      if (b >= sentenceBegin && e <= sentenceEnd) {
        candidates.add(new int[] {b, e});
      }
    }
    candidates.sort(Comparator.<int[]>comparingInt(m -> m[0] - m[1]).thenComparingInt(m -> m[0]));
    List<int[]> accepted = new ArrayList<>();
    for (int[] m : candidates) {
      boolean overlaps = false;
      for (int[] a : accepted) {
        overlaps |= m[0] <= a[1] && a[0] <= m[1];
      }
      if (!overlaps) {
        accepted.add(m);
      }
    }
    accepted.sort(Comparator.comparingInt(m -> m[0]));
    return accepted;
  }
}
