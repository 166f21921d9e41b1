package io.visitlens.transform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cyrillic folded to Latin, and dates in every supported language, on text written for the test. */
class FoldedTextScriptsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "Вучић, Vucic",          // Serbian Cyrillic, ć folded
      "Вучич, Vucic",          // Russian spelling of the same name
      "Vučić, Vucic",
      "Токајев, Tokajev",
      "Токаев, Tokaev",
      "Београд, Beograd",
      "Белграде, Belgrade",
      "Љубљана, Ljubljana",    // Serbian digraphs from Serbian-Latin/BGN, not ISO 9's L̂
      "Џеј, Dzej",
      "Ђоковић, Dokovic",      // Ђ folds as Latin Đ does: Đoković → Dokovic
      "объявил, obavil",       // Russian hard sign dropped, я → a
      "Казахстан, Kazahstan",
      "Сербия, Serbia"})
  void foldsCyrillicToLatin(String cyrillic, String latin) {
    // Case is not kept letter for letter (Љ alone is LJ): every match on folded text ignores case.
    assertEquals(latin.toLowerCase(java.util.Locale.ROOT),
        FoldedText.fold(cyrillic).toLowerCase(java.util.Locale.ROOT), "fold of " + cyrillic);
  }

  @Test
  void keepsAMapBackToTheCyrillicOriginal() {
    FoldedText t = FoldedText.of("Председник Вучић у Београду");
    int at = t.folded().indexOf("Beogradu");
    assertEquals("Београду", t.original(at, at + "Beogradu".length()), "original behind " + t.folded());
  }

  private static List<String> found(String text) {
    return TextDates.find(FoldedText.of(text)).stream()
        .map(d -> d.quote() + "=" + (d.year() == null ? "" : d.year()) + "-" + d.month() + "-"
            + (d.day() == null ? "" : d.day()))
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Sastanak je održan 19.11.2024. u Palati Srbija.|19.11.2024=2024-11-19",
      "(Beta, 27.02.2026)|27.02.2026=2026-2-27",
      "Datum: 19. 11. 2024.|19. 11. 2024=2024-11-19",
      "Posetu je zakazao za 19. novembra 2024. godine.|19. novembra 2024=2024-11-19",
      "Потписано је 19. новембра 2024. године.|19. новембра 2024=2024-11-19",
      "Визит состоялся 27 февраля 2026 года.|27 февраля 2026=2026-2-27",
      "Визит пройдёт 26-27 февраля.|26-27 февраля=-2-26",
      "Posetа je trajala 26. i 27. februara.|26. i 27. februara=-2-26",
      "Der Besuch endete am 19. November 2024.|19. November 2024=2024-11-19",
      "Er traf am 27. Februar ein.|27. Februar=-2-27",
      "Sastanak je bio u novembru 2024.|novembru 2024=2024-11-",
      "Это было в ноябре 2024 года.|ноябре 2024=2024-11-",
      "Talks on Feb. 26-27 ended.|Feb. 26-27=-2-26",
      "He met them on 18–19 November 2024.|18–19 November 2024=2024-11-18"})
  void findsDatesInEveryLanguage(String text, String expected) {
    List<String> dates = found(text);
    assertEquals(1, dates.size(), "one date in <" + text + ">: " + dates);
    String got = dates.get(0);
    String[] want = expected.split("=");
    assertAll(
        () -> assertEquals(want[0], got.substring(0, got.indexOf('=')), "quote in <" + text + ">"),
        () -> assertEquals(want[1].replaceAll("-0?(\\d)", "-$1"), got.substring(got.indexOf('=') + 1)
            .replaceAll("-0?(\\d)", "-$1"), "date in <" + text + ">"));
  }

  @Test
  void bareNumbersAndEnglishWordsAreNoDates() {
    assertAll(
        () -> assertTrue(found("Version 1.2.3 shipped; 30 years of ties; EXPO 2027.").isEmpty(),
            "version numbers, anniversaries and bare years"),
        () -> assertTrue(found("They may 5 times extend it, and march 3 miles.").isEmpty(),
            "lower-case English may and march"),
        () -> assertTrue(found("Cena je 12.5 miliona, rast 3.4.").isEmpty(), "decimals"));
  }

  @Test
  void aDayDateResolvesToARealDay() {
    TextDates.TextDate d = TextDates.find(FoldedText.of("27.02.2026")).get(0);
    assertEquals(LocalDate.of(2026, 2, 27), d.range(2026)[0], "numeric date");
  }
}
