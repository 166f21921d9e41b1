package io.visitlens.transform;

import io.visitlens.io.ClasspathText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cue words attribution reads around a city or in a sentence, per language, from the classpath file
 * {@code io/visitlens/transform/attribution_cues.csv} ({@code kind,lang,cue,notes}):
 * <ul>
 *   <li>{@code recall}: a sentence holding one recalls the past, and its mentions and dates are no evidence
 *       ({@code two years ago}, {@code pre dve godine}, {@code ранее}, {@code vor zwei Jahren});</li>
 *   <li>{@code future}: a sentence holding one plans or invites a visit, and is no evidence either
 *       ({@code next year}, {@code sledeće godine}, {@code в следующем году}, {@code im nächsten Jahr});</li>
 *   <li>{@code visit_to}: before a city, makes it the goal of a visit ({@code arrived in}, {@code doputovao u},
 *       {@code прибыл в}, {@code Besuch in}); up to four words may stand between;</li>
 *   <li>{@code route}: near a city, makes it an end of a route ({@code flight}, {@code let}, {@code рейс},
 *       {@code Flug}).</li>
 * </ul>
 * A cue is words separated by spaces, written in its own script; a word ending in {@code *} matches any word it
 * begins, a lone {@code *} any one word ({@code pre * godin*}: pre dve godine, pre pet godina), and {@code #month}
 * any month name ({@code last #month}). Cues are folded
 * as the text is ({@link FoldedText}: case, diacritics and Cyrillic script do not matter) and matched word by word
 * ({@link Cues}). Every cue applies to every
 * text: a document's language is not known when it is attributed, and the cues of one language are not words of
 * another.
 */
final class AttributionCues {

  static final String RESOURCE = "attribution_cues.csv";
  static final Set<String> KINDS = Set.of("recall", "future", "visit_to", "route");

  private AttributionCues() {}

  /** For each kind, its cues as written, from the classpath file. */
  static Map<String, List<String>> byKind() {
    return byKind(ClasspathText.read(AttributionCues.class, RESOURCE, "the classpath"), RESOURCE);
  }

  /** {@link #byKind()} of a cue file's text; {@code name} is how errors name it ({@code name:line}). */
  static Map<String, List<String>> byKind(String text, String name) {
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build();
    Map<String, List<String>> out = new LinkedHashMap<>();
    KINDS.stream().sorted().forEach(k -> out.put(k, new ArrayList<>()));
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        String kind = r.get("kind");
        String cue = r.get("cue");
        if (!KINDS.contains(kind)) {
          throw new IllegalStateException(name + ":" + line + ": unknown kind '" + kind + "'");
        }
        if (cue == null || cue.isBlank() || !cue.matches("[\\p{L}\\p{M}*#' -]+") || cue.strip().startsWith("*")) {
          throw new IllegalStateException(name + ":" + line + ": a cue is words, with '*', got '" + cue + "'");
        }
        out.get(kind).add(cue.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
