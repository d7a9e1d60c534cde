package org.probehunt.report;

/** Makes text cells safe to open in a spreadsheet. */
public final class CsvCells {
  private CsvCells() {}

  /**
   * Returns the text with every control character, tab, carriage return and escape included,
   * written {@code \xhh} (as the log reader writes bytes it cannot decode), and with a leading
   * apostrophe when a spreadsheet would read it as a formula: a cell starting with {@code = + - @}.
   * Log lines are written by attackers, so every text cell goes through here; numbers are written
   * as numbers instead.
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String safe = Texts.withoutControls(text);
    return switch (safe.charAt(0)) {
      case '=', '+', '-', '@' -> "'" + safe;
      default -> safe;
    };
  }
}
