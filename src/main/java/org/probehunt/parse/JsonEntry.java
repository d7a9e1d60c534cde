package org.probehunt.parse;

import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.parse.JsonKeys.Header;
import org.probehunt.parse.JsonKeys.InRequest;
import org.probehunt.parse.JsonKeys.Top;

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

  /** Takes the value of a top-level key it reads. */
  void top(Top key, String value) {
    switch (key) {
      case LOGGER -> logger = value;
      case MESSAGE -> message = true;
      case TIME -> time(value);
      case CLIENT -> client = value;
      case TRAEFIK_CLIENT -> {
        client = value;
        kind = Kind.TRAEFIK;
      }
      case USER -> user = value;
      case REQUEST -> requestLine = value;
      case METHOD -> method = value;
      case TARGET -> target = value;
      case PROTOCOL -> protocol = value;
      case STATUS -> status = value;
      case BYTES -> bytes = value;
      case BYTES_SENT -> bytesSent = value;
      case VHOST -> vhost = value;
      case PORT -> port = value;
      case USER_AGENT -> userAgent = value;
      case REFERER -> referer = value;
    }
  }

  /**
   * Takes the value of a top-level key it does not know: a request header when the key is one
   * (nginx writes {@code $http_x_forwarded_for}, Traefik {@code request_X-Forwarded-For}).
   */
  void other(String key, String value) {
    if (isHeader(key)) {
      extras.add(value);
      String name = key.startsWith("http_") ? key.substring(5).replace('_', '-') : key.substring(8);
      proxyHeader(JsonKeys.header(name, 0, name.length()), value);
    }
  }

  /** Whether a top-level key it does not know names a request header; {@link #other} reads it. */
  static boolean isHeader(String key) {
    return isHeader(key, 0, key.length());
  }

  /**
   * Whether {@code text}'s characters {@code from} to {@code to} are a key that names a request
   * header. Traefik logs headers as {@code request_User-Agent}: a capital after the prefix.
   */
  static boolean isHeader(String text, int from, int to) {
    int length = to - from;
    return (length >= 5 && text.startsWith("http_", from))
        || (length > 8
            && text.startsWith("request_", from)
            && Character.isUpperCase(text.charAt(from + 8)));
  }

  /** Notes that the entry has Caddy's {@code request} object. */
  void caddyRequest() {
    kind = Kind.CADDY;
  }

  /** Takes the value of a key it reads inside Caddy's {@code request} object. */
  void request(InRequest key, String value) {
    switch (key) {
      case CLIENT_IP -> client = value;
      case REMOTE_IP -> fallbackClient = value;
      case METHOD -> method = value;
      case URI -> target = value;
      case PROTO -> protocol = value;
      case HOST -> vhost = value;
      case HEADERS -> {}
    }
  }

  /**
   * Takes a request header's value; Caddy's header arrays come with their values joined by ", ".
   */
  void header(Header header, String value) {
    switch (header) {
      case USER_AGENT -> userAgent = value;
      case REFERER -> referer = value;
      default -> {
        extras.add(value);
        proxyHeader(header, value);
      }
    }
  }

  /** Notes a header a proxy names the client in. */
  private void proxyHeader(Header header, String value) {
    switch (header) {
      case FORWARDED_FOR -> forwardedFor = value;
      case REAL_IP -> realIp = value;
      case FORWARDED -> forwarded = value;
      default -> {}
    }
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
      line = method == null ? RequestLine.of("-") : RequestLine.of(method, target);
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
