package org.probehunt.parse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The columns of one W3C data line as {@link W3cLayout} reads them, turned into a request. */
final class W3cRecord {
  LocalDate date;
  String line;
  int timeFrom;
  int timeTo;
  String client;
  String user;
  String method;
  String stem;
  String query;
  String uri;
  String protocol;
  int status = Fields.DASH;
  long bytes = Fields.DASH;
  String host;
  String viewerHost;
  long port = Fields.DASH;
  String userAgent;
  String referer;
  final List<String> extras = new ArrayList<>(0);
  private String[] forwarding;

  /** A record whose date, until a {@code date} column says otherwise, is {@code date}. */
  W3cRecord(LocalDate date) {
    this.date = date;
  }

  /** Notes a proxy header: 0 X-Forwarded-For, 1 X-Real-IP, 2 Forwarded. */
  void forwarding(int which, String value) {
    if (forwarding == null) {
      forwarding = new String[3];
    }
    forwarding[which] = value;
  }

  /** The request, or the rejection for a line without a client or a readable time. */
  ParseResult request() {
    if (client == null) {
      return LineParser.NO_CLIENT;
    }
    OffsetDateTime time = line == null ? null : W3cTimes.time(date, line, timeFrom, timeTo);
    if (time == null) {
      return LineParser.BAD_TIME;
    }
    String target =
        uri != null ? uri : stem == null ? null : query == null ? stem : stem + "?" + query;
    String raw = null;
    String verb = method;
    if (verb == null || target == null || !RequestLine.isMethod(verb, 0, verb.length())) {
      // No method and target, or a method no HTTP client sends: kept whole, like a handshake.
      raw =
          verb == null
              ? (target == null ? "-" : target)
              : target == null ? verb : verb + " " + target;
      verb = null;
      target = null;
    }
    return new Request(
        viewerHost != null ? viewerHost : host,
        port >= 1 && port <= 65_535 ? Integer.valueOf((int) port) : null,
        client,
        user,
        time,
        verb,
        target,
        raw == null ? protocol : null,
        status == Fields.DASH ? null : Fields.boxedStatus(status),
        bytes == Fields.DASH ? null : bytes,
        referer,
        userAgent,
        extras,
        raw,
        forwarding == null ? null : Forwarding.of(forwarding[0], forwarding[1], forwarding[2]),
        null);
  }
}
