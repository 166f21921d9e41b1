package io.visitlens.report;

import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.lit;

import io.visitlens.io.ReportWriter;
import io.visitlens.transform.Concordance;
import io.visitlens.transform.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code keyword_contexts}: the evidence behind what the reports claim, as a concordance. For each of the
 * {@link KeynessBootstrap#TOP_TERMS} terms of each language and n-gram order with the largest |z| in
 * {@code term_keyness} ({@code kind} {@code term}), in each of the two compared visits, and for each sector
 * ({@code kind} {@code sector}) in each visit, up to {@link #PER_TERM_AND_VISIT} occurrences with
 * {@link Concordance#CONTEXT_TOKENS} tokens each side, inside the sentence. By {@code kind}, {@code language},
 * {@code ngram}, {@code term}, {@code visit_id}, {@code place}.
 *
 * <p>The occurrences are picked spread over the articles, the same every run: first each article's first
 * occurrence, then the second ones, and so on; among equals by a hash of the article id and the term (Java's
 * {@code String.hashCode} of {@code doc_id + U+0000 + term}, which does not favour low ids), then by
 * {@code doc_id} and offset.
 *
 * <p>Three steps, so that no sentence's text is read into a row but those shown: two passes find the occurrences'
 * keys (the terms' over the compared visits' sentences that hold a chosen term's first word, the sectors' over the
 * match columns alone), each partition keeping only its best {@link #PER_TERM_AND_VISIT} per term and visit; a
 * window picks the overall ones; and a broadcast join fetches those sentences, whose contexts are then cut.
 */
public final class KeywordContextsReport {
  public static final String NAME = "keyword_contexts";

  /** The contexts kept per term (or sector), language and visit. */
  public static final int PER_TERM_AND_VISIT = 5;

  public static final String TERM = "term";
  public static final String SECTOR = "sector";

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "kind", STRING, "language", STRING, "ngram", INT, "term", STRING, "visit_id", STRING, "place", INT,
      "doc_id", STRING, "sentence_id", INT, "begin", INT, "end", INT, "left", STRING, "match", STRING,
      "right", STRING), KeywordContextsReport::plan, "kind", "language", "ngram", "term", "visit_id", "place");

  /** An occurrence found by a pass: what it is of, where, and the two keys of the pick. */
  static final StructType OCCURRENCES = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("language", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, true)
      .add("term", DataTypes.StringType, false)
      .add("visit_id", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("occurrence", DataTypes.IntegerType, false)
      .add("pick", DataTypes.IntegerType, false);

  private KeywordContextsReport() {}

  /** Kept by the analysis: a few rows per term and visit. */
  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.keywordContexts());
  }

  /**
   * The report's rows, in its order, from the annotated corpus (each document's sentences together in one
   * partition, in order): contexts of {@code terms} (top keyness terms by language and order) in
   * {@code termVisits}, and of every sector in every visit; {@code perGroup} per term and visit, {@code k} tokens
   * each side.
   */
  public static Dataset<Row> build(Dataset<Row> sentences, List<ComparedArticles.TermGroup> terms,
      Set<String> termVisits, int perGroup, int k) {
    Map<String, Map<String, Integer>> byLanguage = new HashMap<>();
    Set<String> firstWords = new TreeSet<>();
    for (ComparedArticles.TermGroup g : terms) {
      for (String t : g.terms()) {
        byLanguage.computeIfAbsent(g.language(), l -> new HashMap<>()).put(t, g.ngram());
        firstWords.add(t.split(" ")[0]);
      }
    }
    Dataset<Row> sectors = sentences
        .where(col("visit_id").isNotNull().and(size(col("match_begin")).gt(0)))
        .select(col("doc_id"), col("visit_id"), col("sentence_id"), col("language"), col("match_begin"),
            col("match_end"), col("match_sector"))
        .mapPartitions(new SectorPass(perGroup), Encoders.row(OCCURRENCES));
    Dataset<Row> found = sectors;
    if (!firstWords.isEmpty() && !termVisits.isEmpty()) {
      // a sentence without a chosen term's first word holds none of its occurrences, and is not read into a row
      Dataset<Row> termOccurrences = sentences
          .where(col("visit_id").isin(termVisits.toArray()).and(arrays_overlap(col("terms"),
              array(firstWords.stream().map(w -> lit(w)).toArray(Column[]::new)))))
          .select(col("doc_id"), col("visit_id"), col("sentence_id"), col("language"), col("terms"),
              col("is_stop"), col("token_begin"), col("token_end"))
          .mapPartitions(new TermPass(byLanguage, perGroup), Encoders.row(OCCURRENCES));
      found = termOccurrences.unionByName(sectors);
    }
    Column[] group = {col("kind"), col("language"), col("ngram"), col("term"), col("visit_id")};
    Dataset<Row> picked = found
        .withColumn("place", row_number().over(Window.partitionBy(group)
            .orderBy(col("occurrence"), col("pick"), col("doc_id"), col("begin"), col("end"))))
        .where(col("place").leq(perGroup))
        .drop("occurrence", "pick");
    Dataset<Row> withText = sentences.select(col("doc_id"), col("sentence_id"), col("sentence_begin"),
            col("sentence"), col("token_begin"), col("token_end"))
        .join(broadcast(picked), new String[] {"doc_id", "sentence_id"});
    MapFunction<Row, Row> cut = r -> {
      Concordance.Context c = Concordance.of(r.getAs("sentence"), r.<Integer>getAs("sentence_begin"),
          r.getList(r.fieldIndex("token_begin")), r.getList(r.fieldIndex("token_end")), r.<Integer>getAs("begin"),
          r.<Integer>getAs("end"), k);
      return RowFactory.create(r.getAs("kind"), r.getAs("language"), r.getAs("ngram"), r.getAs("term"),
          r.getAs("visit_id"), r.getAs("place"), r.getAs("doc_id"), r.getAs("sentence_id"), c.begin(), c.end(),
          c.left(), c.match(), c.right());
    };
    // A few hundred rows, sorted in one task; not range-partitioned, whose sampling would run the join again.
    return withText.map(cut, Encoders.row(REPORT.schema())).repartition(1)
        .sortWithinPartitions(java.util.Arrays.stream(REPORT.orderColumns()).map(c -> col(c)).toArray(Column[]::new));
  }

  /** One occurrence and its pick keys. */
  private record Candidate(Row row, int occurrence, int pick, String docId, int begin, int end) {}

  private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::occurrence)
      .thenComparingInt(Candidate::pick).thenComparing(Candidate::docId).thenComparingInt(Candidate::begin)
      .thenComparingInt(Candidate::end);

  /**
   * A partition's best occurrences per term and visit: each document's occurrences numbered in order (a document's
   * sentences are together and in order), the best {@code perGroup} of each group kept.
   */
  private abstract static class Pass implements MapPartitionsFunction<Row, Row> {
    private final int perGroup;
    private final Map<String, PriorityQueue<Candidate>> best = new HashMap<>();
    private final Map<String, Integer> seenInDocument = new HashMap<>();
    private String document;

    Pass(int perGroup) {
      this.perGroup = perGroup;
    }

    /** Offers the occurrences of one sentence (columns doc_id, visit_id, sentence_id, language first). */
    abstract void sentence(Row s, String visit, String language);

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      best.clear();
      seenInDocument.clear();
      document = null;
      while (rows.hasNext()) {
        Row s = rows.next();
        String docId = s.getString(0);
        if (!docId.equals(document)) {
          document = docId;
          seenInDocument.clear();
        }
        sentence(s, s.getString(1), s.getString(3));
      }
      List<Row> out = new ArrayList<>();
      best.values().forEach(q -> q.forEach(c -> out.add(c.row())));
      return out.iterator();
    }

    void offer(Row s, String kind, String language, Integer ngram, String term, String visit, int begin, int end) {
      String key = kind + '\u0000' + language + '\u0000' + ngram + '\u0000' + term + '\u0000' + visit;
      int occurrence = seenInDocument.merge(key, 1, Integer::sum) - 1;
      String docId = s.getString(0);
      int pick = (docId + '\u0000' + term).hashCode();
      PriorityQueue<Candidate> q = best.computeIfAbsent(key, x -> new PriorityQueue<>(BEST_FIRST.reversed()));
      Candidate c = new Candidate(null, occurrence, pick, docId, begin, end);
      if (q.size() == perGroup) {
        if (BEST_FIRST.compare(c, q.peek()) >= 0) {
          return;
        }
        q.poll();
      }
      q.add(new Candidate(RowFactory.create(kind, language, ngram, term, visit, docId, s.getInt(2), begin, end,
          occurrence, pick), occurrence, pick, docId, begin, end));
    }
  }

  /** Sector matches: columns doc_id, visit_id, sentence_id, language, match_begin, match_end, match_sector. */
  private static final class SectorPass extends Pass {
    SectorPass(int perGroup) {
      super(perGroup);
    }

    @Override
    void sentence(Row s, String visit, String language) {
      List<Integer> begin = s.getList(4);
      List<Integer> end = s.getList(5);
      List<String> sector = s.getList(6);
      for (int m = 0; m < begin.size(); m++) {
        offer(s, SECTOR, language, null, sector.get(m), visit, begin.get(m), end.get(m));
      }
    }
  }

  /**
   * The chosen terms' n-gram occurrences (as {@link Terms} counts them), built only from a token whose term is a
   * chosen term's first word: columns doc_id, visit_id, sentence_id, language, terms, is_stop, token_begin,
   * token_end.
   */
  private static final class TermPass extends Pass {
    private final Map<String, Map<String, Integer>> terms;
    /** Language → first word of a chosen term → the longest order of the chosen terms it starts. */
    private final Map<String, Map<String, Integer>> firstWordOrders = new HashMap<>();

    TermPass(Map<String, Map<String, Integer>> terms, int perGroup) {
      super(perGroup);
      this.terms = terms;
      terms.forEach((language, chosen) -> chosen.forEach((term, order) -> firstWordOrders
          .computeIfAbsent(language, l -> new HashMap<>()).merge(term.split(" ")[0], order, Math::max)));
    }

    @Override
    void sentence(Row s, String visit, String language) {
      Map<String, Integer> chosen = terms.get(language);
      if (chosen == null) {
        return;
      }
      Map<String, Integer> starts = firstWordOrders.get(language);
      List<String> words = s.getList(4);
      int[] run = Terms.termRuns(words, s.getList(5));
      List<Integer> tokenBegin = s.getList(6);
      List<Integer> tokenEnd = s.getList(7);
      for (int i = 0; i < words.size(); i++) {
        Integer longest = run[i] > 0 ? starts.get(words.get(i)) : null;
        if (longest == null) {
          continue;
        }
        StringBuilder term = new StringBuilder();
        for (int order = 1; order <= Math.min(longest, run[i]); order++) {
          if (order > 1) {
            term.append(' ');
          }
          term.append(words.get(i + order - 1));
          Integer n = chosen.get(term.toString());
          if (n != null && n == order) {
            offer(s, TERM, language, n, term.toString(), visit, tokenBegin.get(i), tokenEnd.get(i + order - 1));
          }
        }
      }
    }
  }
}
