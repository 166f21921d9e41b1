package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Terms and n-grams of the annotated corpus, one row per occurrence.
 *
 * <p>A <b>term token</b> is a token whose normalised term contains a letter ({@code \p{L}}) and is not a stop
 * word: pure numbers ({@code 2024}), punctuation (empty term) and stop words are not terms; hyphenated words
 * ({@code expanded-format}) and words with digits ({@code covid-19}) are. An <b>n-gram</b> is a run of
 * {@code n} consecutive term tokens inside one sentence: any other token (stop word, punctuation, number)
 * breaks the run, and so does the end of the sentence, so "the launch of direct flights" gives the bigram
 * "direct flights" and never "launch direct". Its term is the terms joined by one space, its stem the stems
 * joined by one space. Unigrams are the n-grams of order 1.
 */
public final class Terms {

  /** The highest n-gram order of the term reports: unigrams, bigrams and trigrams. */
  public static final int MAX_ORDER = 3;

  /**
   * One row per n-gram occurrence. {@code token_index} is the 0-based position of its first token in the
   * sentence's {@code tokens}.
   */
  public static final StructType OCCURRENCE_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("token_index", DataTypes.IntegerType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("stem", DataTypes.StringType, false);

  private Terms() {}

  /** Whether a token with this normalised term and stop-word flag is a term token (see the class comment). */
  public static boolean isTermToken(String term, boolean isStop) {
    return !isStop && term != null && term.codePoints().anyMatch(Character::isLetter);
  }

  /** The unigram occurrences of annotated sentences: {@link #explodeNgrams} of order 1. */
  public static Dataset<Row> explodeTerms(Dataset<Row> sentences) {
    return explodeNgrams(sentences, 1);
  }

  /**
   * Every n-gram occurrence of orders 1 to {@code maxOrder} in annotated sentences ({@code doc_id},
   * {@code visit_id}, {@code sentence_id}, {@code terms}, {@code stems}, {@code is_stop}), with
   * {@link #OCCURRENCE_SCHEMA}.
   */
  public static Dataset<Row> explodeNgrams(Dataset<Row> sentences, int maxOrder) {
    if (maxOrder < 1) {
      throw new IllegalArgumentException("maxOrder must be at least 1, got " + maxOrder);
    }
    return sentences
        .select(col("doc_id"), col("visit_id"), col("sentence_id"), col("terms"), col("stems"), col("is_stop"))
        .flatMap(new NgramsOfSentence(maxOrder), Encoders.row(OCCURRENCE_SCHEMA));
  }

  /** The n-grams of one sentence row, in token order, shorter before longer at the same start. */
  private static final class NgramsOfSentence implements FlatMapFunction<Row, Row> {
    private final int maxOrder;

    NgramsOfSentence(int maxOrder) {
      this.maxOrder = maxOrder;
    }

    @Override
    public Iterator<Row> call(Row s) {
      String docId = s.getString(0);
      String visitId = s.isNullAt(1) ? null : s.getString(1);
      int sentenceId = s.getInt(2);
      List<String> terms = s.getList(3);
      List<String> stems = s.getList(4);
      List<Boolean> stops = s.getList(5);
      int n = terms.size();
      // run[i]: how many term tokens in a row start at token i (0 if token i is not a term token).
      int[] run = new int[n + 1];
      for (int i = n - 1; i >= 0; i--) {
        run[i] = isTermToken(terms.get(i), stops.get(i)) ? run[i + 1] + 1 : 0;
      }
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        StringBuilder term = new StringBuilder();
        StringBuilder stem = new StringBuilder();
        for (int order = 1; order <= Math.min(maxOrder, run[i]); order++) {
          int last = i + order - 1;
          if (order > 1) {
            term.append(' ');
            stem.append(' ');
          }
          term.append(terms.get(last));
          stem.append(stems.get(last));
          out.add(RowFactory.create(docId, visitId, sentenceId, i, order, term.toString(), stem.toString()));
        }
      }
      return out.iterator();
    }
  }
}
