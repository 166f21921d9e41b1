package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.visitlens.config.SectorLexicon;
import io.visitlens.nlp.Languages;
import io.visitlens.nlp.TextCore;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The annotated corpus: paragraphs run through the {@link TextCore}, one plain row per sentence. No annotation
 * struct leaves this class.
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
      .add("match_text", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("match_sector", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("match_phrase", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("language", DataTypes.StringType, false);

  private Annotations() {}

  /**
   * Annotates paragraphs ({@code doc_id}, {@code visit_id}, {@code language}, {@code paragraph_id},
   * {@code paragraph_begin}, {@code paragraph_text}; without {@code language}, every paragraph is
   * {@code und}) and returns one row per sentence with {@link #SCHEMA};
   * {@code sentence_id} is the sentence's 0-based position among its document's annotated sentences.
   *
   * <p>{@code terms[i]} is the normalised form of {@code tokens[i]}, empty for punctuation; {@code stems[i]}
   * its stem (empty for punctuation); {@code is_stop[i]} whether it is a stop word of the document's language
   * (see {@link TextCore} and {@link io.visitlens.nlp.Languages}).
   *
   * <p>The paragraphs are brought together by document (one shuffle of the paragraph text, by ranges of
   * {@code doc_id}) and sorted by position, so a single pass over each partition annotates a document's paragraphs
   * in order and numbers its sentences as it goes: no per-stage annotation objects, no window over the sentences.
   * The sentences come out in (doc_id, sentence_id) order across the partitions, in partition order, so what is
   * derived from them row by row (the sector mentions) is in document and text order without a sort.
   */
  public static Dataset<Row> annotate(TextCore core, Dataset<Row> paragraphs) {
    return paragraphs
        .select(col("doc_id"), col("visit_id"), language(paragraphs), col("paragraph_id"), col("paragraph_begin"),
            col("paragraph_text"))
        .repartitionByRange(col("doc_id"))
        .sortWithinPartitions(col("doc_id"), col("paragraph_id"))
        .mapPartitions(new Annotator(core), Encoders.row(SCHEMA));
  }

  /**
   * The {@code language} column of {@code rows}, or {@code und} for rows that have none (paragraphs or sentences
   * built by hand in tests): what the annotation and the counting passes read.
   */
  static Column language(Dataset<Row> rows) {
    return Arrays.asList(rows.columns()).contains("language") ? col("language")
        : lit(Languages.UNDETERMINED).as("language");
  }

  /** Runs the text core over a partition of paragraphs sorted by document and position. */
  static final class Annotator implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final TextCore core;

    Annotator(TextCore core) {
      this.core = core;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> paragraphs) {
      TextCore.Annotator annotator = core.annotator();
      return new Iterator<>() {
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private String doc;
        private int nextSentence;

        @Override
        public boolean hasNext() {
          while (ready.isEmpty() && paragraphs.hasNext()) {
            Row p = paragraphs.next();
            String docId = p.getString(0);
            if (!docId.equals(doc)) {
              doc = docId;
              nextSentence = 0;
            }
            String language = p.getString(2);
            int offset = p.getInt(4);
            for (TextCore.Sentence s : annotator.annotate(p.getString(5), language)) {
              ready.add(row(p, s, offset, nextSentence++, language));
            }
          }
          return !ready.isEmpty();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return ready.poll();
        }
      };
    }
  }

  private static Row row(Row p, TextCore.Sentence s, int offset, int sentenceId, String language) {
    return RowFactory.create(p.getString(0), p.get(1), p.getInt(3), offset + s.begin(), offset + s.end(), s.text(),
        s.tokens(), shifted(s.tokenBegin(), offset), shifted(s.tokenEnd(), offset), s.terms(), s.stems(),
        boxed(s.isStop()), shifted(s.matchBegin(), offset), shifted(s.matchEnd(), offset), s.matchText(),
        field(s.matchEntry(), SectorLexicon.Entry::sector), field(s.matchEntry(), SectorLexicon.Entry::phrase),
        sentenceId, language);
  }

  private static String[] field(SectorLexicon.Entry[] entries, java.util.function.Function<SectorLexicon.Entry,
      String> f) {
    String[] out = new String[entries.length];
    for (int i = 0; i < entries.length; i++) {
      out[i] = f.apply(entries[i]);
    }
    return out;
  }

  private static Integer[] shifted(int[] values, int offset) {
    Integer[] out = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] + offset;
    }
    return out;
  }

  private static Boolean[] boxed(boolean[] values) {
    Boolean[] out = new Boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
