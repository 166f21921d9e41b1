package io.visitlens.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.config.Visit;
import io.visitlens.config.VisitCatalog;
import io.visitlens.io.ConfigFiles;
import io.visitlens.job.VisitLens;
import io.visitlens.transform.Paragraphs;
import io.visitlens.transform.VisitAttributor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  private static final int DOCS = 3000;

  @TempDir
  static Path dir;
  static BenchFixtures.Inputs inputs;
  static List<Visit> visits;
  static CorpusGenerator.Result result;
  static List<JsonNode> records;

  @BeforeAll
  static void generate() throws IOException {
    inputs = BenchFixtures.write(dir);
    visits = VisitCatalog.parse(ConfigFiles.read(inputs.visits()), "visits.csv").visits();
    result = CorpusGenerator.run(options(DOCS, dir.resolve("a.jsonl"), 6));
    records = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(result.file(), StandardCharsets.UTF_8)) {
      records.add(json.readTree(line));
    }
  }

  static CorpusGenerator.Options options(int docs, Path out, long seed) {
    return new CorpusGenerator.Options(docs, out, seed, inputs.seedsCorpus(), inputs.visits(), inputs.lexicon());
  }

  @Test
  void sameArgumentsGiveTheSameBytesAndAnotherSeedDiffers() throws IOException {
    CorpusGenerator.Result again = CorpusGenerator.run(options(DOCS, dir.resolve("b.jsonl"), 6));
    CorpusGenerator.Result other = CorpusGenerator.run(options(DOCS, dir.resolve("c.jsonl"), 7));
    assertArrayEquals(Files.readAllBytes(result.file()), Files.readAllBytes(again.file()));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(result.file()), Files.readAllBytes(other.file())));
    assertEquals(result.bytes(), Files.size(result.file()));
  }

  @Test
  void theCliWritesTheSameCorpus() throws IOException {
    Path out = dir.resolve("cli.jsonl");
    assertEquals(0, VisitLens.execute("generate", "--docs", Integer.toString(DOCS), "--out", out.toString(),
        "--seed", "6", "--seeds-corpus", inputs.seedsCorpus().toString(), "--visits", inputs.visits().toString(),
        "--lexicon", inputs.lexicon().toString()));
    assertArrayEquals(Files.readAllBytes(result.file()), Files.readAllBytes(out));
    assertEquals(VisitLens.EXIT_REFUSED, VisitLens.execute("generate", "--docs", "-1", "--out", out.toString()));
  }

  @Test
  void oneRecordPerArticleWithUniqueIdsAndEveryFiveHundredthEmpty() {
    assertEquals(DOCS, records.size());
    assertEquals(DOCS, records.stream().map(r -> r.get("id").asText()).distinct().count());
    long empty = records.stream().filter(r -> r.get("text").asText().isEmpty()).count();
    assertEquals(DOCS / CorpusGenerator.EMPTY_EVERY, empty);
    assertEquals(empty, result.empty());
    assertTrue(records.stream().allMatch(r -> r.hasNonNull("title") && r.hasNonNull("source")));
  }

  @Test
  void datesSpreadOverEveryVisitsWindowAndOutside() {
    Map<String, Integer> inWindow = new LinkedHashMap<>();
    Map<String, Set<LocalDate>> days = new LinkedHashMap<>();
    int outside = 0;
    int undated = 0;
    for (JsonNode r : records) {
      if (!r.hasNonNull("date")) {
        undated++;
        continue;
      }
      LocalDate d = LocalDate.parse(r.get("date").asText());
      List<Visit> fits = visits.stream().filter(v -> v.windowContains(d, 3)).toList();
      assertTrue(fits.size() <= 1);
      if (fits.isEmpty()) {
        outside++;
      } else {
        inWindow.merge(fits.get(0).visitId(), 1, Integer::sum);
        days.computeIfAbsent(fits.get(0).visitId(), v -> new HashSet<>()).add(d);
      }
    }
    double perVisit = CorpusGenerator.IN_WINDOW_PERCENT / 100.0 / visits.size();
    for (Visit v : visits) {
      double share = inWindow.getOrDefault(v.visitId(), 0) / (double) DOCS;
      assertEquals(perVisit, share, 0.03, v.visitId() + " share");
      // Every day of the window [start - 3, end + 3] is used.
      assertEquals(v.endDate().toEpochDay() - v.startDate().toEpochDay() + 7, days.get(v.visitId()).size());
      assertEquals(inWindow.get(v.visitId()), result.datedInWindow().get(v.visitId()));
    }
    assertEquals(CorpusGenerator.OUTSIDE_PERCENT / 100.0, outside / (double) DOCS, 0.02);
    assertEquals(CorpusGenerator.UNDATED_PERCENT / 100.0, undated / (double) DOCS, 0.02);
    assertEquals(outside, result.datedOutside());
    assertEquals(undated, result.undated());
  }

  @Test
  void undatedArticlesAreAttributedFromTheirText() {
    VisitAttributor attributor = new VisitAttributor(visits, 3);
    int undated = 0;
    int right = 0;
    for (JsonNode r : records) {
      String text = r.get("text").asText();
      if (r.hasNonNull("date") || text.isEmpty()) {
        continue;
      }
      undated++;
      String visit = attributor.attribute(text, null, null).visitId();
      String city = visits.stream().filter(v -> v.visitId().equals(visit)).map(Visit::hostCity).findFirst().orElse("?");
      if (r.get("title").asText().contains(" in " + city + ":")) {
        right++;
      }
    }
    assertTrue(undated > 100);
    assertTrue(right >= 0.95 * undated, right + " of " + undated + " undated articles attributed to their visit");
  }

  @Test
  void aDocumentedShareOfParagraphsIsSyndicatedVerbatimAndTheRestIsNew() {
    Set<String> seen = new HashSet<>();
    int paragraphs = 0;
    int duplicates = 0;
    for (JsonNode r : records) {
      Set<String> mine = new HashSet<>();
      for (String p : r.get("text").asText().split("\n\n")) {
        if (p.isEmpty()) {
          continue;
        }
        paragraphs++;
        String key = Paragraphs.key(p);
        assertTrue(mine.add(key), "a paragraph repeated within " + r.get("id"));
        if (seen.contains(key)) {
          duplicates++;
        }
      }
      seen.addAll(mine);
    }
    assertEquals(result.paragraphs(), paragraphs);
    assertEquals(result.syndicatedParagraphs(), duplicates, "every copy, and only a copy, repeats an earlier paragraph");
    assertEquals(CorpusGenerator.SYNDICATED_PERCENT / 100.0, duplicates / (double) paragraphs, 0.02);
  }
}
