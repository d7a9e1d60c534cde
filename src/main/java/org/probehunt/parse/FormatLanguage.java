package org.probehunt.parse;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
  private FormatLanguage() {}

  /**
   * The format {@code spec} compiled under {@code label}.
   *
   * @throws FormatException naming the unknown directive or what else is wrong
   */
  static LogFormat compile(String label, String spec) {
    String text = unquoted(spec.strip());
    FormatBuilder builder = new FormatBuilder();
    if (isNginx(text)) {
      NginxFormats.compile(text, builder);
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

  private static void apache(String text, FormatBuilder builder) {
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
    return switch (argument.toLowerCase(Locale.ROOT)) {
      case "referer" -> Directive.REFERER;
      case "user-agent" -> Directive.USER_AGENT;
      case "x-forwarded-for" -> Directive.FORWARDED_FOR;
      case "x-real-ip" -> Directive.REAL_IP;
      case "forwarded" -> Directive.FORWARDED;
      default -> Directive.HEADER;
    };
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
}
