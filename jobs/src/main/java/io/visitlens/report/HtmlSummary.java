package io.visitlens.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.visitlens.io.ClasspathText;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.RunManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code index.html}: one self-contained page over the reports of a run, for analysts who would rather look
 * than read CSV. Headline findings, visit and document tables and data-quality notes are written as HTML;
 * the charts (sector shares, emphasis z-scores, NPMI heatmaps, distinctive terms) are drawn in the browser by
 * Apache ECharts, whose bundle is inlined from its WebJar together with the report rows as JSON. The page
 * makes no network request (its Content-Security-Policy forbids any), and every number on it is a value of a
 * report row, formatted.
 *
 * <p>The page is a jte template, {@code jobs/src/main/jte/index.jte} and the templates it calls, which hold all
 * of its markup and text; {@link PageView} holds what it shows, computed from {@link SummaryData}. jte-maven-plugin
 * turns the templates into Java classes at build time ({@code io.visitlens.report.Jte*Generated}), which this
 * class renders: no template is read or compiled at run time.
 *
 * <p>A report that is absent (an older run, a report not built yet) leaves its sections with a note saying
 * so. After drawing, the page sets {@code body[data-rendered]} to {@code ok} (or {@code failed}) and keeps
 * every script error and console error in {@code body[data-errors]}, for a headless browser check.
 */
public final class HtmlSummary {

  /**
   * The most rows the page ever brings to the driver from one report: its tables are capped (documents at
   * 500, lists at 100, aggregates at 50,000 plus one to detect overflow) whatever the corpus size.
   */
  public static final long MAX_ROWS_PER_ACTION = SummaryData.MAX_ROWS + 1;
  /** The page's file name in the report directory. */
  public static final String FILE = "index.html";

  static final String ECHARTS_PROPERTIES = "/META-INF/maven/org.webjars/echarts/pom.properties";
  static final String RESOURCES = "/io/visitlens/report/";
  /** The page's template, under jobs/src/main/jte. */
  static final String TEMPLATE = "index.jte";

  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");
  private static final TemplateEngine TEMPLATES = templates();

  private HtmlSummary() {}

  /** Reads the Parquet reports under {@code dir} and writes {@code dir/index.html}; returns its path. */
  public static Path write(SparkSession spark, Path dir) {
    Path target = new Path(dir, FILE);
    HadoopFiles.write(spark.sparkContext().hadoopConfiguration(), target, render(SummaryData.read(spark, dir)));
    return target;
  }

  /**
   * Writes {@code dir/index.html} from the reports' rows as the analysis planned them, by report name (kept rows
   * and small local relations; nothing is read back from disk); returns its path.
   */
  public static Path write(SparkSession spark, Path dir, Map<String, Dataset<Row>> reports) {
    Path target = new Path(dir, FILE);
    HadoopFiles.write(spark.sparkContext().hadoopConfiguration(), target, render(SummaryData.of(reports)));
    return target;
  }

  /** The page for what was read. */
  static String render(SummaryData data) {
    return render(view(data));
  }

  /** What the page shows of what was read. */
  static PageView view(SummaryData data) {
    return PageView.of(data, new PageView.Footer(RunManifest.version(), echartsVersion()),
        new PageView.Assets(inlineScript(resource("error-recorder.js")), resource("summary.css"),
            inlineScript(echarts()), inlineScript(resource("summary.js"))));
  }

  /** The page of a view. */
  static String render(PageView page) {
    StringOutput out = new StringOutput(64 * 1024);
    TEMPLATES.render(TEMPLATE, page, out);
    return out.toString();
  }

  /**
   * The precompiled templates, loaded as classes of this jar. jte looks them up through the thread's context
   * class loader, which a cluster may set to one that does not see the application jar; it is this class's
   * loader while the engine is made.
   */
  private static TemplateEngine templates() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(HtmlSummary.class.getClassLoader());
    try {
      return TemplateEngine.createPrecompiled(null, ContentType.Html, null, HtmlSummary.class.getPackageName());
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * JSON that cannot end its script element or open a comment: {@code < > &} become their JSON escapes
   * (they occur only inside strings), as do the line separators JavaScript once rejected in strings.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** A script's text that cannot end its element early. */
  static String inlineScript(String js) {
    return SCRIPT_END.matcher(js).replaceAll("<\\\\/$1");
  }

  static String resource(String name) {
    return ClasspathText.read(HtmlSummary.class, RESOURCES + name, "the jar");
  }

  static String echartsVersion() {
    try (InputStream in = HtmlSummary.class.getResourceAsStream(ECHARTS_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar is not on the classpath");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echarts() {
    String path = "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/echarts.min.js";
    return ClasspathText.read(HtmlSummary.class, path, "the ECharts WebJar");
  }
}
