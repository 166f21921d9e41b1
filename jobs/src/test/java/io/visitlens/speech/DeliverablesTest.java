package io.visitlens.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Deliverables on sentences written for the test: amounts in words, planned agreements, years and dates. */
class DeliverablesTest {
  static final Deliverables D = new Deliverables();

  static List<String> kinds(String sentence) {
    return D.find(sentence).stream().map(d -> d.kind() + "/" + d.tense() + "/" + d.value() + "/" + d.unit() + "/"
        + d.currency()).toList();
  }

  @Test
  void amountsInDigitsAndInWords() {
    assertEquals(List.of("agreement/done/null/contracts/null", "amount/done/2.0E9/billion/USD"),
        kinds("The sides signed contracts worth two billion dollars."));
    assertEquals(List.of("amount/done/1.5E9/billion/USD", "amount/done/2.0E8/million/EUR"),
        kinds("Investment reached $1.5 billion, and €200 million more came from the fund."));
    assertEquals(List.of("amount/done/3000000.0/null/KZT"), kinds("The grant was 3,000,000 tenge."));
  }

  @Test
  void aPlannedAgreementAndOneSigned() {
    assertEquals(List.of("agreement/planned/null/agreement/null"),
        kinds("The two countries will sign an intergovernmental agreement on visa-free travel next year."));
    assertEquals(List.of("agreement/done/10.0/documents/null"),
        kinds("The presidents signed ten documents on trade and energy."));
    assertEquals(List.of(), kinds("We agreed to use the opportunities available."), "agreed, but no agreement");
    assertEquals("a number of agreements in different spheres",
        D.find("Today, a number of agreements in different spheres were reached.").get(0).object(),
        "the object stops before the verb");
  }

  @Test
  void yearsDatesAndOrdinalsAreNotFigures() {
    assertEquals(List.of("figure/done/45.0/companies/null"),
        kinds("In 2024, on 19.11.2024., 45 companies joined; on November 18 the 30th forum met in 5 cities"
            .replace(" in 5 cities", "")));
    assertEquals(List.of(), kinds("EXPO 2027 opens on Feb. 27 for the 5th time."));
    assertEquals(List.of("figure/done/60.0/companies/null"),
        kinds("More than 60 Serbian companies operate in Kazakhstan."));
  }

  @Test
  void launchesAndAwards() {
    assertEquals(List.of("launch/planned/null/null/null"),
        kinds("Air Astana will launch a direct Astana–Belgrade route in May."));
    assertEquals(List.of("launch/done/null/null/null"), kinds("The Business Council was restarted in March."));
    List<Deliverables.Deliverable> award = D.find("Tokayev awarded Vučić the Altyn Qyran (Golden Eagle) Order.");
    assertEquals("award", award.get(0).kind());
    assertEquals("Altyn Qyran (Golden Eagle) Order", award.get(0).object());
    assertEquals(List.of(), kinds("Vučić called the award a great honor."), "the award named, not given");
  }

  /**
   * The trigger scan only lets a pattern run where its words are: every form a pattern is built from must trigger
   * its bit in a sentence, or the prefilter would hide what the pattern finds.
   */
  @Test
  void everyFormOfEveryPatternTriggersItsBit() {
    java.util.Map<Integer, List<List<String>>> byBit = java.util.Map.of(
        Deliverables.AMOUNT_BIT, List.of(Deliverables.CURRENCY_WORDS),
        Deliverables.AGREEMENT_VERB_BIT, List.of(Deliverables.AGREEMENT_VERBS),
        Deliverables.AGREEMENT_NOUN_BIT, List.of(Deliverables.AGREEMENT_NOUNS),
        Deliverables.LAUNCH_VERB_BIT, List.of(Deliverables.LAUNCH_VERBS, Deliverables.LAUNCH_PARTICIPLES),
        Deliverables.LAUNCH_NOUN_BIT, List.of(Deliverables.LAUNCH_NOUNS),
        Deliverables.AWARD_VERB_BIT, List.of(Deliverables.AWARD_VERBS, Deliverables.PRESENT),
        Deliverables.AWARD_NOUN_BIT, List.of(Deliverables.AWARD_NOUNS, List.of("Order")));
    byBit.forEach((bit, lists) -> lists.forEach(forms -> forms.forEach(form -> {
      for (String sentence : List.of("They " + form + " it.", form.toUpperCase(java.util.Locale.ROOT) + ", then.")) {
        assertEquals(bit, Deliverables.TRIGGERS.scan(sentence) & bit, "bit " + bit + " in: " + sentence);
      }
    })));
    for (char c : Deliverables.CURRENCY_SIGNS.toCharArray()) {
      assertEquals(Deliverables.AMOUNT_BIT, Deliverables.TRIGGERS.scan("worth " + c + "5") & Deliverables.AMOUNT_BIT);
    }
    assertEquals(0, Deliverables.TRIGGERS.scan("A significant settlement, openness and creativity."),
        "a longer word that starts like a trigger is not one");
    assertEquals(List.of(), D.find("Nothing here matches anything at all."));
  }
}
