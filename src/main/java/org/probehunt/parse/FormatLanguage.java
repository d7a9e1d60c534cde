package org.probehunt.parse;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles an Apache {@code LogFormat} string ({@code %h %l %u %t "%r" %>s %b}) or an nginx {@code
 * log_format} string ({@code $remote_addr - $remote_user [$time_local] "$request" ...}) into a
 * {@link CompiledFormat}, once, so that reading a line is a walk over literals and fields.
 *
 * <p>A string with a {@code $name} variable and no {@code %} directive is nginx's; any other is
 * Apache's. Apache's status conditions ({@code %400,501{User-agent}i}) and {@code <}/{@code >}
 * modifiers are accepted and ignored; {@code \"}, {@code \t} and {@code \\} escapes are undone, and
 * quotes around the whole string (as in httpd.conf) are dropped. An unknown directive or variable,
 * two fields with nothing between them, or a format without a client or a time is a {@link
 * FormatException} naming what is wrong.
 */
final class FormatLanguage {
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

  private FormatLanguage() {}

  /**
   * The format {@code spec} compiled under {@code label}.
   *
   * @throws FormatException naming the unknown directive or what else is wrong
   */
  static LogFormat compile(String label, String spec) {
    String text = unquoted(spec.strip());
    Builder builder = new Builder();
    if (isNginx(text)) {
      nginx(text, builder);
    } else {
      apache(text, builder);
    }
    return new LogFormat(label, LogFormat.Reader.COMPILED, spec, builder.build());
  }

  private static boolean isNginx(String text) {
    boolean percent = false;
    boolean dollar = false;
    for (int i = 0; i + 1 < text.length(); i++) {
      char next = text.charAt(i + 1);
      percent |= text.charAt(i) == '%' && next != '%' && next != ' ';
      dollar |= text.charAt(i) == '$' && (Character.isLetter(next) || next == '{');
    }
    return dollar && !percent;
  }

  /** Drops quotes around the whole string and undoes httpd.conf escapes. */
  private static String unquoted(String spec) {
    String text = spec;
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      String inner = text.substring(1, text.length() - 1);
      if (!inner.replace("\\\"", "").contains("\"")) {
        text = inner;
      }
    } else if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
      text = text.substring(1, text.length() - 1);
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? ' ' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void apache(String text, Builder builder) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '%') {
        builder.literal(c);
        i++;
        continue;
      }
      int start = i++;
      // Status conditions (%400,501{...}i, %!200i) and the < > modifiers change nothing here.
      while (i < text.length() && "0123456789,!<>".indexOf(text.charAt(i)) >= 0) {
        i++;
      }
      String argument = null;
      if (i < text.length() && text.charAt(i) == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw new FormatException("unterminated %{ in log format at: " + text.substring(start));
        }
        argument = text.substring(i + 1, close);
        i = close + 1;
      }
      if (i >= text.length()) {
        throw new FormatException("log format ends inside a directive: " + text.substring(start));
      }
      char letter = text.charAt(i++);
      if (letter == '%' && argument == null) {
        builder.literal('%');
        continue;
      }
      if (letter == '^' && i + 1 < text.length()) {
        i += 2; // %{VAR}^ti and friends: trailers, not used
        builder.field(Directive.IGNORED, null, text.substring(start, i));
        continue;
      }
      String name = text.substring(start, i);
      builder.field(apacheDirective(letter, argument, name), timePattern(letter, argument), name);
    }
  }

  private static Directive apacheDirective(char letter, String argument, String name) {
    return switch (letter) {
      case 'a' -> "c".equals(argument) ? Directive.PEER : Directive.CLIENT_ADDRESS;
      case 'h' -> Directive.CLIENT_HOST;
      case 'u' -> Directive.USER;
      case 't' -> timeDirective(argument);
      case 'r' -> Directive.REQUEST;
      case 'm' -> Directive.METHOD;
      case 'U' -> Directive.PATH;
      case 'q' -> Directive.QUERY;
      case 'H' -> Directive.PROTOCOL;
      case 's' -> Directive.STATUS;
      case 'b', 'B' -> Directive.BYTES;
      case 'O' -> Directive.BYTES_SENT;
      case 'v', 'V' -> Directive.VHOST;
      case 'p' ->
          argument == null || argument.equals("canonical") || argument.equals("local")
              ? Directive.PORT
              : Directive.IGNORED;
      case 'i' -> header(argument, name);
      case 'l', 'A', 'D', 'T', 'I', 'S', 'k', 'L', 'P', 'R', 'X', 'f' -> Directive.IGNORED;
      case 'C', 'e', 'n', 'o', 'x' -> {
        if (argument == null) {
          throw new FormatException(name + " in log format needs a name in braces");
        }
        yield Directive.IGNORED;
      }
      default -> throw new FormatException("unknown directive " + name + " in log format");
    };
  }

  private static Directive header(String argument, String name) {
    if (argument == null) {
      throw new FormatException(name + " in log format needs a header name in braces");
    }
    String header = argument.toLowerCase(Locale.ROOT);
    return header.equals("referer")
        ? Directive.REFERER
        : header.equals("user-agent") ? Directive.USER_AGENT : Directive.HEADER;
  }

  private static Directive timeDirective(String argument) {
    if (argument == null) {
      return Directive.TIME_BRACKETED;
    }
    String pattern = argument.replaceFirst("^(begin|end):", "");
    return switch (pattern) {
      case "sec" -> Directive.TIME_SECONDS;
      case "msec" -> Directive.TIME_MILLIS;
      case "usec" -> Directive.TIME_MICROS;
      case "msec_frac", "usec_frac" -> Directive.IGNORED;
      case "" -> Directive.TIME_BRACKETED;
      default -> Directive.TIME_PATTERN;
    };
  }

  private static DateTimeFormatter timePattern(char letter, String argument) {
    if (letter != 't' || timeDirective(argument) != Directive.TIME_PATTERN) {
      return null;
    }
    return Strftime.formatter(argument.replaceFirst("^(begin|end):", ""));
  }

  private static void nginx(String text, Builder builder) {
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
      return Directive.HEADER;
    }
    if (NGINX_IGNORED.contains(name)
        || NGINX_IGNORED_PREFIXES.stream().anyMatch(name::startsWith)) {
      return Directive.IGNORED;
    }
    throw new FormatException("unknown variable $" + name + " in log format");
  }

  /** Collects literals and fields in order, and checks the whole. */
  private static final class Builder {
    private final List<String> literals = new ArrayList<>();
    private final List<Directive> directives = new ArrayList<>();
    private final List<DateTimeFormatter> patterns = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private StringBuilder literal = new StringBuilder();

    void literal(char c) {
      literal.append(c);
    }

    void field(Directive directive, DateTimeFormatter pattern, String name) {
      int last = directives.size() - 1;
      if (last >= 0
          && literal.length() == 0
          && directive == Directive.QUERY
          && directives.get(last) == Directive.PATH) {
        directives.set(last, Directive.URI); // %U%q: the path and query as sent
        return;
      }
      if (!directives.isEmpty() && literal.length() == 0) {
        throw new FormatException(
            "log format needs a separator between " + names.get(names.size() - 1) + " and " + name);
      }
      literals.add(literal.toString());
      literal = new StringBuilder();
      directives.add(directive);
      patterns.add(pattern);
      names.add(name);
    }

    CompiledFormat build() {
      literals.add(literal.toString());
      if (directives.stream().noneMatch(Builder::isClient)) {
        throw new FormatException("log format has no client (%h, %a or $remote_addr)");
      }
      if (directives.stream().noneMatch(d -> d.name().startsWith("TIME_"))) {
        throw new FormatException("log format has no time (%t or $time_local)");
      }
      return new CompiledFormat(
          literals.toArray(String[]::new),
          directives.toArray(Directive[]::new),
          patterns.toArray(DateTimeFormatter[]::new));
    }

    private static boolean isClient(Directive d) {
      return d == Directive.CLIENT_ADDRESS || d == Directive.CLIENT_HOST || d == Directive.PEER;
    }
  }
}
