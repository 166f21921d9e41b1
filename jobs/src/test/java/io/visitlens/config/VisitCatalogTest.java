package io.visitlens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.visitlens.io.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VisitCatalogTest {
  static final String HEADER =
      "visit_id,label,start_date,end_date,host_country,host_city,guest_country,guest_leader,host_leader\n";
  static final String HANOI = "hanoi-2023,Visit to Hanoi,2023-05-01,2023-05-03,Vietnam,Hanoi,France,Jean Dupont,Nguyen Van A\n";
  static final String LIMA = "lima-2025,\"Visit to Lima,\nwith a note\",2025-03-10,2025-03-10,Peru,Lima,Chile,Ana Soto,Luis Paz\n";

  @Test
  void readsAndSortsVisitsByStartDate() {
    VisitCatalog c = VisitCatalog.parse(HEADER + LIMA + HANOI, "v.csv");
    assertEquals(List.of("hanoi-2023", "lima-2025"), c.visits().stream().map(Visit::visitId).toList());
    Visit lima = c.find("lima-2025").orElseThrow();
    assertEquals(LocalDate.of(2025, 3, 10), lima.endDate());
    assertEquals("Visit to Lima,\nwith a note", lima.label());
    assertEquals(List.of("hanoi-2023", "lima-2025"), c.defaultComparison());
  }

  @Test
  void readsTheShippedCatalogue() throws Exception {
    Path shipped = Path.of("..", "seeds", "visits.csv");
    VisitCatalog c = VisitCatalog.parse(ConfigFiles.read(shipped), shipped.toString());
    assertEquals(2, c.visits().size(), "the seeds have two visits");
    for (Visit v : c.visits()) {
      assertEquals(false, v.hostCity().equals(v.hostCountry()), v.toString());
    }
  }

  /** Each row: catalogue text, the expected message. Line numbers are physical lines, a multi-line label counts twice. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "v.csv:1: empty file: expected a header with visit_id, label, start_date, end_date, "
            + "host_country, host_city, guest_country, guest_leader, host_leader"),
        Arguments.of(HEADER.replace("host_leader", "host"), "v.csv:1: missing column 'host_leader' (header: visit_id, "
            + "label, start_date, end_date, host_country, host_city, guest_country, guest_leader, host)"),
        Arguments.of(HEADER, "v.csv: no visits: the catalogue needs at least one row"),
        Arguments.of(HEADER + LIMA + "x,X,2024-01-01,2024-01-02,A,B,C,D,\n", "v.csv:4: missing host_leader"),
        Arguments.of(HEADER + "x,X,2024-02-30,2024-03-02,A,B,C,D,E\n",
            "v.csv:2: start_date '2024-02-30' is not a valid date (yyyy-MM-dd)"),
        Arguments.of(HEADER + "x,X,2024-03-05,2024-03-02,A,B,C,D,E\n",
            "v.csv:2: end_date 2024-03-02 is before start_date 2024-03-05"),
        Arguments.of(HEADER + HANOI + HANOI.replace("2023-05", "2024-05"),
            "v.csv:3: duplicate visit_id 'hanoi-2023' (first at line 2)"),
        Arguments.of(HEADER + HANOI + "paris-2023,P,2023-05-03,2023-05-04,France,Paris,Vietnam,Nguyen Van A,Jean Dupont\n",
            "v.csv:3: visit 'paris-2023' (2023-05-03..2023-05-04) overlaps visit 'hanoi-2023' (2023-05-01..2023-05-03) at line 2"),
        Arguments.of(HEADER + "x,X,2024-01-01,2024-01-02,A,B,C,D,E,extra\n", "v.csv:2: expected 9 fields, found 10"),
        Arguments.of(HEADER + "bad id,X,2024-01-01,2024-01-02,A,B,C,D,E\n",
            "v.csv:2: visit_id 'bad id' must be letters, digits, '.', '_' or '-'"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesAMalformedCatalogueNamingFileAndLine(String text, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> VisitCatalog.parse(text, "v.csv"),
        () -> "should refuse:\n" + text);
    assertEquals(message, e.getMessage());
  }
}
