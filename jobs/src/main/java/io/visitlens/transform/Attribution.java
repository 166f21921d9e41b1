package io.visitlens.transform;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link VisitAttributor#attribute}: which catalogued visit an article belongs to, or why none.
 *
 * @param visitId       id of the attributed visit, or {@code null} when the article stays unassigned
 * @param dateSource    where the date came from: {@code header}, {@code metadata}, {@code text} or {@code none}
 * @param publishedDate the date used for the decision (header/metadata date, or the resolved in-text date);
 *                      {@code null} when no date is known
 * @param evidence      short human-readable justification for a report column; never {@code null}
 * @param dateNote      when a header or metadata date was given but could not be read, the note that says so
 *                      ({@link #invalidDateNote}); {@code null} otherwise
 * @param score         the text evidence's score of the attributed visit, or of the best candidate when it stays
 *                      unassigned as ambiguous; {@code null} when a header or metadata date decided, or when no
 *                      visit was a candidate
 * @param runnerUpId    the candidate with the next highest score, {@code null} when there was none
 * @param runnerUpScore its score, {@code null} when there was none
 */
public record Attribution(String visitId, String dateSource, LocalDate publishedDate, String evidence,
    String dateNote, Integer score, String runnerUpId, Integer runnerUpScore) implements Serializable {

  /** Source value: the date header of the article. */
  public static final String SOURCE_HEADER = "header";
  /** Source value: the article's metadata record. */
  public static final String SOURCE_METADATA = "metadata";
  /** Source value: a date found in the article body. */
  public static final String SOURCE_TEXT = "text";
  /** Source value: no date known. */
  public static final String SOURCE_NONE = "none";

  private static final Set<String> SOURCES = Set.of(SOURCE_HEADER, SOURCE_METADATA, SOURCE_TEXT, SOURCE_NONE);

  /** Validates the date source and requires an evidence string. */
  public Attribution {
    Objects.requireNonNull(evidence, "evidence");
    if (!SOURCES.contains(dateSource)) {
      throw new IllegalArgumentException("dateSource must be one of " + SOURCES + ", got " + dateSource);
    }
  }

  /** An attribution without a date note: no date was given, or the given one was used. */
  public Attribution(String visitId, String dateSource, LocalDate publishedDate, String evidence) {
    this(visitId, dateSource, publishedDate, evidence, null, null, null, null);
  }

  /** An attribution by a header or metadata date (not scored), with its date note. */
  public Attribution(String visitId, String dateSource, LocalDate publishedDate, String evidence,
      String dateNote) {
    this(visitId, dateSource, publishedDate, evidence, dateNote, null, null, null);
  }

  /**
   * The note on a {@code header} or {@code metadata} date that could not be read: {@code invalid header date
   * 2026-13-45 ignored}. The one place it is worded: {@code documents.input_note} and {@code visit_evidence} both
   * use it.
   */
  public static String invalidDateNote(String origin, String dateText) {
    return "invalid " + origin + " date " + dateText + " ignored";
  }

  /** True when the article was attributed to a visit. */
  public boolean assigned() {
    return visitId != null;
  }
}
