package io.visitlens.report;

import static io.visitlens.report.PageFormat.integer;
import static io.visitlens.report.PageFormat.percent;
import static io.visitlens.report.PageFormat.pp;
import static io.visitlens.report.PageFormat.probability;
import static io.visitlens.report.PageFormat.signed;
import static io.visitlens.report.SummaryData.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.io.HadoopFiles;
import io.visitlens.io.RunManifest;
import io.visitlens.stats.Keyness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code index.html}: one self-contained page over the reports of a run, for analysts who would rather look
 * than read CSV. Headline findings, visit and document tables and data-quality notes are written as HTML;
 * the charts (sector shares, emphasis z-scores, NPMI heatmaps, distinctive terms) are drawn in the browser by
 * Apache ECharts, whose bundle is inlined from its WebJar together with the report rows as JSON. The page
 * makes no network request (its Content-Security-Policy forbids any), and every number on it is a value of a
 * report row, formatted.
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
  /** Colour-blind-safe visit colours (Okabe and Ito's palette, then a few of Tol's). */
  static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00",
      "#332288", "#117733", "#882255", "#6B6B6B");
  static final double Z_CRITICAL = Keyness.Z_CRITICAL;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

  private final SummaryData data;
  private final List<String> visitOrder;
  private final Map<String, String> colours = new LinkedHashMap<>();
  private final List<String> sectorOrder;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private HtmlSummary(SummaryData data) {
    this.data = data;
    this.visitOrder = data.visitOrder();
    // The compared visits get the first two colours (blue A, vermilion B), the others the rest in visit order.
    List<String> byColour = new ArrayList<>();
    for (String id : java.util.Arrays.asList(pairA(), pairB())) {
      if (id != null && !byColour.contains(id)) {
        byColour.add(id);
      }
    }
    visitOrder.stream().filter(id -> !byColour.contains(id)).forEach(byColour::add);
    for (int i = 0; i < byColour.size(); i++) {
      colours.put(byColour.get(i), PALETTE.get(i % PALETTE.size()));
    }
    this.sectorOrder = sectorOrder(data);
  }

  /** Reads the Parquet reports under {@code dir} and writes {@code dir/index.html}; returns its path. */
  public static Path write(SparkSession spark, Path dir) {
    Path target = new Path(dir, FILE);
    HadoopFiles.write(spark.sparkContext().hadoopConfiguration(), target, render(SummaryData.read(spark, dir)));
    return target;
  }

  /**
   * A map of keys and values in the order given: the page's embedded JSON keeps one key order from run to run
   * ({@code Map.of} iterates in an order that changes with each JVM).
   */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The page for what was read. */
  static String render(SummaryData data) {
    return new HtmlSummary(data).page();
  }

  private String page() {
    String a = pairA();
    String b = pairB();
    String title = a == null ? "VisitLens report" : "VisitLens: " + label(a) + " → " + label(b);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing may be fetched: scripts and styles are inline, images only data: URIs.
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline';"
            + " style-src 'unsafe-inline'; img-src data:; font-src data:\">\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<script>").append(resource("error-recorder.js")).append("</script>\n")
        .append("<style>\n").append(resource("summary.css")).append("</style>\n")
        .append("</head>\n<body data-rendered=\"pending\" data-errors=\"\">\n");
    header(title, a, b);
    html.append("<main class=\"wrap\">\n");
    visitsSection();
    headlineSection(a, b);
    sharesSection();
    emphasisSection(a, b);
    cooccurrenceSection();
    termsSection();
    documentsSection();
    qualitySection();
    html.append("</main>\n");
    footer();
    html.append("<script type=\"application/json\" id=\"visitlens-data\">").append(json()).append("</script>\n")
        .append("<script>").append(inlineScript(echarts())).append("</script>\n")
        .append("<script>").append(inlineScript(resource("summary.js"))).append("</script>\n")
        .append("</body>\n</html>\n");
    return html.toString();
  }

  // ---------------------------------------------------------------------------------------------- sections

  private void header(String title, String a, String b) {
    html.append("<header><div class=\"wrap\">\n<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">");
    if (a != null) {
      html.append("Comparing visit A, ").append(visitChip(a)).append(", with visit B, ").append(visitChip(b))
          .append(". ");
    }
    if (!data.unavailable.containsKey(DocumentsReport.NAME)) {
      html.append(count(data.documentsTotal, "document")).append(" processed, ")
          .append(integer(data.documentsTotal - data.unassignedTotal)).append(" attributed to a visit")
          .append(". ");
    }
    html.append("Generated from the reports in this directory.</p>\n<nav>")
        .append("<a href=\"#visits\">Visits</a><a href=\"#headline\">Findings</a><a href=\"#shares\">Sector shares</a>")
        .append("<a href=\"#emphasis\">Emphasis</a><a href=\"#cooccurrence\">Co-occurrence</a>")
        .append("<a href=\"#terms\">Distinctive terms</a><a href=\"#documents\">Documents</a>")
        .append("<a href=\"#quality\">Data quality</a></nav>\n</div></header>\n");
  }

  private void visitsSection() {
    open("visits", "Visits", VisitsReport.NAME);
    if (unavailable(VisitsReport.NAME)) {
      close();
      return;
    }
    if (data.visits.isEmpty()) {
      html.append("<p>The catalogue has no visits.</p>\n");
      close();
      return;
    }
    html.append("<div class=\"scroll short\"><table>\n<thead><tr><th>Visit</th><th>Dates</th><th>Host</th>")
        .append("<th class=\"num\">Documents</th><th class=\"num\">Tokens</th></tr></thead>\n<tbody>\n");
    for (Map<String, Object> v : data.visits) {
      String id = str(v.get("visit_id"));
      html.append("<tr><td>").append(visitChip(id)).append(" <code>").append(esc(id)).append("</code></td><td>")
          .append(esc(str(v.get("start_date")))).append(" – ").append(esc(str(v.get("end_date"))))
          .append("</td><td>").append(esc(str(v.get("host_city")))).append(", ").append(esc(str(v.get("host_country"))))
          .append("</td><td class=\"num\">").append(integer(v.get("n_documents")))
          .append("</td><td class=\"num\">").append(integer(v.get("n_tokens"))).append("</td></tr>\n");
    }
    html.append("</tbody></table></div>\n");
    close();
  }

  private void headlineSection(String a, String b) {
    open("headline", "Headline findings", EmphasisComparisonReport.NAME);
    if (unavailable(EmphasisComparisonReport.NAME)) {
      close();
      return;
    }
    if (data.emphasis.isEmpty()) {
      html.append("<p>The comparison has no rows: no sector of the lexicon was mentioned in either visit.</p>\n");
      close();
      return;
    }
    Map<String, List<Map<String, Object>>> byTrend = new HashMap<>();
    for (Map<String, Object> r : data.emphasis) {
      byTrend.computeIfAbsent(str(r.get("trend")), t -> new ArrayList<>()).add(r);
    }
    Comparator<Map<String, Object>> byZDesc = Comparator.comparing((Map<String, Object> r) -> dbl(r.get("z_score")),
        Comparator.nullsLast(Comparator.reverseOrder()));
    Comparator<Map<String, Object>> byZAsc = Comparator.comparing((Map<String, Object> r) -> dbl(r.get("z_score")),
        Comparator.nullsLast(Comparator.naturalOrder()));
    List<Map<String, Object>> fresh = sorted(byTrend.get("new"), byZDesc);
    List<Map<String, Object>> rising = sorted(byTrend.get("rising"), byZDesc);
    List<Map<String, Object>> falling = sorted(byTrend.get("falling"), byZAsc);
    List<Map<String, Object>> dropped = sorted(byTrend.get("dropped"), byZAsc);
    int stable = sorted(byTrend.get("stable"), byZDesc).size();

    html.append("<p class=\"lede\">From ").append(visitChip(a)).append(" (A) to ").append(visitChip(b))
        .append(" (B), ").append(count(data.emphasis.size(), "sector was", "sectors were"))
        .append(" mentioned in either visit: ")
        .append(fresh.size()).append(" new, ").append(rising.size()).append(" rising, ")
        .append(falling.size()).append(" falling, ").append(dropped.size()).append(" dropped and ")
        .append(stable).append(" stable.</p>\n<div class=\"grid2\">\n");
    findings("up", "New or rising in B", fresh, rising, "No sector is new in B or rose significantly.");
    findings("down", "Dropped or falling in B", dropped, falling, "No sector was dropped in B or fell significantly.");
    html.append("</div>\n<p class=\"note\">Mentions are matches of the sector lexicon; a share is a sector's part of "
        + "all sector mentions in the visit. <i>z</i> is the z-score of the log-odds ratio with an informative "
        + "Dirichlet prior (positive: more in B). A sector is rising or falling when |<i>z</i>| ≥ " + Z_CRITICAL + ", new when it "
        + "has no mention in A, dropped when it has none in B.");
    for (String id : List.of(a, b)) {
      Map<String, Object> v = data.visit(id);
      if (v != null) {
        html.append(" ").append(esc(label(id))).append(": ").append(count(v.get("n_documents"), "document"))
            .append(", ").append(count(v.get("n_tokens"), "token")).append(".");
      }
    }
    html.append("</p>\n");
    close();
  }

  private void findings(String direction, String heading, List<Map<String, Object>> first,
      List<Map<String, Object>> second, String none) {
    html.append("<div class=\"finding ").append(direction).append("\"><h3>").append(heading).append("</h3>\n");
    if (first.isEmpty() && second.isEmpty()) {
      html.append("<p>").append(none).append("</p></div>\n");
      return;
    }
    html.append("<ul>\n");
    for (List<Map<String, Object>> group : List.of(first, second)) {
      for (Map<String, Object> r : group) {
        html.append("<li><strong>").append(esc(str(r.get("sector")))).append("</strong> ")
            .append(badge(str(r.get("trend")))).append(" ")
            .append(integer(r.get("mentions_a"))).append(" → ").append(integer(r.get("mentions_b")))
            .append(" mentions; share ").append(percent(r.get("share_a"))).append(" → ")
            .append(percent(r.get("share_b"))).append(" (").append(pp(r.get("delta_pp"))).append("); <i>z</i> = ")
            .append(signed(r.get("z_score"))).append("</li>\n");
      }
    }
    html.append("</ul></div>\n");
  }

  private void sharesSection() {
    open("shares", "Sector share per visit", SectorSummaryReport.NAME);
    if (unavailable(SectorSummaryReport.NAME)) {
      close();
      return;
    }
    long silent = sectorOrder.stream().filter(s -> totalMentions(s) == 0).count();
    html.append("<p class=\"note\">Each bar is a sector's share of all sector mentions in a visit "
        + "(<code>sector_summary.share</code>); hover for mentions and documents. Sectors ordered by mentions "
        + "over all visits.");
    if (silent > 0) {
      html.append(" ").append(count(silent, "sector", "sectors")).append(" of the lexicon with no mention in any "
          + "visit ").append(silent == 1 ? "is" : "are").append(" left out.");
    }
    html.append("</p>\n<div class=\"chart\" id=\"chart-shares\" role=\"img\" aria-label=\"Grouped bars: share of "
        + "sector mentions per visit\"></div>\n");
    close();
  }

  private void emphasisSection(String a, String b) {
    open("emphasis", "Emphasis: what moved from A to B", EmphasisComparisonReport.NAME);
    if (unavailable(EmphasisComparisonReport.NAME)) {
      close();
      return;
    }
    html.append("<p class=\"note\">Bars are z-scores of the log-odds ratio of each sector's mentions in ")
        .append(visitChip(b)).append(" (right) against ").append(visitChip(a))
        .append(" (left), with an informative Dirichlet prior. Dashed lines: |<i>z</i>| = ").append(Z_CRITICAL).append(".</p>\n")
        .append("<div class=\"chart\" id=\"chart-emphasis\" role=\"img\" aria-label=\"Diverging bars: emphasis "
            + "z-scores per sector\"></div>\n");
    List<Map<String, Object>> rows = sorted(data.emphasis, Comparator.comparing(
        (Map<String, Object> r) -> dbl(r.get("z_score")), Comparator.nullsLast(Comparator.reverseOrder())));
    html.append("<details><summary>The comparison as a table</summary><div class=\"scroll\"><table>\n<thead><tr>")
        .append("<th>Sector</th><th>Trend</th><th class=\"num\">Mentions A</th><th class=\"num\">Mentions B</th>")
        .append("<th class=\"num\">Share A</th><th class=\"num\">Share B</th><th class=\"num\">Δ share</th>")
        .append("<th class=\"num\">z</th></tr></thead>\n<tbody>\n");
    for (Map<String, Object> r : rows) {
      html.append("<tr><td>").append(esc(str(r.get("sector")))).append("</td><td>").append(badge(str(r.get("trend"))))
          .append("</td><td class=\"num\">").append(integer(r.get("mentions_a")))
          .append("</td><td class=\"num\">").append(integer(r.get("mentions_b")))
          .append("</td><td class=\"num\">").append(percent(r.get("share_a")))
          .append("</td><td class=\"num\">").append(percent(r.get("share_b")))
          .append("</td><td class=\"num\">").append(pp(r.get("delta_pp")))
          .append("</td><td class=\"num\">").append(signed(r.get("z_score"))).append("</td></tr>\n");
    }
    html.append("</tbody></table></div></details>\n");
    close();
  }

  private void cooccurrenceSection() {
    open("cooccurrence", "Which sectors are discussed together", TopicCooccurrenceReport.NAME);
    if (unavailable(TopicCooccurrenceReport.NAME)) {
      close();
      return;
    }
    if (data.cooccurrence.isEmpty()) {
      html.append("<p>No two sectors were mentioned in the same scope.</p>\n");
      close();
      return;
    }
    List<String> windows = data.cooccurrence.stream().map(r -> str(r.get("window"))).distinct()
        .sorted(Comparator.comparing((String w) -> !"sentence".equals(w)).thenComparing(w -> w)).toList();
    html.append("<p class=\"note\">Normalised pointwise mutual information (NPMI) of two sectors over windows: "
        + "+1 always in the same window, 0 independent, −1 never together; grey: the diagonal, or a pair that does "
        + "not occur in the visit. One heatmap per visit");
    if (data.heatmapScopes.contains("all")) {
      html.append(", and one over all documents");
    }
    html.append(".");
    if (!data.scopesWithoutHeatmap.isEmpty()) {
      html.append(" ").append(count(data.scopesWithoutHeatmap.size(), "other visit has", "other visits have"))
          .append(" no heatmap here: ").append(esc(String.join(", ", data.scopesWithoutHeatmap)))
          .append(" (see <code>topic_cooccurrence</code>).");
    }
    html.append("</p>\n<p class=\"controls\"><label for=\"window-select\">Window</label> <select id=\"window-select\">");
    for (String w : windows) {
      html.append("<option value=\"").append(esc(w)).append("\">").append(esc(w)).append("</option>");
    }
    html.append("</select></p>\n<div class=\"grid2\" id=\"heatmaps\">\n");
    for (String scope : data.heatmapScopes) {
      html.append("<figure class=\"heatmap\"><figcaption>")
          .append("all".equals(scope) ? "All documents" : visitChip(scope)).append("</figcaption>")
          .append("<div class=\"chart\" data-scope=\"").append(esc(scope)).append("\" role=\"img\" aria-label=\"NPMI ")
          .append("heatmap for ").append(esc(label(scope))).append("\"></div></figure>\n");
    }
    html.append("</div>\n");
    close();
  }

  private void termsSection() {
    open("terms", "Distinctive terms of each visit", TermKeynessReport.NAME);
    if (unavailable(TermKeynessReport.NAME)) {
      close();
      return;
    }
    if (data.keynessA == null) {
      html.append("<p>The keyness report has no rows.</p>\n");
      close();
      return;
    }
    html.append("<p class=\"note\">The ").append(SummaryData.TOP_TERMS).append(" terms with the most negative ")
        .append("z-scores (more in ").append(visitChip(data.keynessA)).append(") and the most positive (more in ")
        .append(visitChip(data.keynessB)).append("), from <code>term_keyness</code>: log-odds with an informative "
            + "Dirichlet prior; <i>q</i> is the Benjamini–Hochberg adjusted p-value.</p>\n")
        .append("<div class=\"chart\" id=\"chart-terms\" role=\"img\" aria-label=\"Diverging bars: the most "
            + "distinctive terms of each visit\"></div>\n<div class=\"grid2\">\n");
    termsTable(data.keynessA, data.termsA);
    termsTable(data.keynessB, data.termsB);
    html.append("</div>\n");
    close();
  }

  private void termsTable(String visit, List<Map<String, Object>> terms) {
    html.append("<div><h3>More in ").append(visitChip(visit)).append("</h3>\n");
    if (terms.isEmpty()) {
      html.append("<p>No term leans this way.</p></div>\n");
      return;
    }
    html.append("<table><thead><tr><th>Term</th><th class=\"num\">n-gram</th><th class=\"num\">Count A</th>")
        .append("<th class=\"num\">Count B</th><th class=\"num\">z</th><th class=\"num\">q</th></tr></thead><tbody>\n");
    for (Map<String, Object> t : terms) {
      html.append("<tr><td>").append(esc(str(t.get("term")))).append("</td><td class=\"num\">")
          .append(integer(t.get("ngram"))).append("</td><td class=\"num\">").append(integer(t.get("count_a")))
          .append("</td><td class=\"num\">").append(integer(t.get("count_b"))).append("</td><td class=\"num\">")
          .append(signed(t.get("z_score"))).append("</td><td class=\"num\">").append(probability(t.get("q_value")))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></div>\n");
  }

  private void documentsSection() {
    open("documents", "Documents", DocumentsReport.NAME);
    if (unavailable(DocumentsReport.NAME)) {
      close();
      return;
    }
    html.append("<p class=\"note\">");
    if (data.documentsTotal > data.documents.size()) {
      html.append("The first ").append(integer(data.documents.size())).append(" of ")
          .append(count(data.documentsTotal, "document"));
    } else {
      html.append("All ").append(count(data.documentsTotal, "document"));
    }
    html.append(", by visit, published date and id; the full table is <code>csv/documents.csv</code>.</p>\n");
    if (data.documents.isEmpty()) {
      close();
      return;
    }
    html.append("<div class=\"scroll\"><table class=\"documents\">\n<thead><tr><th>Document</th><th>Visit</th>")
        .append("<th>Published</th><th>Date source</th><th>Evidence</th><th class=\"num\">Tokens</th>")
        .append("<th class=\"num\" title=\"Paragraphs already seen in an earlier document, of all paragraphs\">")
        .append("Duplicates</th></tr></thead>\n<tbody>\n");
    for (Map<String, Object> d : data.documents) {
      String visit = str(d.get("visit_id"));
      html.append("<tr><td><code>").append(esc(str(d.get("doc_id")))).append("</code>");
      if (!str(d.get("title")).isEmpty()) {
        html.append("<br><span class=\"title\">").append(esc(str(d.get("title")))).append("</span>");
      }
      html.append("</td><td>").append(visit.isEmpty() ? "<span class=\"muted\">unassigned</span>" : visitChip(visit))
          .append("</td><td class=\"date\">").append(esc(str(d.get("published_date")))).append("</td><td>")
          .append(esc(str(d.get("date_source")))).append("</td><td>").append(esc(str(d.get("visit_evidence"))))
          .append("</td><td class=\"num\">").append(integer(d.get("n_tokens")))
          .append("</td><td class=\"num\">").append(integer(d.get("n_duplicate_paragraphs")))
          .append(" of ").append(integer(d.get("n_paragraphs"))).append("</td></tr>\n");
    }
    html.append("</tbody></table></div>\n");
    close();
  }

  private void qualitySection() {
    open("quality", "Data quality", null);
    html.append("<h3>Duplicate paragraphs</h3>\n");
    if (!unavailable(DocumentsReport.NAME)) {
      html.append("<p>").append(count(data.duplicateParagraphsTotal, "paragraph")).append(" of ")
          .append(integer(data.paragraphsTotal)).append(" repeated an earlier document's, in ")
          .append(count(data.documentsWithDuplicates, "document"))
          .append(". Unless the run kept them (<code>--keep-duplicates</code>), they are left out of every count.</p>\n");
      documentList(data.withDuplicates, data.documentsWithDuplicates,
          d -> integer(d.get("n_duplicate_paragraphs")) + " of " + integer(d.get("n_paragraphs")) + " paragraphs");
      html.append("<h3>Unassigned documents</h3>\n<p>");
      if (data.unassignedTotal == 0) {
        html.append("Every document was attributed to a visit.</p>\n");
      } else {
        html.append(count(data.unassignedTotal, "document")).append(data.unassignedTotal == 1 ? " was" : " were")
            .append(" not attributed to any visit, and count only in the corpus-wide scopes.</p>\n");
      }
      documentList(data.unassigned, data.unassignedTotal, d -> esc(str(d.get("visit_evidence"))));
    }
    html.append("<h3>Rejected documents</h3>\n");
    if (!unavailable(RejectedDocumentsReport.NAME)) {
      html.append("<p>").append(data.rejectedTotal == 0 ? "Every article was processed."
          : count(data.rejectedTotal, "article") + (data.rejectedTotal == 1 ? " was" : " were") + " not processed:")
          .append("</p>\n");
      if (!data.rejected.isEmpty()) {
        html.append("<ul class=\"list\">\n");
        for (Map<String, Object> r : data.rejected) {
          html.append("<li><code>").append(esc(str(r.get("doc_id")).isEmpty() ? "(no id)" : str(r.get("doc_id"))))
              .append("</code> <span class=\"muted\">").append(esc(str(r.get("source_path")))).append("</span>: ")
              .append(esc(str(r.get("reason")))).append("</li>\n");
        }
        html.append("</ul>\n");
        more(data.rejected.size(), data.rejectedTotal, "csv/rejected_documents.csv");
      }
    }
    if (!data.truncated.isEmpty()) {
      html.append("<h3>Left out of this page</h3>\n<ul class=\"list\">\n");
      data.truncated.forEach(t -> html.append("<li>").append(esc(t)).append("</li>\n"));
      html.append("</ul>\n");
    }
    close();
  }

  private void documentList(List<Map<String, Object>> docs, long total, Function<Map<String, Object>, String> detail) {
    if (docs.isEmpty()) {
      return;
    }
    html.append("<ul class=\"list\">\n");
    for (Map<String, Object> d : docs) {
      html.append("<li><code>").append(esc(str(d.get("doc_id")))).append("</code>: ").append(detail.apply(d))
          .append("</li>\n");
    }
    html.append("</ul>\n");
    more(docs.size(), total, "csv/documents.csv");
  }

  private void more(int shown, long total, String file) {
    if (total > shown) {
      html.append("<p class=\"note\">The first ").append(shown).append(" of ").append(integer(total))
          .append("; all are in <code>").append(file).append("</code>.</p>\n");
    }
  }

  private void footer() {
    html.append("<footer class=\"wrap\"><p>Written by VisitLens ").append(esc(RunManifest.version()))
        .append(" from the Parquet reports beside this file; every number on this page is a value of a report row. ")
        .append("Charts drawn with Apache ECharts ").append(esc(echartsVersion()))
        .append(" (Apache License 2.0), included in this file.</p></footer>\n");
  }

  // ------------------------------------------------------------------------------------------- chart data

  /** The rows the charts draw, as JSON safe to inline in a script element. */
  private String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> visits = new ArrayList<>();
    for (String id : visitOrder) {
      visits.add(ordered("id", id, "label", label(id), "color", colours.get(id)));
    }
    root.put("visits", visits);
    root.put("pair", pairA() == null ? null : ordered("a", pairA(), "b", pairB()));
    root.put("sectorOrder", sectorOrder);
    root.put("zCritical", Z_CRITICAL);
    root.put("sectorSummary", data.sectorSummary);
    root.put("emphasis", data.emphasis);
    root.put("heatmapScopes", data.heatmapScopes);
    root.put("cooccurrence", data.cooccurrence);
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("a", data.keynessA);
    terms.put("b", data.keynessB);
    terms.put("termsA", data.termsA);
    terms.put("termsB", data.termsB);
    root.put("terms", terms);
    root.put("unavailable", data.unavailable);
    try {
      return scriptSafe(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
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

  /** Sectors by mentions over all visits (most first), then by name; sectors only in other reports last. */
  private static List<String> sectorOrder(SummaryData data) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Map<String, Object> r : data.sectorSummary) {
      totals.merge(str(r.get("sector")), r.get("mentions") == null ? 0 : ((Number) r.get("mentions")).longValue(),
          Long::sum);
    }
    List<String> order = new ArrayList<>(totals.keySet());
    order.sort(Comparator.comparing((String s) -> -totals.get(s)).thenComparing(s -> s));
    List<String> rest = new ArrayList<>();
    data.emphasis.forEach(r -> rest.add(str(r.get("sector"))));
    data.cooccurrence.forEach(r -> {
      rest.add(str(r.get("sector_a")));
      rest.add(str(r.get("sector_b")));
    });
    rest.stream().distinct().sorted().filter(s -> !order.contains(s)).forEach(order::add);
    return order;
  }

  private long totalMentions(String sector) {
    return data.sectorSummary.stream().filter(r -> sector.equals(r.get("sector")))
        .mapToLong(r -> r.get("mentions") == null ? 0 : ((Number) r.get("mentions")).longValue()).sum();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private String pairA() {
    return data.emphasis.isEmpty() ? data.keynessA : str(data.emphasis.get(0).get("visit_a"));
  }

  private String pairB() {
    return data.emphasis.isEmpty() ? data.keynessB : str(data.emphasis.get(0).get("visit_b"));
  }

  private String label(String visitId) {
    if ("all".equals(visitId)) {
      return "all documents";
    }
    Map<String, Object> v = data.visit(visitId);
    return v == null || str(v.get("label")).isEmpty() ? visitId : str(v.get("label"));
  }

  /** A visit's label with its colour swatch. */
  private String visitChip(String visitId) {
    String colour = colours.getOrDefault(visitId, "#6B6B6B");
    return "<span class=\"visit\"><span class=\"swatch\" style=\"background:" + colour + "\"></span>"
        + esc(label(visitId)) + "</span>";
  }

  private static String badge(String trend) {
    String cls = switch (trend) {
      case "new", "rising" -> "up";
      case "dropped", "falling" -> "down";
      default -> "flat";
    };
    return "<span class=\"badge " + cls + "\">" + esc(trend) + "</span>";
  }

  private void open(String id, String heading, String report) {
    html.append("<section id=\"").append(id).append("\"");
    if (report != null) {
      html.append(" data-report=\"").append(report).append("\"");
    }
    html.append(">\n<h2>").append(heading).append("</h2>\n");
  }

  private void close() {
    html.append("</section>\n");
  }

  /** Writes the "not available" note when the report is unavailable; returns whether it is. */
  private boolean unavailable(String report) {
    String why = data.unavailable.get(report);
    if (why == null) {
      return false;
    }
    html.append("<p class=\"unavailable\">The <code>").append(esc(report)).append("</code> report ")
        .append(esc(why)).append(", so this section is empty.</p>\n");
    return true;
  }

  private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows,
      Comparator<Map<String, Object>> order) {
    if (rows == null) {
      return List.of();
    }
    List<Map<String, Object>> copy = new ArrayList<>(rows);
    copy.sort(order.thenComparing(r -> str(r.get("sector"))));
    return copy;
  }

  static String esc(String text) {
    return StringEscapeUtils.escapeHtml4(text);
  }

  private static Double dbl(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }

  static String count(Object n, String one) {
    return count(n, one, one + "s");
  }

  static String count(Object n, String one, String many) {
    return integer(n) + " " + (n instanceof Number x && x.longValue() == 1 ? one : many);
  }

  static String resource(String name) {
    try (InputStream in = HtmlSummary.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    try (InputStream in = HtmlSummary.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the ECharts WebJar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
