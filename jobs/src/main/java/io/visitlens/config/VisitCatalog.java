package io.visitlens.config;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The visit catalogue: which state visits exist, their windows and their parties.
 *
 * <p>Read with Commons CSV from a UTF-8, RFC 4180 file whose header has the columns of {@link #COLUMNS}
 * (in any order; further columns are ignored). A malformed row is refused with {@code file:line} and the
 * reason: a missing column or field, an impossible date, an end before the start, a duplicate id, or two
 * visits whose windows overlap.
 */
public final class VisitCatalog implements Serializable {

  /** The catalogue's columns, all required. */
  public static final List<String> COLUMNS = List.of(
      "visit_id", "label", "start_date", "end_date", "host_country", "host_city",
      "guest_country", "guest_leader", "host_leader");

  private static final Pattern VISIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final List<Visit> visits;
  private final NameAliases aliases;

  private VisitCatalog(List<Visit> visits, NameAliases aliases) {
    this.visits = List.copyOf(visits);
    this.aliases = aliases;
  }

  /** This catalogue, its names also matched through {@code aliases} ({@code --aliases}). */
  public VisitCatalog withAliases(NameAliases aliases) {
    return new VisitCatalog(visits, aliases);
  }

  /** Other names of the catalogue's cities, countries and leaders; none unless given. */
  public NameAliases aliases() {
    return aliases;
  }

  /** A catalogue of already validated visits, sorted by start date. */
  public static VisitCatalog of(List<Visit> visits) {
    List<Visit> sorted = new ArrayList<>(visits);
    sorted.sort(Comparator.comparing(Visit::startDate).thenComparing(Visit::visitId));
    return new VisitCatalog(sorted, NameAliases.none());
  }

  /**
   * Validates a catalogue's text and builds it; {@code name} is how errors name the file ({@code name:line}). The
   * job reads the file with {@code io.ConfigFiles}, which refuses bytes that are not UTF-8.
   */
  public static VisitCatalog parse(String text, String name) {
    text = LineIndex.stripBom(text);
    LineIndex lines = new LineIndex(text);
    try (CSVParser parser = CSVParser.parse(text, ConfigCsv.FORMAT)) {
      List<String> header = ConfigCsv.requireColumns(parser, COLUMNS, name);
      List<Visit> visits = new ArrayList<>();
      Map<String, Long> idLines = new HashMap<>();
      for (CSVRecord record : parser) {
        long line = lines.lineOfRecordAt(record.getCharacterPosition());
        Visit visit = parseRow(record, header.size(), name, line);
        Long first = idLines.putIfAbsent(visit.visitId(), line);
        if (first != null) {
          throw new ConfigException(name, line, "duplicate visit_id '" + visit.visitId() + "' (first at line " + first + ")");
        }
        for (Visit other : visits) {
          if (!visit.startDate().isAfter(other.endDate()) && !other.startDate().isAfter(visit.endDate())) {
            throw new ConfigException(name, line, "visit '" + visit.visitId() + "' (" + visit.startDate() + ".." + visit.endDate()
                + ") overlaps visit '" + other.visitId() + "' (" + other.startDate() + ".." + other.endDate()
                + ") at line " + idLines.get(other.visitId()));
          }
        }
        visits.add(visit);
      }
      if (visits.isEmpty()) {
        throw new ConfigException(name, 0, "no visits: the catalogue needs at least one row");
      }
      return of(visits);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new ConfigException(name, 0, "malformed CSV: " + e.getMessage());
    }
  }

  private static Visit parseRow(CSVRecord record, int width, String name, long line) {
    if (record.size() != width) {
      throw new ConfigException(name, line, "expected " + width + " fields, found " + record.size());
    }
    Map<String, String> f = new HashMap<>();
    for (String column : COLUMNS) {
      String value = record.get(column);
      if (value == null || value.isBlank()) {
        throw new ConfigException(name, line, "missing " + column);
      }
      f.put(column, value.strip());
    }
    String id = f.get("visit_id");
    if (!VISIT_ID.matcher(id).matches()) {
      throw new ConfigException(name, line, "visit_id '" + id + "' must be letters, digits, '.', '_' or '-'");
    }
    LocalDate start = date(f.get("start_date"), "start_date", name, line);
    LocalDate end = date(f.get("end_date"), "end_date", name, line);
    if (end.isBefore(start)) {
      throw new ConfigException(name, line, "end_date " + end + " is before start_date " + start);
    }
    return new Visit(id, f.get("label"), start, end, f.get("host_country"), f.get("host_city"),
        f.get("guest_country"), f.get("guest_leader"), f.get("host_leader"));
  }

  private static LocalDate date(String value, String column, String name, long line) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException(name, line, column + " '" + value + "' is not a valid date (yyyy-MM-dd)");
    }
  }

  /** The visits, by start date. */
  public List<Visit> visits() {
    return visits;
  }

  public Optional<Visit> find(String visitId) {
    return visits.stream().filter(v -> v.visitId().equals(visitId)).findFirst();
  }

  /** The earliest and latest visit, the default comparison. */
  public List<String> defaultComparison() {
    return List.of(visits.get(0).visitId(), visits.get(visits.size() - 1).visitId());
  }
}
