package org.probehunt.parse;

import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A log format compiled by {@link FormatLanguage}: literals and fields in turn. A field ends where
 * the next literal starts, a quoted one at its closing quote (escapes allowed), a time at its fixed
 * length. A space in a literal matches one or more spaces. Text after the last field is ignored. A
 * line gives the same {@link Rejection}s as the built-in formats.
 */
final class CompiledFormat implements LineLayout {
  private final Directive[] directives;
  private final DateTimeFormatter[] patterns;
  private final boolean[] quoted;
  private final boolean[] timed;
  private final char[][] literalChars;

  CompiledFormat(String[] literals, Directive[] directives, DateTimeFormatter[] patterns) {
    this.directives = directives;
    this.patterns = patterns;
    this.quoted = new boolean[directives.length];
    this.timed = new boolean[directives.length];
    this.literalChars = new char[literals.length][];
    for (int i = 0; i < literals.length; i++) {
      literalChars[i] = literals[i].replaceAll(" +", " ").toCharArray();
    }
    for (int i = 0; i < directives.length; i++) {
      quoted[i] = literals[i].endsWith("\"") && literals[i + 1].startsWith("\"");
      timed[i] = directives[i].name().startsWith("TIME_");
    }
  }

  @Override
  public ParseResult parse(String line) {
    int end = LineLayout.trimmedEnd(line);
    if (end == 0) {
      return LineParser.EMPTY;
    }
    String address = null;
    String hostName = null;
    String peer = null;
    String user = null;
    OffsetDateTime time = null;
    RequestLine request = null;
    String method = null;
    String path = null;
    String query = null;
    String protocol = null;
    int status = Fields.DASH;
    long bytes = Fields.DASH;
    long bytesSent = Fields.DASH;
    String vhost = null;
    Integer port = null;
    String referer = null;
    String userAgent = null;
    List<String> extras = List.of();
    String[] forwarding = null;
    int pos = 0;
    int slash = line.indexOf('\\'); // the first backslash at or after pos, or -1: found once each
    for (int i = 0; i < directives.length; i++) {
      Directive d = directives[i];
      pos = literal(line, pos, end, literalChars[i]);
      if (pos < 0 || pos >= end) {
        return pos == -1 ? mismatch(d) : LineParser.MISSING_FIELDS;
      }
      if (slash >= 0 && slash < pos) {
        slash = line.indexOf('\\', pos);
      }
      int stop;
      if (quoted[i]) {
        stop = Fields.closingQuote(line, pos, end, slash);
        if (stop < 0) {
          return LineParser.UNTERMINATED_QUOTE;
        }
      } else if (d == Directive.TIME_BRACKETED) {
        stop = pos + LogTimes.LENGTH + 2;
        if (line.charAt(pos) != '[' || stop > end || line.charAt(stop - 1) != ']') {
          return LineParser.BAD_TIME;
        }
      } else if (d == Directive.TIME_LOCAL) {
        stop = Math.min(pos + LogTimes.LENGTH, end);
      } else if (d == Directive.TIME_PATTERN || d == Directive.TIME_ISO) {
        stop = -1;
      } else {
        stop = fieldEnd(line, pos, end, literalChars[i + 1]);
      }
      switch (d) {
        case CLIENT_ADDRESS -> address = client(line, pos, stop);
        case CLIENT_HOST -> hostName = client(line, pos, stop);
        case PEER -> peer = client(line, pos, stop);
        case USER -> user = value(line, pos, stop, slash);
        case TIME_BRACKETED -> time = LogTimes.parse(line, pos + 1);
        case TIME_LOCAL -> time = LogTimes.parse(line, pos);
        case TIME_ISO, TIME_PATTERN -> {
          ParsePosition at = new ParsePosition(pos);
          time = FieldTimes.pattern(line, at, d == Directive.TIME_ISO ? null : patterns[i]);
          stop = at.getIndex();
        }
        case TIME_SECONDS -> time = FieldTimes.epoch(line, pos, stop, 1);
        case TIME_MILLIS -> time = FieldTimes.epoch(line, pos, stop, 1_000);
        case TIME_MICROS -> time = FieldTimes.epoch(line, pos, stop, 1_000_000);
        case REQUEST -> {
          request = new RequestLine();
          request.read(line, pos, stop);
        }
        case METHOD -> method = value(line, pos, stop, slash);
        case PATH -> path = value(line, pos, stop, slash);
        case QUERY -> query = stop > pos ? Fields.unescape(line, pos, stop, slash) : null;
        case ARGS ->
            query =
                stop > pos && !Fields.isDash(line, pos, stop)
                    ? "?" + Fields.unescape(line, pos, stop, slash)
                    : null;
        case URI -> path = value(line, pos, stop, slash);
        case PROTOCOL -> protocol = value(line, pos, stop, slash);
        case STATUS -> status = Fields.status(line, pos, stop);
        case BYTES -> bytes = Fields.bytes(line, pos, stop);
        case BYTES_SENT -> bytesSent = Fields.bytes(line, pos, stop);
        case VHOST -> vhost = value(line, pos, stop, slash);
        case PORT -> port = port(line, pos, stop);
        case REFERER -> referer = value(line, pos, stop, slash);
        case USER_AGENT -> userAgent = value(line, pos, stop, slash);
        case HEADER, FORWARDED_FOR, REAL_IP, FORWARDED -> {
          if (extras.isEmpty()) {
            extras = new ArrayList<>(2);
          }
          String header = Fields.unescape(line, pos, stop, slash);
          extras.add(header);
          if (d != Directive.HEADER && !Fields.isDash(line, pos, stop)) {
            forwarding = forwarding(forwarding, d, header);
          }
        }
        case IGNORED -> {}
      }
      if (timed[i] && time == null) {
        return LineParser.BAD_TIME;
      }
      if (status == Fields.BAD) {
        return LineParser.BAD_STATUS;
      }
      if (bytes == Fields.BAD || bytesSent == Fields.BAD) {
        return LineParser.BAD_BYTES;
      }
      pos = stop;
    }
    String client = address != null ? address : hostName != null ? hostName : peer;
    if (client == null) {
      return LineParser.NO_CLIENT;
    }
    if (request == null) {
      request = new RequestLine();
      request.method = method;
      request.target = path == null ? null : query == null ? path : path + query;
      request.protocol = protocol;
    }
    long size = bytes != Fields.DASH ? bytes : bytesSent;
    return new Request(
        vhost,
        port,
        ClientHosts.canonical(client),
        user,
        time,
        request.method,
        request.target,
        request.protocol,
        status == Fields.DASH ? null : Fields.boxedStatus(status),
        size == Fields.DASH ? null : size,
        referer,
        userAgent,
        extras,
        request.raw,
        forwarding == null ? null : Forwarding.of(forwarding[0], forwarding[1], forwarding[2]),
        null);
  }

