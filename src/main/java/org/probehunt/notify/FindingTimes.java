package org.probehunt.notify;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.probehunt.contact.HostFinding;

/**
 * The ISO-8601 times of findings, parsed so that headers only ever see dates re-formatted by {@link
 * org.probehunt.report.Times}.
 */
final class FindingTimes {
  private FindingTimes() {}

  static Optional<OffsetDateTime> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    OffsetDateTime written = asWritten(t);
    if (written != null) {
      return Optional.of(written);
    }
    try {
      return Optional.of(OffsetDateTime.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A time exactly as the reports write it, {@code 2025-10-01T12:00:05+09:00}, read without the
   * general parser (drafts read each host's times several times); null for any other text, which
   * the general parser then reads or refuses.
   */
  private static OffsetDateTime asWritten(String t) {
    if (t.length() != 25
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || (t.charAt(19) != '+' && t.charAt(19) != '-')
        || t.charAt(22) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    int offsetHours = digits(t, 20, 2);
    int offsetMinutes = digits(t, 23, 2);
    if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) {
      return null;
    }
    int sign = t.charAt(19) == '-' ? -1 : 1;
    try {
      return OffsetDateTime.of(
          year,
          month,
          day,
          hour,
          minute,
          second,
          0,
          ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
    } catch (java.time.DateTimeException e) {
      return null; // out of range: the general parser says so
    }
  }

  /** The decimal number in {@code t[from, from + count)}, or -1 when a character is no digit. */
  private static int digits(String t, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static Optional<OffsetDateTime> earliest(List<OffsetDateTime> times) {
    return times.stream().min(Comparator.comparing(OffsetDateTime::toInstant));
  }

  static Optional<OffsetDateTime> latest(List<OffsetDateTime> times) {
    return times.stream().max(Comparator.comparing(OffsetDateTime::toInstant));
  }

  /** The distinct UTC offsets in order of appearance, e.g. {@code +09:00}; UTC as +00:00. */
  static String offsets(List<OffsetDateTime> times) {
    Set<String> ids = new LinkedHashSet<>();
    times.forEach(t -> ids.add(offset(t.getOffset())));
    return String.join(", ", ids);
  }

  private static String offset(ZoneOffset offset) {
    return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
  }

  /** The times among {@code texts} that parse ({@link #parse}), in order. */
  static List<OffsetDateTime> parsed(Collection<String> texts) {
    return texts.stream().map(FindingTimes::parse).flatMap(Optional::stream).toList();
  }

  /** All first and last times of the findings. */
  static List<String> of(List<HostFinding> hosts) {
    return hosts.stream()
        .flatMap(h -> java.util.stream.Stream.of(h.firstSeen(), h.lastSeen()))
        .filter(Objects::nonNull)
        .toList();
  }
}
