package io.visitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlSummaryTest extends SparkTestBase {
  static final List<String> SECTIONS = List.of("visits", "coverage", "headline", "shares", "topics", "emphasis", "cooccurrence", "terms",
      "contexts", "gaps", "speakers", "deliverables", "documents", "quality");

  @TempDir
  static Path tmp;
  static FixtureReports fixture;
  static String html;
  static Document page;

  @BeforeAll
  static void renderTheFixture() throws Exception {
    startSpark();
    fixture = new FixtureReports(spark, tmp.resolve("full")).all();
    org.apache.hadoop.fs.Path written = HtmlSummary.write(spark, fixture.hadoopDir());
    assertEquals("index.html", written.getName());
    html = Files.readString(fixture.dir().resolve("index.html"));
    page = Jsoup.parse(html);
    // Kept for CI, where every chart and notebook cell has data: .ci/check-html renders this page in a browser
    // and .ci/check-notebook runs the notebook over these reports.
    Path kept = Path.of(System.getProperty("visitlens.repo", "..")).resolve("jobs/target/html-fixture");
    copyTree(fixture.dir(), kept);
  }

  /** Replaces {@code target} with a copy of {@code source}. */
  static void copyTree(Path source, Path target) throws java.io.IOException {
    if (Files.exists(target)) {
      try (var old = Files.walk(target)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (var all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Files.copy(p, target.resolve(source.relativize(p).toString()));
      }
    }
  }

  @Test
  void headlineNamesTheNewAndRisingAndTheDroppedAndFallingSectorsWithTheirNumbers() {
    Element headline = page.getElementById("headline");
    assertTrue(headline.text().contains("From Tokayev in Belgrade (A) to Vučić in Astana (B), 5 sectors were "
        + "mentioned in either visit: 1 new, 1 rising, 1 falling, 1 dropped and 1 stable."), headline.text());
    List<String> up = headline.select(".finding.up li").eachText();
    assertEquals(List.of(
        "tourism new 0 → 4 mentions; share 0.0% → 13.3% (+13.3 pp, 95% CI −0.7 to +27.3 pp, 2 vs 2 articles); "
            + "z = +2.05. No clear shift: the articles' interval spans zero.",
        "energy rising 5 → 12 mentions; share 25.0% → 40.0% (+15.0 pp, 95% CI +1.0 to +29.0 pp, 2 vs 2 articles); "
            + "z = +2.41 (in context)"), up, "each finding with its article-level interval, and said plainly when it spans zero");
    List<String> down = headline.select(".finding.down li").eachText();
    assertEquals(List.of(
        "defence industry dropped 3 → 0 mentions; share 15.0% → 0.0% (−15.0 pp, 95% CI −29.0 to −1.0 pp, 2 vs 2 "
            + "articles); z = −2.20",
        "trade falling 10 → 9 mentions; share 50.0% → 30.0% (−20.0 pp, 95% CI −34.0 to −6.0 pp, 2 vs 2 articles); "
            + "z = −3.10"), down);
    assertFalse(headline.select(".finding").text().contains("crafts"), "a stable sector is no finding");
    assertTrue(headline.text().contains("Tokayev in Belgrade: 2 documents, 1,000 tokens."), headline.text());
  }

  @Test
  void theHeaderNamesThePairAndTheDocuments() {
    assertEquals("VisitLens: Tokayev in Belgrade → Vučić in Astana", page.title());
    assertEquals("VisitLens: Tokayev in Belgrade → Vučić in Astana", page.selectFirst("header h1").text());
    // A visit's label is followed by its punctuation, with no space between (templates/visit.jte ends without a newline).
    assertEquals("Comparing visit A, Tokayev in Belgrade, with visit B, Vučić in Astana. 5 documents processed, "
        + "4 attributed to a visit. Generated from the reports in this directory.", page.selectFirst("header .sub").text());
    assertEquals(List.of("#0072B2", "#D55E00"), page.select("header .sub .swatch").eachAttr("style").stream()
        .map(style -> style.replace("background:", "")).toList());
  }

  @Test
  void theViewHoldsWhatThePageShowsFormatted() {
    PageView view = HtmlSummary.view(SummaryData.read(spark, fixture.hadoopDir()));
    assertEquals(new PageView.Visit("belgrade-2024", "Tokayev in Belgrade", "#0072B2"), view.a());
    assertEquals(new PageView.Visit("astana-2026", "Vučić in Astana", "#D55E00"), view.b());
    assertEquals("1.96", view.zCritical(), "Keyness.Z_CRITICAL, as the page prints it");
    assertEquals("5", view.header().processed().text());
    assertEquals("4", view.header().attributed());

    PageView.Headline headline = view.headline();
    assertEquals("5 sectors were", headline.sectors().of("sector was", "sectors were"));
    assertEquals(List.of(1, 1, 1, 1, 1), List.of(headline.fresh(), headline.rising(), headline.falling(),
        headline.dropped(), headline.stable()));
    assertEquals(new PageView.SectorRow("tourism", new PageView.Trend("new", "up"), "0", "4", "0.0%", "13.3%",
        "+13.3 pp", "+2.05", new PageView.Interval("95% CI −0.7 to +27.3 pp, 2 vs 2 articles", "−0.7 to +27.3 pp",
            false), null), headline.up().get(0), "no context of tourism in the fixture: no link");
    assertEquals(List.of("defence industry", "trade"), headline.down().stream().map(PageView.SectorRow::sector).toList(),
        "dropped, then falling");
    assertEquals(new PageView.Trend("dropped", "down"), headline.down().get(0).trend());
    assertEquals(List.of("1,000", "1,200"), headline.sizes().stream().map(v -> v.tokens().text()).toList());

    assertEquals(List.of("+2.41", "+2.05", "+0.52", "−2.20", "−3.10"),
        view.emphasis().rows().stream().map(PageView.SectorRow::z).toList(), "by z-score, highest first");
    assertEquals(1, view.shares().silent().value(), "space, never mentioned");
    assertEquals(List.of("sentence", "document"), view.cooccurrence().windows());
    assertTrue(view.cooccurrence().heatmaps().get(2).all());
    assertEquals(SummaryData.TOP_TERMS, view.terms().top());
    assertEquals("0.143", view.terms().b().rows().get(2).q());
    assertEquals("5", view.documents().total().text());
    assertTrue(view.documents().all());
    PageView.DocumentRow unassigned = view.documents().rows().get(4);
    assertEquals("009", unassigned.id());
    assertEquals(null, unassigned.visit(), "an unassigned document has no visit");
    assertEquals("31", view.quality().paragraphs());
    assertEquals(1, view.quality().rejected().value());
    assertEquals(null, view.quality().moreRejected(), "every rejected article is listed");
    assertTrue(view.data().contains("\"zCritical\":1.96"), "the charts draw the same threshold");
  }

  @Test
  void textFromTheReportsIsEscapedInTextAndInAttributes() throws Exception {
    String hostile = "Q&A \"quoted\" 'single' <script>alert(1)</script>";
    String hostileId = "x\" onmouseover=\"alert(2)";
    PageView.Visit visit = new PageView.Visit(hostileId, hostile, "#0072B2");
    PageView view = HtmlSummary.view(SummaryData.read(spark, fixture.hadoopDir()));
    PageView.Cooccurrence c = view.cooccurrence();
    PageView hostilePage = new PageView(visit, view.b(), view.zCritical(), view.header(), view.visits(),
        new PageView.Coverage(view.coverage().source(), List.of(hostile),
            List.of(new PageView.CoverageRow(visit, List.of("1"), "1")),
            List.of(new PageView.CoverageRow(visit, List.of("1"), "1"))),
        view.headline(), view.shares(), new PageView.Topics(view.topics().source(), "fitted", "1", "1", "1",
            List.of(new PageView.TopicRow(hostile, hostile, hostile, hostile, hostile, hostile, hostile, hostile,
                hostile, new PageView.Interval(hostile, hostile, true)))),
        view.emphasis(), new PageView.Cooccurrence(c.source(), false,
            List.of(hostile), List.of(new PageView.Heatmap(visit)), false, c.hidden(), c.hiddenScopes(),
            c.changeSource(), List.of(new PageView.ChangeRow(hostile, hostile, hostile, "+1.00", "−1.00", "−2.00", "1",
                "0", "0.010", "0.020"))),
        view.terms(), new PageView.Contexts(view.contexts().source(), List.of(new PageView.SectorContexts(hostile,
            hostileId, List.of(new PageView.ContextLine(visit, hostile, hostile, hostile, hostile))))),
        new PageView.Gaps(view.gaps().source(), 3, List.of(new PageView.GapRow(hostile, hostile, hostile, hostile,
            "1", "1", "1.0", true, hostile, hostile))),
        new PageView.Speakers(view.speakers().source(), visit, view.b(), List.of(
            new PageView.SpeakerBlock(hostile, hostile, hostile, "1", "2", List.of(
                new PageView.SpeakerRow(hostile, "10.0%", "20.0%", "+10.0 pp", "+1.00", hostile))))),
        new PageView.Ledger(view.ledger().source(), PageView.Count.of(1), null, List.of(new PageView.LedgerVisit(visit,
            List.of(new PageView.LedgerRow(hostile, hostile, hostile, hostile, hostile, hostile))))),
        view.documents(), view.quality(), view.footer(), view.data(), view.assets());
    String rendered = HtmlSummary.render(hostilePage);
    assertFalse(rendered.contains("<script>alert(1)"), "a label cannot open an element");
    assertFalse(rendered.contains("\" onmouseover"), "an id cannot close its attribute");
    Document doc = Jsoup.parse(rendered);
    assertEquals(4, doc.select("script").size(), "only the page's own scripts");
    assertEquals(0, doc.select("[onmouseover]").size());
    assertEquals(hostileId, doc.selectFirst("#contexts details.kwic").id(), "an anchor stays one attribute value");
    assertEquals(hostile, doc.selectFirst("#contexts details.kwic mark").text());
    assertEquals(hostile, doc.selectFirst("#gaps tbody strong").text());
    assertEquals("VisitLens: " + hostile + " → Vučić in Astana", doc.title());
    assertTrue(doc.selectFirst("header .sub").text().startsWith("Comparing visit A, " + hostile + ", with visit B"));
    Element heatmap = doc.selectFirst("#heatmaps .chart");
    assertEquals(hostileId, heatmap.attr("data-scope"), "attribute values come back as they were");
    assertEquals("NPMI heatmap for " + hostile, heatmap.attr("aria-label"));
    assertEquals(hostile, doc.selectFirst("#window-select option").attr("value"));
    assertEquals(hostile, doc.selectFirst("#window-select option").text());
  }

  @Test
  void everySectionIsThereWithItsChartOrTableAndNoneSaysItIsUnavailable() {
    for (String id : SECTIONS) {
      assertNotNull(page.getElementById(id), id);
    }
    assertEquals(List.of(), page.select(".unavailable").eachText());
    for (String chart : List.of("chart-shares", "chart-emphasis", "chart-delta", "chart-terms")) {
      assertNotNull(page.getElementById(chart), chart);
    }
    assertEquals(List.of("belgrade-2024", "astana-2026", "all"),
        page.select("#heatmaps .chart").eachAttr("data-scope"), "a heatmap per compared visit, then all documents");
    assertEquals(List.of("sentence", "document"), page.select("#window-select option").eachAttr("value"));
    assertEquals(3, page.select("#visits tbody tr").size());
    assertEquals(5, page.select("#emphasis tbody tr").size());
    assertEquals("energy rising 5 12 25.0% 40.0% +15.0 pp +1.0 to +29.0 pp +2.41",
        page.select("#emphasis tbody tr").first().text(), "with the interval of the change");
    assertTrue(page.getElementById("shares").text().contains("1 sector of the lexicon with no mention in any visit"
        + " is left out."), page.getElementById("shares").text());
  }

  @Test
  void termsOpenToTheirContextsAndFindingsLinkToTheirSectorsContexts() {
    Element astana = page.select("#terms details.kwic").stream()
        .filter(d -> d.selectFirst("summary").text().equals("astana")).findFirst().orElseThrow();
    assertEquals(List.of("The talks in Astana went well . 001", "Back in Astana " + FixtureReports.HOSTILE_TERM
        + " 003"), astana.select("li").eachText(), "the term's contexts in visit order, then place");
    assertEquals(List.of("Astana", "Astana"), astana.select("mark").eachText());
    assertEquals(0, page.select("#terms img").size(), "a context's text is text");
    assertTrue(page.select("#terms tbody td").stream().anyMatch(td -> td.text().equals("lithium")
        && td.selectFirst("details") == null), "a term without contexts is plain text");
    Element energy = page.getElementById("kwic-energy");
    assertNotNull(energy, page.getElementById("contexts").html());
    assertEquals("energy (1)", energy.selectFirst("summary").text());
    assertEquals("Energy was first on the 001", energy.selectFirst("li").text());
    List<String> links = page.select("#headline a[href=#kwic-energy], #emphasis a[href=#kwic-energy]").eachText();
    assertTrue(page.select("#headline .finding li").stream().noneMatch(li -> li.text().startsWith("energy"))
        || links.contains("in context"), "a finding about energy links to its contexts: " + links);
  }

  @Test
  void lexiconGapsListTheFirstCandidatesOfEachSectorWithTheirEvidence() {
    List<String> rows = page.select("#gaps tbody tr").eachText();
    assertEquals(List.of(
        "energy pipeline en association 4 3 6.2 Energy flows through the new pipeline. 003",
        "energy grid en association 3 2 4.0 The grid was discussed. 001",
        "energy storage en association 3 3 3.1 Storage next. 002",
        "space space en left out on purpose enumeration 1 1 1.0 Work in IT, space and tourism. 002"), rows,
        "three per sector and reason (a fourth energy candidate is left out), sectors in order, the note's flag");
  }

  @Test
  void coverageCountsDocumentsByVisitAndLanguageTheMostFrequentLanguageFirst() {
    List<Element> tables = page.select("#coverage table");
    assertEquals(2, tables.size(), "documents, then sector mentions, by visit and language");
    assertEquals(List.of("Visit", "en", "ru", "sr-Latn", "und", "All"), tables.get(0).select("thead th").eachText(),
        "languages by documents, then code");
    assertEquals(List.of(
            "Tokayev in Belgrade 1 1 2",
            "Vučić in Astana 1 1 2",
            "unassigned 1 1"),
        tables.get(0).select("tbody tr").eachText(), "visits in the page's order, then the unassigned");
    assertEquals(List.of("1", "", "1", "", "2"),
        tables.get(0).select("tbody tr").first().select("td.num").stream().map(e -> e.text()).toList(),
        "empty cells where none");
    // sector_summary's rows per language: Belgrade 9 in en and 11 in sr-Latn; Astana 14 in en and 16 in ru;
    // Tashkent has pooled rows only.
    assertEquals(List.of("Visit", "en", "ru", "sr-Latn", "und", "All"), tables.get(1).select("thead th").eachText());
    assertEquals(List.of("Tokayev in Belgrade 9 11 20", "Vučić in Astana 14 16 30"),
        tables.get(1).select("tbody tr").eachText(), "sector mentions by visit and language");
  }

  @Test
  void theLargestCooccurrenceChangesAreListedWithTheirTest() {
    List<String> rows = page.select("#cooccurrence tbody tr").eachText();
    // By hand, n = 60 windows each side: energy × tourism in B ln(3·60/(12·4)) / ln(60/3) = 0.44, none in A (−1);
    // energy × trade ln(4·60/(8·6)) / ln(60/4) = 0.59 in A, ln(2·60/(12·10)) = 0 in B; crafts × energy
    // ln(60/2) / ln 60 = 0.83 in A, ln(60/4) / ln 60 = 0.66 in B.
    assertEquals(List.of(
        "sentence energy × tourism −1.00 +0.44 +1.44 0 3 0.020 0.030",
        "sentence energy × trade +0.59 0.00 −0.59 4 2 0.001 0.004",
        "document " + FixtureReports.HOSTILE_SECTOR + " × energy +0.83 +0.66 −0.17 1 1 1.000 1.000"), rows,
        "by |Δ| descending, with p and q");
  }

  /** The terms of a table: a term with contexts is the summary of its details. */
  static List<String> termCells(Element table) {
    return table.select("tbody td:first-child").stream()
        .map(td -> td.selectFirst("summary") != null ? td.selectFirst("summary").text() : td.text()).toList();
  }

  @Test
  void distinctiveTermsAreTheMostNegativeAndMostPositiveZScoresOfThePair() {
    List<Element> tables = page.select("#terms table");
    assertEquals(2, tables.size());
    assertEquals(List.of("belgrade", "wheat"), termCells(tables.get(0)));
    assertEquals(List.of("astana", "lithium", "critical minerals", FixtureReports.HOSTILE_TERM),
        termCells(tables.get(1)));
    assertEquals("critical minerals en 2 0 4 +2.50 0.143", tables.get(1).select("tbody tr").get(2).text());
  }

  @Test
  void documentsTableAndDataQualityNotesComeFromTheReports() {
    List<Element> rows = page.select("#documents tbody tr");
    assertEquals(List.of("002", "004", "001", "003", "009"), rows.stream()
        .map(r -> r.selectFirst("code").text()).toList(), "by visit start date, published date, id; unassigned last");
    assertEquals("009 unassigned none no visit: no date and no host city 150 0 of 3", rows.get(4).text());
    assertTrue(page.getElementById("documents").text().contains("All 5 documents"));
    String quality = page.getElementById("quality").text();
    for (String expected : List.of("5 paragraphs of 31 repeated an earlier document's, in 1 document.",
        "004: 5 of 9 paragraphs", "1 document was not attributed to any visit",
        "009: no visit: no date and no host city", "1 article was not processed:",
        "bad file:/corpus/bad.bin: binary file (NUL bytes)")) {
      assertTrue(quality.contains(expected), expected + " in: " + quality);
    }
  }

  @Test
  void hostileTextIsEscapedEverywhere() {
    assertFalse(html.contains(FixtureReports.HOSTILE_TITLE), "the raw title never reaches the page");
    assertFalse(html.contains(FixtureReports.HOSTILE_TERM));
    assertFalse(html.contains("<b>crafts</b>"));
    assertTrue(page.getElementById("documents").text().contains(FixtureReports.HOSTILE_TITLE), "shown as text");
    assertTrue(page.getElementById("emphasis").text().contains(FixtureReports.HOSTILE_SECTOR));
    assertEquals(0, page.select("b, img").size(), "no element made from report text");
    // Only the page's own three scripts and the data block.
    assertEquals(4, page.select("script").size());
  }

  @Test
  void theChartDataIsTheReportRowsAsJson() throws Exception {
    String block = page.getElementById("visitlens-data").data();
    assertFalse(block.contains("<"), "no '<' can close the data block");
    JsonNode data = new ObjectMapper().readTree(block);
    assertEquals("belgrade-2024", data.at("/pair/a").asText());
    assertEquals(5, data.get("emphasis").size());
    assertEquals(18, data.get("sectorSummary").size());
    assertEquals(FixtureReports.HOSTILE_SECTOR, data.get("emphasis").findValuesAsText("sector").get(0));
    assertEquals(List.of("trade", "energy", FixtureReports.HOSTILE_SECTOR, "tourism", "defence industry", "space"),
        toList(data.get("sectorOrder")), "by mentions over all visits, then name");
    assertEquals(15, data.at("/cooccurrence").size(), "three scopes × five pairs");
    assertTrue(data.at("/cooccurrence/0/npmi").isNull(), "an undefined NPMI stays null");
    assertEquals("#0072B2", data.at("/visits/0/color").asText());
  }

  @Test
  void thePageMakesNoNetworkRequest() {
    Pattern external = Pattern.compile("(?i)\\b(?:src|href|action|srcset|data)\\s*=\\s*[\"']?\\s*(?:https?:|//|ftp:)");
    Matcher m = external.matcher(html.replaceAll("(?s)<script\\b[^>]*>.*?</script>", ""));
    assertFalse(m.find(), () -> "external reference: " + m.group());
    for (Element e : page.select("[src], [href]")) {
      String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
      assertTrue(url.startsWith("#"), "only in-page links: " + e);
    }
    assertFalse(html.contains("//cdn"));
    assertEquals(0, page.select("link, iframe, object, embed, img, base").size());
    String csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(csp.startsWith("default-src 'none';"), csp);
    assertTrue(page.select("script").stream().noneMatch(s -> s.hasAttr("src")));
  }

  @Test
  void whoSaidWhatAndWhatWasAgreedFromTheirReports() throws Exception {
    Document doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, fixture.hadoopDir())));
    Element speakers = doc.getElementById("speakers");
    assertEquals(List.of("Leader A", "Leader B"), speakers.select("h3").eachText());
    // Leader A's sectors, the largest change first (|+37.5| = |−37.5|: by sector), with their shares
    assertEquals(List.of("energy 25.0% 62.5% +37.5 pp +1.10 stable", "trade 75.0% 37.5% −37.5 pp −1.10 stable"),
        speakers.select("table").get(0).select("tbody tr").eachText());
    assertTrue(speakers.select("table").get(1).text().contains("silent in b"), speakers::text);
    Element deliverables = doc.getElementById("deliverables");
    assertTrue(deliverables.text().startsWith("What was agreed 2 deliverables found"), deliverables::text);
    assertEquals(2, deliverables.select("h3").size(), "one table per visit");
    assertEquals(List.of("amount $1.5 billion 1,500,000,000 USD planned 002 Investment will reach $1.5 billion.",
            "agreement ten documents 10 documents done 001 The presidents signed ten documents."),
        deliverables.select("tbody tr").eachText());
  }

  @Test
  void theTopicsSectionListsEachTopicWithTheComparedVisitsSharesAndTheChange() {
    Document doc = Jsoup.parse(html);
    Element topics = doc.getElementById("topics");
    List<String> rows = topics.select("tbody tr").eachText();
    assertEquals(List.of(
        "0 pipeline, gas, oil energy 1.8× 70.0% 60.0–80.0% 40.0% 30.0–50.0% −30.0 pp 95% CI −45.0 to −15.0 pp, "
            + "20 vs 18 articles",
        "1 " + FixtureReports.HOSTILE_TERM + ", wheat, grain " + FixtureReports.HOSTILE_SECTOR
            + " 1.8× 30.0% 20.0–40.0% 60.0% 50.0–70.0% +30.0 pp 95% CI +15.0 to +45.0 pp, 20 vs 18 articles"), rows);
    assertEquals(2, topics.select("tbody strong").size(), "both changes are clear of zero");
    assertTrue(topics.text().contains("2 topics fitted by LDA on 40 documents"), topics.text());
    assertTrue(topics.select("script, img, b").isEmpty(), "hostile terms are text: " + topics.html());
  }

  @Test
  void aTopicModelNotFittedSaysWhyFromItsRow() {
    FixtureReports fixture = new FixtureReports(spark, tmp.resolve("topics-skipped")).only("visits");
    fixture.write("topic_model", TopicModelReport.REPORT.schema(), List.of(
        RowFactory.create("skipped", null, 0, 5L, 200, 0, 3, 0.5, 2, null, null, null, 5L)));
    Document doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, fixture.hadoopDir())));
    assertEquals("No topic model in this run: the corpus has 5 documents, fewer than the 200 a topic model needs "
        + "(--topics-min-docs). Topics fitted on so few articles would be noise; the sector shares above are the lens "
        + "for a corpus this small.", doc.getElementById("topics").selectFirst("p").text());
    FixtureReports off = new FixtureReports(spark, tmp.resolve("topics-off")).only("visits");
    off.write("topic_model", TopicModelReport.REPORT.schema(), List.of(
        RowFactory.create("off", null, 0, 0L, 200, 0, 3, 0.5, 2, null, null, null, 5L)));
    doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, off.hadoopDir())));
    assertEquals("No topic model in this run: it was turned off with --topics 0.",
        doc.getElementById("topics").selectFirst("p").text());
  }

  @Test
  void everyComingReportThatIsAbsentSaysSoInItsSections() throws Exception {
    FixtureReports early = new FixtureReports(spark, tmp.resolve("early")).only("documents", "visits",
        "rejected_documents");
    Document doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, early.hadoopDir())));
    for (String id : SECTIONS) {
      assertNotNull(doc.getElementById(id), id);
    }
    for (String[] s : new String[][] {{"headline", "emphasis_comparison"}, {"shares", "sector_summary"},
        {"topics", "topic_model"}, {"emphasis", "emphasis_comparison"}, {"cooccurrence", "topic_cooccurrence"}, {"terms", "term_keyness"},
        {"contexts", "keyword_contexts"}, {"gaps", "lexicon_gaps"}, {"speakers", "speaker_emphasis"}, {"deliverables", "deliverables"}}) {
      assertEquals("The " + s[1] + " report is not available in this run, so this section is empty.",
          doc.getElementById(s[0]).selectFirst(".unavailable").text(), s[0]);
    }
    assertEquals(5, doc.select("#documents tbody tr").size(), "the documents are still listed");
    assertEquals("VisitLens report", doc.title());
    assertTrue(doc.getElementById("visitlens-data").data().contains("\"sector_summary\":\"is not available in this run\""));

    Document bare = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark,
        new FixtureReports(spark, tmp.resolve("nothing")).hadoopDir())));
    assertEquals(15, bare.select(".unavailable").size(), "every report-backed section, data quality twice");
  }

  @Test
  void aReportWithoutAColumnThePageNeedsIsNamedWithTheColumn() {
    FixtureReports fixture = new FixtureReports(spark, tmp.resolve("old-schema")).only("visits");
    StructType withoutZ = new StructType();
    for (var f : FixtureReports.EMPHASIS.fields()) {
      if (!f.name().equals("z_score")) {
        withoutZ = withoutZ.add(f);
      }
    }
    fixture.write("emphasis_comparison", withoutZ, List.of(RowFactory.create("energy", "a", "b", 1L, 2L, 10L, 10L,
        0.1, 0.2, 10.0, 1.0, 1.0, 1.0, 2.0, 0.1, "stable", 0.0, 0.2, 0.1, 0.3, -5.0, 25.0, 0.4, 1L, 2L, 0.95)));
    Document doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, fixture.hadoopDir())));
    assertEquals("The emphasis_comparison report lacks the column z_score, so this section is empty.",
        doc.getElementById("headline").selectFirst(".unavailable").text());
  }

  @Test
  void aLargeCorpusListsAtMostFiveHundredDocumentsAndSaysHowManyThereAre() {
    FixtureReports fixture = new FixtureReports(spark, tmp.resolve("large"));
    List<Row> docs = new ArrayList<>();
    for (int i = 0; i < 620; i++) {
      docs.add(RowFactory.create(String.format("d%04d", i), "file:/c/" + i, "", "en", Date.valueOf("2024-11-18"),
          "header", i % 2 == 0 ? "belgrade-2024" : null, "evidence " + i, null, null, null, 2, i % 3 == 0 ? 1 : 0, 4, 40, null, List.of(),
          null));
    }
    fixture.write("documents", FixtureReports.DOCUMENTS, docs);
    fixture.write("visits");
    Document doc = Jsoup.parse(HtmlSummary.render(SummaryData.read(spark, fixture.hadoopDir())));
    assertEquals(SummaryData.MAX_DOCUMENTS, doc.select("#documents tbody tr").size());
    assertTrue(doc.getElementById("documents").text().contains("The first 500 of 620 documents"));
    assertEquals("d0000", doc.selectFirst("#documents tbody code").text(), "the visit's documents first");
    String quality = doc.getElementById("quality").text();
    assertTrue(quality.contains("310 documents were not attributed to any visit"), quality);
    assertTrue(quality.contains("The first 100 of 310; all are in csv/documents.csv."), quality);
    assertEquals(SummaryData.MAX_LISTED * 2, doc.select("#quality ul.list li").size(), "unassigned and duplicates");
  }

  @Test
  void jsonForAScriptElementEscapesWhatCouldEndIt() {
    assertEquals("{\"a\":\"\\u003c/script\\u003e \\u0026 \\u2028\"}",
        HtmlSummary.scriptSafe("{\"a\":\"</script> & \u2028\"}"));
    assertEquals("x = '<\\/script>'; y = '<\\/SCRIPT'", HtmlSummary.inlineScript("x = '</script>'; y = '</SCRIPT'"));
  }

  @Test
  void numbersAreFormattedWithoutChangingThem() {
    assertEquals("+2.41", PageFormat.signed(2.4149));
    assertEquals("−3.10", PageFormat.signed(-3.1));
    assertEquals("0.00", PageFormat.signed(-0.001));
    assertEquals("n/a", PageFormat.signed(null));
    assertEquals("13.3%", PageFormat.percent(4 / 30.0));
    assertEquals("−15.0 pp", PageFormat.pp(-15.0));
    assertEquals("12,345", PageFormat.integer(12345L));
    assertEquals("< 0.001", PageFormat.probability(1e-9));
    assertEquals("5.5.0", HtmlSummary.echartsVersion());
  }

  private static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
