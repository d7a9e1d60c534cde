package org.probehunt.notify;

import org.probehunt.contact.HostFinding;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The ISO-8601 times of findings, parsed so that headers only ever see re-formatted dates. */
final class Times {
  private Times() {}

  static Optional<OffsetDateTime> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<OffsetDateTime> earliest(Collection<String> texts) {
    return parsed(texts).min(Comparator.comparing(OffsetDateTime::toInstant));
  }

  static Optional<OffsetDateTime> latest(Collection<String> texts) {
    return parsed(texts).max(Comparator.comparing(OffsetDateTime::toInstant));
  }

  /** The distinct UTC offsets in order of appearance, e.g. {@code +09:00}; UTC as +00:00. */
  static String offsets(Collection<String> texts) {
    Set<String> ids = new LinkedHashSet<>();
    parsed(texts).forEach(t -> ids.add(offset(t.getOffset())));
    return String.join(", ", ids);
  }

  static String iso(OffsetDateTime time) {
    String text = time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return text.endsWith("Z") ? text.substring(0, text.length() - 1) + "+00:00" : text;
  }

  /** RFC 5322 date in the time's own offset, e.g. {@code Mon, 23 Nov 1998 19:52:41 +0900}. */
  static String rfc5322(OffsetDateTime time) {
    return time.format(DateTimeFormatter.RFC_1123_DATE_TIME).replaceFirst(" GMT$", " +0000");
  }

  private static String offset(ZoneOffset offset) {
    return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
  }

  private static java.util.stream.Stream<OffsetDateTime> parsed(Collection<String> texts) {
    return texts.stream().map(Times::parse).flatMap(Optional::stream).filter(Objects::nonNull);
  }

  /** All first and last times of the findings. */
  static List<String> of(List<HostFinding> hosts) {
    return hosts.stream().flatMap(h -> java.util.stream.Stream.of(h.firstSeen(), h.lastSeen()))
        .filter(Objects::nonNull).toList();
  }
}
