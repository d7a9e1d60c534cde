package org.probehunt.parse;

import java.text.ParsePosition;
import java.time.Instant;
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
  private FieldTimes() {}

  /**
   * The time at {@code at} in {@code format} (ISO-8601 with offset when null); UTC if no offset.
   */
  static OffsetDateTime pattern(String line, ParsePosition at, DateTimeFormatter format) {
    try {
      if (format == null) {
        return OffsetDateTime.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(line, at));
      }
      TemporalAccessor parsed = format.parse(line, at);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset =
          parsed.isSupported(ChronoField.OFFSET_SECONDS)
              ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
              : ZoneOffset.UTC;
      return OffsetDateTime.of(local, offset);
    } catch (RuntimeException e) {
      return null; // a line that is not in the format: its rejection says bad time
    }
  }

  /** Epoch seconds (with an optional fraction) or whole units of {@code 1/perSecond} s, in UTC. */
  static OffsetDateTime epoch(String line, int from, int to, long perSecond) {
    int dot = line.indexOf('.', from);
    int whole = dot >= 0 && dot < to ? dot : to;
    if (whole == from || whole - from > 18) {
      return null;
    }
    long units = Fields.bytes(line, from, whole);
    if (units < 0) {
      return null;
    }
    long nanos = 0;
    if (whole < to) {
      String fraction = (line.substring(whole + 1, to) + "000000000").substring(0, 9);
      long digits = Fields.bytes(fraction, 0, 9);
      if (digits < 0 || perSecond != 1) {
        return null;
      }
      nanos = digits;
    }
    Instant instant =
        Instant.ofEpochSecond(
            units / perSecond, (units % perSecond) * (1_000_000_000L / perSecond) + nanos);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
