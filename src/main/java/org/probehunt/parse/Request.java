package org.probehunt.parse;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One parsed access-log request. Fields hold the logged text after unescaping the quoted fields'
 * {@code \"} and {@code \\}; {@code null} means the log had no value ("-" or absent).
 *
 * @param vhost the virtual host ({@code %v} of vhost_combined logs, {@code cs-host} of W3C logs,
 *     the host of a load balancer's request URL, ...) without the port, else null
 * @param port the server port ({@code %p} of vhost_combined logs, {@code s-port} of W3C logs, the
 *     port of a load balancer's request URL; 1 to 65535), else null: the other formats do not log
 *     it
 * @param host the client: an IPv4/IPv6 address or a host name, in the one form {@link ClientHosts}
 *     gives it (RFC 5952 IPv6, mapped IPv4 as IPv4, names lower-cased)
 * @param user the authenticated user ({@code %u}), null for "-"
 * @param time the request time with the log's own offset
 * @param method the method as logged (case kept); null when the request line is not a method and a
 *     target ({@code "-"}, a TLS or SSH handshake, binary)
 * @param target the request target (path and query) as logged; null when method is
 * @param protocol e.g. HTTP/1.1; null when the request line has none (HTTP/0.9 style)
 * @param status the status code, null for "-"
 * @param bytes the response size, null for "-"
 * @param referer the Referer header, null when absent or "-"
 * @param userAgent the User-Agent header, null when absent or "-"
 * @param extras the fields logged after the user agent (X-Forwarded-For, request time, ...), or
 *     after the byte count when no quoted referer follows it; quotes removed
 * @param requestLine the request field as logged when it is not a method and a target (so method
 *     and target are null), e.g. {@code \x16\x03\x01} or {@code -}; else null
 * @param forwarding the X-Forwarded-For, X-Real-IP and Forwarded headers when the format names
 *     them, else null
 * @param proxy the logged client when it was a trusted proxy and {@code host} is the client it
 *     forwarded for (see {@link TrustedProxies}); else null
 */
public record Request(
    String vhost,
    Integer port,
    String host,
    String user,
    OffsetDateTime time,
    String method,
    String target,
    String protocol,
    Integer status,
    Long bytes,
    String referer,
    String userAgent,
    List<String> extras,
    String requestLine,
    Forwarding forwarding,
    String proxy)
    implements ParseResult, Serializable {

  public Request {
    extras = List.copyOf(extras);
  }

  /** A request not known to have come through a proxy. */
  public Request(
      String vhost,
      Integer port,
      String host,
      String user,
      OffsetDateTime time,
      String method,
      String target,
      String protocol,
      Integer status,
      Long bytes,
      String referer,
      String userAgent,
      List<String> extras,
      String requestLine) {
    this(
        vhost,
        port,
        host,
        user,
        time,
        method,
        target,
        protocol,
        status,
        bytes,
        referer,
        userAgent,
        extras,
        requestLine,
        null,
        null);
  }

  /** This request as sent by {@code client}, through the logged client as its proxy. */
  Request forwardedFor(String client) {
    return new Request(
        vhost,
        port,
        client,
        user,
        time,
        method,
        target,
        protocol,
        status,
        bytes,
        referer,
        userAgent,
        extras,
        requestLine,
        forwarding,
        host);
  }

  /** A request whose request line was read as method, target and protocol. */
  public Request(
      String vhost,
      Integer port,
      String host,
      String user,
      OffsetDateTime time,
      String method,
      String target,
      String protocol,
      Integer status,
      Long bytes,
      String referer,
      String userAgent,
      List<String> extras) {
    this(
        vhost, port, host, user, time, method, target, protocol, status, bytes, referer, userAgent,
        extras, null);
  }

  /** A request from a log that does not record the server port. */
  public Request(
      String vhost,
      String host,
      String user,
      OffsetDateTime time,
      String method,
      String target,
      String protocol,
      Integer status,
      Long bytes,
      String referer,
      String userAgent,
      List<String> extras) {
    this(
        vhost, null, host, user, time, method, target, protocol, status, bytes, referer, userAgent,
        extras);
  }
}
