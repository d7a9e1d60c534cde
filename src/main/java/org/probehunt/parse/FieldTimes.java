package org.probehunt.parse;

import java.text.ParsePosition;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the times of compiled formats that are not Apache's {@code [dd/Mon/yyyy:HH:mm:ss +hhmm]}:
 * strftime patterns, ISO-8601 and epoch counts. Null for a value that is not one.
 */
final class FieldTimes {
  /**
   * The last year a time may have. Every other log time has four digits for its year, and mail
   * dates (RFC 5322) cannot be written for later or negative years: a time outside the years 0 to
   * 9999 is a bad time, however the line writes it.
   */
  private static final int LATEST_YEAR = 9999;

  private static final long LATEST_SECOND =
      LocalDateTime.of(LATEST_YEAR, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  private FieldTimes() {}

  /**
   * The time at {@code at} in {@code format} (ISO-8601 with offset when null); UTC if no offset.
   */
  static OffsetDateTime pattern(String line, ParsePosition at, DateTimeFormatter format) {
    try {
      OffsetDateTime time;
      if (format == null) {
        time = OffsetDateTime.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(line, at));
      } else {
        TemporalAccessor parsed = format.parse(line, at);
        ZoneOffset offset =
            parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                : ZoneOffset.UTC;
        time = OffsetDateTime.of(LocalDateTime.from(parsed), offset);
      }
      return time.getYear() >= 0 && time.getYear() <= LATEST_YEAR ? time : null;
    } catch (RuntimeException e) {
      return null; // a line that is not in the format: its rejection says bad time
    }
  }

  /**
   * Epoch seconds (with an optional fraction of up to nine digits; more are ignored) or whole units
   * of {@code 1/perSecond} s, in UTC; null after the year 9999.
   */
  static OffsetDateTime epoch(String line, int from, int to, long perSecond) {
    int dot = line.indexOf('.', from);
    int whole = dot >= 0 && dot < to ? dot : to;
    if (whole == from || whole - from > 18) {
      return null;
    }
    long units = Fields.bytes(line, from, whole);
    if (units < 0 || (whole < to && perSecond != 1)) {
      return null;
    }
    long seconds = units / perSecond;
    long nanos = (units % perSecond) * (1_000_000_000L / perSecond);
    if (whole < to) { // a fraction, of seconds only (checked above): its first nine digits
      for (int i = whole + 1; i < whole + 10; i++) {
        int digit = i < to ? line.charAt(i) - '0' : 0;
        if (digit < 0 || digit > 9) {
          return null;
        }
        nanos = nanos * 10 + digit;
      }
    }
    if (seconds > LATEST_SECOND) {
      return null;
    }
    // Not OffsetDateTime.ofInstant: it makes the offset's ZoneRules anew for every call.
    return OffsetDateTime.of(
        LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
