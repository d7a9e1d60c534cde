package org.probehunt.parse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * AWS load balancer access logs: Application Load Balancer ({@code aws_alb}), whose lines start
 * with the request type, and Classic Load Balancer ({@code aws_elb}), whose lines start with the
 * time. Space-separated bare fields, then the quoted request line and user agent, then fields
 * probehunt does not read. The client is the address of {@code client:port}; the request line
 * carries an absolute URL ({@code GET https://www.example.jp:443/a?b HTTP/1.1}), whose path and
 * query become the target and whose host and port the virtual host and port, so rules see the path
 * as a web server would log it. A request the balancer could not read ({@code "- http://...- "}) or
 * a TCP listener's {@code "- - - "} is kept whole as the request line.
 */
final class ElbLayout implements LineLayout {
  static final ElbLayout APPLICATION = new ElbLayout(true);
  static final ElbLayout CLASSIC = new ElbLayout(false);

  /** Bare fields before the request line after the type: time ... sent_bytes. */
  private static final int BARE_FIELDS = 11;

  private final boolean typed;

  private ElbLayout(boolean typed) {
    this.typed = typed;
  }

  /**
   * aws_alb or aws_elb when at least half of the lines of {@code sample} that are not blank read in
   * it, else null.
   */
  static LogFormat detect(List<String> sample) {
    int lines = 0;
    int application = 0;
    int classic = 0;
    for (String line : sample) {
      if (line == null || line.isBlank()) {
        continue;
      }
      lines++;
      application += APPLICATION.parse(line) instanceof Request ? 1 : 0;
      classic += CLASSIC.parse(line) instanceof Request ? 1 : 0;
    }
    int best = Math.max(application, classic);
    if (best == 0 || 2 * best < lines) {
      return null;
    }
    return application >= classic ? LogFormat.AWS_ALB : LogFormat.AWS_ELB;
  }

  @Override
  public ParseResult parse(String line) {
    int end = LineLayout.trimmedEnd(line);
    if (end == 0) {
      return LineParser.EMPTY;
    }
    int pos = 0;
    OffsetDateTime time = null;
    String client = null;
    int status = Fields.DASH;
    long bytes = Fields.DASH;
    int first = typed ? 0 : 1;
    for (int i = first; i <= BARE_FIELDS; i++) {
      int stop = line.indexOf(' ', pos);
      if (stop < 0 || stop >= end) {
        return i <= 1 ? LineParser.BAD_TIME : LineParser.MISSING_FIELDS;
      }
      switch (i) {
        case 1 -> {
          time = time(line, pos, stop);
          if (time == null) {
            return LineParser.BAD_TIME;
          }
        }
        case 3 -> {
          int colon = line.lastIndexOf(':', stop - 1);
          int to = colon > pos ? colon : stop;
          if (Fields.isDash(line, pos, to) || to == pos) {
            return LineParser.NO_CLIENT;
          }
          client = ClientHosts.canonical(line, pos, to);
        }
        case 8 -> {
          status = Fields.status(line, pos, stop);
          if (status == Fields.BAD) {
            return LineParser.BAD_STATUS;
          }
        }
        case 11 -> {
          bytes = Fields.bytes(line, pos, stop);
          if (bytes == Fields.BAD) {
            return LineParser.BAD_BYTES;
          }
        }
        default -> {}
      }
      pos = stop + 1;
    }
    if (pos >= end || line.charAt(pos) != '"') {
      return LineParser.BAD_REQUEST;
    }
    int close = Fields.closingQuote(line, pos + 1, end);
    if (close < 0) {
      return LineParser.UNTERMINATED_QUOTE;
    }
    RequestLine request = new RequestLine();
    request.read(line, pos + 1, close);
    String userAgent = null;
    pos = close + 2;
    if (pos < end && line.charAt(pos) == '"') {
      int agentEnd = Fields.closingQuote(line, pos + 1, end);
      if (agentEnd < 0) {
        return LineParser.UNTERMINATED_QUOTE;
      }
      userAgent =
          Fields.isDash(line, pos + 1, agentEnd) ? null : Fields.unescape(line, pos + 1, agentEnd);
    }
    return request(client, time, request, status, bytes, userAgent);
  }

  private static Request request(
      String client, OffsetDateTime time, RequestLine line, int status, long bytes, String agent) {
    String method = line.method();
    String target = line.target();
    String raw = line.raw();
    String vhost = null;
    Integer port = null;
    if ("-".equals(method)) {
      raw = (method + " " + target + (line.protocol() == null ? "" : " " + line.protocol()));
      method = null;
      target = null;
    } else if (target != null) {
      int scheme = target.indexOf("://");
      if (scheme > 0 && scheme <= 5 && target.charAt(0) != '/') {
        int authority = scheme + 3;
        int slash = target.indexOf('/', authority);
        int hostEnd = slash < 0 ? target.length() : slash;
        int at = target.lastIndexOf('@', hostEnd - 1);
        int hostStart = at >= authority ? at + 1 : authority;
        vhost = Fields.vhostName(target, hostStart, hostEnd);
        port = Fields.vhostPort(target, hostStart, hostEnd);
        target = slash < 0 ? "/" : target.substring(slash);
      }
    }
    return new Request(
        vhost,
        port,
        client,
        null,
        time,
        method,
        target,
        raw == null ? line.protocol() : null,
        status == Fields.DASH ? null : Fields.boxedStatus(status),
        bytes == Fields.DASH ? null : bytes,
        null,
        agent,
        List.of(),
        raw);
  }

  /** {@code 2025-10-01T00:00:01.123456Z}, or null. */
  private static OffsetDateTime time(String line, int from, int to) {
    if (to - from < 20 || line.charAt(from + 10) != 'T' || line.charAt(to - 1) != 'Z') {
      return null;
    }
    LocalDate date = W3cTimes.date(line, from, from + 10);
    return W3cTimes.time(date, line, from + 11, to - 1);
  }
}
