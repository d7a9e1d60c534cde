package org.probehunt.parse;

/**
 * Splits a logged request line into method, target and protocol, or keeps it whole when it is not
 * one: a TLS or SSH handshake, binary, a lone word or {@code -} (a connection that sent no
 * request). One short-lived instance per line.
 */
public final class RequestLine {
  String method;
  String target;
  String protocol;

  /** The request field as logged (unescaped) when it is not a method and a target, else null. */
  String raw;

  /** {@code field} (a request field without its quotes) read as the log parsers read it. */
  public static RequestLine of(String field) {
    RequestLine line = new RequestLine();
    line.read(field, 0, field.length());
    return line;
  }

  /**
   * A method and a target logged apart, as JSON logs do, read as the field {@code "method target"}
   * would be; they are taken as they are when that field would split back into them.
   */
  static RequestLine of(String method, String target) {
    if (target != null
        && !method.isEmpty()
        && !target.isEmpty()
        && isMethod(method, 0, method.length())
        && method.indexOf('\\') < 0
        && target.indexOf('\\') < 0
        && target.indexOf(' ') < 0) {
      RequestLine line = new RequestLine();
      line.method = method;
      line.target = target;
      return line;
    }
    return of(target == null ? method : method + " " + target);
  }

  /** The method, or null when the field is no request. */
  public String method() {
    return method;
  }

  /** The target, or null when the field is no request. */
  public String target() {
    return target;
  }

  /** The protocol, or null when none was logged. */
  public String protocol() {
    return protocol;
  }

  /** The whole field when it is not a method and a target (a handshake, binary, "-"), else null. */
  public String raw() {
    return raw;
  }

  /**
   * Reads {@code line[from, to)}, the request field without its quotes. Never fails: what is not a
   * method, a space and a target is kept in {@link #raw}.
   */
  void read(String line, int from, int to) {
    int slash = line.indexOf('\\', from);
    boolean escaped = slash >= 0 && slash < to; // most request lines have no escape to undo
    int firstSpace = line.indexOf(' ', from);
    if (firstSpace <= from || firstSpace >= to || !isMethod(line, from, firstSpace)) {
      // "-" is Apache's request line for a connection that sent none (408); nginx writes "".
      raw = text(line, from, to, escaped);
      return;
    }
    int targetEnd = to;
    int lastSpace = line.lastIndexOf(' ', to - 1);
    String version = null;
    if (lastSpace > firstSpace && Fields.isProtocol(line, lastSpace + 1, to)) {
      targetEnd = lastSpace;
      version = text(line, lastSpace + 1, to, escaped);
    }
    if (targetEnd == firstSpace + 1) {
      raw = text(line, from, to, escaped);
      return;
    }
    method = text(line, from, firstSpace, escaped);
    target = text(line, firstSpace + 1, targetEnd, escaped);
    protocol = version;
  }

  private static String text(String line, int from, int to, boolean escaped) {
    return escaped ? Fields.unescape(line, from, to) : line.substring(from, to);
  }

  /**
   * True for a token of letters, digits and the few marks RFC 9110 allows in a method, not starting
   * like an SSH banner; a logged {@code \x16} escape or other binary is not a method.
   */
  static boolean isMethod(String line, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        continue;
      }
      if (c == '-' && i - from == 3 && line.regionMatches(true, from, "SSH", 0, 3)) {
        return false; // an SSH banner, SSH-2.0-...
      }
      if ((c < '0' || c > '9') && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
