package org.probehunt.pass;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The --since/--until window. A bound given as a date is a day of the log's own clock, so {@code
 * --since 2025-10-01} starts at midnight wherever each log was written; a bound with a time and
 * offset is an instant. --until includes its whole day when given as a date.
 */
public record TimeWindow(Bound since, Bound until) implements Serializable {
  /** No limits. */
  public static final TimeWindow ALL = new TimeWindow(null, null);

  /** One end: seconds since the epoch, of the log's wall clock when {@code local}. */
  public record Bound(long seconds, boolean local) implements Serializable {}

  /** The window from the option texts; either may be null. */
  public static TimeWindow parse(String since, String until) {
    TimeWindow window = new TimeWindow(bound(since, "--since", 0), bound(until, "--until", 1));
    Bound from = window.since();
    Bound to = window.until();
    if (from != null
        && to != null
        && from.local() == to.local()
        && from.seconds() >= to.seconds()) {
      throw new IllegalArgumentException(
          "--since " + since + " is not before --until " + until + ": no request could match");
    }
    return window;
  }

  /** Whether a request at this time falls inside the window. */
  public boolean contains(OffsetDateTime time) {
    return (since == null || seconds(time, since.local()) >= since.seconds())
        && (until == null || seconds(time, until.local()) < until.seconds());
  }

  private static long seconds(OffsetDateTime time, boolean local) {
    return local ? time.toLocalDateTime().toEpochSecond(ZoneOffset.UTC) : time.toEpochSecond();
  }

  private static Bound bound(String text, String option, int daysAfter) {
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return new Bound(
            LocalDate.parse(text).plusDays(daysAfter).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
            true);
      }
      return new Bound(OffsetDateTime.parse(text).toEpochSecond(), false);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + text
              + "' is not a date (2025-10-01) or a time with offset (2025-10-01T09:00:00+09:00)");
    }
  }
}
