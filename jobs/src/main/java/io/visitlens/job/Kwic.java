package io.visitlens.job;

import static org.apache.spark.sql.functions.col;

import io.visitlens.config.ConfigException;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.ReportDirectory;
import io.visitlens.nlp.TextCore;
import io.visitlens.transform.Concordance;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code visitlens kwic}: a concordance of a word or phrase from an existing report directory's annotated corpus,
 * with no analysis run, for a quick look in the terminal (as AntConc users work) or into a CSV file. The query is
 * normalised as the text core normalises the corpus (its terms: lower case, the same apostrophes and hyphens), and
 * matches a run of tokens with those terms inside one sentence; stop words match too.
 */
public final class Kwic {

  /** What to look for and where. */
  public record Options(String dir, String query, String visit, String language, int context, int limit,
      Path out, int width) {}

  /** The columns of {@code --out} and of the rows {@link #contexts} gives. */
  public static final StructType SCHEMA = new StructType()
      .add("visit_id", DataTypes.StringType, true)
      .add("doc_id", DataTypes.StringType, false)
      .add("sentence_id", DataTypes.IntegerType, false)
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("left", DataTypes.StringType, false)
      .add("match", DataTypes.StringType, false)
      .add("right", DataTypes.StringType, false);

  private Kwic() {}

  /** The query's terms as the text core gives them (English rules unless {@code language} is given). */
  public static List<String> queryTerms(String query, String language) {
    List<String> terms = new ArrayList<>();
    for (TextCore.Sentence s : TextCore.create(null).annotator().annotate(query, language == null ? "en" : language)) {
      for (String t : s.terms()) {
        if (!t.isEmpty()) {
          terms.add(t);
        }
      }
    }
    return terms;
  }

  /**
   * Every context of the query in the report directory's annotated corpus, by visit, document and offset.
   *
   * @throws ConfigException when the directory is not a report directory, has no annotated corpus, or the query
   *     has no word
   */
  public static Dataset<Row> contexts(SparkSession spark, Options o) {
    return contexts(spark, o, queryTerms(o.query(), o.language()));
  }

  private static Dataset<Row> contexts(SparkSession spark, Options o, List<String> terms) {
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (!HadoopFiles.exists(conf, new org.apache.hadoop.fs.Path(o.dir(), ReportDirectory.MARKER).toString())) {
      throw ConfigException.of("DIR", o.dir() + ": not a VisitLens report directory (no " + ReportDirectory.MARKER
          + ")");
    }
    String corpus = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(o.dir(), "parquet"),
        Analysis.ANNOTATED_CORPUS).toString();
    if (!HadoopFiles.exists(conf, corpus)) {
      throw ConfigException.of("DIR", o.dir() + ": has no parquet/" + Analysis.ANNOTATED_CORPUS);
    }
    if (terms.isEmpty()) {
      throw ConfigException.of("TERM", "\"" + o.query() + "\" has no word to look for");
    }
    Dataset<Row> sentences = spark.read().parquet(corpus);
    if (o.visit() != null) {
      sentences = sentences.where(col("visit_id").equalTo(o.visit()));
    }
    if (o.language() != null) {
      sentences = sentences.where(col("language").equalTo(o.language()));
    }
    int k = o.context();
    int n = terms.size();
    FlatMapFunction<Row, Row> find = s -> {
      List<Row> out = new ArrayList<>();
      List<Integer> tokenBegin = s.getList(5);
      List<Integer> tokenEnd = s.getList(6);
      for (int i : Concordance.find(s.getList(7), terms)) {
        Concordance.Context c = Concordance.of(s.getString(4), s.getInt(3), tokenBegin, tokenEnd, tokenBegin.get(i),
            tokenEnd.get(i + n - 1), k);
        out.add(RowFactory.create(s.isNullAt(1) ? null : s.getString(1), s.getString(0), s.getInt(2), c.begin(),
            c.end(), c.left(), c.match(), c.right()));
      }
      return out.iterator();
    };
    return sentences.select(col("doc_id"), col("visit_id"), col("sentence_id"), col("sentence_begin"),
            col("sentence"), col("token_begin"), col("token_end"), col("terms"))
        .flatMap(find, Encoders.row(SCHEMA))
        .orderBy(col("visit_id").asc_nulls_last(), col("doc_id"), col("begin"));
  }

  /** Prints the concordance (and writes {@code --out}); returns the number of contexts shown. */
  public static long run(SparkSession spark, Options o, PrintStream print) throws IOException {
    List<String> terms = queryTerms(o.query(), o.language());
    Dataset<Row> rows = contexts(spark, o, terms);
    if (o.limit() > 0) {
      rows = rows.limit(o.limit());
    }
    long shown = 0;
    CSVPrinter csv = null;
    Writer writer = null;
    try {
      if (o.out() != null) {
        writer = Files.newBufferedWriter(o.out(), StandardCharsets.UTF_8);
        csv = CSVFormat.RFC4180.builder().setHeader(SCHEMA.fieldNames()).build().print(writer);
      }
      Iterator<Row> it = rows.toLocalIterator();
      while (it.hasNext()) {
        Row r = it.next();
        shown++;
        if (csv != null) {
          csv.printRecord(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7));
        }
        print.println(line(r, o.width()));
      }
    } finally {
      if (csv != null) {
        csv.close(true);
      } else if (writer != null) {
        writer.close();
      }
    }
    print.printf(Locale.ROOT, "%d context%s of \"%s\" (%s)%s%s%n", shown, shown == 1 ? "" : "s", o.query(),
        String.join(" ", terms), o.visit() == null ? "" : " in " + o.visit(),
        o.limit() > 0 && shown == o.limit() ? "; --limit " + o.limit() + " reached, --limit 0 shows all" : "");
    if (o.out() != null) {
      print.println("written to " + o.out());
    }
    return shown;
  }

  /** One line: visit and document, the left side right-aligned, the match between two bars, the right side. */
  static String line(Row r, int width) {
    String left = r.getString(5);
    String right = r.getString(7);
    if (left.length() > width) {
      left = "…" + left.substring(left.length() - width + 1);
    }
    if (right.length() > width) {
      right = right.substring(0, width - 1) + "…";
    }
    String where = (r.isNullAt(0) ? "-" : r.getString(0)) + " " + r.getString(1);
    return String.format(Locale.ROOT, "%-28s %" + width + "s | %s | %s", where.length() > 28
        ? where.substring(0, 27) + "…" : where, left, r.getString(6), right);
  }
}
