package io.visitlens.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
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

  /** Receives the n-grams of a sentence, in token order, shorter before longer at the same start. */
  interface NgramSink {
    void accept(int tokenIndex, int order, String term, String stem);
  }

  /** Enumerates the n-grams of orders 1 to {@code maxOrder} of one sentence (see the class comment). */
  static void forEachNgram(List<String> terms, List<String> stems, List<Boolean> stops, int maxOrder,
      NgramSink sink) {
    int n = terms.size();
    // run[i]: how many term tokens in a row start at token i (0 if token i is not a term token).
    int[] run = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      run[i] = isTermToken(terms.get(i), stops.get(i)) ? run[i + 1] + 1 : 0;
    }
    StringBuilder term = new StringBuilder();
    StringBuilder stem = new StringBuilder();
    for (int i = 0; i < n; i++) {
      term.setLength(0);
      stem.setLength(0);
      for (int order = 1; order <= Math.min(maxOrder, run[i]); order++) {
        int last = i + order - 1;
        if (order > 1) {
          term.append(' ');
          stem.append(' ');
        }
        term.append(terms.get(last));
        stem.append(stems.get(last));
        sink.accept(i, order, term.toString(), stem.toString());
      }
    }
  }

  /** The n-gram occurrences of one sentence row. */
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
      List<Row> out = new ArrayList<>();
      forEachNgram(s.getList(3), s.getList(4), s.getList(5), maxOrder,
          (i, order, term, stem) -> out.add(RowFactory.create(docId, visitId, sentenceId, i, order, term, stem)));
      return out.iterator();
    }
  }

  /**
   * One row per document, n-gram order and term: its {@code count} (long) and its place among the terms of
   * that order in the document: {@code position} (1, 2, 3, … by count descending, then term ascending),
   * {@code rank} (competition rank by count: 1, 2, 2, 4) and {@code doc_total} (the occurrences of all terms
   * of the order in the document).
   */
  public static final StructType COUNT_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("stem", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("position", DataTypes.IntegerType, false)
      .add("rank", DataTypes.IntegerType, false)
      .add("doc_total", DataTypes.LongType, false);

  /**
   * How often each n-gram of orders 1 to {@code maxOrder} occurs in each document of annotated sentences
   * ({@code doc_id}, {@code visit_id}, {@code terms}, {@code stems}, {@code is_stop}), with
   * {@link #COUNT_SCHEMA}; documents without a term have no row.
   *
   * <p>Counted without a row per occurrence: each partition counts the n-grams of a run of one document's
   * sentences in a hash map and emits one row per distinct n-gram when the document changes. When
   * {@code documentsContiguous}, as {@link Annotations#annotate} guarantees (each document's sentences
   * together in one partition), that is the result, with no shuffle; a document met twice in a partition then
   * fails the job with its id. Otherwise a final aggregation adds up the documents split between partitions.
   */
  public static Dataset<Row> countPerDocument(Dataset<Row> sentences, int maxOrder, boolean documentsContiguous) {
    if (maxOrder < 1 || maxOrder > 9) {
      throw new IllegalArgumentException("maxOrder must be from 1 to 9, got " + maxOrder);
    }
    MapPartitionsFunction<Row, Row> count = rows -> new DocumentCounts(rows, maxOrder, documentsContiguous);
    Dataset<Row> counted = sentences
        .select(col("doc_id"), col("visit_id"), col("terms"), col("stems"), col("is_stop"))
        .mapPartitions(count, Encoders.row(COUNT_SCHEMA));
    if (documentsContiguous) {
      return counted;
    }
    return withDocumentPlaces(counted
        .groupBy(col("doc_id"), col("visit_id"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count")));
  }

  /**
   * Per-document counts ({@code doc_id}, {@code visit_id}, {@code ngram}, {@code term}, {@code stem},
   * {@code count}) with {@code position}, {@code rank} and {@code doc_total} of {@link #COUNT_SCHEMA}, computed
   * by windows over each document and n-gram order; counts that already have them are returned as they are.
   */
  public static Dataset<Row> withDocumentPlaces(Dataset<Row> counts) {
    if (java.util.Arrays.asList(counts.columns()).contains("position")) {
      return counts;
    }
    WindowSpec inDocument = Window.partitionBy(col("doc_id"), col("ngram"));
    return counts
        .select(col("doc_id"), col("visit_id"), col("ngram"), col("term"), col("stem"), col("count"),
            row_number().over(inDocument.orderBy(col("count").desc(), col("term").asc())).as("position"),
            rank().over(inDocument.orderBy(col("count").desc())).as("rank"),
            sum(col("count")).over(inDocument).as("doc_total"));
  }

  /** The counting iterator of {@link #countPerDocument}: flushes one document's counts at a time. */
  private static final class DocumentCounts implements Iterator<Row> {
    private final Iterator<Row> sentences;
    private final int maxOrder;
    private final Set<String> finished;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> stems = new HashMap<>();
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Row pending;
    private String doc;
    private String visit;

    DocumentCounts(Iterator<Row> sentences, int maxOrder, boolean contiguous) {
      this.sentences = sentences;
      this.maxOrder = maxOrder;
      this.finished = contiguous ? new HashSet<>() : null;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty() && (pending != null || sentences.hasNext())) {
        Row s = pending != null ? pending : sentences.next();
        pending = null;
        if (doc != null && !doc.equals(s.getString(0))) {
          pending = s;
          flush();
          continue;
        }
        if (doc == null && finished != null && !finished.add(s.getString(0))) {
          throw new IllegalStateException("the sentences of document " + s.getString(0) + " are not together in "
              + "their partition: count them with documentsContiguous = false");
        }
        doc = s.getString(0);
        visit = s.isNullAt(1) ? null : s.getString(1);
        forEachNgram(s.getList(2), s.getList(3), s.getList(4), maxOrder, (i, order, term, stem) -> {
          String key = order + " " + term; // orders are single digits (MAX_ORDER = 3)
          long[] c = counts.get(key);
          if (c == null) {
            counts.put(key, new long[] {1});
            stems.put(key, stem);
          } else {
            c[0]++;
          }
        });
      }
      if (ready.isEmpty() && doc != null) {
        flush();
      }
      return !ready.isEmpty();
    }

    /** Emits the finished document's counts, order by order, with their place in the document. */
    private void flush() {
      Map<Integer, List<Map.Entry<String, long[]>>> byOrder = new TreeMap<>();
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        int order = e.getKey().charAt(0) - '0';
        byOrder.computeIfAbsent(order, k -> new ArrayList<>()).add(e);
      }
      for (Map.Entry<Integer, List<Map.Entry<String, long[]>>> o : byOrder.entrySet()) {
        List<Map.Entry<String, long[]>> terms = o.getValue();
        terms.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
        long total = 0;
        for (Map.Entry<String, long[]> e : terms) {
          total += e.getValue()[0];
        }
        int rank = 0;
        for (int i = 0; i < terms.size(); i++) {
          long count = terms.get(i).getValue()[0];
          if (i == 0 || count != terms.get(i - 1).getValue()[0]) {
            rank = i + 1;
          }
          String key = terms.get(i).getKey();
          ready.add(RowFactory.create(doc, visit, o.getKey(), key.substring(2), stems.get(key), count, i + 1, rank,
              total));
        }
      }
      counts.clear();
      stems.clear();
      doc = null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }
  }
}
