package org.probehunt.parse;

/**
 * Turns one access-log line into a {@link Request} or a {@link Rejection}, never an exception.
 *
 * <p>The line layouts, with an example and a field legend each, are documented on {@link
 * LogFormat}. A built-in format is a hint: a line lacking the trailing referer and user agent still
 * parses (they are null), and fields after them go into {@link Request#extras()}; {@code
 * vhost_combined} and {@code vhost} expect the {@code %v[:%p]} prefix. A compiled format reads its
 * own layout (see {@link CompiledFormat}).
 *
 * <p>Lenient where real logs vary: {@code \"} and {@code \\} are unescaped inside quoted fields
 * (other escapes such as nginx's {@code \x22} are kept as logged); a request line without a
 * protocol (HTTP/0.9 style) has a null protocol; a request target may contain spaces (the protocol
 * is the last word when it looks like {@code HTTP/x.y}); a request field that is not a method and a
 * target — {@code "-"} or {@code ""} (a connection that sent none), a TLS or SSH handshake, binary
 * — gives null method, target and protocol and is kept whole in {@link Request#requestLine()}, so
 * the line is still a request; "-" for status, bytes, user, referer or user agent gives null;
 * trailing blanks and a stray {@code \r} are ignored; fields may be separated by more than one
 * space.
 *
 * <p>A line whose client, time or status cannot be read is rejected, with one of these reasons:
 *
 * <ul>
 *   <li>{@code empty} — nothing but blanks
 *   <li>{@code no vhost} — vhost_combined line with no name before the client
 *   <li>{@code no client} — the client field is empty or "-"
 *   <li>{@code missing fields} — the line ends before the byte count
 *   <li>{@code bad time} — not {@code [dd/Mon/yyyy:HH:mm:ss +hhmm]}, or an impossible date
 *   <li>{@code bad request} — the request field is not quoted
 *   <li>{@code unterminated quote} — a quoted field has no closing quote
 *   <li>{@code bad status} — the status is neither 1 to 3 digits nor "-"
 *   <li>{@code bad bytes} — the byte count is neither up to 18 digits nor "-"
 * </ul>
 *
 * <p>Formats with layouts of their own add theirs: {@code w3c directive}, {@code extra fields} and
 * {@code no #Fields: directive} ({@link W3cLayout}), {@code bad json} and {@code other logger}
 * ({@link JsonLayout}).
 *
 * <p>This is the job's hot path: it scans characters by hand (no regular expression, no split, no
 * formatter) and copies only the fields it returns.
 */
public final class LineParser {
  static final Rejection EMPTY = new Rejection("empty");
  static final Rejection NO_VHOST = new Rejection("no vhost");
  static final Rejection NO_CLIENT = new Rejection("no client");
  static final Rejection MISSING_FIELDS = new Rejection("missing fields");
  static final Rejection BAD_TIME = new Rejection("bad time");
  static final Rejection BAD_REQUEST = new Rejection("bad request");
  static final Rejection UNTERMINATED_QUOTE = new Rejection("unterminated quote");
  static final Rejection BAD_STATUS = new Rejection("bad status");
  static final Rejection BAD_BYTES = new Rejection("bad bytes");

  private LineParser() {}

  /**
   * Parses one line, already decoded to text and without its line terminator.
   *
   * @param line the log line; null is treated as empty
   * @param format the layout to expect; null is read as combined
   * @return the request, or a rejection carrying one of the reasons listed above
   */
  public static ParseResult parse(String line, LogFormat format) {
    if (line == null) {
      return EMPTY;
    }
    if (format != null && format.reader() == LogFormat.Reader.COMPILED) {
      return format.compiled().parse(line);
    }
    return new LineCursor(line).parse(format == null ? LogFormat.COMBINED : format);
  }

  /**
   * The client field of a line without parsing the rest, for skipping the lines of other hosts
   * cheaply: a line whose client is not wanted need not be parsed at all. Null when the line has no
   * client field; otherwise equal to what {@link #parse} puts in {@code host}.
   */
  public static String client(String line, LogFormat format) {
    if (line == null) {
      return null;
    }
    if (format != null && format.reader() == LogFormat.Reader.COMPILED) {
      return format.compiled().client(line);
    }
    return new LineCursor(line).client(format == null ? LogFormat.COMBINED : format);
  }
}
