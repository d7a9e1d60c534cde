package org.probehunt.report;

/** Makes text cells safe to open in a spreadsheet. */
public final class CsvCells {
  private CsvCells() {}

  /**
   * Returns the text with a leading apostrophe when a spreadsheet would read it as a formula: a
   * cell starting with {@code = + - @}, a tab or a carriage return. Log lines are written by
   * attackers, so every text cell goes through here; numbers are written as numbers instead.
   */
  public static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
