package org.probehunt.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads the {@code date} and {@code time} columns of W3C extended logs, which are in UTC. */
final class W3cTimes {
  private W3cTimes() {}

  /** A {@code yyyy-mm-dd} date, or null. */
  static LocalDate date(String text, int from, int to) {
    if (to - from != 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
      return null;
    }
    int year = digits(text, from, from + 4);
    int month = digits(text, from + 5, from + 7);
    int day = digits(text, from + 8, from + 10);
    try {
      return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The time of a line: its date, {@code hh:mm:ss[.fraction]} and UTC; null when malformed. */
  static OffsetDateTime time(LocalDate date, String text, int from, int to) {
    if (date == null
        || to - from < 8
        || text.charAt(from + 2) != ':'
        || text.charAt(from + 5) != ':'
        || (to - from > 8 && (text.charAt(from + 8) != '.' || to - from > 18))) {
      return null;
    }
    int hour = digits(text, from, from + 2);
    int minute = digits(text, from + 3, from + 5);
    int second = digits(text, from + 6, from + 8);
    int nanos = 0;
    if (to - from > 9) {
      int fraction = digits(text, from + 9, to);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = to - from - 9; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    return OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nanos), ZoneOffset.UTC);
  }

  /** The decimal number {@code text[from, to)} (at most nine digits), or -1. */
  static int digits(String text, int from, int to) {
    if (from >= to || to - from > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
