package org.probehunt.parse;

import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of one JSON access-log entry that probehunt reads, gathered by key as {@link
 * JsonLayout} walks the object, then turned into a request. Keys are those of Caddy ({@code ts},
 * {@code request.client_ip}, {@code request.headers}, ...), of nginx variables ({@code
 * remote_addr}, {@code time_local}, {@code request}, {@code http_user_agent}, ...) and of Traefik
 * ({@code ClientHost}, {@code RequestMethod}, {@code DownstreamStatus}, ...).
 */
final class JsonEntry {
  /** Which server's keys the entry had, for detection. */
  enum Kind {
    CADDY,
    NGINX,
    TRAEFIK
  }

  Kind kind = Kind.NGINX;
  String logger;
  boolean message;
  String client;
  String fallbackClient;
  String user;
  OffsetDateTime time;
  boolean badTime;
  String requestLine;
  String method;
  String target;
  String protocol;
  String status;
  String bytes;
  String bytesSent;
  String vhost;
  String port;
  String userAgent;
  String referer;
  final List<String> extras = new ArrayList<>(2);
  String forwardedFor;
  String realIp;
  String forwarded;

  /** Takes a top-level key's value. */
  void top(String key, String value) {
    switch (key) {
      case "logger" -> logger = value;
      case "msg", "level" -> message = true;
      case "ts",
          "time",
          "time_local",
          "time_iso8601",
          "msec",
          "timestamp",
          "@timestamp",
          "StartUTC" ->
          time(value);
      case "remote_addr", "client_ip", "remote_ip" -> client = value;
      case "remote_user" -> user = value;
      case "request" -> requestLine = value;
      case "request_method", "RequestMethod" -> method = value;
      case "request_uri", "RequestPath" -> target = value;
      case "server_protocol", "RequestProtocol" -> protocol = value;
      case "status", "DownstreamStatus" -> status = value;
      case "body_bytes_sent", "size", "DownstreamContentSize" -> bytes = value;
      case "bytes_sent" -> bytesSent = value;
      case "host", "server_name", "RequestHost" -> vhost = value;
      case "server_port" -> port = value;
      case "http_user_agent", "request_User-Agent" -> userAgent = value;
      case "http_referer", "request_Referer" -> referer = value;
      case "ClientHost" -> {
        client = value;
        kind = Kind.TRAEFIK;
      }
      default -> {
        if (key.startsWith("http_") || isTraefikHeader(key)) {
          extras.add(value);
          // nginx writes $http_x_forwarded_for, Traefik request_X-Forwarded-For.
          String name =
              key.startsWith("http_") ? key.substring(5).replace('_', '-') : key.substring(8);
          proxyHeader(name, value);
        }
      }
    }
  }

  /** Takes a key's value inside Caddy's {@code request} object. */
  void request(String key, String value) {
    kind = Kind.CADDY;
    switch (key) {
      case "client_ip" -> client = value;
      case "remote_ip" -> fallbackClient = value;
      case "method" -> method = value;
      case "uri" -> target = value;
      case "proto" -> protocol = value;
      case "host" -> vhost = value;
      default -> {}
    }
  }

  /** Takes a header of Caddy's {@code request.headers}: its values joined by ", ". */
  void header(String name, String value) {
    if (isAscii(name, "user-agent")) {
      userAgent = value;
    } else if (isAscii(name, "referer")) {
      referer = value;
    } else {
      extras.add(value);
      proxyHeader(name, value);
    }
  }

  /** Notes a header a proxy names the client in; {@code name} with dashes, in any case. */
  private void proxyHeader(String name, String value) {
    if (isAscii(name, "x-forwarded-for")) {
      forwardedFor = value;
    } else if (isAscii(name, "x-real-ip")) {
      realIp = value;
    } else if (isAscii(name, "forwarded")) {
      forwarded = value;
    }
  }

  /**
   * Whether {@code name} is {@code lower} in any case of ASCII letters: what {@code
   * name.toLowerCase(Locale.ROOT).equals(lower)} says for these names (no letter of theirs has a
   * non-ASCII upper case), without the copy, which was a tenth of a Caddy line's parse.
   */
  private static boolean isAscii(String name, String lower) {
    int length = lower.length();
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A time as ISO-8601, Apache's {@code dd/Mon/yyyy:HH:mm:ss +hhmm} or epoch seconds. */
  private void time(String text) {
    OffsetDateTime parsed;
    if (text.length() > 4 && text.charAt(4) == '-') {
      parsed = iso(text);
    } else if (text.length() == LogTimes.LENGTH && text.charAt(2) == '/') {
      parsed = LogTimes.parse(text, 0);
    } else {
      parsed = FieldTimes.epoch(text, 0, text.length(), 1);
    }
    time = parsed;
    badTime = parsed == null;
  }

  /** Traefik logs request headers as {@code request_User-Agent}: a capital after the prefix. */
  private static boolean isTraefikHeader(String key) {
    return key.length() > 8 && key.startsWith("request_") && Character.isUpperCase(key.charAt(8));
  }

  private static OffsetDateTime iso(String text) {
    ParsePosition at = new ParsePosition(0);
    OffsetDateTime parsed = FieldTimes.pattern(text, at, null);
    return at.getIndex() == text.length() ? parsed : null;
  }

  /** The request, or why the entry is none. */
  ParseResult result() {
    if (logger != null && !logger.startsWith("http.log.access")) {
      return JsonLayout.OTHER_LOGGER;
    }
    String who = client != null ? client : fallbackClient;
    if (who == null) {
      return message && logger == null && method == null
          ? JsonLayout.OTHER_LOGGER
          : LineParser.NO_CLIENT;
    }
    if (time == null || badTime) {
      return LineParser.BAD_TIME;
    }
    int code = status == null ? Fields.DASH : Fields.status(status, 0, status.length());
    if (code == Fields.BAD) {
      return LineParser.BAD_STATUS;
    }
    long size = size(bytes != null ? bytes : bytesSent);
    if (size == Fields.BAD) {
      return LineParser.BAD_BYTES;
    }
    RequestLine line;
    if (requestLine != null) {
      line = RequestLine.of(requestLine);
    } else {
      line = RequestLine.of(method == null ? "-" : target == null ? method : method + " " + target);
      if (line.method() != null) {
        line.protocol = protocol;
      }
    }
    long portNumber = size(port);
    return new Request(
        vhost,
        portNumber >= 1 && portNumber <= 65_535 ? Integer.valueOf((int) portNumber) : null,
        ClientHosts.canonical(who),
        user,
        time,
        line.method(),
        line.target(),
        line.protocol(),
        code == Fields.DASH ? null : Fields.boxedStatus(code),
        size == Fields.DASH ? null : size,
        referer,
        userAgent,
        extras,
        line.raw(),
        Forwarding.of(forwardedFor, realIp, forwarded),
        null);
  }

  private static long size(String text) {
    return text == null ? Fields.DASH : Fields.bytes(text, 0, text.length());
  }
}
