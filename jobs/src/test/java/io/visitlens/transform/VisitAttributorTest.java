package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.Visit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests {@link VisitAttributor} on short in-memory articles against an in-memory catalogue. Every fixture
 * row carries its own expected visit, date source, date and a fragment the evidence must contain.
 */
class VisitAttributorTest {

  private static final Visit BELGRADE_2024 = new Visit("kz-rs-2024", "Tokayev state visit to Serbia",
      LocalDate.of(2024, 11, 18), LocalDate.of(2024, 11, 19), "Serbia", "Belgrade", "Kazakhstan",
      "Kassym-Jomart Tokayev", "Aleksandar Vučić");
  private static final Visit ASTANA_2026 = new Visit("kz-rs-2026", "Vučić official visit to Kazakhstan",
      LocalDate.of(2026, 2, 26), LocalDate.of(2026, 2, 27), "Kazakhstan", "Astana", "Serbia",
      "Aleksandar Vučić", "Kassym-Jomart Tokayev");
  private static final Visit HANOI_2025 = new Visit("fr-vn-2025", "Macron state visit to Vietnam",
      LocalDate.of(2025, 5, 25), LocalDate.of(2025, 5, 27), "Vietnam", "Hanoi", "France",
      "Emmanuel Macron", "Lương Cường");
  /** Crosses the new year; the catalogue spells the city with its accent. */
  private static final Visit BRASILIA_2025 = new Visit("pt-br-2025", "Portuguese president in Brazil",
      LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2), "Brazil", "Brasília", "Portugal",
      "Marcelo Rebelo de Sousa", "Luiz Inácio Lula da Silva");

  private static final int TOLERANCE = 3;

  private static final VisitAttributor CATALOGUE =
      new VisitAttributor(List.of(BELGRADE_2024, ASTANA_2026, HANOI_2025, BRASILIA_2025), TOLERANCE);

  /** Text that by itself points clearly at the Astana visit (dateline, date, guest). */
  private static final String ASTANA_ARTICLE = "ASTANA — Serbian President Aleksandar Vučić and Kazakh President "
      + "Kassym-Jomart Tokayev signed a strategic partnership declaration on Feb. 27. The talks at the Akorda "
      + "focused on energy, logistics and the defence industry.";

  private static final String NEUTRAL = "The two presidents signed agreements on energy, logistics and "
      + "agriculture, and agreed to restart the business council.";

  private static final String NO_EVIDENCE = "Oil prices rose on Tuesday as traders weighed supply risks "
      + "in the Middle East and a weaker dollar.";

  /** One fixture: an article and what the attributor must say about it. */
  record Case(String name, String text, String dateText, String origin,
              String visitId, String dateSource, LocalDate date, String evidenceFragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case row(String name, String text, String dateText, String origin,
                          String visitId, String dateSource, String date, String evidenceFragment) {
    return new Case(name, text, dateText, origin, visitId, dateSource,
        date == null ? null : LocalDate.parse(date), evidenceFragment);
  }

  static Stream<Case> headerAndMetadataCases() {
    return Stream.of(
        row("header date inside the Astana window", NEUTRAL, "2026-02-27", "header",
            "kz-rs-2026", "header", "2026-02-27",
            "header date 2026-02-27 in window of kz-rs-2026 (2026-02-26..2026-02-27 ±3 d)"),
        row("header date decides even when the text points elsewhere", ASTANA_ARTICLE, "2024-11-19", "header",
            "kz-rs-2024", "header", "2024-11-19", "in window of kz-rs-2024"),
        row("header date outside every window is not forced to the nearest visit", ASTANA_ARTICLE,
            "2025-06-01", "header", null, "header", "2025-06-01",
            "header date 2025-06-01 is outside every visit window (±3 d)"),
        row("header date exactly tolerance days after the end", NEUTRAL, "2026-03-02", "header",
            "kz-rs-2026", "header", "2026-03-02", "in window of kz-rs-2026"),
        row("header date one day beyond the tolerance after the end", NEUTRAL, "2026-03-03", "header",
            null, "header", "2026-03-03", "outside every visit window"),
        row("header date exactly tolerance days before the start", NEUTRAL, "2026-02-23", "header",
            "kz-rs-2026", "header", "2026-02-23", "in window of kz-rs-2026"),
        row("header date one day beyond the tolerance before the start", NEUTRAL, "2026-02-22", "header",
            null, "header", "2026-02-22", "outside every visit window"),
        row("metadata timestamp is read as its date", NEUTRAL, "2024-11-20T09:30:00Z", "metadata",
            "kz-rs-2024", "metadata", "2024-11-20", "metadata date 2024-11-20 in window of kz-rs-2024"),
        row("metadata timestamp with offset", NEUTRAL, "2025-05-26T18:05+07:00", "metadata",
            "fr-vn-2025", "metadata", "2025-05-26", "metadata date 2025-05-26 in window of fr-vn-2025"),
        row("metadata plain date", NEUTRAL, "2025-05-28", "metadata",
            "fr-vn-2025", "metadata", "2025-05-28", "in window of fr-vn-2025"),
        row("window crossing the new year holds a January header date", NEUTRAL, "2026-01-04", "header",
            "pt-br-2025", "header", "2026-01-04", "in window of pt-br-2025"),
        row("impossible header date falls back to the text", ASTANA_ARTICLE, "2026-13-45", "header",
            "kz-rs-2026", "text", "2026-02-27", "invalid header date 2026-13-45 ignored; text: dateline ASTANA"),
        row("February 30 header date falls back to a text without evidence", NO_EVIDENCE, "2026-02-30",
            "header", null, "none", null, "invalid header date 2026-02-30 ignored; text: no date and no host-city"),
        row("non-ISO header date falls back to the text", ASTANA_ARTICLE, "27/02/2026", "header",
            "kz-rs-2026", "text", "2026-02-27", "invalid header date 27/02/2026 ignored; "),
        row("timestamp is accepted from metadata only, not from the header", ASTANA_ARTICLE,
            "2024-11-19T10:00", "header", "kz-rs-2026", "text", "2026-02-27",
            "invalid header date 2024-11-19T10:00 ignored"),
        row("unparsable metadata date falls back to place and guest",
            "Serbian President Aleksandar Vučić arrived in Astana on Thursday evening.", "yesterday", "metadata",
            "kz-rs-2026", "none", null, "invalid metadata date yesterday ignored; text: \"arrived in Astana\""),
        row("blank date text counts as no date, not as an invalid one", NO_EVIDENCE, "  ", "header",
            null, "none", null, "text: no date and no host-city evidence"));
  }

  static Stream<Case> textCases() {
    return Stream.of(
        row("dateline and abbreviated month with period", ASTANA_ARTICLE, null, null,
            "kz-rs-2026", "text", "2026-02-27",
            "text: dateline ASTANA; date \"Feb. 27\" → 2026-02-27; guest Vučić mentioned"),
        row("wire dateline with date and agency; party by country adjective",
            "ASTANA, Feb 26 (Reuters) - Serbia and Kazakhstan agreed on Thursday to open a direct air link "
                + "and to expand trade in grain and machinery.", null, null,
            "kz-rs-2026", "text", "2026-02-26",
            "text: dateline ASTANA; date \"Feb 26\" → 2026-02-26; guest country Serbia mentioned"),
        row("day month year",
            "Aleksandar Vučić arrived in Astana on 27 February 2026 for talks with his Kazakh counterpart.",
            null, null, "kz-rs-2026", "text", "2026-02-27", "date \"27 February 2026\" → 2026-02-27"),
        row("month day comma year",
            "On February 27, 2026, Aleksandar Vučić and Kassym-Jomart Tokayev signed eleven agreements.",
            null, null, "kz-rs-2026", "text", "2026-02-27", "date \"February 27, 2026\" → 2026-02-27"),
        row("ISO date in the body",
            "The joint statement, dated 2026-02-27, was signed by Vučić and Tokayev.",
            null, null, "kz-rs-2026", "text", "2026-02-27", "date \"2026-02-27\" → 2026-02-27"),
        row("month day range takes the first day",
            "Kassym-Jomart Tokayev paid a state visit to Serbia on Nov. 18-19 and met students.",
            null, null, "kz-rs-2024", "text", "2024-11-18", "date \"Nov. 18-19\" → 2024-11-18; guest Tokayev"),
        row("day month range takes the first day",
            "During the visit of 18-19 November, Tokayev and his hosts discussed mining.",
            null, null, "kz-rs-2024", "text", "2024-11-18", "date \"18-19 November\" → 2024-11-18"),
        row("full month name without year",
            "Tokayev laid a wreath at the Monument to the Unknown Hero on November 19.",
            null, null, "kz-rs-2024", "text", "2024-11-19", "date \"November 19\" → 2024-11-19"),
        row("earliest fitting date becomes the published date",
            "Talks were held on Feb. 27, a day after Aleksandar Vučić landed on Feb. 26.",
            null, null, "kz-rs-2026", "text", "2026-02-26", "date \"Feb. 26\" → 2026-02-26"),
        row("year-less date inside the tolerance",
            "Aleksandar Vučić said on March 1 that the talks had been productive.",
            null, null, "kz-rs-2026", "text", "2026-03-01", "date \"March 1\" → 2026-03-01"),
        row("year-less date just beyond the tolerance contradicts place and guest",
            "ASTANA — Aleksandar Vučić held talks with Kassym-Jomart Tokayev on March 3.",
            null, null, null, "none", null,
            "dateline ASTANA and guest Vučić point at kz-rs-2026 but text dates \"March 3\" fall outside"),
        row("dated year outside the window contradicts place and guest",
            "ASTANA — Aleksandar Vučić held talks with Kassym-Jomart Tokayev on February 27, 2025.",
            null, null, null, "none", null, "text dates \"February 27, 2025\" fall outside its window"),
        row("same two leaders in another year (month and year)",
            "BELGRADE — Serbian President Aleksandar Vučić welcomed Kassym-Jomart Tokayev, who held talks in "
                + "Belgrade in September 2019 on trade and a new air link.",
            null, null, null, "none", null,
            "dateline BELGRADE and guest Tokayev point at kz-rs-2024 but text dates \"September 2019\""),
        row("same two leaders in another year (year-less date)",
            "BELGRADE, Sept. 12 — Kassym-Jomart Tokayev and Aleksandar Vučić opened a business forum in "
                + "Belgrade.",
            null, null, null, "none", null, "point at kz-rs-2024 but text dates \"Sept. 12\""),
        row("bare years and anniversaries are not dates",
            "ASTANA — Aleksandar Vučić, on a visit to Astana, said Serbia would take part in EXPO 2027 and "
                + "marked 30 years of diplomatic relations.",
            null, null, "kz-rs-2026", "none", null, "text: dateline ASTANA; guest Vučić mentioned"),
        row("recall sentence alone is no evidence",
            "I have warm memories of my visit to Belgrade two years ago, said Kassym-Jomart Tokayev.",
            null, null, null, "none", null, "Belgrade only in recall of a past visit (kz-rs-2024)"),
        row("recalled Belgrade does not compete with Astana",
            "Kassym-Jomart Tokayev welcomed Aleksandar Vučić in Astana. I have warm memories of my visit to "
                + "Belgrade two years ago, said Tokayev.",
            null, null, "kz-rs-2026", "none", null, "text: mention of Astana; guest Vučić mentioned"),
        row("date inside a recall sentence is not date evidence",
            "Aleksandar Vučić held talks on Feb. 26. Tokayev recalled that his own visit to Belgrade on "
                + "Nov. 18 had opened a new chapter.",
            null, null, "kz-rs-2026", "text", "2026-02-26", "date \"Feb. 26\" → 2026-02-26"),
        row("date in the dateline counts even when its sentence recalls the past",
            "ASTANA, Feb 27 (Reuters) - Aleksandar Vučić recalled his first trip to Kazakhstan years ago as he "
                + "opened talks with Tokayev.", null, null,
            "kz-rs-2026", "text", "2026-02-27", "text: dateline ASTANA; date \"Feb 27\" → 2026-02-27"),
        row("'in' another year marks a recall",
            "Aleksandar Vučić first came to Astana in 2019, when the two sides opened embassies.",
            null, null, null, "none", null, "Astana only in recall of a past visit (kz-rs-2026)"),
        row("'in' the visit's own year is no recall",
            "Aleksandar Vučić travelled to Astana in 2026 to open a new chapter in relations.",
            null, null, "kz-rs-2026", "none", null, "text: \"travelled to Astana\"; guest Vučić mentioned"),
        row("another president in Astana stays unassigned",
            "ASTANA — Uzbek President Shavkat Mirziyoyev arrived in Astana on Feb. 27 for talks with "
                + "Kassym-Jomart Tokayev on water sharing.",
            null, null, null, "none", null,
            "dateline ASTANA, date \"Feb. 27\" fit kz-rs-2026 but guest Vučić/Serbia not mentioned"),
        row("both cities mentioned plainly with both leaders is ambiguous",
            "Kassym-Jomart Tokayev and Aleksandar Vučić spoke of Astana and of Belgrade.",
            null, null, null, "none", null, "ambiguous: kz-rs-2024 (mention of Belgrade, guest Tokayev), "
                + "kz-rs-2026 (mention of Astana, guest Vučić) equally supported; score 2 each"),
        row("the two ends of a route are no host-city evidence",
            "Kassym-Jomart Tokayev and Aleksandar Vučić discussed direct flights between Astana and Belgrade.",
            null, null, null, "none", null, "text: Belgrade only as an end of a route (kz-rs-2024); "
                + "Astana only as an end of a route (kz-rs-2026)"),
        row("visit to a city outscores a plain mention of the other city",
            "Aleksandar Vučić arrived in Astana for talks with Tokayev. A direct Belgrade flight is planned.",
            null, null, "kz-rs-2026", "none", null, "text: \"arrived in Astana\"; guest Vučić mentioned"),
        row("dateline outscores a visit to another city",
            "BELGRADE — Aleksandar Vučić briefed reporters after talks with Kassym-Jomart Tokayev and said "
                + "a visit to Astana would follow.",
            null, null, "kz-rs-2024", "none", null, "text: dateline BELGRADE; guest Tokayev mentioned"),
        row("dates fitting two visits whose guests are both mentioned are ambiguous",
            "Kassym-Jomart Tokayev and Aleksandar Vučić compared the agreements signed on Nov. 19 with those "
                + "prepared for Feb. 27.",
            null, null, null, "none", null, "ambiguous: text dates fit kz-rs-2024 (\"Nov. 19\"), "
                + "kz-rs-2026 (\"Feb. 27\")"),
        row("dates fitting two visits are settled by the stronger place",
            "ASTANA — Kassym-Jomart Tokayev and Aleksandar Vučić compared the agreements signed on Nov. 19 "
                + "with those signed on Feb. 27.",
            null, null, "kz-rs-2026", "text", "2026-02-27", "text: dateline ASTANA; date \"Feb. 27\""),
        row("leader written without diacritics matches the catalogue's Vučić",
            "President Aleksandar Vucic arrived in Astana on Thursday.",
            null, null, "kz-rs-2026", "none", null, "guest Vučić mentioned"),
        row("upper-case dateline with colon and leader in capitals",
            "Astana: President VUCIC was welcomed at the airport by the prime minister.",
            null, null, "kz-rs-2026", "none", null, "text: dateline Astana; guest Vučić mentioned"),
        row("guest country as a word prefix",
            "A Serbian government delegation arrived in Astana on Thursday.",
            null, null, "kz-rs-2026", "none", null, "guest country Serbia mentioned"),
        row("no date and no host city", NO_EVIDENCE, null, null,
            null, "none", null, "text: no date and no host-city evidence"),
        row("guest mentioned without place or date is not enough",
            "Aleksandar Vučić said Serbia would keep its neutral course.", null, null,
            null, "none", null, "text: no date and no host-city evidence"),
        row("dates fitting no window and no place",
            "Parliament will debate the budget on March 15 and the energy law in October 2027.", null, null,
            null, "none", null, "text: dates \"March 15\", \"October 2027\" fit no visit window"),
        row("third, unrelated visit: Hanoi",
            "HANOI — French President Emmanuel Macron began a three-day state visit to Vietnam on May 25, "
                + "his first since 2016.", null, null,
            "fr-vn-2025", "text", "2025-05-25", "text: dateline HANOI; date \"May 25\" → 2025-05-25; guest Macron"),
        row("modal 'may' is not a month",
            "Hanoi officials said Macron may 2 times extend his stay.", null, null,
            "fr-vn-2025", "none", null, "text: mention of Hanoi; guest Macron mentioned"),
        row("year-less December date resolves to the year before the new year",
            "BRASILIA — Portuguese President Marcelo Rebelo de Sousa met Lula on Dec. 31.", null, null,
            "pt-br-2025", "text", "2025-12-31", "text: dateline BRASILIA; date \"Dec. 31\" → 2025-12-31"),
        row("year-less January date resolves to the year after",
            "Rebelo de Sousa flew home from Brasília on Jan. 2 after signing a visa deal.", null, null,
            "pt-br-2025", "text", "2026-01-02", "date \"Jan. 2\" → 2026-01-02; guest Sousa"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("headerAndMetadataCases")
  void attributesByHeaderOrMetadataDate(Case c) {
    check(CATALOGUE, c);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("textCases")
  void attributesUndatedArticlesByText(Case c) {
    check(CATALOGUE, c);
  }

  static Stream<Case> nearestWindowCases() {
    return Stream.of(
        row("date nearer the second window", NEUTRAL, "2025-03-05", "header",
            "b", "header", "2025-03-05", "header date 2025-03-05 in window of b"),
        row("date nearer the first window", NEUTRAL, "2025-03-03", "header",
            "a", "header", "2025-03-03", "header date 2025-03-03 in window of a"),
        row("date equally near both windows", NEUTRAL, "2025-03-04", "header",
            null, "header", "2025-03-04", "ambiguous: header date 2025-03-04 equally near the windows of a, b"),
        row("year-less text date takes the nearer window",
            "Kassym-Jomart Tokayev spoke to reporters on March 5.", null, null,
            "b", "text", "2025-03-05", "date \"March 5\" → 2025-03-05"));
  }

  /**
   * Two visits with the same guest whose tolerant windows overlap: 2025-03-01..02 and 2025-03-06..07,
   * tolerance 3, so only the nearest-window rule can separate them.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nearestWindowCases")
  void nearestWindowWinsWhenToleranceMakesWindowsOverlap(Case c) {
    Visit a = new Visit("a", "first", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2), "Kyrgyzstan",
        "Bishkek", "Kazakhstan", "Kassym-Jomart Tokayev", "Sadyr Japarov");
    Visit b = new Visit("b", "second", LocalDate.of(2025, 3, 6), LocalDate.of(2025, 3, 7), "Uzbekistan",
        "Tashkent", "Kazakhstan", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev");
    check(new VisitAttributor(List.of(a, b), TOLERANCE), c);
  }

  /** The two real article shapes of the seed corpus, paraphrased; no header or metadata date. */
  @Test
  void realArticleShapesGoToTheAstanaVisit() {
    VisitAttributor attributor = new VisitAttributor(List.of(BELGRADE_2024, ASTANA_2026), TOLERANCE);
    String datelined = """
        ASTANA — Presidents Kassym-Jomart Tokayev and Aleksandar Vučić reaffirmed their commitment to \
        strengthening the Kazakhstan-Serbia strategic partnership during high-level talks on Feb. 27.

        The negotiations, held in narrow and expanded formats, covered trade, investment, energy and the \
        defence industry, as the two countries approach the 30th anniversary of diplomatic relations.

        Tokayev called Serbia one of Kazakhstan's key partners in Europe and welcomed the launch of a direct \
        Astana-Belgrade flight. Vučić thanked him for the warm welcome and confirmed Belgrade's readiness to \
        deepen cooperation.
        """;
    String recalling = """
        Speaking to the press, Kazakh President Kassym-Jomart Tokayev thanked Aleksandar Vučić and his \
        delegation for accepting the invitation to make an official visit to Astana.

        I have warm memories of my visit to Belgrade two years ago, said Kassym-Jomart Tokayev. The \
        agreements reached then are being implemented successfully, the Kazakh president added.

        Tokayev noted that this year marks 30 years since the two countries established diplomatic relations.

        The two leaders then held extended talks at the Akorda presidential palace in Astana.
        """;
    check(attributor, row("datelined Feb. 27 article", datelined, null, null, "kz-rs-2026", "text",
        "2026-02-27", "text: dateline ASTANA; date \"Feb. 27\" → 2026-02-27; guest Vučić mentioned"));
    check(attributor, row("article recalling Belgrade", recalling, null, null, "kz-rs-2026", "none", null,
        "text: \"visit to Astana\"; guest Vučić mentioned; no usable text date"));
  }

  @Test
  void survivesJavaSerializationAndGivesTheSameAnswers() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(CATALOGUE);
      out.writeObject(CATALOGUE.attribute(ASTANA_ARTICLE, null, null));
    }
    VisitAttributor copy;
    Attribution before;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (VisitAttributor) in.readObject();
      before = (Attribution) in.readObject();
    }
    assertEquals(CATALOGUE.attribute(ASTANA_ARTICLE, null, null), before,
        "a serialized Attribution must read back equal");
    Stream.concat(headerAndMetadataCases(), textCases()).forEach(c -> assertEquals(
        CATALOGUE.attribute(c.text(), c.dateText(), c.origin()), copy.attribute(c.text(), c.dateText(), c.origin()),
        "deserialized attributor disagrees with the original on: " + c.name()));
  }

  @Test
  void givesTheSameAnswersWhenSharedAcrossThreads() {
    List<Case> cases = Stream.concat(headerAndMetadataCases(), textCases()).toList();
    List<Attribution> sequential = cases.stream().map(c -> CATALOGUE.attribute(c.text(), c.dateText(), c.origin()))
        .toList();
    for (int round = 0; round < 20; round++) {
      List<Attribution> parallel = cases.parallelStream()
          .map(c -> CATALOGUE.attribute(c.text(), c.dateText(), c.origin())).toList();
      assertEquals(sequential, parallel, "round " + round + ": concurrent use changed an answer");
    }
  }

  @Test
  void evidenceStaysShortForLongInputs() {
    String longDate = "2026-02-27 ".repeat(40);
    StringBuilder text = new StringBuilder("ASTANA — Uzbek President Shavkat Mirziyoyev arrived in Astana");
    for (int day = 1; day <= 28; day++) {
      text.append(" on March ").append(day).append(',');
    }
    text.append(" and met Tokayev in Belgrade, Hanoi and Brasília.");
    Attribution a = CATALOGUE.attribute(text.toString(), longDate, "header");
    assertTrue(a.evidence().length() <= VisitAttributor.MAX_EVIDENCE_LENGTH,
        "evidence is " + a.evidence().length() + " chars: " + a.evidence());
    assertTrue(a.evidence().startsWith("invalid header date 2026-02-27 2026-02-27"),
        "the raw invalid date should still be quoted (shortened): " + a.evidence());
  }

  @Test
  void emptyCatalogueAssignsNothing() {
    VisitAttributor empty = new VisitAttributor(List.of(), TOLERANCE);
    Attribution dated = empty.attribute(ASTANA_ARTICLE, "2026-02-27", "header");
    assertAll(
        () -> assertNull(dated.visitId(), "no visit can be chosen from an empty catalogue: " + dated),
        () -> assertEquals("header date 2026-02-27 is outside every visit window (±3 d)", dated.evidence()),
        () -> assertNull(empty.attribute(ASTANA_ARTICLE, null, null).visitId(), "text path, empty catalogue"));
  }

  @Test
  void nullTextIsReadAsEmpty() {
    Attribution a = CATALOGUE.attribute(null, null, null);
    assertEquals(new Attribution(null, "none", null, "text: no date and no host-city evidence"), a,
        "null body without a date");
  }

  @Test
  void rejectsInvalidArguments() {
    assertAll(
        () -> assertThrows(IllegalArgumentException.class, () -> new VisitAttributor(List.of(ASTANA_2026), -1),
            "negative tolerance"),
        () -> assertThrows(IllegalArgumentException.class,
            () -> new VisitAttributor(List.of(ASTANA_2026, ASTANA_2026), TOLERANCE), "duplicate visit id"),
        () -> assertThrows(IllegalArgumentException.class, () -> new VisitAttributor(List.of(new Visit("x", "x",
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), null, null, null, null, null)), TOLERANCE),
            "end before start"),
        () -> assertThrows(IllegalArgumentException.class, () -> CATALOGUE.attribute(NEUTRAL, "2026-02-27", null),
            "a date without an origin"),
        () -> assertThrows(IllegalArgumentException.class, () -> CATALOGUE.attribute(NEUTRAL, "2026-02-27", "text"),
            "an origin other than header or metadata"),
        () -> assertThrows(IllegalArgumentException.class, () -> new Attribution(null, "guess", null, "x"),
            "unknown date source"));
  }

  private static void check(VisitAttributor attributor, Case c) {
    Attribution a = attributor.attribute(c.text(), c.dateText(), c.origin());
    String context = c.name() + " -> " + a;
    assertAll(c.name(),
        () -> assertEquals(c.visitId(), a.visitId(), "visit id for: " + context),
        () -> assertEquals(c.dateSource(), a.dateSource(), "date source for: " + context),
        () -> assertEquals(c.date(), a.publishedDate(), "published date for: " + context),
        () -> assertTrue(a.evidence().contains(c.evidenceFragment()),
            "evidence should contain <" + c.evidenceFragment() + "> for: " + context),
        () -> assertTrue(a.evidence().length() <= VisitAttributor.MAX_EVIDENCE_LENGTH,
            "evidence too long (" + a.evidence().length() + ") for: " + context));
  }
}
