package io.visitlens.transform;

import java.util.Locale;

/** Test access to {@link FoldedText}'s folding from other packages: one spelling for both scripts in assertions. */
public final class FoldedTextAccess {
  private FoldedTextAccess() {}

  /** The word folded to Latin without diacritics, lower case (Вучић and Vučić: vucic). */
  public static String latin(String word) {
    return FoldedText.fold(word).toLowerCase(Locale.ROOT);
  }
}
