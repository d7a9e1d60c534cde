package org.probehunt.detect;

import java.util.List;

/**
 * A request reduced to the lower-cased, decoded values rules compare against; null means absent.
 *
 * @param path decoded path with dot segments resolved, e.g. {@code /etc/passwd}
 * @param unresolvedPath decoded path with dot segments kept, e.g. {@code /a/../../etc/passwd}
 * @param query decoded query without the {@code ?}
 * @param params the query without site-search parameters
 * @param target decoded request target
 * @param method request method
 * @param protocol protocol, e.g. {@code http/1.1}
 * @param user authenticated user name as sent
 * @param rawUserAgent User-Agent header as logged, decoded on demand (see {@link #userAgent})
 * @param referer Referer header
 * @param extras fields logged after the user agent
 */
record NormalizedRequest(
    String path,
    String unresolvedPath,
    String query,
    String params,
    String target,
    String method,
    String protocol,
    String user,
    String rawUserAgent,
    String referer,
    List<String> extras) {

  /** The decoded User-Agent; rule matching caches per raw value instead of calling this. */
  String userAgent() {
    return Decoding.value(rawUserAgent, false);
  }

  /** Method, target and protocol as one line; built on demand since few rules need it. */
  String requestLine() {
    return requestLine(method, target, protocol);
  }

  /** The parts that are present, joined by single spaces. */
  static String requestLine(String method, String target, String protocol) {
    StringBuilder line = new StringBuilder(64);
    for (String part : new String[] {method, target, protocol}) {
      if (part != null) {
        line.append(line.length() == 0 ? "" : " ").append(part);
      }
    }
    return line.toString();
  }
}
