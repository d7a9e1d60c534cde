package org.probehunt.parse;

import java.util.List;
import java.util.Map;

/**
 * The nginx side of {@link FormatLanguage}: {@code $name} and {@code ${name}} variables, those
 * probehunt reads, those it ignores, and an error for any other.
 */
final class NginxFormats {
  private static final Map<String, Directive> NGINX =
      Map.ofEntries(
          Map.entry("remote_addr", Directive.CLIENT_ADDRESS),
          Map.entry("realip_remote_addr", Directive.PEER),
          Map.entry("remote_user", Directive.USER),
          Map.entry("time_local", Directive.TIME_LOCAL),
          Map.entry("time_iso8601", Directive.TIME_ISO),
          Map.entry("msec", Directive.TIME_SECONDS),
          Map.entry("request", Directive.REQUEST),
          Map.entry("request_method", Directive.METHOD),
          Map.entry("request_uri", Directive.URI),
          Map.entry("uri", Directive.PATH),
          Map.entry("document_uri", Directive.PATH),
          Map.entry("args", Directive.ARGS),
          Map.entry("query_string", Directive.ARGS),
          Map.entry("server_protocol", Directive.PROTOCOL),
          Map.entry("status", Directive.STATUS),
          Map.entry("body_bytes_sent", Directive.BYTES),
          Map.entry("bytes_sent", Directive.BYTES_SENT),
          Map.entry("host", Directive.VHOST),
          Map.entry("server_name", Directive.VHOST),
          Map.entry("server_port", Directive.PORT),
          Map.entry("http_referer", Directive.REFERER),
          Map.entry("http_user_agent", Directive.USER_AGENT));

  /** nginx variables that may be logged and carry nothing probehunt reads. */
  private static final List<String> NGINX_IGNORED =
      List.of(
          "request_time",
          "request_length",
          "connection",
          "connection_requests",
          "pipe",
          "gzip_ratio",
          "scheme",
          "https",
          "request_id",
          "hostname",
          "pid",
          "server_addr",
          "remote_port",
          "binary_remote_addr",
          "content_length",
          "content_type",
          "is_args",
          "request_completion",
          "request_filename",
          "document_root",
          "realpath_root",
          "proxy_protocol_addr",
          "proxy_protocol_port",
          "proxy_add_x_forwarded_for",
          "tcpinfo_rtt",
          "time_local_ms",
          "nginx_version",
          "limit_rate",
          "request_body",
          "status_text");

  private static final List<String> NGINX_IGNORED_PREFIXES =
      List.of(
          "upstream_",
          "ssl_",
          "sent_http_",
          "sent_trailer_",
          "cookie_",
          "arg_",
          "geoip_",
          "proxy_",
          "realip_",
          "jwt_",
          "limit_");

  private NginxFormats() {}

  /** Adds the literals and variables of nginx format {@code text} to {@code builder}. */
  static void compile(String text, FormatBuilder builder) {
    String normalised = text.replace("$uri$is_args$args", "$request_uri");
    int i = 0;
    while (i < normalised.length()) {
      char c = normalised.charAt(i);
      if (c != '$' || i + 1 >= normalised.length()) {
        builder.literal(c);
        i++;
        continue;
      }
      int start = i + 1;
      int stop;
      String name;
      if (normalised.charAt(start) == '{') {
        stop = normalised.indexOf('}', start);
        if (stop < 0) {
          throw new FormatException("unterminated ${ in log format at: " + normalised.substring(i));
        }
        name = normalised.substring(start + 1, stop);
        stop++;
      } else {
        stop = start;
        while (stop < normalised.length() && isNameChar(normalised.charAt(stop))) {
          stop++;
        }
        name = normalised.substring(start, stop);
      }
      if (name.isEmpty()) {
        builder.literal(c);
        i++;
        continue;
      }
      builder.field(nginxDirective(name), null, "$" + name);
      i = stop;
    }
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static Directive nginxDirective(String name) {
    Directive known = NGINX.get(name);
    if (known != null) {
      return known;
    }
    if (name.startsWith("http_")) {
      return switch (name) {
        case "http_x_forwarded_for" -> Directive.FORWARDED_FOR;
        case "http_x_real_ip" -> Directive.REAL_IP;
        case "http_forwarded" -> Directive.FORWARDED;
        default -> Directive.HEADER;
      };
    }
    if (NGINX_IGNORED.contains(name)
        || NGINX_IGNORED_PREFIXES.stream().anyMatch(name::startsWith)) {
      return Directive.IGNORED;
    }
    throw new FormatException("unknown variable $" + name + " in log format");
  }
}
