package io.visitlens.report;

import static io.visitlens.report.PageFormat.integer;
import static io.visitlens.report.PageFormat.percent;
import static io.visitlens.report.PageFormat.pp;
import static io.visitlens.report.PageFormat.probability;
import static io.visitlens.report.PageFormat.sign;
import static io.visitlens.report.PageFormat.signed;
import static io.visitlens.report.SummaryData.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.stats.Keyness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code index.html} shows, computed from {@link SummaryData}: every value formatted as the page prints it,
 * the visits' colours, the threshold and the number of terms the page quotes, and the chart rows as JSON. The
 * templates in {@code jobs/src/main/jte} hold all the markup and the page's text; this decides what there is to
 * say, they say it.
 *
 * @param a the compared visit A (of the emphasis comparison, else of the keyness rows), or null
 * @param b the compared visit B, or null when {@code a} is
 * @param zCritical |z| from which a sector counts as rising or falling, as printed
 * @param data the chart rows as JSON, safe to inline in a script element
 */
record PageView(Visit a, Visit b, String zCritical, Header header, VisitList visits, Coverage coverage,
    Headline headline,
    Shares shares, Topics topics, Emphasis emphasis, Cooccurrence cooccurrence, Terms terms, Contexts contexts,
    Gaps gaps, Speakers speakers,
    Ledger ledger,
    Documents documents, Quality quality, Footer footer, String data, Assets assets) {

  /** Colour-blind-safe visit colours (Okabe and Ito's palette, then a few of Tol's). */
  static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00",
      "#332288", "#117733", "#882255", "#6B6B6B");
  /** The colour of a visit that has none (not in the visit order). */
  static final String GREY = "#6B6B6B";

  // ------------------------------------------------------------------------------------------------- parts

  /**
   * A visit as the page names it: its label (its id when the catalogue has none, "all documents" for the scope
   * {@code all}) and its colour.
   */
  record Visit(String id, String label, String colour) {}

  /**
   * The report a section shows.
   *
   * @param unavailable why the report cannot be shown ("is not available in this run", "lacks the column x"),
   *     or null when it can
   */
  record Source(String report, String unavailable) {
    boolean available() {
      return unavailable == null;
    }
  }

  /**
   * A count: its value (0 when the report has none) and how it is printed ("1,234", "–" when the report has none).
   */
  record Count(long value, String text) {
    static Count of(Object n) {
      return new Count(n instanceof Number x ? x.longValue() : 0, integer(n));
    }

    /** Whether the noun after it is singular. */
    boolean one() {
      return value == 1;
    }

    /** The count and the noun that goes with it: {@code of("document", "documents")}. */
    String of(String singular, String plural) {
      return text + " " + (one() ? singular : plural);
    }
  }

  /** "The first {shown} of {total}", under a list that was cut short; null when it was not. */
  record More(int shown, String total) {
    static More of(int shown, long total) {
      return total > shown ? new More(shown, integer(total)) : null;
    }
  }

  // ---------------------------------------------------------------------------------------------- sections

  /** The page's header: the compared pair (see {@link PageView}) and how many documents were processed. */
  record Header(Source documents, Count processed, String attributed) {}

  record VisitList(Source source, List<VisitRow> rows) {}

  record VisitRow(Visit visit, String start, String end, String city, String country, String documents,
      String tokens) {}

  /**
   * Documents by visit and language ({@code documents.language}): one row per visit in the page's order, then the
   * unassigned documents; one column per language, the most frequent first.
   */
  record Coverage(Source source, List<String> languages, List<CoverageRow> rows, List<CoverageRow> mentions) {}

  /** A visit's documents by language; {@code visit} is null for the unassigned documents. */
  record CoverageRow(Visit visit, List<String> counts, String total) {}

  /**
   * The headline findings: how many sectors moved which way, the new and rising ones ({@code up}, new first),
   * the dropped and falling ones ({@code down}, dropped first), and the size of the two visits.
   *
   * @param empty whether the comparison has no rows at all
   */
  record Headline(Source source, boolean empty, Count sectors, int fresh, int rising, int falling, int dropped,
      int stable, List<SectorRow> up, List<SectorRow> down, List<VisitSize> sizes) {}

  /** One row of the emphasis comparison. */
  record SectorRow(String sector, Trend trend, String mentionsA, String mentionsB, String shareA, String shareB,
      String delta, String z, Interval interval, String contexts) {}

  /** One occurrence in context ({@code keyword_contexts}): the visit, the article, and the three parts. */
  record ContextLine(Visit visit, String docId, String left, String match, String right) {}

  /** Each sector's contexts in every visit; {@code anchor} is the id the findings link to. */
  record Contexts(Source source, List<SectorContexts> sectors) {}

  record SectorContexts(String sector, String anchor, List<ContextLine> lines) {}

  /**
   * The data-driven topics ({@code topic_model}, {@code topics}, {@code topic_shares}, {@code topic_sectors}):
   * {@code status} as {@code topic_model} says it ({@code fitted}, {@code skipped}, {@code off}, or empty when the
   * report is not there), and one row per topic.
   */
  record Topics(Source source, String status, String k, String documents, String minDocuments, List<TopicRow> rows) {
    boolean fitted() {
      return TopicModel.FITTED.equals(status);
    }
  }

  /**
   * A topic: its number, its top terms, the sector of highest lift and that lift, each compared visit's mean share
   * with its interval, and the change with its interval (null without one).
   */
  record TopicRow(String topic, String terms, String sector, String lift, String shareA, String rangeA,
      String shareB, String rangeB, String delta, Interval interval) {}

  /** The lexicon gap candidates shown ({@code lexicon_gaps}), and how many each sector may show. */
  record Gaps(Source source, int perSector, List<GapRow> rows) {}

  record GapRow(String sector, String candidate, String reason, String language, String count, String docFreq,
      String score, boolean leftOut, String evidenceDocId, String evidence) {}

  /**
   * The article-level interval of a change of share, in words: "95% CI +8.0 to +41.0 pp, 3 vs 2 articles";
   * {@code clear} when it does not span zero; null when the run had no bootstrap.
   */
  record Interval(String text, String range, boolean clear) {}

  /** A sector's trend ("rising") and its direction, the class of its badge: up, down or flat. */
  record Trend(String name, String direction) {
    static Trend of(String trend) {
      return new Trend(trend, switch (trend) {
        case "new", "rising" -> "up";
        case "dropped", "falling" -> "down";
        default -> "flat";
      });
    }
  }

  record VisitSize(String label, Count documents, Count tokens) {}

  /** The sector shares chart; {@code silent}: the sectors of the lexicon no visit mentions, which it leaves out. */
  record Shares(Source source, Count silent) {}

  /** The emphasis chart and its rows, by z-score, highest first. */
  record Emphasis(Source source, List<SectorRow> rows) {}

  /**
   * The co-occurrence heatmaps.
   *
   * @param empty whether the report has no rows
   * @param windows the windows to choose from, sentence first
   * @param withAll whether there is a heatmap over all documents
   * @param hidden how many visits have no heatmap (over {@link SummaryData#MAX_HEATMAPS})
   * @param hiddenScopes their ids, comma-separated
   */
  record Cooccurrence(Source source, boolean empty, List<String> windows, List<Heatmap> heatmaps,
      boolean withAll, Count hidden, String hiddenScopes, Source changeSource, List<ChangeRow> changes) {}

  /** One of the largest co-occurrence changes ({@code cooccurrence_change}), formatted. */
  record ChangeRow(String window, String sectorA, String sectorB, String npmiA, String npmiB, String delta,
      String coCountA, String coCountB, String p, String q) {}

  /** One heatmap: of a visit, or of all documents (the scope "all"). */
  record Heatmap(Visit scope) {
    boolean all() {
      return "all".equals(scope.id());
    }
  }

  /**
   * The distinctive terms of the compared pair.
   *
   * @param top how many terms are shown per side at most
   * @param a the terms more in A; null when the report has no rows
   */
  record Terms(Source source, int top, TermSide a, TermSide b) {}

  record TermSide(Visit visit, List<TermRow> rows) {}

  record TermRow(String language, String term, String ngram, String countA, String countB, String z, String q,
      List<ContextLine> contexts) {}

  /** Who emphasised what: one block per leader ({@code speaker_emphasis}). */
  record Speakers(Source source, Visit a, Visit b, List<SpeakerBlock> blocks) {}

  /** A leader: role and statements in each visit, and the sectors of the leader's statements, largest change first. */
  record SpeakerBlock(String speaker, String roleA, String roleB, String statementsA, String statementsB,
      List<SpeakerRow> rows) {}

  record SpeakerRow(String sector, String shareA, String shareB, String delta, String z, String trend) {}

  /** What was agreed: the deliverables of each visit, evidence included ({@code deliverables}). */
  record Ledger(Source source, Count total, More more, List<LedgerVisit> visits) {}

  /** A visit's deliverables; {@code visit} null for those of unassigned documents. */
  record LedgerVisit(Visit visit, List<LedgerRow> rows) {}

  record LedgerRow(String kind, String object, String value, String tense, String docId, String sentence) {}

  /**
   * The documents table.
   *
   * @param all whether every document is listed; if not, {@code shown} of {@code total} are
   */
  record Documents(Source source, boolean all, String shown, Count total, List<DocumentRow> rows) {}

  /** A document; {@code visit} is null when it is unassigned, {@code title} empty when it has none. */
  record DocumentRow(String id, String title, Visit visit, String published, String dateSource,
      String evidence, String tokens, String duplicates, String paragraphs) {}

  /** The data-quality notes: duplicates and unassigned documents (from documents), rejected articles. */
  record Quality(Source documents, Count duplicateParagraphs, String paragraphs, Count withDuplicates,
      List<DocumentRow> duplicated, More moreDuplicated, Count unassigned, List<DocumentRow> unassignedRows,
      More moreUnassigned, Source rejectedSource, Count rejected, List<Rejected> rejectedRows, More moreRejected,
      List<String> truncated) {}

  /** A rejected article; {@code id} is empty when it had none. */
  record Rejected(String id, String sourcePath, String reason) {}

  /** The versions the footer names. */
  record Footer(String visitlens, String echarts) {}

  /** The scripts and the style sheet the page inlines, each safe to inline in its element. */
  record Assets(String errorRecorder, String css, String echarts, String summary) {}

  // -------------------------------------------------------------------------------------------- the view

  /** The view of what was read, with the versions the footer names and what the page inlines. */
  static PageView of(SummaryData data, Footer footer, Assets assets) {
    return new Builder(data).build(footer, assets);
  }

  private static final class Builder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SummaryData data;
    private final List<String> visitOrder;
    private final Map<String, String> colours = new LinkedHashMap<>();
    private final List<String> sectorOrder;
    private final String pairA;
    private final String pairB;

    Builder(SummaryData data) {
      this.data = data;
      this.visitOrder = data.visitOrder();
      this.pairA = data.emphasis.isEmpty() ? data.keynessA : str(data.emphasis.get(0).get("visit_a"));
      this.pairB = data.emphasis.isEmpty() ? data.keynessB : str(data.emphasis.get(0).get("visit_b"));
      // The compared visits get the first two colours (blue A, vermilion B), the others the rest in visit order.
      List<String> byColour = new ArrayList<>();
      for (String id : Arrays.asList(pairA, pairB)) {
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

    PageView build(Footer footer, Assets assets) {
      Visit a = pairA == null ? null : visit(pairA);
      Visit b = pairA == null ? null : visit(pairB);
      return new PageView(a, b, String.valueOf(Keyness.Z_CRITICAL), header(), visits(), coverage(), headline(),
          shares(), topics(),
          emphasis(), cooccurrence(), terms(), contexts(), gaps(), speakers(a, b), ledger(), documents(), quality(), footer,
          json(), assets);
    }

    private Header header() {
      return new Header(source(DocumentsReport.NAME), Count.of(data.documentsTotal),
          integer(data.documentsTotal - data.unassignedTotal));
    }

    private VisitList visits() {
      List<VisitRow> rows = new ArrayList<>();
      for (Map<String, Object> v : data.visits) {
        rows.add(new VisitRow(visit(str(v.get("visit_id"))), str(v.get("start_date")), str(v.get("end_date")),
            str(v.get("host_city")), str(v.get("host_country")), integer(v.get("n_documents")),
            integer(v.get("n_tokens"))));
      }
      return new VisitList(source(VisitsReport.NAME), rows);
    }

    private Coverage coverage() {
      Map<String, Map<String, Long>> byVisit = new LinkedHashMap<>();
      Map<String, Long> byLanguage = new HashMap<>();
      for (Map<String, Object> r : data.coverage) {
        String language = str(r.get("language"));
        long n = ((Number) r.get("n_documents")).longValue();
        byVisit.computeIfAbsent(str(r.get("visit_id")), k -> new HashMap<>()).merge(language, n, Long::sum);
        byLanguage.merge(language, n, Long::sum);
      }
      List<String> languages = byLanguage.keySet().stream()
          .sorted(Comparator.comparing((String l) -> -byLanguage.get(l)).thenComparing(Comparator.naturalOrder()))
          .toList();
      List<String> ids = new ArrayList<>(visitOrder);
      byVisit.keySet().stream().filter(id -> !id.isEmpty() && !ids.contains(id)).sorted().forEach(ids::add);
      ids.add("");
      List<CoverageRow> rows = new ArrayList<>();
      for (String id : ids) {
        Map<String, Long> counts = byVisit.get(id);
        if (counts == null) {
          continue;
        }
        rows.add(new CoverageRow(id.isEmpty() ? null : visit(id),
            languages.stream().map(l -> counts.containsKey(l) ? integer(counts.get(l)) : "").toList(),
            integer(counts.values().stream().mapToLong(Long::longValue).sum())));
      }
      Map<String, Map<String, Long>> mentionsByVisit = new LinkedHashMap<>();
      for (Map<String, Object> r : data.mentionsByLanguage) {
        mentionsByVisit.computeIfAbsent(str(r.get("visit_id")), k -> new HashMap<>())
            .merge(str(r.get("language")), ((Number) r.get("mentions")).longValue(), Long::sum);
      }
      List<CoverageRow> mentions = new ArrayList<>();
      for (String id : ids) {
        Map<String, Long> counts = mentionsByVisit.get(id);
        if (counts != null && !id.isEmpty()) {
          mentions.add(new CoverageRow(visit(id),
              languages.stream().map(l -> counts.containsKey(l) ? integer(counts.get(l)) : "").toList(),
              integer(counts.values().stream().mapToLong(Long::longValue).sum())));
        }
      }
      return new Coverage(source(DocumentsReport.NAME), languages, rows, mentions);
    }

    private Headline headline() {
      Map<String, List<Map<String, Object>>> byTrend = new HashMap<>();
      for (Map<String, Object> r : data.emphasis) {
        byTrend.computeIfAbsent(str(r.get("trend")), t -> new ArrayList<>()).add(r);
      }
      List<Map<String, Object>> fresh = sorted(byTrend.get("new"), byZ(true));
      List<Map<String, Object>> rising = sorted(byTrend.get("rising"), byZ(true));
      List<Map<String, Object>> falling = sorted(byTrend.get("falling"), byZ(false));
      List<Map<String, Object>> dropped = sorted(byTrend.get("dropped"), byZ(false));
      int stable = byTrend.getOrDefault("stable", List.of()).size();
      List<SectorRow> up = new ArrayList<>();
      fresh.forEach(r -> up.add(sectorRow(r)));
      rising.forEach(r -> up.add(sectorRow(r)));
      List<SectorRow> down = new ArrayList<>();
      dropped.forEach(r -> down.add(sectorRow(r)));
      falling.forEach(r -> down.add(sectorRow(r)));
      List<VisitSize> sizes = new ArrayList<>();
      if (!data.emphasis.isEmpty()) {
        for (String id : List.of(pairA, pairB)) {
          Map<String, Object> v = data.visit(id);
          if (v != null) {
            sizes.add(new VisitSize(label(id), Count.of(v.get("n_documents")), Count.of(v.get("n_tokens"))));
          }
        }
      }
      return new Headline(source(EmphasisComparisonReport.NAME), data.emphasis.isEmpty(),
          Count.of(data.emphasis.size()), fresh.size(), rising.size(), falling.size(), dropped.size(), stable, up,
          down, sizes);
    }

    private Shares shares() {
      long silent = sectorOrder.stream().filter(s -> totalMentions(s) == 0).count();
      return new Shares(source(SectorSummaryReport.NAME), Count.of(silent));
    }

    private Emphasis emphasis() {
      List<SectorRow> rows = sorted(data.emphasis, byZ(true)).stream().map(this::sectorRow).toList();
      return new Emphasis(source(EmphasisComparisonReport.NAME), rows);
    }

    private Cooccurrence cooccurrence() {
      List<String> windows = data.cooccurrence.stream().map(r -> str(r.get("window"))).distinct()
          .sorted(Comparator.comparing((String w) -> !"sentence".equals(w)).thenComparing(w -> w)).toList();
      List<Heatmap> heatmaps = data.heatmapScopes.stream()
          .map(scope -> new Heatmap(visit(scope))).toList();
      List<ChangeRow> changes = data.changes.stream().map(r -> new ChangeRow(str(r.get("window")),
          str(r.get("sector_a")), str(r.get("sector_b")), signed(r.get("npmi_a")), signed(r.get("npmi_b")),
          signed(r.get("delta_npmi")), integer(r.get("co_count_a")), integer(r.get("co_count_b")),
          probability(r.get("p_permutation")), probability(r.get("q_value")))).toList();
      return new Cooccurrence(source(TopicCooccurrenceReport.NAME), data.cooccurrence.isEmpty(), windows, heatmaps,
          data.heatmapScopes.contains("all"), Count.of(data.scopesWithoutHeatmap.size()),
          String.join(", ", data.scopesWithoutHeatmap), source(CooccurrenceChangeReport.NAME), changes);
    }

    private Terms terms() {
      if (data.keynessA == null) {
        return new Terms(source(TermKeynessReport.NAME), SummaryData.TOP_TERMS, null, null);
      }
      return new Terms(source(TermKeynessReport.NAME), SummaryData.TOP_TERMS, termSide(data.keynessA, data.termsA),
          termSide(data.keynessB, data.termsB));
    }

    private TermSide termSide(String visit, List<Map<String, Object>> terms) {
      List<TermRow> rows = terms.stream().map(t -> new TermRow(str(t.get("language")), str(t.get("term")), integer(t.get("ngram")),
          integer(t.get("count_a")), integer(t.get("count_b")), signed(t.get("z_score")),
          probability(t.get("q_value")), contextLines(KeywordContextsReport.TERM, str(t.get("language")),
              str(t.get("term")), integer(t.get("ngram"))))).toList();
      return new TermSide(visit(visit), rows);
    }

    private Speakers speakers(Visit a, Visit b) {
      Map<String, List<Map<String, Object>>> bySpeaker = new LinkedHashMap<>();
      data.speakers.forEach(r -> bySpeaker.computeIfAbsent(str(r.get("speaker")), k -> new ArrayList<>()).add(r));
      List<SpeakerBlock> blocks = new ArrayList<>();
      bySpeaker.forEach((speaker, rows) -> {
        Map<String, Object> first = rows.get(0);
        blocks.add(new SpeakerBlock(speaker, role(first.get("role_a")), role(first.get("role_b")),
            integer(first.get("statements_a")), integer(first.get("statements_b")), rows.stream()
                .map(r -> new SpeakerRow(str(r.get("sector")), percent(r.get("share_a")), percent(r.get("share_b")),
                    pp(r.get("delta_pp")), signed(r.get("z_score")), str(r.get("trend")).replace('_', ' ')))
                .toList()));
      });
      return new Speakers(source(SpeakerEmphasisReport.NAME), a, b, blocks);
    }

    private static String role(Object role) {
      return role == null ? "–" : str(role).replace('_', ' ');
    }

    private Ledger ledger() {
      Map<String, List<LedgerRow>> byVisit = new LinkedHashMap<>();
      for (Map<String, Object> r : data.deliverables) {
        Object value = r.get("value");
        String amount = value instanceof Number n
            ? (n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15
                ? integer(n.longValue()) : String.valueOf(n.doubleValue()))
                + (r.get("currency") == null ? "" : " " + str(r.get("currency")))
                + (r.get("unit") == null || r.get("currency") != null ? "" : " " + str(r.get("unit")))
            : "";
        byVisit.computeIfAbsent(str(r.get("visit_id")), k -> new ArrayList<>()).add(new LedgerRow(
            str(r.get("kind")), str(r.get("object")), amount, str(r.get("tense")), str(r.get("doc_id")),
            str(r.get("sentence"))));
      }
      // The visits in the page's order (the catalogue's, by start date), unassigned documents last.
      List<String> ids = new ArrayList<>(byVisit.keySet());
      ids.sort(java.util.Comparator.comparingInt((String id) -> id.isEmpty() ? Integer.MAX_VALUE
          : visitOrder.contains(id) ? visitOrder.indexOf(id) : Integer.MAX_VALUE - 1).thenComparing(id -> id));
      List<LedgerVisit> visits = new ArrayList<>();
      ids.forEach(id -> visits.add(new LedgerVisit(id.isEmpty() ? null : visit(id), byVisit.get(id))));
      return new Ledger(source(DeliverablesReport.NAME), Count.of(data.deliverablesTotal),
          more(data.deliverables.size(), data.deliverablesTotal), visits);
    }

    private Documents documents() {
      return new Documents(source(DocumentsReport.NAME), data.documentsTotal <= data.documents.size(),
          integer(data.documents.size()), Count.of(data.documentsTotal), documentRows(data.documents));
    }

    private Quality quality() {
      List<Rejected> rejected = data.rejected.stream()
          .map(r -> new Rejected(str(r.get("doc_id")), str(r.get("source_path")), str(r.get("reason")))).toList();
      return new Quality(source(DocumentsReport.NAME), Count.of(data.duplicateParagraphsTotal),
          integer(data.paragraphsTotal), Count.of(data.documentsWithDuplicates), documentRows(data.withDuplicates),
          more(data.withDuplicates.size(), data.documentsWithDuplicates), Count.of(data.unassignedTotal),
          documentRows(data.unassigned), more(data.unassigned.size(), data.unassignedTotal),
          source(RejectedDocumentsReport.NAME), Count.of(data.rejectedTotal), rejected,
          more(rejected.size(), data.rejectedTotal), List.copyOf(data.truncated));
    }

    /** "The first n of m" under a list, when the list has rows and is cut short. */
    private static More more(int shown, long total) {
      return shown == 0 ? null : More.of(shown, total);
    }

    private List<DocumentRow> documentRows(List<Map<String, Object>> documents) {
      return documents.stream().map(d -> {
        String visit = str(d.get("visit_id"));
        return new DocumentRow(str(d.get("doc_id")), str(d.get("title")), visit.isEmpty() ? null : visit(visit),
            str(d.get("published_date")), str(d.get("date_source")), str(d.get("visit_evidence")),
            integer(d.get("n_tokens")), integer(d.get("n_duplicate_paragraphs")), integer(d.get("n_paragraphs")));
      }).toList();
    }

    private SectorRow sectorRow(Map<String, Object> r) {
      String sector = str(r.get("sector"));
      return new SectorRow(sector, Trend.of(str(r.get("trend"))), integer(r.get("mentions_a")),
          integer(r.get("mentions_b")), percent(r.get("share_a")), percent(r.get("share_b")), pp(r.get("delta_pp")),
          signed(r.get("z_score")), interval(r), sectorAnchors().get(sector));
    }

    /**
     * The contexts of a term (its kind, language, order) or of a sector (kind {@code sector}, all its languages), in
     * visit order, then the report's order; empty when there are none.
     */
    private List<ContextLine> contextLines(String kind, String language, String term, String ngram) {
      List<ContextLine> lines = new ArrayList<>();
      for (Map<String, Object> c : contextsByVisitOrder()) {
        if (str(c.get("kind")).equals(kind) && str(c.get("term")).equals(term)
            && (language == null || str(c.get("language")).equals(language))
            && (ngram == null || integer(c.get("ngram")).equals(ngram))) {
          lines.add(new ContextLine(visit(str(c.get("visit_id"))), str(c.get("doc_id")), str(c.get("left")),
              str(c.get("match")), str(c.get("right"))));
        }
      }
      return lines;
    }

    private List<Map<String, Object>> orderedContexts;

    private List<Map<String, Object>> contextsByVisitOrder() {
      if (orderedContexts == null) {
        List<Map<String, Object>> rows = new ArrayList<>(data.contexts);
        rows.sort(Comparator.comparingInt((Map<String, Object> c) -> {
          int i = visitOrder.indexOf(str(c.get("visit_id")));
          return i < 0 ? Integer.MAX_VALUE : i;
        })); // stable: the report's order within a visit
        orderedContexts = rows;
      }
      return orderedContexts;
    }

    private Map<String, String> anchors;

    /** Sector → the id of its contexts on the page ({@code kwic-} and the sector in lower case, made unique). */
    private Map<String, String> sectorAnchors() {
      if (anchors == null) {
        anchors = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        data.contexts.stream().filter(c -> str(c.get("kind")).equals(KeywordContextsReport.SECTOR))
            .map(c -> str(c.get("term"))).distinct().sorted().forEach(sector -> {
              String base = "kwic-" + sector.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                  .replaceAll("^-|-$", "");
              String id = base;
              for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
              }
              anchors.put(sector, id);
            });
      }
      return anchors;
    }

    private Topics topics() {
      Map<String, Object> m = data.topicModel;
      Map<Object, List<String>> terms = new java.util.TreeMap<>();
      data.topicTerms.forEach(t -> terms.computeIfAbsent(t.get("topic"), x -> new ArrayList<>()).add(str(t.get("term"))));
      Map<Object, Map<String, Object>> sectors = new LinkedHashMap<>();
      data.topicSectors.forEach(r -> sectors.put(r.get("topic"), r));
      Map<Object, Map<String, Object>> shareA = new LinkedHashMap<>();
      Map<Object, Map<String, Object>> shareB = new LinkedHashMap<>();
      data.topicShares.forEach(r -> ("a".equals(r.get("comparison_role")) ? shareA : shareB).put(r.get("topic"), r));
      List<TopicRow> rows = new ArrayList<>();
      terms.forEach((topic, words) -> {
        Map<String, Object> sector = sectors.getOrDefault(topic, Map.of());
        Map<String, Object> a = shareA.getOrDefault(topic, Map.of());
        Map<String, Object> b = shareB.getOrDefault(topic, Map.of());
        rows.add(new TopicRow(str(topic), String.join(", ", words), str(sector.get("sector")),
            sector.get("lift") instanceof Number x ? String.format(java.util.Locale.ROOT, "%.1f×", x.doubleValue())
                : "",
            percent(a.get("share")), shareRange(a), percent(b.get("share")), shareRange(b), pp(b.get("delta_pp")),
            interval(b, a.get("documents"), b.get("documents"))));
      });
      return new Topics(source(TopicModelReport.NAME), m == null ? "" : str(m.get("status")),
          m == null ? "" : str(m.get("k")), m == null ? "" : integer(m.get("documents")),
          m == null ? "" : integer(m.get("min_documents")), rows);
    }

    /** A share's interval, "12.0–15.5%", or empty without one. */
    private static String shareRange(Map<String, Object> r) {
      if (!(r.get("share_ci_low") instanceof Number low) || !(r.get("share_ci_high") instanceof Number high)) {
        return "";
      }
      return String.format(java.util.Locale.ROOT, "%.1f–%.1f%%", low.doubleValue() * 100, high.doubleValue() * 100);
    }

    private Gaps gaps() {
      List<GapRow> rows = data.gaps.stream().map(g -> new GapRow(str(g.get("sector")), str(g.get("candidate")),
          str(g.get("reason")), str(g.get("language")), integer(g.get("count")), integer(g.get("doc_freq")),
          g.get("score") instanceof Number x ? String.format(java.util.Locale.ROOT, "%.1f", x.doubleValue()) : "",
          Boolean.TRUE.equals(g.get("rejected_by_note")), str(g.get("evidence_doc_id")), str(g.get("evidence"))))
          .toList();
      return new Gaps(source(LexiconGapsReport.NAME), SummaryData.GAPS_PER_SECTOR, rows);
    }

    private Contexts contexts() {
      List<SectorContexts> sectors = new ArrayList<>();
      sectorAnchors().forEach((sector, anchor) -> sectors.add(new SectorContexts(sector, anchor,
          contextLines(KeywordContextsReport.SECTOR, null, sector, null))));
      return new Contexts(source(KeywordContextsReport.NAME), sectors);
    }

    /** The row's interval of the change, in words, or null without one. */
    private static Interval interval(Map<String, Object> r) {
      return interval(r, r.get("n_articles_a"), r.get("n_articles_b"));
    }

    /**
     * The interval of the change of a row with {@code delta_pp_ci_low}, {@code delta_pp_ci_high} and
     * {@code confidence}, in words with the articles of A and of B, or null without one.
     */
    private static Interval interval(Map<String, Object> r, Object articlesA, Object articlesB) {
      if (!(r.get("delta_pp_ci_low") instanceof Number low) || !(r.get("delta_pp_ci_high") instanceof Number high)) {
        return null;
      }
      String level = r.get("confidence") instanceof Number c
          ? String.format(java.util.Locale.ROOT, "%.0f%% ", c.doubleValue() * 100) : "";
      String range = sign(low.doubleValue(), 1) + " to " + sign(high.doubleValue(), 1) + " pp";
      String text = level + "CI " + range + ", " + integer(articlesA) + " vs " + integer(articlesB) + " articles";
      return new Interval(text, range, low.doubleValue() > 0 || high.doubleValue() < 0);
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
      root.put("pair", pairA == null ? null : ordered("a", pairA, "b", pairB));
      root.put("sectorOrder", sectorOrder);
      root.put("zCritical", Keyness.Z_CRITICAL);
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
        return HtmlSummary.scriptSafe(JSON.writeValueAsString(root));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
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

    // ---------------------------------------------------------------------------------------------- helpers

    private Source source(String report) {
      return new Source(report, data.unavailable.get(report));
    }

    private Visit visit(String id) {
      return new Visit(id, label(id), colours.getOrDefault(id, GREY));
    }

    private String label(String visitId) {
      if ("all".equals(visitId)) {
        return "all documents";
      }
      Map<String, Object> v = data.visit(visitId);
      return v == null || str(v.get("label")).isEmpty() ? visitId : str(v.get("label"));
    }

    /** Rows by z-score (highest first, or lowest first), nulls last, then by sector. */
    private static Comparator<Map<String, Object>> byZ(boolean highestFirst) {
      Function<Map<String, Object>, Double> z = r -> r.get("z_score") instanceof Number n ? Double.valueOf(n.doubleValue())
          : null;
      return Comparator.comparing(z, Comparator.nullsLast(highestFirst ? Comparator.<Double>reverseOrder()
          : Comparator.<Double>naturalOrder()));
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
  }
}
