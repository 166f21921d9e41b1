package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.AnnotatorType;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import com.johnsnowlabs.nlp.LightPipeline;
import com.johnsnowlabs.nlp.annotators.Stemmer;
import io.visitlens.nlp.AnnotationPipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

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
   *
   * <p>The fitted pipeline's annotators run one paragraph at a time inside a single pass over each partition
   * (Spark NLP's {@link LightPipeline}, the same {@code annotate} methods as {@code pipeline.transform}), and
   * each paragraph goes straight to its flat sentence rows. Running the stages as DataFrame transformations
   * instead converts every paragraph's annotations to and from Spark rows at each of the eight stages, which
   * cost more than the annotators themselves. The Stemmer is a pure function of the normalised term, so it is
   * called once per distinct term in a partition ({@link Stems}), not once per token.
   */
  public static Dataset<Row> annotate(PipelineModel pipeline, Dataset<Row> paragraphs) {
    Dataset<Row> sentences = paragraphs
        .select(col("doc_id"), col("visit_id"), col("paragraph_id"), col("paragraph_begin"), col("paragraph_text"))
        .mapPartitions(new Annotator(paragraphs.sparkSession(), pipeline), Encoders.row(SCHEMA));
    return sentences.withColumn("sentence_id",
        row_number().over(Window.partitionBy(col("doc_id")).orderBy(col("sentence_begin"))).minus(1));
  }

  /** Runs the pipeline over a partition of paragraphs; built on the executor from the shipped fitted model. */
  static final class Annotator implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final PipelineModel stages;
    private final Stemmer stemmer;

    Annotator(SparkSession spark, PipelineModel pipeline) {
      List<PipelineStage> light = new ArrayList<>();
      Stemmer found = null;
      for (Transformer stage : pipeline.stages()) {
        if (stage instanceof Stemmer s) {
          found = s;
        } else {
          light.add(stage);
        }
      }
      // Fitting a pipeline of fitted models only collects them; it reads no data.
      this.stages = new Pipeline().setStages(light.toArray(new PipelineStage[0]))
          .fit(spark.createDataFrame(List.of(), new StructType()));
      this.stemmer = found;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> paragraphs) {
      LightPipeline annotator = new LightPipeline(stages, false);
      Stems stems = new Stems(stemmer);
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(paragraphs, Spliterator.ORDERED), false)
          .flatMap(p -> flatten(p, annotator.fullAnnotateJava(p.getString(4)), stems).stream())
          .iterator();
    }
  }

  /** Porter stems of terms, remembered per partition up to {@link #CAPACITY} distinct terms. */
  static final class Stems {
    static final int CAPACITY = 500_000;
    private final Stemmer stemmer;
    private final Map<String, String> known = new HashMap<>();

    Stems(Stemmer stemmer) {
      this.stemmer = stemmer;
    }

    /** The stem of a normalised term, or {@code ""} without a Stemmer in the pipeline. */
    String of(String term) {
      if (stemmer == null) {
        return "";
      }
      String stem = known.get(term);
      if (stem == null) {
        Annotation token = new Annotation(AnnotatorType.TOKEN(), 0, term.length() - 1, term,
            scala.collection.immutable.Map$.MODULE$.<String, String>empty(), new float[0]);
        stem = stemmer.annotate(JavaConverters.asScalaBuffer(List.of(token)).toSeq()).head().result();
        if (known.size() >= CAPACITY) {
          known.clear();
        }
        known.put(term, stem);
      }
      return stem;
    }
  }

  /** One paragraph's annotations, by the pipeline's output column, as flat sentence rows. */
  static List<Row> flatten(Row p, Map<String, List<IAnnotation>> annotations, Stems stemsOf) {
    String docId = p.getString(0);
    String visitId = p.getString(1);
    int paragraphId = p.getInt(2);
    int offset = p.getInt(3);
    List<JavaAnnotation> sentences = of(annotations, AnnotationPipeline.SENTENCE);
    List<JavaAnnotation> tokens = of(annotations, AnnotationPipeline.TOKEN);
    Map<Integer, String> normalized = new HashMap<>();
    for (JavaAnnotation n : of(annotations, AnnotationPipeline.NORMALIZED)) {
      normalized.put(n.begin(), n.result());
    }
    Set<Integer> kept = new HashSet<>();
    for (JavaAnnotation c : of(annotations, AnnotationPipeline.CLEAN)) {
      kept.add(c.begin());
    }
    List<JavaAnnotation> chunks = new ArrayList<>(of(annotations, AnnotationPipeline.SECTOR_WORDS));
    chunks.addAll(of(annotations, AnnotationPipeline.SECTOR_ACRONYMS));
    List<Row> out = new ArrayList<>(sentences.size());
    int t = 0;
    for (JavaAnnotation s : sentences) {
      int sb = s.begin();
      int se = s.end();
      List<String> words = new ArrayList<>();
      List<Integer> begins = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      List<String> terms = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      List<Boolean> stops = new ArrayList<>();
      while (t < tokens.size() && tokens.get(t).begin() < sb) {
        t++;
      }
      for (; t < tokens.size() && tokens.get(t).begin() <= se; t++) {
        JavaAnnotation token = tokens.get(t);
        int tb = token.begin();
        String term = normalized.get(tb);
        words.add(token.result());
        begins.add(offset + tb);
        ends.add(offset + token.end() + 1);
        terms.add(term == null ? "" : term);
        stems.add(term == null ? "" : stemsOf.of(term));
        stops.add(term != null && !term.isEmpty() && !kept.contains(tb));
      }
      List<int[]> matches = longestFirst(chunks, sb, se);
      Integer[] matchBegin = new Integer[matches.size()];
      Integer[] matchEnd = new Integer[matches.size()];
      String[] matchText = new String[matches.size()];
      String text = s.result();
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
    return out;
  }

  /** The annotations of one output column ({@link LightPipeline#fullAnnotateJava} gives Java annotations). */
  private static List<JavaAnnotation> of(Map<String, List<IAnnotation>> annotations, String column) {
    List<IAnnotation> found = annotations.get(column);
    if (found == null) {
      return List.of();
    }
    List<JavaAnnotation> out = new ArrayList<>(found.size());
    for (IAnnotation a : found) {
      out.add((JavaAnnotation) a);
    }
    return out;
  }

  /**
   * The matches of one sentence, [begin, end] inclusive and paragraph-relative, that survive "the longest
   * match wins": candidates are taken longest first (then leftmost), and one that overlaps an accepted match
   * is dropped, so a nested phrase is never counted twice ("green energy" is one match, not also "energy").
   * Returned in text order.
   */
  static List<int[]> longestFirst(List<JavaAnnotation> chunks, int sentenceBegin, int sentenceEnd) {
    List<int[]> candidates = new ArrayList<>();
    for (JavaAnnotation c : chunks) {
      int b = c.begin();
      int e = c.end();
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
