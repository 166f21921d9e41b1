package io.visitlens.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.Visit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements and their speakers on articles written for the test: the hard cases of real coverage. */
class StatementsTest {
  static final Visit BELGRADE = new Visit("b", "Belgrade", LocalDate.of(2024, 11, 18), LocalDate.of(2024, 11, 19),
      "Serbia", "Belgrade", "Kazakhstan", "Kassym-Jomart Tokayev", "Aleksandar Vučić");
  static final Statements STATEMENTS = new Statements(SpeechCues.load(), List.of(BELGRADE));

  static List<Statements.Statement> find(String text) {
    return STATEMENTS.find(SpeechFixtures.sentences(text, "en"), "en", BELGRADE);
  }

  static List<String> speakers(List<Statements.Statement> found) {
    return found.stream().map(s -> s.speaker() + "/" + s.role() + "/" + s.cue() + "/" + s.kind()).toList();
  }

  @Test
  void aQuotationSpanningParagraphsIsOneStatementFromItsOpeningMark() {
    String text = "“We have agreed on a great deal today. The ministers have their instructions.\n\n"
        + "“Our ministers will meet again in the spring,” Vučić said.";
    List<Statements.Statement> found = find(text);
    assertEquals(List.of("Aleksandar Vučić/host_leader/said/quote"), speakers(found));
    Statements.Statement s = found.get(0);
    assertEquals(0, s.begin(), "from the first paragraph's opening mark");
    assertTrue(s.text().startsWith("We have agreed") && s.text().endsWith("in the spring"), s::text);
  }

  @Test
  void nestedQuotesStayInsideTheStatement() {
    List<Statements.Statement> found = find(
        "“The minister told me ‘we are ready to sign’ yesterday,” Tokayev said, smiling.");
    assertEquals(List.of("Kassym-Jomart Tokayev/guest_leader/said/quote"), speakers(found));
    assertEquals("The minister told me ‘we are ready to sign’ yesterday", found.get(0).text());
  }

  @Test
  void saidWithNoSpeakerIsNoStatement() {
    assertEquals(List.of(), speakers(find("He said the talks went well.\n\n“Nothing was decided,” it was said.")),
        "a pronoun with no speaker before it, and a passive 'was said'");
  }

  @Test
  void twoLeadersInOneSentence() {
    assertEquals(List.of("Kassym-Jomart Tokayev/guest_leader/thanked/reported"),
        speakers(find("Tokayev thanked Vučić for the invitation to Belgrade.")));
    assertEquals(List.of("Aleksandar Vučić/host_leader/said/reported"),
        speakers(find("Mr. Vučić said Tokayev had been a good friend of Serbia.")));
    assertEquals(List.of("Kassym-Jomart Tokayev/guest_leader/reaffirmed/reported",
            "Aleksandar Vučić/host_leader/reaffirmed/reported"),
        speakers(find("Presidents Tokayev and Vučić reaffirmed their commitment to trade.")));
  }

  @Test
  void titlesAndPronounsResolveThroughTheVisitAndThePreviousSpeaker() {
    List<Statements.Statement> found = find("The Serbian President stated that trade is growing. He added that "
        + "energy matters too.\n\nAccording to him, agriculture comes next.\n\n"
        + "Green energy is the future, said the Kazakh leader. The Head of State highlighted investment.");
    assertEquals(List.of("Aleksandar Vučić/host_leader/stated/reported", "Aleksandar Vučić/host_leader/added/reported",
        "Aleksandar Vučić/host_leader/according to/reported", "Kassym-Jomart Tokayev/guest_leader/said/quote",
        "Kassym-Jomart Tokayev/guest_leader/highlighted/reported"), speakers(found));
    assertEquals(List.of("trade"), found.get(0).sectors());
    assertEquals(List.of("energy"), found.get(3).sectors(), "green energy, inside the quotation");
    assertEquals("Green energy is the future", found.get(3).text());
  }

  @Test
  void aSpeakerOutsideTheCatalogueIsKeptAsWritten() {
    List<Statements.Statement> found = find("Trade will double by 2030, said Foreign Minister Murat Nurtleu.");
    assertEquals(List.of("Foreign Minister Murat Nurtleu/other/said/quote"), speakers(found));
  }

  @Test
  void anUnquotedParagraphClosedByAClauseIsOneStatementAndTheNextStartsAfterIt() {
    List<Statements.Statement> found = find("Trade is growing. Investment too, said Tokayev. "
        + "Energy is next, added the Kazakh president.");
    assertEquals(2, found.size(), () -> speakers(found).toString());
    assertEquals("Trade is growing. Investment too", found.get(0).text());
    assertEquals("Energy is next", found.get(1).text());
  }

  @Test
  void aLanguageWithoutCuesHasNoStatements() {
    assertEquals(List.of(), STATEMENTS.find(SpeechFixtures.sentences("Vučić je rekao da je trgovina važna.", "sr"),
        "sr", BELGRADE));
  }

  @Test
  void aBadCueFileIsRefusedWithItsLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpeechCues.parse(
        "kind,lang,cue,country,notes\nverb,en,said,,\nshout,en,yelled,,\n", "cues.csv"));
    assertTrue(e.getMessage().startsWith("cues.csv:3: unknown kind 'shout'"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> SpeechCues.parse(
        "kind,lang,cue,country,notes\ndemonym,en,Kazakh,,\n", "cues.csv"));
    assertTrue(e.getMessage().startsWith("cues.csv:2: a demonym needs its country"), e.getMessage());
  }
}
