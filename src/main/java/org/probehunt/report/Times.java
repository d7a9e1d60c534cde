package org.probehunt.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one way times are written, in reports and notices: ISO-8601 with the log's own offset, and
 * RFC 5322 for mail headers.
 */
public final class Times {
  /** Seconds always shown, offset as +09:00 (never Z), as in 1998-11-23T19:52:17+09:00. */
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private Times() {}

  /** The time as report cells and notices show it. */
  public static String iso(OffsetDateTime time) {
    return time == null ? null : ISO.format(time);
  }

  /** RFC 5322 date in the time's own offset, e.g. {@code Mon, 23 Nov 1998 19:52:41 +0900}. */
  public static String rfc5322(OffsetDateTime time) {
    String text = time.format(DateTimeFormatter.RFC_1123_DATE_TIME);
    // The formatter writes a zero offset as GMT; a regular expression per notice cost more.
    return text.endsWith(" GMT") ? text.substring(0, text.length() - 4) + " +0000" : text;
  }
}
