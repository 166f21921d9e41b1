package io.visitlens.speech;

import io.visitlens.io.ClasspathText;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The words that mark speech, per language, from the classpath file {@code speech_cues.csv}
 * ({@code kind,lang,cue,country,notes}): reporting verbs ({@code verb}, "said", "pointed out"), the words of
 * "according to" and "as … highlighted", subject pronouns, adverbs allowed between a speaker and the verb, leaders'
 * titles ("president", "head of state") and demonyms with their country ("Kazakh" → Kazakhstan). A language adds
 * its rows to the file; a language without rows has no statements.
 */
public final class SpeechCues implements Serializable {

  static final String RESOURCE = "speech_cues.csv";
  static final Set<String> KINDS = Set.of("verb", "according", "as", "pronoun", "adverb", "title", "demonym");

  /** One language's cues: kind → cues as written (lower case but demonyms), and demonym → country. */
  public record Language(Map<String, List<String>> byKind, Map<String, String> demonyms) implements Serializable {
    public List<String> of(String kind) {
      return byKind.getOrDefault(kind, List.of());
    }
  }

  private final Map<String, Language> byLanguage;

  private SpeechCues(Map<String, Language> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /** The shipped cues. */
  public static SpeechCues load() {
    return parse(ClasspathText.read(SpeechCues.class, RESOURCE, "the classpath"), RESOURCE);
  }

  /** Cues from a file's text; {@code name} is how errors name it ({@code name:line}). */
  public static SpeechCues parse(String text, String name) {
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build();
    Map<String, Map<String, List<String>>> kinds = new TreeMap<>();
    Map<String, Map<String, String>> demonyms = new TreeMap<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord r : parser) {
        long line = r.getRecordNumber() + 1;
        if (!r.isConsistent()) {
          throw new IllegalStateException(name + ":" + line + ": expected " + parser.getHeaderNames().size()
              + " fields (kind,lang,cue,country,notes), got " + r.size());
        }
        String kind = r.get("kind");
        String lang = r.get("lang");
        String cue = r.get("cue");
        if (!KINDS.contains(kind)) {
          throw new IllegalStateException(name + ":" + line + ": unknown kind '" + kind + "', expected one of "
              + new java.util.TreeSet<>(KINDS));
        }
        if (lang.isEmpty() || !lang.matches("[a-z]{2,3}(-[A-Z][a-z]{3})?")) {
          throw new IllegalStateException(name + ":" + line + ": lang must be a language code, got '" + lang + "'");
        }
        if (cue.isEmpty() || !cue.matches("[\\p{L}\\p{M}' -]+")) {
          throw new IllegalStateException(name + ":" + line + ": a cue is one or more words, got '" + cue + "'");
        }
        String country = r.get("country");
        if (kind.equals("demonym") == country.isEmpty()) {
          throw new IllegalStateException(name + ":" + line + ": "
              + (country.isEmpty() ? "a demonym needs its country" : "only a demonym has a country"));
        }
        kinds.computeIfAbsent(lang, l -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>())
            .add(kind.equals("demonym") ? cue : cue.toLowerCase(java.util.Locale.ROOT));
        if (kind.equals("demonym")) {
          demonyms.computeIfAbsent(lang, l -> new LinkedHashMap<>()).put(cue, country);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Language> out = new TreeMap<>();
    kinds.forEach((lang, k) -> out.put(lang, new Language(k, demonyms.getOrDefault(lang, Map.of()))));
    return new SpeechCues(out);
  }

  /** A language's cues, or null when the file has none for it. */
  public Language language(String lang) {
    return byLanguage.get(lang);
  }

  public Set<String> languages() {
    return byLanguage.keySet();
  }
}
