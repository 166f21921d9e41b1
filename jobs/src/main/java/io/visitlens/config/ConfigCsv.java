package io.visitlens.config;

import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** What the configuration files read with a named header share: the CSV dialect and the required columns. */
final class ConfigCsv {

  /** RFC 4180 with a header row, fields trimmed, blank lines skipped. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build();

  private ConfigCsv() {}

  /**
   * The parser's header, refused at {@code name:1} when it is empty or lacks one of {@code columns} (in any order;
   * further columns are allowed).
   */
  static List<String> requireColumns(CSVParser parser, List<String> columns, String name) {
    List<String> header = parser.getHeaderNames();
    if (header == null || header.isEmpty()) {
      throw new ConfigException(name, 1, "empty file: expected a header with " + String.join(", ", columns));
    }
    for (String column : columns) {
      if (!header.contains(column)) {
        throw new ConfigException(name, 1, "missing column '" + column + "' (header: " + String.join(", ", header)
            + ")");
      }
    }
    return header;
  }
}
