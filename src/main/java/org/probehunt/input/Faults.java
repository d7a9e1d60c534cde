package org.probehunt.input;

import java.io.EOFException;
import java.util.Locale;

/** Turns an exception from damaged data into a status and a one-line reason. */
final class Faults {

  private Faults() {}

  /**
   * REFUSED over a decoder limit, TRUNCATED when the data simply stops, CORRUPT for anything else
   * that is wrong with it.
   */
  static EntryStatus status(Throwable e) {
    if (e instanceof DecoderLimitException) {
      return EntryStatus.REFUSED;
    }
    if (e instanceof EOFException) {
      return EntryStatus.TRUNCATED;
    }
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    boolean cut =
        text.contains("truncated")
            || text.contains("unexpected end")
            || text.contains("premature end")
            || text.contains("end of stream")
            || text.contains("eof");
    return cut ? EntryStatus.TRUNCATED : EntryStatus.CORRUPT;
  }

  /** A reason such as "unexpected end of gzip data after 1234 bytes". */
  static String describe(Throwable e, String layer, long bytes) {
    String detail = oneLine(e);
    if (e instanceof DecoderLimitException) {
      return "refused after " + bytes + " bytes: " + detail;
    }
    if (status(e) == EntryStatus.TRUNCATED) {
      String reason = "unexpected end of " + layer + " data after " + bytes + " bytes";
      return e instanceof EOFException && e.getMessage() == null
          ? reason
          : reason + " (" + detail + ")";
    }
    return "corrupt " + layer + " data after " + bytes + " bytes: " + detail;
  }

  /** The exception's message on one line, or its simple class name when it has none. */
  static String oneLine(Throwable e) {
    String text = e.getMessage();
    if (text == null || text.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return Escapes.controls(text.strip().replace("\r\n", " ").replace('\n', ' '));
  }
}
