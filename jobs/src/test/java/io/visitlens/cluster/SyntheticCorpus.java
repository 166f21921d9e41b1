package io.visitlens.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.visitlens.config.SectorLexicon;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A deterministic JSON Lines corpus built from the seed articles, as large as a test needs: each article is a
 * random selection of seed paragraphs, most of them extended by a generated sentence that names lexicon phrases
 * and a unique reference (so they are new text), some left verbatim (so syndication finds duplicates). Dates
 * fall in either visit's window, outside both, or are missing (attribution then reads the text); every 500th
 * record has no text and is rejected. The same arguments always give the same bytes.
 *
 * <pre>java io.visitlens.cluster.SyntheticCorpus SEEDS_DIR OUT.jsonl ARTICLES [SEED]</pre>
 * where SEEDS_DIR holds {@code corpus/} and {@code lexicon/sectors.csv}.
 */
public final class SyntheticCorpus {

  private static final String[] TEMPLATES = {
      "Officials said the talks also covered %s and %s (briefing %d-%d).",
      "The delegations agreed to expand %s and %s, according to note %d-%d.",
      "Ministers signed a roadmap on %s, with %s to follow, item %d of session %d.",
      "Business leaders pointed to %s and %s as priorities, dispatch %d-%d reported.",
  };

  private SyntheticCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: SyntheticCorpus SEEDS_DIR OUT.jsonl ARTICLES [SEED]");
      System.exit(2);
    }
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 6L;
    long bytes = write(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), seed);
    System.out.printf("wrote %s: %s articles, %.1f MB%n", args[1], args[2], bytes / 1e6);
  }

  /** Writes {@code articles} records to {@code out}; returns the file's size in bytes. */
  public static long write(Path seeds, Path out, int articles, long seed) throws IOException {
    List<String> paragraphs = seedParagraphs(seeds.resolve("corpus"));
    List<String> phrases = new ArrayList<>();
    for (SectorLexicon.Entry e : SectorLexicon.load(seeds.resolve("lexicon/sectors.csv")).entries()) {
      phrases.add(e.phrase());
    }
    Random random = new Random(seed);
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < articles; i++) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", String.format("syn-%06d", i));
        record.put("title", "Synthetic dispatch " + i);
        String date = date(random);
        if (date != null) {
          record.put("date", date);
        }
        record.put("text", i % 500 == 499 ? "" : text(random, paragraphs, phrases, i));
        w.write(json.writeValueAsString(record));
        w.write('\n');
      }
    }
    return Files.size(out);
  }

  private static String text(Random random, List<String> paragraphs, List<String> phrases, int article) {
    int n = 4 + random.nextInt(7);
    List<String> chosen = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      String p = paragraphs.get(random.nextInt(paragraphs.size()));
      if (random.nextInt(5) > 0) {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        p = p + " " + String.format(template, phrases.get(random.nextInt(phrases.size())),
            phrases.get(random.nextInt(phrases.size())), article, j);
      }
      chosen.add(p);
    }
    return String.join("\n\n", chosen);
  }

  private static String date(Random random) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return LocalDate.of(2024, 11, 16).plusDays(random.nextInt(7)).toString();
    }
    if (kind < 8) {
      return LocalDate.of(2026, 2, 24).plusDays(random.nextInt(7)).toString();
    }
    if (kind < 9) {
      return LocalDate.of(2025, 6, 1).plusDays(random.nextInt(30)).toString();
    }
    return null;
  }

  /** The paragraphs of the seed articles, in file order, without their date headers. */
  static List<String> seedParagraphs(Path corpus) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n")
          .replaceFirst("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*", "");
      for (String p : text.split("\n\\s*\n")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }
}
