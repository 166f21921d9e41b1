package io.visitlens.report;

import static io.visitlens.report.Report.BOOLEAN;
import static io.visitlens.report.Report.DOUBLE;
import static io.visitlens.report.Report.LONG;
import static io.visitlens.report.Report.STRING;
import io.visitlens.io.ReportWriter;
import io.visitlens.stats.CooccurrencePermutation;
import io.visitlens.stats.CooccurrencePermutation.PairChange;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * {@code cooccurrence_change}: one row per window and pair of sectors that both occur in visit A or both in visit B,
 * by {@code window}, {@code sector_a}, {@code sector_b}: the NPMI of the pair in each visit, its change, and a
 * permutation test of the change ({@link CooccurrencePermutation}), computed by {@link ComparedArticles}.
 */
public final class CooccurrenceChangeReport {
  public static final String NAME = "cooccurrence_change";
  public static final Report REPORT = Report.of(NAME, Report.columns(
      "window", STRING, "sector_a", STRING, "sector_b", STRING, "visit_a", STRING, "visit_b", STRING,
      "npmi_a", DOUBLE, "npmi_b", DOUBLE, "delta_npmi", DOUBLE, "co_count_a", LONG, "co_count_b", LONG,
      "sector_a_windows_a", LONG, "sector_b_windows_a", LONG, "sector_a_windows_b", LONG, "sector_b_windows_b", LONG,
      "n_windows_a", LONG, "n_windows_b", LONG, "p_permutation", DOUBLE, "q_value", DOUBLE, "labellings", LONG,
      "exact", BOOLEAN), CooccurrenceChangeReport::plan,
      "window", "sector_a", "sector_b");

  static final String[] WINDOWS = {"sentence", "document"};

  private CooccurrenceChangeReport() {}

  /** A local relation: two windows × the sector pairs at most. */
  static ReportWriter.Plan plan(Products p) {
    long sectors = p.lexicon().sectors().size();
    return REPORT.sorted(p.cooccurrenceChange(), 2 * sectors * sectors);
  }

  static final StructType REPORT_SCHEMA = REPORT.schemaRequiring("window", "sector_a", "sector_b", "visit_a",
      "visit_b", "npmi_a", "npmi_b", "delta_npmi", "co_count_a", "co_count_b", "sector_a_windows_a",
      "sector_b_windows_a", "sector_a_windows_b", "sector_b_windows_b", "n_windows_a", "n_windows_b", "labellings",
      "exact");

  /**
   * One window's report rows: each pair's observed counts and NPMI ({@code observed}, in pair order), its p-value from
   * the {@code hits} over {@code labellings} labellings (exactly when {@code exact}), and its q-value among the
   * window's pairs; p and q empty when not {@code tested}.
   */
  static List<Row> rows(int window, List<PairChange> observed, long[] hits, long labellings, boolean exact,
      boolean tested, List<String> sectors, String visitA, String visitB) {
    double[] p = new double[observed.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = !tested || labellings == 0 ? Double.NaN
          : exact ? hits[k] / (double) labellings : (1.0 + hits[k]) / (labellings + 1.0);
    }
    double[] q = CooccurrencePermutation.qValues(p);
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < p.length; k++) {
      PairChange c = observed.get(k);
      // The pair in Spark's order of strings, as topic_cooccurrence names it (upper case first).
      String first = sectors.get(c.sectorA());
      String second = sectors.get(c.sectorB());
      boolean swap = SectorReports.compareUtf8(first, second) > 0;
      out.add(RowFactory.create(WINDOWS[window], swap ? second : first, swap ? first : second, visitA, visitB,
          c.npmiA(), c.npmiB(), c.delta(), c.coCountA(), c.coCountB(),
          swap ? c.sectorBWindowsA() : c.sectorAWindowsA(), swap ? c.sectorAWindowsA() : c.sectorBWindowsA(),
          swap ? c.sectorBWindowsB() : c.sectorAWindowsB(), swap ? c.sectorAWindowsB() : c.sectorBWindowsB(),
          c.windowsA(), c.windowsB(), Double.isNaN(p[k]) ? null : p[k], Double.isNaN(q[k]) ? null : q[k],
          tested ? labellings : 0L, exact));
    }
    return out;
  }
}
