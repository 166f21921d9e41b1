package io.visitlens.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visitlens.SparkTestBase;
import io.visitlens.report.FixtureReports;
import io.visitlens.report.Report;
import io.visitlens.report.Reports;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbViewsTest extends SparkTestBase {
  static final Path REPO = Path.of(System.getProperty("visitlens.repo", ".."));

  @Test
  void keepsTheViewsOfTheWrittenReportsAndNamesTheOthers() {
    String script = """
        -- header
        CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet('parquet/documents/*.parquet');
        CREATE OR REPLACE VIEW term_keyness AS SELECT * FROM read_parquet('parquet/term_keyness/*.parquet');
        CREATE OR REPLACE VIEW visits AS SELECT * FROM read_parquet('parquet/visits/*.parquet');
        """;
    assertEquals("""
        -- header
        CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet('parquet/documents/*.parquet');
        CREATE OR REPLACE VIEW visits AS SELECT * FROM read_parquet('parquet/visits/*.parquet');
        -- Not written by this run, so no view: term_keyness
        """, DuckDbViews.keepWritten(script, Set.of("documents", "visits")::contains));
    assertEquals(script, DuckDbViews.keepWritten(script, r -> true));
  }

  /**
   * The shipped duckdb.sql over reports with the contract's columns and types: every view is created and
   * queried, and the README's "how did emphasis shift" query answers from the views.
   */
  /** The shipped script's views follow the report catalogue: one per report, in its order, then the corpus. */
  @Test
  void theShippedScriptHasAViewForEveryReportOfTheCatalogue() throws Exception {
    String script;
    try (InputStream in = DuckDbViews.class.getResourceAsStream("/io/visitlens/reports/duckdb.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> views = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^CREATE OR REPLACE VIEW (\\w+) AS SELECT \\* FROM read_parquet\\('parquet/(\\w+)/")
        .matcher(script);
    while (m.find()) {
      assertEquals(m.group(1), m.group(2), "a view is named after its report");
      views.add(m.group(1));
    }
    List<String> expected = new ArrayList<>(Reports.ALL.stream().map(Report::name).toList());
    expected.add("annotated_corpus");
    assertEquals(expected, views, "reports/duckdb.sql against Reports.ALL (add a view when a report is added)");
  }

  @Test
  void theShippedScriptReadsEveryReportAndTheReadmeQueryAnswers(@TempDir Path dir) throws Exception {
    FixtureReports fixture = new FixtureReports(spark, dir).all();
    try (InputStream in = DuckDbViews.class.getResourceAsStream("/io/visitlens/reports/duckdb.sql")) {
      Files.write(dir.resolve("duckdb.sql"), in.readAllBytes());
    }
    DuckDbViews.keepWritten(spark.sparkContext().hadoopConfiguration(), fixture.hadoopDir());
    assertTrue(Files.readString(dir.resolve("duckdb.sql"))
            .endsWith("-- Not written by this run, so no view: term_frequencies, annotated_corpus\n"),
        "the fixture has no term frequencies and no annotated corpus");

    Map<String, String> types = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement()) {
      s.execute("SET file_search_path = '" + dir + "'");
      for (String sql : statements(Files.readString(dir.resolve("duckdb.sql")))) {
        s.execute(sql);
      }
      for (String view : FixtureReports.ALL) {
        try (ResultSet rs = s.executeQuery("DESCRIBE " + view)) {
          while (rs.next()) {
            types.put(view + "." + rs.getString("column_name"), rs.getString("column_type"));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + view)) {
          rs.next();
          long parquet = spark.read().parquet(dir.resolve("parquet").resolve(view).toString()).count();
          assertEquals(parquet, rs.getLong(1), view + " rows through DuckDB");
        }
      }

      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(readmeQuery())) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          List<String> cells = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            cells.add(String.valueOf(rs.getObject(i)));
          }
          rows.add(String.join(" | ", cells));
        }
      }
      assertEquals(List.of(
          "energy | rising | Tokayev in Belgrade | 5 | 25.0 | Vučić in Astana | 12 | 40.0 | 15.0 | 2.41",
          "tourism | new | Tokayev in Belgrade | 0 | 0.0 | Vučić in Astana | 4 | 13.3 | 13.3 | 2.05",
          FixtureReports.HOSTILE_SECTOR + " | stable | Tokayev in Belgrade | 2 | 10.0 | Vučić in Astana | 5 | 16.7 | 6.7 | 0.52",
          "defence industry | dropped | Tokayev in Belgrade | 3 | 15.0 | Vučić in Astana | 0 | 0.0 | -15.0 | -2.2",
          "trade | falling | Tokayev in Belgrade | 10 | 50.0 | Vučić in Astana | 9 | 30.0 | -20.0 | -3.1"), rows);
    }
    assertEquals("DATE", types.get("documents.published_date"));
    assertEquals("DOUBLE", types.get("emphasis_comparison.z_score"));
    assertEquals("BIGINT", types.get("topic_cooccurrence.co_count"));
    assertEquals("INTEGER", types.get("sector_mentions.begin"));
    assertEquals("INTEGER", types.get("term_keyness.ngram"));
    assertEquals("DOUBLE", types.get("sector_summary.share"));
  }

  /**
   * The README's database file for Superset and Metabase: the views with absolute paths (its sed command),
   * opened read-only by another process that does not run in the report directory.
   */
  @Test
  void aDatabaseFileWithAbsolutePathsServesTheViewsFromAnywhere(@TempDir Path dir) throws Exception {
    FixtureReports fixture = new FixtureReports(spark, dir.resolve("reports")).only("visits", "emphasis_comparison");
    try (InputStream in = DuckDbViews.class.getResourceAsStream("/io/visitlens/reports/duckdb.sql")) {
      Files.write(fixture.dir().resolve("duckdb.sql"), in.readAllBytes());
    }
    DuckDbViews.keepWritten(spark.sparkContext().hadoopConfiguration(), fixture.hadoopDir());
    // sed "s|'parquet/|'$PWD/parquet/|" duckdb.sql
    String absolute = Files.readString(fixture.dir().resolve("duckdb.sql"))
        .replace("'parquet/", "'" + fixture.dir().toAbsolutePath() + "/parquet/");
    Path db = dir.resolve("visitlens.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
      for (String sql : statements(absolute)) {
        s.execute(sql);
      }
    }
    java.util.Properties readOnly = new java.util.Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(readmeQuery())) {
      assertTrue(rs.next());
      assertEquals("energy", rs.getString("sector"));
    }
  }

  /** The statements of a script: split at semicolons, comment lines dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    for (String statement : script.split(";")) {
      String sql = statement.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n")).strip();
      if (!sql.isEmpty()) {
        out.add(sql);
      }
    }
    return out;
  }

  /** The README's example query over emphasis_comparison: the SQL block that asks how emphasis shifted. */
  static String readmeQuery() throws Exception {
    Matcher m = Pattern.compile("```sql\\n(-- How did emphasis shift.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(REPO.resolve("README.md")));
    assertTrue(m.find(), "README.md has the emphasis query");
    List<String> sql = statements(m.group(1));
    assertEquals(1, sql.size(), "one statement");
    return sql.get(0);
  }
}
