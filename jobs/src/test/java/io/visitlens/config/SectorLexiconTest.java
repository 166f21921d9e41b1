package io.visitlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.config.SectorLexicon.Entry;
import io.visitlens.config.SectorLexicon.Kind;
import io.visitlens.io.ConfigFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SectorLexiconTest {

  /** The shipped lexicon; tests run with working directory {@code jobs/}. */
  static final Path SHIPPED = Path.of("..", "seeds", "lexicon", "sectors.csv");

  static final String HEADER = "sector,phrase,kind,cap_code,notes\n";
  static final String LANG_HEADER = "sector,phrase,kind,cap_code,lang,notes\n";

  /** A lexicon file read as the job reads it: strict UTF-8 ({@link ConfigFiles}), then parsed. */
  static SectorLexicon load(Path file) {
    return SectorLexicon.parse(ConfigFiles.read(file), file.toString());
  }

  static SectorLexicon parse(String text) {
    return SectorLexicon.parse(text, "fixture.csv");
  }

  // ---------------------------------------------------------------------------------------------
  // Looking up surface forms, on a lexicon of the test's own (the shipped one is the user's to edit)

  /** A small lexicon with each kind and the awkward forms real text has: hyphens, plurals, acronyms, proper names. */
  static final String FIXTURE = HEADER
      + "energy,green energy,phrase,8,why energy: the first row of a sector says why\r\n"
      + "energy,renewables,word,8,\r\n"
      + "IT and digital,artificial intelligence,phrase,17,\r\n"
      + "IT and digital,AI,acronym,17,\r\n"
      + "IT and digital,high-tech,word,17,\r\n"
      + "defence industry,military-industrial complex,phrase,16,\r\n"
      + "transport and logistics,direct flight,phrase,10,\r\n"
      + "transport and logistics,Middle Corridor,phrase,10,a proper name\r\n"
      + "sport and major events,EXPO,acronym,,\r\n"
      + "investment,investment,word,1,\r\n";

  static SectorLexicon fixture() {
    return parse(FIXTURE);
  }

  static Stream<Arguments> surfaceForms() {
    return Stream.of(
        Arguments.of("green energy", "energy"),
        Arguments.of("Green Energy", "energy"),
        Arguments.of("green-energy", "energy"),
        Arguments.of("renewables", "energy"),
        Arguments.of("artificial intelligence", "IT and digital"),
        Arguments.of("AI", "IT and digital"),
        Arguments.of("high-tech", "IT and digital"),
        Arguments.of("military-industrial complex", "defence industry"),
        Arguments.of("military industrial complex", "defence industry"),
        Arguments.of("direct flights", "transport and logistics"),
        Arguments.of("Middle Corridor", "transport and logistics"),
        Arguments.of("EXPO", "sport and major events"),
        Arguments.of("investments", "investment"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("surfaceForms")
  void aSurfaceFormFindsItsEntrysSector(String surface, String sector) {
    Optional<Entry> e = fixture().lookup(surface);
    assertTrue(e.isPresent(), "no entry of the fixture lexicon matches '" + surface + "'");
    assertEquals(sector, e.get().sector(), "sector of '" + surface + "' (entry " + e.get() + ")");
  }

  @ParameterizedTest(name = "{0} matches nothing")
  @CsvSource({"ai", "Ai", "green", "energy", "flight", "corridor", "complex", "expo fair"})
  void aWordThatIsOnlyPartOfAnEntryOrALowercaseAcronymMatchesNothing(String surface) {
    assertEquals(Optional.empty(), fixture().lookup(surface), "'" + surface + "' must not match any entry");
  }

  /**
   * The one test of the shipped file: it loads, as the job reads it, and each of its generated forms finds its own
   * entry. What it contains is the user's to change, so nothing else here depends on it.
   */
  @Test
  void theShippedLexiconLoadsAndEveryFormFindsItsOwnEntry() {
    SectorLexicon shipped = load(SHIPPED);
    assertFalse(shipped.entries().isEmpty(), "entries");
    Map<String, Entry> seen = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Entry e : shipped.entries()) {
      for (String form : SectorLexicon.variants(e)) {
        Entry found = shipped.lookup(form, e.lang()).orElse(null);
        if (found != e) {
          problems.add(form + " -> " + found + " instead of " + e);
        }
        String key = e.lang() + ":" + (e.kind() == Kind.ACRONYM ? form : form.toLowerCase(java.util.Locale.ROOT));
        Entry before = seen.put(key, e);
        if (before != null && before != e) {
          problems.add(form + " is a form of both " + before + " and " + e);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading a well-formed file

  @Test
  void theLangColumnNamesEachEntrysLanguageAndOtherLanguagesGetNoEnglishVariants() {
    SectorLexicon lex = parse(LANG_HEADER
        + "agriculture,poljoprivreda,word,4,sr,\n"
        + "agriculture,agriculture,word,4,en,\n"
        + "trade,free trade zone,phrase,18,en,\n"
        + "trade,zona slobodne trgovine,phrase,18,sr,\n"
        + "defence,defence industry,phrase,16,de,a German row with an English-looking phrase\n");
    assertEquals(List.of("de", "en", "sr"), lex.languages());
    assertEquals(new Entry("agriculture", "poljoprivreda", Kind.WORD, 4, "sr", "", 2), lex.entries().get(0));
    assertEquals(List.of("poljoprivreda"), SectorLexicon.variants(lex.entries().get(0)),
        "inflection in Serbian is the stemmer's business");
    assertEquals(List.of("defence industry"), SectorLexicon.variants(lex.entries().get(4)),
        "no British/American or plural variants outside English");
    assertEquals("trade", lex.lookup("free trade zones").map(Entry::sector).orElse(null));
    assertEquals(Optional.empty(), lex.lookup("poljoprivreda"), "lookup(surface) is English");
    assertEquals("agriculture", lex.lookup("Poljoprivreda", "sr").map(Entry::sector).orElse(null));
    assertEquals(Optional.empty(), lex.lookup("defense industry", "de"));
  }

  @Test
  void wellFormedFixtureIsReadIntoEntries() {
    SectorLexicon lex = parse("\uFEFF" + HEADER
        + "trade,  free   trade\u00A0zone ,phrase,18,\"a note, with a comma\"\r\n"
        + "\n"
        + "IT and digital,ICT,acronym,,\n"
        + "agriculture,veterinary,word,4,\"two\nlines\"\n");
    assertEquals(List.of(
            new Entry("trade", "free trade zone", Kind.PHRASE, 18, "en", "a note, with a comma", 2),
            new Entry("IT and digital", "ICT", Kind.ACRONYM, null, "en", "", 4),
            new Entry("agriculture", "veterinary", Kind.WORD, 4, "en", "two\nlines", 5)),
        lex.entries(), "entries in file order with their lines, BOM stripped, whitespace collapsed, empty cap_code"
            + " null, English in a file without lang");
    assertEquals(List.of("agriculture", "IT and digital", "trade"), lex.sectors(), "sectors sorted ignoring case");
    assertEquals("fixture.csv", lex.source());
  }

  @Test
  void lookupIsCaseSensitiveForAcronymsOnly() {
    SectorLexicon lex = parse(HEADER + "it,IT,acronym,17,\nenergy,Green Energy,phrase,8,\n");
    assertEquals("it", lex.lookup("IT").map(Entry::sector).orElse(null), "acronym exact");
    assertEquals("it", lex.lookup("ITs").map(Entry::sector).orElse(null), "acronym plural");
    assertEquals(Optional.empty(), lex.lookup("it"), "the pronoun must not match the acronym");
    assertEquals(Optional.empty(), lex.lookup("It"), "capitalised pronoun must not match the acronym");
    assertEquals("energy", lex.lookup("GREEN  ENERGY").map(Entry::sector).orElse(null), "phrase ignoring case");
    assertEquals("energy", lex.lookup("green-energy").map(Entry::sector).orElse(null), "phrase hyphen variant");
  }

  @Test
  void lexiconSurvivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SectorLexicon lexicon = fixture();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(lexicon);
    }
    SectorLexicon copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (SectorLexicon) in.readObject();
    }
    assertEquals(lexicon.entries(), copy.entries(), "entries after a serialization round trip (Spark broadcast)");
    assertEquals(lexicon.lookup("military industrial complex"), copy.lookup("military industrial complex"));
  }

  // ---------------------------------------------------------------------------------------------
  // Malformed files: each case its own fixture and its exact "file:line: reason"

  static Stream<Arguments> malformed() {
    String ok = "trade,trade,word,18,\n";
    return Stream.of(
        Arguments.of("empty file", "",
            "fixture.csv:1: the file is empty; expected the header sector,phrase,kind,cap_code,lang,notes"),
        Arguments.of("blank file", "\n  \n",
            "fixture.csv:1: the file is empty; expected the header sector,phrase,kind,cap_code,lang,notes"),
        Arguments.of("header only", HEADER,
            "fixture.csv:1: no entries after the header"),
        Arguments.of("missing column", "sector,phrase,kind,notes\ntrade,trade,word,\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (missing \"cap_code\")"),
        Arguments.of("extra column", "sector,phrase,kind,cap_code,notes,weight\ntrade,trade,word,18,,2\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (unexpected \"weight\")"),
        Arguments.of("renamed column", "sector,phrase,type,cap_code,notes\n" + ok,
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (missing \"kind\"; unexpected \"type\")"),
        Arguments.of("repeated column", "sector,phrase,kind,cap_code,notes,phrase\ntrade,trade,word,18,,x\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (repeated \"phrase\")"),
        Arguments.of("empty header name", "sector,phrase,kind,cap_code,notes,\ntrade,trade,word,18,,\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (unexpected \"\")"),
        Arguments.of("columns out of order", "phrase,sector,kind,cap_code,notes\ntrade,trade,word,18,\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only (columns out of order)"),
        Arguments.of("header after blank lines", "\n\nsector,phrase\n",
            "fixture.csv:3: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes for English only"
                + " (missing \"kind\", \"cap_code\", \"notes\")"),
        Arguments.of("too few fields", HEADER + ok + "trade,export,word,18\n",
            "fixture.csv:3: expected 5 fields, found 4"),
        Arguments.of("too few fields with lang", LANG_HEADER + "trade,trgovina,word,18,sr\n",
            "fixture.csv:2: expected 6 fields, found 5"),
        Arguments.of("missing lang", LANG_HEADER + "trade,trgovina,word,18,,\n",
            "fixture.csv:2: missing lang (a language code: en, sr, ru, de, ...)"),
        Arguments.of("lang with a script", LANG_HEADER + "trade,trgovina,word,18,sr-Latn,\n",
            "fixture.csv:2: lang \"sr-Latn\" is not a lower-case language code such as en, sr, ru, de (one Serbian"
                + " lexicon, written in Latin, serves both scripts)"),
        Arguments.of("lang in capitals", LANG_HEADER + "trade,Handel,word,18,DE,\n",
            "fixture.csv:2: lang \"DE\" is not a lower-case language code such as en, sr, ru, de (one Serbian"
                + " lexicon, written in Latin, serves both scripts)"),
        Arguments.of("the same phrase twice in one language", LANG_HEADER + "trade,Handel,word,18,de,\n"
                + "industry,handel,word,1,de,\n",
            "fixture.csv:3: duplicate phrase \"handel\" (already on line 2, sector trade)"),
        Arguments.of("lang header with a missing column", "sector,phrase,kind,lang,notes\ntrade,Handel,word,de,\n",
            "fixture.csv:1: header must be sector,phrase,kind,cap_code,lang,notes, or sector,phrase,kind,cap_code,notes"
                + " for English only (missing \"cap_code\")"),
        Arguments.of("too many fields", HEADER + "trade,export,word,18,,extra\n",
            "fixture.csv:2: expected 5 fields, found 6"),
        Arguments.of("whitespace-only row", HEADER + ok + "   \n",
            "fixture.csv:3: expected 5 fields, found 1"),
        Arguments.of("missing sector", HEADER + ok + " ,export,word,18,\n",
            "fixture.csv:3: missing sector"),
        Arguments.of("missing phrase", HEADER + ok + "trade,,word,18,\n",
            "fixture.csv:3: missing phrase"),
        Arguments.of("missing kind", HEADER + ok + "trade,export,,18,\n",
            "fixture.csv:3: missing kind"),
        Arguments.of("unknown kind", HEADER + "trade,export,term,18,\n",
            "fixture.csv:2: kind \"term\" is not one of word, phrase, acronym"),
        Arguments.of("kind in wrong case", HEADER + "trade,export,Word,18,\n",
            "fixture.csv:2: kind \"Word\" is not one of word, phrase, acronym"),
        Arguments.of("phrase without letters", HEADER + "sport and major events,2027,phrase,,\n",
            "fixture.csv:2: phrase \"2027\" has no letters"),
        Arguments.of("word with whitespace", HEADER + "trade,trade deal,word,18,\n",
            "fixture.csv:2: word \"trade deal\" contains whitespace (use kind phrase)"),
        Arguments.of("acronym in lower case", HEADER + "IT and digital,Ai,acronym,17,\n",
            "fixture.csv:2: acronym \"Ai\" must be 2 or more upper-case letters or digits (& and - allowed inside)"),
        Arguments.of("acronym of one letter", HEADER + "IT and digital,X,acronym,17,\n",
            "fixture.csv:2: acronym \"X\" must be 2 or more upper-case letters or digits (& and - allowed inside)"),
        Arguments.of("acronym with a space", HEADER + "IT and digital,R D,acronym,17,\n",
            "fixture.csv:2: acronym \"R D\" must be 2 or more upper-case letters or digits (& and - allowed inside)"),
        Arguments.of("cap_code not an integer", HEADER + "trade,export,word,eighteen,\n",
            "fixture.csv:2: cap_code \"eighteen\" is not an integer"),
        Arguments.of("cap_code decimal", HEADER + "trade,export,word,18.0,\n",
            "fixture.csv:2: cap_code \"18.0\" is not an integer"),
        Arguments.of("cap_code unused 22", HEADER + "trade,export,word,22,\n",
            "fixture.csv:2: cap_code 22 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("cap_code unused 11", HEADER + "trade,export,word,11,\n",
            "fixture.csv:2: cap_code 11 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("cap_code 0", HEADER + "trade,export,word,0,\n",
            "fixture.csv:2: cap_code 0 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("cap_code above range", HEADER + "trade,export,word,24,\n",
            "fixture.csv:2: cap_code 24 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("cap_code negative", HEADER + "trade,export,word,-8,\n",
            "fixture.csv:2: cap_code -8 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("cap_code huge", HEADER + "trade,export,word,99999999999999,\n",
            "fixture.csv:2: cap_code 99999999999999 is not a CAP major topic (1-10, 12-21, 23)"),
        Arguments.of("duplicate phrase ignoring case", HEADER + ok + "investment,Trade,word,18,\n",
            "fixture.csv:3: duplicate phrase \"Trade\" (already on line 2, sector trade)"),
        Arguments.of("duplicate word and phrase", HEADER + ok + "trade,trade,phrase,18,\n",
            "fixture.csv:3: duplicate phrase \"trade\" (already on line 2, sector trade)"),
        Arguments.of("duplicate acronym", HEADER + "IT and digital,AI,acronym,17,\nscience,AI,acronym,6,\n",
            "fixture.csv:3: duplicate phrase \"AI\" (already on line 2, sector IT and digital)"),
        Arguments.of("plural overlaps singular", HEADER + "sport,sport,word,23,\nsport,sports,word,23,\n",
            "fixture.csv:3: phrase \"sports\" overlaps \"sport\" (line 2, sector sport): both match \"sports\""),
        Arguments.of("American spelling overlaps British",
            HEADER + "defence industry,defence industry,phrase,16,\nindustry,defense industry,phrase,1,\n",
            "fixture.csv:3: phrase \"defense industry\" overlaps \"defence industry\" (line 2,"
                + " sector defence industry): both match \"defense industry\""),
        Arguments.of("hyphen overlaps space",
            HEADER + "defence,military-industrial complex,phrase,16,\ndefence,military industrial complex,phrase,16,\n",
            "fixture.csv:3: phrase \"military industrial complex\" overlaps \"military-industrial complex\" (line 2,"
                + " sector defence): both match \"military industrial complex\""),
        Arguments.of("word overlaps acronym", HEADER + "events,EXPO,acronym,,\nevents,expo,word,,\n",
            "fixture.csv:3: duplicate phrase \"expo\" (already on line 2, sector events)"),
        Arguments.of("acronym overlaps word plural", HEADER + "ngo,ngos,word,,\nngo,NGO,acronym,,\n",
            "fixture.csv:3: phrase \"NGO\" overlaps \"ngos\" (line 2, sector ngo): both match \"NGOs\""),
        Arguments.of("sector differs only in case", HEADER + ok + "Trade,export,word,18,\n",
            "fixture.csv:3: sector \"Trade\" differs only in letter case from \"trade\" (line 2)"),
        Arguments.of("unclosed quote", HEADER + ok + "trade,export,word,18,\"no end\n",
            "fixture.csv:3: a quoted field is not closed (missing \")"),
        Arguments.of("text after closing quote", HEADER + ok + "\ntrade,\"export\"s,word,18,\n",
            "fixture.csv:4: text after the closing quote of a field (write a quote inside a quoted field as \"\")"),
        Arguments.of("error after a multi-line note",
            HEADER + "trade,trade,word,18,\"line one\nline two\nline three\"\ntrade,export,wrd,18,\n",
            "fixture.csv:5: kind \"wrd\" is not one of word, phrase, acronym"),
        Arguments.of("error in a record with a multi-line note",
            HEADER + ok + "trade,export,wrd,18,\"line one\r\nline two\"\r\n",
            "fixture.csv:3: kind \"wrd\" is not one of word, phrase, acronym"),
        Arguments.of("error after blank lines and CRLF",
            "sector,phrase,kind,cap_code,notes\r\n\r\ntrade,trade,word,18,\r\n\r\n\r\ntrade,,word,18,\r\n",
            "fixture.csv:6: missing phrase"),
        Arguments.of("error after lone CR line ends",
            "sector,phrase,kind,cap_code,notes\rtrade,trade,word,18,\r\rtrade,,word,18,\r",
            "fixture.csv:4: missing phrase"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedFileIsRefusedWithFileLineAndReason(String label, String text, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(text),
        label + ": the fixture should be refused");
    assertEquals(expected, e.getMessage(), label);
    assertEquals("fixture.csv", e.file(), label);
    assertEquals(expected, e.file() + ":" + e.line() + ": " + e.reason(), label + ": parts agree with message");
  }

  @Test
  void fileWithMultiLineNotesReportsThePhysicalLine() throws URISyntaxException {
    Path file = resource("multiline-notes.csv");
    ConfigException e = assertThrows(ConfigException.class, () -> load(file));
    assertEquals(file + ":9: acronym \"Ict\" must be 2 or more upper-case letters or digits (& and - allowed inside)",
        e.getMessage(), "line of the record after two multi-line notes and a blank line");
  }

  @Test
  void fileThatIsNotUtf8IsRefusedAtTheLineOfTheBadByte() throws URISyntaxException {
    Path file = resource("latin1.csv");
    ConfigException e = assertThrows(ConfigException.class, () -> load(file));
    assertEquals(file + ":3: not valid UTF-8 (byte 0xE9 at offset 85); save the file as UTF-8", e.getMessage());
  }

  @Test
  void missingFileIsAConfigErrorForTheWholeFile(@org.junit.jupiter.api.io.TempDir Path dir) {
    Path file = dir.resolve("absent.csv");
    ConfigException e = assertThrows(ConfigException.class, () -> load(file));
    assertEquals(0, e.line(), "a file that cannot be read is reported at line 0");
    assertTrue(e.getMessage().startsWith(file + ": cannot read the file (java.nio.file.NoSuchFileException"),
        e.getMessage());
  }

  @Test
  void entryNotesDefaultToEmpty() {
    assertEquals("", new Entry("s", "p", Kind.WORD, null, null).notes());
    assertNull(new Entry("s", "p", Kind.WORD, null, null).capCode());
  }

  @Test
  void capMajorTopicsAreTheTwentyOneOfTheMasterCodebook() {
    assertEquals(21, SectorLexicon.CAP_MAJOR_TOPICS.size());
    assertEquals(Set.of(11, 22), Stream.iterate(1, i -> i + 1).limit(23)
        .filter(i -> !SectorLexicon.CAP_MAJOR_TOPICS.contains(i)).collect(Collectors.toSet()),
        "11 and 22 are the unused numbers in 1-23");
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SectorLexiconTest.class.getResource(name).toURI());
  }
}