  /** Notes one proxy header's value, in X-Forwarded-For, X-Real-IP, Forwarded order. */
  private static String[] forwarding(String[] headers, Directive d, String value) {
    String[] h = headers == null ? new String[3] : headers;
    h[d == Directive.FORWARDED_FOR ? 0 : d == Directive.REAL_IP ? 1 : 2] = value;
    return h;
  }

  /** The rejection for a line that lacks the literal before a field. */
  private static Rejection mismatch(Directive d) {
    return switch (d) {
      case TIME_BRACKETED, TIME_LOCAL, TIME_ISO, TIME_PATTERN -> LineParser.BAD_TIME;
      case REQUEST -> LineParser.BAD_REQUEST;
      default -> LineParser.MISSING_FIELDS;
    };
  }

  /**
   * Index after {@code literal} matched at {@code pos}, -1 when it does not match, -2 at the line
   * end. A space matches a run of spaces (literals hold no two spaces in a row).
   */
  private static int literal(String line, int pos, int end, char[] literal) {
    for (char c : literal) {
      if (pos >= end) {
        return -2;
      }
      if (line.charAt(pos++) != c) {
        return -1;
      }
      if (c == ' ') {
        while (pos < end && line.charAt(pos) == ' ') {
          pos++;
        }
      }
    }
    return pos;
  }

  /** Where a bare field starting at {@code pos} ends: before the next literal, or the line end. */
  private static int fieldEnd(String line, int pos, int end, char[] next) {
    if (next.length == 0) {
      return end;
    }
    int stop = line.indexOf(next[0], pos);
    return stop < 0 || stop > end ? end : stop;
  }

  /** A port of 1 to 65535, else null. */
  private static Integer port(String line, int from, int to) {
    long port = to - from > 5 ? Fields.BAD : Fields.bytes(line, from, to);
    return port >= 1 && port <= 65_535 ? Integer.valueOf((int) port) : null;
  }

  /** A client field as logged; addresses and names carry no escapes. */
  private static String client(String line, int from, int to) {
    return from >= to || Fields.isDash(line, from, to) ? null : line.substring(from, to);
  }

  /**
   * {@code line[from, to)} unescaped, or null for nothing or a dash; {@code slash} as unescape's.
   */
  private static String value(String line, int from, int to, int slash) {
    return from >= to || Fields.isDash(line, from, to)
        ? null
        : Fields.unescape(line, from, to, slash);
  }
}
