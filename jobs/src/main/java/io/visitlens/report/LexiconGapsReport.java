package io.visitlens.report;

import static io.visitlens.report.Report.BOOLEAN;
import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.INT;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.visitlens.config.SectorLexicon;
import io.visitlens.io.ReportWriter;
import io.visitlens.transform.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code lexicon_gaps}: phrases the sector lexicon may be missing, proposed with evidence. Only sentences with at
 * least one sector mention are read. A candidate is an n-gram of orders 1 to 3 as {@code term_frequencies} counts
 * them (consecutive term tokens: no stop word, number or punctuation) none of whose tokens is part of a lexicon
 * match, and which is not itself a phrase of the lexicon. Two reasons propose it:
 * <ul>
 *   <li>{@code association}: it stands in sentences mentioning a sector more often than in the other sentences with
 *       a sector mention. {@code score} is Dunning's log-likelihood G² of the 2×2 table (sentences with the sector
 *       or not, with the candidate or not), kept when the candidate is over-represented with the sector and stands
 *       in at least {@link #MIN_COUNT} such sentences;</li>
 *   <li>{@code enumeration}: it is a whole item of a list of sectors ("cooperation in healthcare, IT, space and
 *       tourism"): three or more items of one to three term tokens separated by commas, "and" or "or", at least one
 *       of which holds a lexicon match. Its {@code sector} is the sector of a lexicon phrase it is a word of (bare
 *       "space" of "space industry"), else empty; {@code score} is the number of such sentences.</li>
 * </ul>
 * {@code rejected_by_note} is true when a lexicon note quotes the candidate ('space', "space") as left out, not
 * listed, excluded or missed on purpose. At most {@link #PER_SECTOR} candidates per reason, language and sector,
 * by {@code score} descending, then {@code candidate}. By {@code reason}, {@code language}, {@code sector},
 * {@code score} descending, {@code candidate}.
 */
public final class LexiconGapsReport {
  public static final String NAME = "lexicon_gaps";

  public static final String ASSOCIATION = "association";
  public static final String ENUMERATION = "enumeration";

  /** The fewest sentences with the sector a candidate of {@code association} needs. */
  public static final int MIN_COUNT = 3;
  /** The candidates kept per reason, language and sector. */
  public static final int PER_SECTOR = 50;

  public static final Report REPORT = Report.of(NAME, Report.columns(
      "reason", STRING, "language", STRING, "sector", STRING, "candidate", STRING, "ngram", INT, "count", LONG,
      "doc_freq", LONG, "score", DOUBLE, "rejected_by_note", BOOLEAN, "evidence_doc_id", STRING, "evidence", STRING),
      LexiconGapsReport::plan, "reason", "language", "sector", "score desc", "candidate");

  /**
   * One partition's count of a candidate with a sector ("*" for its sentences whatever their sectors), or in
   * enumerations: its sentences, its articles, and its first sentence (doc_id, sentence_id).
   */
  static final StructType PARTIAL = new StructType()
      .add("reason", DataTypes.StringType, false)
      .add("language", DataTypes.StringType, false)
      .add("sector", DataTypes.StringType, true)
      .add("candidate", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("count", DataTypes.LongType, false)
      .add("doc_freq", DataTypes.LongType, false)
      .add("doc_id", DataTypes.StringType, false)
      .add("sentence_id", DataTypes.IntegerType, false);

  static final String ANY = "*";

  private LexiconGapsReport() {}

  static ReportWriter.Plan plan(Products p) {
    return REPORT.inOrder(p.lexiconGaps());
  }

  /**
   * The phrases the lexicon's notes say were left out on purpose: a quoted phrase ('x' or "x") in a note that also
   * says "left out", "not listed", "excluded", "omitted" or "missed"; in lower case.
   */
  public static Set<String> leftOutOnPurpose(SectorLexicon lexicon) {
    Set<String> out = new TreeSet<>();
    Pattern quoted = Pattern.compile("['\"‘“]([^'\"’”]{1,60})['\"’”]");
    Pattern onPurpose = Pattern.compile("(?i)left out|not listed|excluded|omitted|missed");
    for (SectorLexicon.Entry e : lexicon.entries()) {
      String note = e.notes();
      if (note == null || !onPurpose.matcher(note).find()) {
        continue;
      }
      Matcher m = quoted.matcher(note);
      while (m.find()) {
        out.add(m.group(1).strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** The report's rows, in its order, from the annotated corpus and the lexicon. */
  public static Dataset<Row> build(Dataset<Row> sentences, SectorLexicon lexicon) {
    return build(sentences, lexicon, SectorReports.countCorpus(sentences));
  }

  /**
   * The report's rows, in its order, from the annotated corpus, the lexicon and the corpus's sector counts (of the
   * same sentences), which give each language's sentences with a sector mention, per sector and in all.
   */
  public static Dataset<Row> build(Dataset<Row> sentences, SectorLexicon lexicon,
      SectorReports.CorpusCounts counts) {
    Map<String, Set<String>> phrases = new HashMap<>();
    Map<String, Map<String, String>> sectorOfWord = new HashMap<>();
    for (SectorLexicon.Entry e : lexicon.entries()) {
      String lang = e.lang() == null ? "en" : e.lang();
      for (String v : SectorLexicon.variants(e)) {
        String phrase = v.toLowerCase(Locale.ROOT);
        phrases.computeIfAbsent(lang, l -> new HashSet<>()).add(phrase);
        for (String w : phrase.split("[^\\p{L}\\p{N}]+")) {
          if (!w.isEmpty() && !w.equals(phrase)) {
            sectorOfWord.computeIfAbsent(lang, l -> new HashMap<>()).putIfAbsent(w, e.sector());
          }
        }
      }
    }
    MapPartitionsFunction<Row, Row> find = new Candidates(phrases, sectorOfWord);
    Dataset<Row> occurrences = sentences.where(size(col("match_begin")).gt(0))
        .select(col("doc_id"), col("sentence_id"), col("language"), col("token_begin"), col("token_end"),
            col("terms"), col("is_stop"), col("match_begin"), col("match_end"), col("match_sector"), col("tokens"))
        .mapPartitions(find, Encoders.row(PARTIAL));
    // each partition's counts added up: a document's sentences are in one partition, so its articles add up too
    Dataset<Row> counted = occurrences
        .groupBy(col("reason"), col("language"), col("sector"), col("candidate"), col("ngram"))
        .agg(sum(col("count")).as("count"), sum(col("doc_freq")).as("doc_freq"),
            min(struct(col("doc_id"), col("sentence_id"))).as("first"));
    // the 2×2 table of each candidate and sector, among the language's sentences with a sector mention: t (the
    // candidate's sentences, its "*" row), nₛ (the sector's sentences), n (all of them)
    // (counted by the sector pass: no scan of the corpus of their own), looked up in two map literals, so that
    // no job broadcasts them
    List<Column> perSector = new ArrayList<>();
    List<Column> perLanguage = new ArrayList<>();
    counts.sentencesByLanguage().forEach((key, n) -> {
      if (key.get(0) == null) {
        return; // a sentence without a language: the join it replaces never matched it either
      }
      if (key.get(1) == null) {
        perLanguage.add(lit(key.get(0)));
        perLanguage.add(lit(n));
      } else {
        perSector.add(lit(key.get(0) + '\u0000' + key.get(1)));
        perSector.add(lit(n));
      }
    });
    UserDefinedFunction g2 = udf((UDF4<Long, Long, Long, Long, Double>) LexiconGapsReport::g2, DataTypes.DoubleType);
    Column association = col("reason").equalTo(ASSOCIATION);
    Dataset<Row> scored = counted
        .withColumn("t", max(when(col("sector").equalTo(ANY), col("count"))).over(
            Window.partitionBy(col("reason"), col("language"), col("candidate"), col("ngram"))))
        .where(col("sector").isNull().or(col("sector").notEqual(ANY)))
        .withColumn("n_s", lookUp(perSector, concat(col("language"), lit("\u0000"), col("sector"))))
        .withColumn("n", lookUp(perLanguage, col("language")))
        .where(association.unary_$bang().or(col("count").geq(MIN_COUNT)
            // over-represented: a / n_s > (t − a) / (n − n_s)
            .and(col("count").multiply(col("n").minus(col("n_s")))
                .gt(col("t").minus(col("count")).multiply(col("n_s"))))))
        .withColumn("score", when(association, g2.apply(col("count"), col("t"), col("n_s"), col("n")))
            .otherwise(col("count").cast(DataTypes.DoubleType)));
    Set<String> leftOut = leftOutOnPurpose(lexicon);
    Dataset<Row> picked = scored
        .withColumn("place", row_number().over(Window.partitionBy(col("reason"), col("language"), col("sector"))
            .orderBy(col("score").desc(), col("candidate"), col("ngram"))))
        .where(col("place").leq(PER_SECTOR))
        .withColumn("rejected_by_note", leftOut.isEmpty() ? lit(false) : col("candidate").isin(leftOut.toArray()))
        .withColumn("evidence_doc_id", col("first.doc_id"))
        .withColumn("evidence_sentence_id", col("first.sentence_id"));
    Dataset<Row> texts = sentences.select(col("doc_id").as("evidence_doc_id"),
        col("sentence_id").as("evidence_sentence_id"), col("sentence").as("evidence"));
    // a few hundred rows: the evidence sentences fetched by a broadcast join, sorted in one task
    return REPORT.select(texts.join(broadcast(picked), new String[] {"evidence_doc_id", "evidence_sentence_id"}))
        .repartition(1)
        .sortWithinPartitions(col("reason"), col("language"), col("sector").asc_nulls_first(), col("score").desc(),
            col("candidate"));
  }

  /** The long value of {@code key} in a map literal of alternate keys and values, null when absent (or null). */
  private static Column lookUp(List<Column> keysAndValues, Column key) {
    return keysAndValues.isEmpty() ? lit(null).cast(DataTypes.LongType)
        : element_at(map(keysAndValues.toArray(Column[]::new)), key);
  }

  /**
   * Dunning's log-likelihood G² of a 2×2 table: {@code a} sentences with the sector and the candidate, {@code t}
   * with the candidate, {@code ns} with the sector, {@code n} in all.
   */
  static Double g2(Long a, Long t, Long ns, Long n) {
    double[] observed = {a, t - a, ns - a, n - ns - t + a};
    double[] expected = {(double) t * ns / n, (double) t * (n - ns) / n, (double) (n - t) * ns / n,
        (double) (n - t) * (n - ns) / n};
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      if (observed[i] > 0) {
        sum += observed[i] * Math.log(observed[i] / expected[i]);
      }
    }
    return 2 * sum;
  }

  /** What a partition adds up per candidate, sector and reason. */
  private record Key(String reason, String language, String sector, String candidate, int ngram) {}

  private static final class Tally {
    long count;
    long docs;
    String lastDoc;
    String firstDoc;
    int firstSentence;

    void add(String docId, int sentenceId) {
      count++;
      if (!docId.equals(lastDoc)) {
        docs++;
        lastDoc = docId;
      }
      int c = firstDoc == null ? -1 : docId.compareTo(firstDoc);
      if (c < 0 || c == 0 && sentenceId < firstSentence) {
        firstDoc = docId;
        firstSentence = sentenceId;
      }
    }
  }

  /**
   * The candidates of a partition's sentences, counted in the partition: each with each of its sentence's sectors and
   * "*", and those of its enumerations; one row per candidate, sector and reason.
   */
  private static final class Candidates implements MapPartitionsFunction<Row, Row> {
    private final Map<String, Set<String>> phrases;
    private final Map<String, Map<String, String>> sectorOfWord;

    Candidates(Map<String, Set<String>> phrases, Map<String, Map<String, String>> sectorOfWord) {
      this.phrases = phrases;
      this.sectorOfWord = sectorOfWord;
    }

    @Override
    public java.util.Iterator<Row> call(java.util.Iterator<Row> rows) {
      Map<Key, Tally> tallies = new HashMap<>();
      while (rows.hasNext()) {
        Row s = rows.next();
        String docId = s.getString(0);
        int sentenceId = s.getInt(1);
        for (Key k : sentence(s)) {
          tallies.computeIfAbsent(k, x -> new Tally()).add(docId, sentenceId);
        }
      }
      List<Row> out = new ArrayList<>(tallies.size());
      tallies.forEach((k, t) -> out.add(RowFactory.create(k.reason(), k.language(), k.sector(), k.candidate(),
          k.ngram(), t.count, t.docs, t.firstDoc, t.firstSentence)));
      return out.iterator();
    }

    /** One sentence's candidates, each once per sector and reason. */
    private List<Key> sentence(Row s) {
      String language = s.getString(2);
      List<Integer> tokenBegin = s.getList(3);
      List<Integer> tokenEnd = s.getList(4);
      List<String> terms = s.getList(5);
      List<Boolean> stops = s.getList(6);
      List<Integer> matchBegin = s.getList(7);
      List<Integer> matchEnd = s.getList(8);
      List<String> matchSector = s.getList(9);
      int n = terms.size();
      boolean[] covered = new boolean[n];
      for (int i = 0; i < n; i++) {
        for (int m = 0; m < matchBegin.size() && !covered[i]; m++) {
          covered[i] = tokenBegin.get(i) < matchEnd.get(m) && tokenEnd.get(i) > matchBegin.get(m);
        }
      }
      Set<String> known = phrases.getOrDefault(language, Set.of());
      Set<String> sectors = new LinkedHashSet<>(matchSector);
      int[] run = Terms.termRuns(terms, stops);
      Map<String, Integer> candidates = new java.util.TreeMap<>();
      for (int i = 0; i < n; i++) {
        StringBuilder term = new StringBuilder();
        for (int order = 1; order <= Math.min(Terms.MAX_ORDER, run[i]); order++) {
          if (covered[i + order - 1]) {
            break;
          }
          if (order > 1) {
            term.append(' ');
          }
          term.append(terms.get(i + order - 1));
          if (!known.contains(term.toString())) {
            candidates.putIfAbsent(term.toString(), order);
          }
        }
      }
      List<Key> out = new ArrayList<>();
      candidates.forEach((c, order) -> {
        out.add(new Key(ASSOCIATION, language, ANY, c, order));
        for (String sector : sectors) {
          out.add(new Key(ASSOCIATION, language, sector, c, order));
        }
      });
      // enumerations: items (runs of term tokens or tokens of a match, such as "IT") separated by ",", "and", "or"
      List<String> tokens = s.getList(10);
      int[] item = new int[n + 1];
      for (int k = n - 1; k >= 0; k--) {
        item[k] = run[k] > 0 || covered[k] ? item[k + 1] + 1 : 0;
      }
      List<int[]> items = new ArrayList<>();
      int i = 0;
      while (i < n) {
        if (item[i] == 0) {
          i++;
          continue;
        }
        List<int[]> list = new ArrayList<>();
        list.add(new int[] {i, i + item[i]});
        int j = i + item[i];
        while (true) {
          int k = j;
          boolean separated = false;
          while (k < n && item[k] == 0 && isSeparator(terms.get(k), tokens.get(k))) {
            separated = true;
            k++;
          }
          if (!separated || k >= n || item[k] == 0) {
            break;
          }
          list.add(new int[] {k, k + item[k]});
          j = k + item[k];
        }
        if (list.size() >= 2 && list.stream().allMatch(it -> it[1] - it[0] <= Terms.MAX_ORDER)
            && list.stream().anyMatch(it -> anyCovered(covered, it))) {
          for (int[] it : list) {
            if (!anyCovered(covered, it) && run[it[0]] >= it[1] - it[0]) { // unmatched, all term tokens
              items.add(it);
            }
          }
        }
        i = j;
      }
      Set<String> seen = new HashSet<>();
      for (int[] it : items) {
        String c = String.join(" ", terms.subList(it[0], it[1]));
        if (known.contains(c) || !seen.add(c)) {
          continue;
        }
        String sector = sectorOfWord.getOrDefault(language, Map.of()).get(c);
        out.add(new Key(ENUMERATION, language, sector, c, it[1] - it[0]));
      }
      return out;
    }

    private static boolean anyCovered(boolean[] covered, int[] item) {
      for (int t = item[0]; t < item[1]; t++) {
        if (covered[t]) {
          return true;
        }
      }
      return false;
    }

    /** A token between two items of a list: a comma, "and" or "or". */
    private static boolean isSeparator(String term, String token) {
      return term.equals("and") || term.equals("or") || token.equals(",");
    }
  }
}
