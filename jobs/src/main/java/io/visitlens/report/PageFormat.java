package io.visitlens.report;

import java.util.Locale;

/**
 * How {@code index.html} prints numbers: in the root locale, with a dash for a value the report does not have.
 * Every number on the page is a value of a report row passed through one of these.
 */
final class PageFormat {
  private PageFormat() {}

  /** A whole number with thousands separators ("12,345"). */
  static String integer(Object v) {
    return v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : "–";
  }

  /** A fraction as a percentage with one decimal. */
  static String percent(Object fraction) {
    return fraction instanceof Number n ? String.format(Locale.ROOT, "%.1f%%", n.doubleValue() * 100) : "–";
  }

  /** Percentage points, signed. */
  static String pp(Object v) {
    return v instanceof Number n ? sign(n.doubleValue(), 1) + " pp" : "–";
  }

  /** A z-score, signed, two decimals; "n/a" when the report has none. */
  static String signed(Object v) {
    return v instanceof Number n ? sign(n.doubleValue(), 2) : "n/a";
  }

  /** A p- or q-value with three decimals, "< 0.001" below that. */
  static String probability(Object v) {
    if (!(v instanceof Number n)) {
      return "–";
    }
    double p = n.doubleValue();
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** A number printed with a minus sign (U+2212) or a plus, none when it rounds to zero. */
  static String sign(double v, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v));
    boolean zero = Double.parseDouble(s) == 0;
    return (zero ? "" : v > 0 ? "+" : "−") + s;
  }
}
