package org.probehunt.parse;

import java.util.Locale;
import java.util.Optional;

/** The access-log layouts probehunt reads; detected per file, or forced with --format. */
public enum LogFormat {
  /**
   * {@code %h %l %u %t "%r" %>s %b}, for example:
   *
   * <pre>{@code
   * surf.wil.net - - [23/Nov/1998:19:52:17 +0900] "GET /cgi-bin/phf" 200 44
   * }</pre>
   *
   * <p>{@code %h} client address or name, {@code %l} identd user (ignored), {@code %u}
   * authenticated user, {@code %t} time with offset, {@code %r} request line (method, target,
   * protocol), {@code %>s} final status, {@code %b} response bytes ("-" for none).
   */
  COMMON("common"),
  /**
   * Common plus {@code "%{Referer}i" "%{User-Agent}i"}, for example:
   *
   * <pre>{@code
   * 203.0.113.9 - - [02/Mar/2025:10:00:01 +0000] "GET /x HTTP/1.1" 404 196 "-" "curl/8.0"
   * }</pre>
   *
   * <p>The common fields, then the Referer and User-Agent request headers, quoted.
   */
  COMBINED("combined"),
  /**
   * {@code %v:%p} before a combined line (Apache's other_vhosts_access.log), for example:
   *
   * <pre>{@code
   * www.example.com:443 203.0.113.9 - - [02/Mar/2025:10:00:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"
   * }</pre>
   *
   * <p>{@code %v} the virtual host that served the request, {@code %p} its port (optional; kept
   * as {@link Request#port()}), then the combined fields.
   */
  VHOST_COMBINED("vhost_combined"),
  /**
   * nginx's combined layout, told apart by its {@code \xHH} escaping of quotes, for example:
   *
   * <pre>{@code
   * 198.51.100.4 - - [02/Mar/2025:10:00:01 +0100] "GET /?q=\x22x HTTP/1.1" 404 153 "-" "Go-http-client/1.1"
   * }</pre>
   *
   * <p>{@code $remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
   * "$http_referer" "$http_user_agent"}: the same fields as combined, and parsed the same way.
   */
  NGINX_COMBINED("nginx_combined"),
  /**
   * Combined followed by more fields, quoted or bare, for example:
   *
   * <pre>{@code
   * 10.0.0.1 - - [02/Mar/2025:10:00:01 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0" "198.51.100.7, 10.0.0.1" 0.123
   * }</pre>
   *
   * <p>The combined fields, then any number of site-specific ones (here X-Forwarded-For and the
   * request time), kept in order without their quotes.
   */
  COMBINED_EXTRA("combined_extra");

  private final String label;

  LogFormat(String label) {
    this.label = label;
  }

  /** The name used in reports and by --format. */
  public String label() {
    return label;
  }

  /** The format with this label, ignoring case. */
  public static Optional<LogFormat> byLabel(String label) {
    String wanted = label.toLowerCase(Locale.ROOT);
    for (LogFormat f : values()) {
      if (f.label.equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
