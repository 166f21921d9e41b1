package io.visitlens.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code duckdb.sql} for one report directory. The shipped script has a view for every report of the
 * catalogue, but DuckDB refuses {@code CREATE VIEW} over {@code read_parquet} of a glob that matches no file,
 * so one missing report would stop the whole script. A run therefore keeps only the views of the reports it
 * wrote, and names the others in a comment.
 */
public final class DuckDbViews {
  private static final Pattern VIEW = Pattern.compile(
      "^CREATE OR REPLACE VIEW \\w+ AS SELECT \\* FROM read_parquet\\('parquet/([A-Za-z0-9_]+)/\\*\\.parquet'\\);\\s*$");

  private DuckDbViews() {}

  /** The script with the views of the reports for which {@code written} holds; other lines unchanged. */
  public static String keepWritten(String script, Predicate<String> written) {
    StringBuilder out = new StringBuilder();
    List<String> left = new ArrayList<>();
    for (String line : script.split("\n", -1)) {
      Matcher m = VIEW.matcher(line);
      if (m.matches() && !written.test(m.group(1))) {
        left.add(m.group(1));
        continue;
      }
      out.append(line).append('\n');
    }
    String text = out.substring(0, out.length() - 1);
    if (!left.isEmpty()) {
      text = text.stripTrailing() + "\n-- Not written by this run, so no view: " + String.join(", ", left) + "\n";
    }
    return text;
  }

  /** Rewrites {@code dir/duckdb.sql} with the views of the reports under {@code dir/parquet}. */
  public static void keepWritten(Configuration conf, Path dir) {
    Path script = new Path(dir, "duckdb.sql");
    try {
      FileSystem fs = dir.getFileSystem(conf);
      String text;
      try (var in = fs.open(script)) {
        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      HadoopFiles.write(conf, script, keepWritten(text, report -> {
        try {
          FileStatus[] files = fs.globStatus(new Path(new Path(new Path(dir, "parquet"), report), "*.parquet"));
          return files != null && files.length > 0;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
