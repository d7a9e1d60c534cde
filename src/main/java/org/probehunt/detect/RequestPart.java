package org.probehunt.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The part of a request a rule looks at; every value is decoded and lower-cased first. */
public enum RequestPart {
  /**
   * The path, decoded, with {@code \} as {@code /}, slashes collapsed and dot segments resolved.
   */
  PATH,
  /** Like {@link #PATH} but with dot segments left in place, so traversal stays visible. */
  UNRESOLVED_PATH,
  /** The decoded query string (after the first {@code ?}), {@code +} read as a space. */
  QUERY,
  /**
   * Like {@link #QUERY}, without the parameters a site search takes ({@code q}, {@code s}, {@code
   * query}, {@code search}, {@code keyword(s)}, {@code term}, {@code text}, {@code wd}): what a
   * visitor types into a search box is ordinary text, however much it looks like a payload.
   */
  PARAMS,
  /** The whole decoded request target, path and query, otherwise as logged. */
  TARGET,
  /**
   * An absolute-form target ({@code http://host/...}, as sent to proxies), decoded, when its host
   * is not the site's own: neither the log's vhost nor a {@code --server-name} (a leading {@code
   * www.} aside). Absent for every other request.
   */
  FOREIGN_URL,
  /** The request method. */
  METHOD,
  /** Method, decoded target and protocol joined by spaces. */
  REQUEST_LINE,
  /** The User-Agent header. */
  USER_AGENT,
  /** The Referer header. */
  REFERER,
  /** Each field logged after the user agent (X-Forwarded-For, cookies, ...). */
  EXTRAS,
  /** User agent, referer and extras. */
  HEADERS,
  /** Method, target and protocol (each on its own), authenticated user, and all headers. */
  ANY,
  /**
   * The request field as logged when it is not a method and a target: a TLS or SSH handshake,
   * binary, "-". Requests that are requests do not have it.
   */
  UNPARSED_REQUEST;

  /** The name used in rule files, e.g. {@code user_agent}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<RequestPart> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }

  static String keys() {
    return Arrays.stream(values()).map(RequestPart::key).collect(Collectors.joining(", "));
  }
}
