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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
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
    if (isStop || term == null) {
      return false;
    }
    for (int i = 0; i < term.length(); ) {
      int c = term.codePointAt(i);
      if (Character.isLetter(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
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
  public interface NgramSink {
    /** The n-gram of {@code order} terms starting at token {@code tokenIndex}; its stem is {@link #joined}. */
    void accept(int tokenIndex, int order, String term);
  }

  /**
   * Enumerates the n-grams of orders 1 to {@code maxOrder} of one sentence (see the class comment). A sink that
   * needs an n-gram's stem joins the stems of its tokens ({@link #joined}) when it does.
   */
  public static void forEachNgram(List<String> terms, List<Boolean> stops, int maxOrder, NgramSink sink) {
    int n = terms.size();
    int[] run = termRuns(terms, stops);
    StringBuilder term = new StringBuilder();
    for (int i = 0; i < n; i++) {
      term.setLength(0);
      for (int order = 1; order <= Math.min(maxOrder, run[i]); order++) {
        if (order > 1) {
          term.append(' ');
        }
        term.append(terms.get(i + order - 1));
        sink.accept(i, order, term.toString());
      }
    }
  }

  /**
   * For each token of a sentence, how many term tokens in a row start there (0 where the token is not a term token),
   * and a last 0: the sentence has {@code run[i] >= k} n-grams of order k starting at token i, one each.
   */
  public static int[] termRuns(List<String> terms, List<Boolean> stops) {
    int n = terms.size();
    int[] run = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      run[i] = isTermToken(terms.get(i), stops.get(i)) ? run[i + 1] + 1 : 0;
    }
    return run;
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
      List<String> stems = s.getList(4);
      forEachNgram(s.getList(3), s.getList(5), maxOrder, (i, order, term) ->
          out.add(RowFactory.create(docId, visitId, sentenceId, i, order, term, joined(stems, i, order))));
      return out.iterator();
    }
  }

  /** The columns the counting passes read, in this order: the language last, after the token arrays. */
  private static Dataset<Row> countedColumns(Dataset<Row> sentences) {
    return sentences.select(col("doc_id"), col("visit_id"), col("terms"), col("stems"), col("is_stop"),
        Annotations.language(sentences));
  }

  /**
   * One row per document, n-gram order and term: the document's {@code language}, the term's {@code count} (long)
   * and its place among the terms of that order in the document: {@code position} (1, 2, 3, … by count descending, then term ascending in code point order, Spark's order of strings),
   * {@code rank} (competition rank by count: 1, 2, 2, 4) and {@code doc_total} (the occurrences of all terms
   * of the order in the document).
   */
  public static final StructType COUNT_SCHEMA = new StructType()
      .add("doc_id", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, false)
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
    return countPerDocument(sentences, maxOrder, documentsContiguous, Integer.MAX_VALUE);
  }

  /**
   * {@link #countPerDocument(Dataset, int, boolean)} of documents whose sentences are together in one partition
   * each, keeping only the rows whose {@code position} is at most {@code keepTop}: each document's first terms of
   * each order, cut as they are emitted. {@code rank} and {@code doc_total} are those of all the document's terms.
   */
  public static Dataset<Row> countPerDocumentOfContiguous(Dataset<Row> sentences, int maxOrder, int keepTop) {
    return documentRows(countOfContiguous(sentences, maxOrder, keepTop));
  }

  private static Dataset<Row> countPerDocument(Dataset<Row> sentences, int maxOrder, boolean documentsContiguous,
      int keepTop) {
    if (maxOrder < 1 || maxOrder > 9) {
      throw new IllegalArgumentException("maxOrder must be from 1 to 9, got " + maxOrder);
    }
    MapPartitionsFunction<Row, Row> count = rows -> new DocumentCounts(rows, maxOrder, documentsContiguous,
        keepTop);
    Dataset<Row> counted = countedColumns(sentences).mapPartitions(count, Encoders.row(COUNT_SCHEMA));
    if (documentsContiguous) {
      return counted;
    }
    return withDocumentPlaces(counted
        .groupBy(col("doc_id"), col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count")));
  }

  /**
   * Per-document counts ({@code doc_id}, {@code visit_id}, {@code language}, {@code ngram}, {@code term}, {@code stem},
   * {@code count}) with {@code position}, {@code rank} and {@code doc_total} of {@link #COUNT_SCHEMA}, computed
   * by windows over each document and n-gram order; counts that already have them are returned as they are.
   */
  public static Dataset<Row> withDocumentPlaces(Dataset<Row> counts) {
    if (java.util.Arrays.asList(counts.columns()).contains("position")) {
      return counts;
    }
    WindowSpec inDocument = Window.partitionBy(col("doc_id"), col("ngram"));
    return counts
        .select(col("doc_id"), col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"), col("count"),
            row_number().over(inDocument.orderBy(col("count").desc(), col("term").asc())).as("position"),
            rank().over(inDocument.orderBy(col("count").desc())).as("rank"),
            sum(col("count")).over(inDocument).as("doc_total"));
  }

  /**
   * One row per visit (null for documents without one), document language, n-gram order and term of annotated
   * sentences whose
   * documents are each together in one partition, as {@link Annotations#annotate} gives them: its {@code count}
   * (occurrences in the visit's documents) and {@code doc_freq} (the visit's documents that contain it), with
   * {@link #VISIT_COUNT_SCHEMA}. The same figures as adding up {@link #countPerDocument} by visit, without a row
   * per document and term: {@link #visitSums} of {@link #countOfContiguous}.
   */
  public static Dataset<Row> countPerVisitOfContiguous(Dataset<Row> sentences, int maxOrder) {
    return countPerVisitOfContiguous(sentences, maxOrder, MAX_PARTIAL_TERMS);
  }

  /** {@link #countPerVisitOfContiguous(Dataset, int)} with partial sums emptied every {@code maxPartial} entries. */
  static Dataset<Row> countPerVisitOfContiguous(Dataset<Row> sentences, int maxOrder, int maxPartial) {
    return visitSums(countOfContiguous(sentences, maxOrder, 1, maxPartial));
  }

  /** The columns of {@link #countPerVisitOfContiguous}. */
  public static final StructType VISIT_COUNT_SCHEMA = new StructType()
      .add("visit_id", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("stem", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("doc_freq", DataTypes.LongType, false);

  /**
   * Most distinct (visit, n-gram) entries a task holds before it emits its partial sums: about 100 bytes each
   * with the n-gram's text, so some tens of MB per task whatever the corpus.
   */
  static final int MAX_PARTIAL_TERMS = 200_000;

  /**
   * The rows of {@link #countOfContiguous}: a document's counted terms ({@code is_visit_sum} false: the columns of
   * {@link #COUNT_SCHEMA}, {@code doc_freq} 1) and a task's partial sums per visit ({@code is_visit_sum} true:
   * {@code doc_id}, {@code position}, {@code rank} and {@code doc_total} null).
   */
  public static final StructType TERM_PASS_SCHEMA = new StructType()
      .add("is_visit_sum", DataTypes.BooleanType, false)
      .add("doc_id", DataTypes.StringType, true)
      .add("visit_id", DataTypes.StringType, true)
      .add("language", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("term", DataTypes.StringType, false)
      .add("stem", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("doc_freq", DataTypes.LongType, false)
      .add("position", DataTypes.IntegerType, true)
      .add("rank", DataTypes.IntegerType, true)
      .add("doc_total", DataTypes.LongType, true);

  /**
   * One pass over annotated sentences whose documents are each together in one partition, in {@code doc_id} order
   * (as {@link Annotations#annotate} gives them), for both term questions: each document's n-grams are counted once,
   * and from those counts the pass emits the document's first {@code keepTop} terms of each order (in document
   * order, each document's rows by n-gram order, count descending, then term in code point order) and adds them
   * to the task's partial sums per visit, a hash map of at most {@link #MAX_PARTIAL_TERMS} entries emitted whenever
   * it is full and at the end of the partition. Split it with {@link #documentRows} and {@link #visitSums}; keep it
   * (persist) when both are used, so the sentences are read once.
   */
  public static Dataset<Row> countOfContiguous(Dataset<Row> sentences, int maxOrder, int keepTop) {
    return countOfContiguous(sentences, maxOrder, keepTop, MAX_PARTIAL_TERMS);
  }

  static Dataset<Row> countOfContiguous(Dataset<Row> sentences, int maxOrder, int keepTop, int maxPartial) {
    if (maxOrder < 1 || maxOrder > 9) {
      throw new IllegalArgumentException("maxOrder must be from 1 to 9, got " + maxOrder);
    }
    if (keepTop < 1) {
      throw new IllegalArgumentException("keepTop must be at least 1, got " + keepTop);
    }
    MapPartitionsFunction<Row, Row> count = rows -> new TermPass(rows, maxOrder, keepTop, maxPartial);
    return countedColumns(sentences).mapPartitions(count, Encoders.row(TERM_PASS_SCHEMA));
  }

  /**
   * The document rows of {@link #countOfContiguous}, with {@link #COUNT_SCHEMA}, in the order the pass emitted them.
   */
  public static Dataset<Row> documentRows(Dataset<Row> pass) {
    return pass.where(col("is_visit_sum").equalTo(false))
        .select(java.util.Arrays.stream(COUNT_SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
  }

  /** The per-visit sums of {@link #countOfContiguous}, added up over its tasks, with {@link #VISIT_COUNT_SCHEMA}. */
  public static Dataset<Row> visitSums(Dataset<Row> pass) {
    return pass.where(col("is_visit_sum"))
        .groupBy(col("visit_id"), col("language"), col("ngram"), col("term"), col("stem"))
        .agg(sum(col("count")).as("count"), sum(col("doc_freq")).as("doc_freq"));
  }

  /** An n-gram's occurrences in a document, and its stem (a term has one stem in a language). */
  static final class Counted {
    long count;
    final String stem;

    Counted(String stem) {
      this.stem = stem;
    }
  }

  /** A document's n-gram counts: one map per order (index {@code order - 1}), term to {@link Counted}. */
  static final class DocumentTerms {
    final List<Map<String, Counted>> byOrder = new ArrayList<>();

    DocumentTerms(int maxOrder) {
      for (int o = 0; o < maxOrder; o++) {
        byOrder.add(new HashMap<>());
      }
    }

    void clear() {
      byOrder.forEach(Map::clear);
    }
  }

  /**
   * Adds the n-grams of a sentence row ({@code doc_id}, {@code visit_id}, {@code terms}, {@code stems},
   * {@code is_stop}) to a document's counts. An n-gram's stem is built only when the document first meets it.
   */
  static void countNgrams(Row s, int maxOrder, DocumentTerms counts) {
    List<String> stems = s.getList(3);
    forEachNgram(s.getList(2), s.getList(4), maxOrder, (i, order, term) -> {
      Counted c = counts.byOrder.get(order - 1).computeIfAbsent(term, t -> new Counted(joined(stems, i, order)));
      c.count++;
    });
  }

  /** {@code parts[from .. from + n)} joined by one space: an n-gram's stem from its tokens' stems. */
  static String joined(List<String> parts, int from, int n) {
    if (n == 1) {
      return parts.get(from);
    }
    StringBuilder b = new StringBuilder(parts.get(from));
    for (int k = from + 1; k < from + n; k++) {
      b.append(' ').append(parts.get(k));
    }
    return b.toString();
  }

  /** A document's n-gram with its place among the document's n-grams of its order. */
  @FunctionalInterface
  interface PlacedSink {
    void accept(int order, String term, String stem, long count, int position, int rank, long total);
  }

  /**
   * Count descending, then term in code point order: the order in which a document's terms are placed. One method
   * rather than a chain of composed comparators (and its reversal), which C2 inlined into the heap's methods at
   * length: in a bench process (1,000 then 10,000 articles) its compilations of {@link #forEachPlaced} and
   * {@link #firstPlaced} took 1.15 s and 1.02 s, against 0.63 s and 0.09 s with this method (JFR compilation
   * events); no change in wall time was measurable.
   */
  static int comparePlaces(Map.Entry<String, Counted> a, Map.Entry<String, Counted> b) {
    int byCount = Long.compare(b.getValue().count, a.getValue().count);
    return byCount != 0 ? byCount : CODE_POINT_ORDER.compare(a.getKey(), b.getKey());
  }

  private static final Comparator<Map.Entry<String, Counted>> PLACE_ORDER = Terms::comparePlaces;

  /** {@link #PLACE_ORDER} reversed: the worst kept term at the head of the heap. */
  private static final Comparator<Map.Entry<String, Counted>> WORST_FIRST = (a, b) -> comparePlaces(b, a);

  /**
   * A document's counted n-grams, order by order, each order's by count descending, then term in code point order,
   * the first {@code keepTop} of each order: with their position (1, 2, 3, …), competition rank by count
   * (1, 2, 2, 4) and the order's total occurrences in the document. The first {@code keepTop} are selected (a heap
   * of that many), not found by sorting every term of the document.
   */
  static void forEachPlaced(DocumentTerms counts, int keepTop, PlacedSink sink) {
    for (int o = 0; o < counts.byOrder.size(); o++) {
      Map<String, Counted> terms = counts.byOrder.get(o);
      if (terms.isEmpty()) {
        continue;
      }
      long total = 0;
      for (Counted c : terms.values()) {
        total += c.count;
      }
      List<Map.Entry<String, Counted>> first = firstPlaced(terms, keepTop);
      int rank = 0;
      for (int i = 0; i < first.size(); i++) {
        long count = first.get(i).getValue().count;
        if (i == 0 || count != first.get(i - 1).getValue().count) {
          rank = i + 1;
        }
        Map.Entry<String, Counted> e = first.get(i);
        sink.accept(o + 1, e.getKey(), e.getValue().stem, count, i + 1, rank, total);
      }
    }
  }

  /** The first {@code k} terms in {@link #PLACE_ORDER}, in that order. */
  static List<Map.Entry<String, Counted>> firstPlaced(Map<String, Counted> terms, int k) {
    List<Map.Entry<String, Counted>> first;
    if (terms.size() <= k) {
      first = new ArrayList<>(terms.entrySet());
    } else {
      // The worst of the k kept so far at the head; a term that does not beat it is dropped on its count alone
      // in most cases.
      java.util.PriorityQueue<Map.Entry<String, Counted>> kept = new java.util.PriorityQueue<>(k + 1,
          WORST_FIRST);
      for (Map.Entry<String, Counted> e : terms.entrySet()) {
        if (kept.size() < k) {
          kept.add(e);
        } else {
          Map.Entry<String, Counted> worst = kept.peek();
          if (comparePlaces(e, worst) < 0) {
            kept.poll();
            kept.add(e);
          }
        }
      }
      first = new ArrayList<>(kept);
    }
    first.sort(PLACE_ORDER);
    return first;
  }

  /** The counting pass of {@link #countOfContiguous}. */
  private static final class TermPass extends DocumentRuns<Row> {
    private final int maxOrder;
    private final int keepTop;
    private final int maxPartial;
    /** The current document's counts. */
    private final DocumentTerms document;
    /**
     * The task's partial sums by visit (null is a key of its own) and document language, then n-gram order (index
     * {@code order - 1}), then term (a term has one stem in a language).
     */
    private final Map<List<String>, List<Map<String, Sum>>> partial = new HashMap<>();
    private int partialSize;
    /** The language of the document being read. */
    private String language;

    /** A partial sum of an n-gram: its stem, occurrences and documents. */
    private static final class Sum {
      final String stem;
      long count;
      long documents;

      Sum(String stem) {
        this.stem = stem;
      }
    }

    TermPass(Iterator<Row> sentences, int maxOrder, int keepTop, int maxPartial) {
      super(sentences);
      this.maxOrder = maxOrder;
      this.keepTop = keepTop;
      this.maxPartial = maxPartial;
      this.document = new DocumentTerms(maxOrder);
    }

    @Override
    protected void sentence(Row s) {
      language = s.getString(5);
      countNgrams(s, maxOrder, document);
    }

    @Override
    protected void endDocument(String visit) {
      emitDocument(document(), visit);
      List<Map<String, Sum>> byOrder = partial.computeIfAbsent(java.util.Arrays.asList(visit, language), v -> {
        List<Map<String, Sum>> orders = new ArrayList<>();
        for (int o = 0; o < maxOrder; o++) {
          orders.add(new HashMap<>());
        }
        return orders;
      });
      for (int o = 0; o < document.byOrder.size(); o++) {
        Map<String, Sum> sums = byOrder.get(o);
        for (Map.Entry<String, Counted> e : document.byOrder.get(o).entrySet()) {
          Counted counted = e.getValue();
          Sum sum = sums.get(e.getKey());
          if (sum == null) {
            sum = new Sum(counted.stem);
            sums.put(e.getKey(), sum);
            partialSize++;
          }
          sum.count += counted.count;
          sum.documents++;
        }
      }
      document.clear();
      if (partialSize >= maxPartial) {
        endPartition();
      }
    }

    /** Queues the document's first terms of each order, with their place in the document. */
    private void emitDocument(String doc, String visit) {
      forEachPlaced(document, keepTop, (order, term, stem, count, position, rank, total) ->
          ready.add(RowFactory.create(false, doc, visit, language, order, term, stem, count, 1L, position, rank,
              total)));
    }

    /** Emits the partial sums as rows (when the map is full, and at the end of the partition). */
    @Override
    protected void endPartition() {
      for (Map.Entry<List<String>, List<Map<String, Sum>>> v : partial.entrySet()) {
        for (int o = 0; o < v.getValue().size(); o++) {
          for (Map.Entry<String, Sum> e : v.getValue().get(o).entrySet()) {
            Sum sum = e.getValue();
            ready.add(RowFactory.create(true, null, v.getKey().get(0), v.getKey().get(1), o + 1, e.getKey(), sum.stem,
                sum.count, sum.documents, null, null, null));
          }
        }
      }
      partial.clear();
      partialSize = 0;
    }
  }

  /**
   * Strings in code point order, which is the order of their UTF-8 bytes and so Spark's order of strings (Java's
   * {@code compareTo} orders by UTF-16 units, which differs for characters above U+FFFF): a document's terms are
   * placed in the order in which the report sorts them.
   */
  static final Comparator<String> CODE_POINT_ORDER = new com.ibm.icu.text.UTF16.StringComparator(true, false, 0);

  /** The counting iterator of {@link #countPerDocument}: flushes one document's counts at a time. */
  private static final class DocumentCounts implements Iterator<Row> {
    private final Iterator<Row> sentences;
    private final int maxOrder;
    private final int keepTop;
    private final Set<String> finished;
    private final DocumentTerms counts;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private Row pending;
    private String doc;
    private String visit;
    private String language;

    DocumentCounts(Iterator<Row> sentences, int maxOrder, boolean contiguous, int keepTop) {
      this.sentences = sentences;
      this.maxOrder = maxOrder;
      this.keepTop = keepTop;
      this.finished = contiguous ? new HashSet<>() : null;
      this.counts = new DocumentTerms(maxOrder);
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
        language = s.getString(5);
        countNgrams(s, maxOrder, counts);
      }
      if (ready.isEmpty() && doc != null) {
        flush();
      }
      return !ready.isEmpty();
    }

    /** Emits the finished document's counts, order by order, with their place in the document. */
    private void flush() {
      forEachPlaced(counts, keepTop, (order, term, stem, count, position, rank, total) ->
          ready.add(RowFactory.create(doc, visit, language, order, term, stem, count, position, rank, total)));
      counts.clear();
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
