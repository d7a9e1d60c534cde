package org.probehunt.parse;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads one log line left to right; one short-lived instance per line, so nothing is shared. */
final class LineCursor {
  private final String line;
  private final int end;
  private int pos;
  private int quotedAfterBytes;
  // The first backslash at or after slashFrom (-1: none). Fields are read left to right, so one
  // search usually serves the whole line; a search per field would run to the line's end each time.
  private int slashFrom = Integer.MAX_VALUE;
  private int slash;

  LineCursor(String line) {
    this.line = line;
    int last = line.length();
    // Trailing blanks and a stray \r from CRLF files carry nothing.
    while (last > 0 && line.charAt(last - 1) <= ' ') {
      last--;
    }
    this.end = last;
  }

  /** How many quoted fields followed the byte count (0 common, 2 combined); for detection. */
  int quotedAfterBytes() {
    return quotedAfterBytes;
  }

  /** The client field exactly as {@link #parse} would take it, or null where there is none. */
  String client(LogFormat format) {
    int start = clientStart(format);
    int stop = start < 0 ? start : tokenEnd();
    return stop == start ? null : hostName(start, stop);
  }

  /** Whether the client field, as {@link #client} would give it, is one of {@code hosts}. */
  boolean clientIn(LogFormat format, HostSet hosts) {
    int start = clientStart(format);
    int stop = start < 0 ? start : tokenEnd();
    return stop != start && hosts.containsClient(line, start, stop);
  }

  /** Moves to the client field and returns its index; -1 when the line ends before it. */
  private int clientStart(LogFormat format) {
    if (format.reader() == LogFormat.Reader.VHOST) {
      tokenEnd();
      if (!nextField()) {
        return -1;
      }
    }
    return pos;
  }

  ParseResult parse(LogFormat format) {
    return parse(format, false);
  }

  /**
   * Reads the line as {@link #parse(LogFormat)} does, but with a user field of several words, as
   * Apache writes a user name the client chose (the {@code 401} lines of password guessing): the
   * time is then the first {@code [time]} after the user's first word that the request's opening
   * quote follows. For a line that no format reads otherwise (see {@link FileParser}).
   */
  ParseResult parseWithSpacedUser(LogFormat format) {
    return parse(format, true);
  }

  private ParseResult parse(LogFormat format, boolean spacedUser) {
    if (end == 0) {
      return LineParser.EMPTY;
    }
    String vhost = null;
    Integer port = null;
    if (format.reader() == LogFormat.Reader.VHOST) {
      int vhostStart = pos;
      int vhostEnd = tokenEnd();
      vhost = Fields.vhostName(line, vhostStart, vhostEnd);
      port = Fields.vhostPort(line, vhostStart, vhostEnd);
      if (vhost == null) {
        return LineParser.NO_VHOST;
      }
      if (!nextField()) {
        return LineParser.MISSING_FIELDS;
      }
    }
    int hostStart = pos;
    int hostEnd = tokenEnd();
    if (hostEnd == hostStart || Fields.isDash(line, hostStart, hostEnd)) {
      return LineParser.NO_CLIENT;
    }
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    int identStart = pos;
    int identEnd = tokenEnd(); // %l, the identd user: almost never logged, not kept
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    int userStart = pos;
    int userEnd = tokenEnd();
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    // A user name with spaces may also hold a time of its own: the spaced reading looks past it.
    OffsetDateTime time = spacedUser ? null : timeAt(pos);
    if (time == null) {
      // A shifted line (a vhost line read as combined) has no "-" for %l, or dashes for a user.
      int spaced =
          spacedUser && Fields.isDash(line, identStart, identEnd) ? timeAfterSpacedUser(pos) : -1;
      if (spaced < 0) {
        return LineParser.BAD_TIME;
      }
      userEnd = spaced - 1;
      while (line.charAt(userEnd - 1) == ' ') {
        userEnd--; // the user field's own spaces stay; the separating ones go
      }
      if (onlyDashes(userStart, userEnd)) {
        return LineParser.BAD_TIME;
      }
      pos = spaced;
      time = timeAt(pos);
    }
    pos += LogTimes.LENGTH + 2;
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    if (line.charAt(pos) != '"') {
      return LineParser.BAD_REQUEST;
    }
    int requestStart = pos + 1;
    int requestEnd = closingQuote(requestStart);
    if (requestEnd < 0) {
      return LineParser.UNTERMINATED_QUOTE;
    }
    pos = requestEnd + 1;
    String method = null;
    String target = null;
    String protocol = null;
    String unparsed = null;
    int firstSpace = line.indexOf(' ', requestStart);
    int lastSpace = line.lastIndexOf(' ', requestEnd - 1);
    boolean hasProtocol =
        lastSpace > firstSpace && Fields.isProtocol(line, lastSpace + 1, requestEnd);
    int targetEnd = hasProtocol ? lastSpace : requestEnd;
    if (firstSpace <= requestStart
        || firstSpace >= requestEnd
        || targetEnd == firstSpace + 1
        || !RequestLine.isMethod(line, requestStart, firstSpace)) {
      // "-" (a connection that sent nothing), a TLS or SSH handshake, binary: kept whole.
      unparsed = unescape(requestStart, requestEnd);
    } else {
      method = unescape(requestStart, firstSpace);
      target = unescape(firstSpace + 1, targetEnd);
      protocol = hasProtocol ? unescape(lastSpace + 1, requestEnd) : null;
    }
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    int status = Fields.status(line, pos, tokenEnd());
    if (status == Fields.BAD) {
      return LineParser.BAD_STATUS;
    }
    if (!nextField()) {
      return LineParser.MISSING_FIELDS;
    }
    long bytes = Fields.bytes(line, pos, tokenEnd());
    if (bytes == Fields.BAD) {
      return LineParser.BAD_BYTES;
    }
    String referer = null;
    String userAgent = null;
    if (nextField() && line.charAt(pos) == '"') {
      int close = closingQuote(pos + 1);
      if (close < 0) {
        return LineParser.UNTERMINATED_QUOTE;
      }
      referer = quotedOrNull(pos + 1, close);
      quotedAfterBytes = 1;
      pos = close + 1;
      if (nextField() && line.charAt(pos) == '"') {
        close = closingQuote(pos + 1);
        if (close < 0) {
          return LineParser.UNTERMINATED_QUOTE;
        }
        userAgent = quotedOrNull(pos + 1, close);
        quotedAfterBytes = 2;
        pos = close + 1;
      }
    }
    List<String> extras = List.of();
    while (nextField()) {
      String extra;
      if (line.charAt(pos) == '"') {
        int close = closingQuote(pos + 1);
        if (close < 0) {
          return LineParser.UNTERMINATED_QUOTE;
        }
        extra = unescape(pos + 1, close);
        pos = close + 1;
      } else {
        int from = pos;
        extra = line.substring(from, tokenEnd());
      }
      if (extras.isEmpty()) {
        extras = new ArrayList<>(4);
      }
      extras.add(extra);
    }
    return new Request(
        vhost,
        port,
        hostName(hostStart, hostEnd),
        Fields.isDash(line, userStart, userEnd) ? null : line.substring(userStart, userEnd),
        time,
        method,
        target,
        protocol,
        status == Fields.DASH ? null : Fields.boxedStatus(status),
        bytes == Fields.DASH ? null : bytes,
        referer,
        userAgent,
        extras,
        unparsed);
  }

  /** The time of a {@code [time]} field at {@code at}, or null where there is none that reads. */
  private OffsetDateTime timeAt(int at) {
    int close = at + 1 + LogTimes.LENGTH;
    if (line.charAt(at) != '['
        || close >= end
        || line.charAt(close) != ']'
        || (close + 1 < end && line.charAt(close + 1) != ' ')) {
      return null;
    }
    return LogTimes.parse(line, at + 1);
  }

  /**
   * Where the time field starts when the user field before it holds spaces: the first {@code [}
   * after {@code from} that follows a space, holds a time that reads, and is followed by a space
   * and the request's opening quote. A user name cannot hold that sequence, since the server
   * escapes its quotes. -1 when there is none.
   */
  private int timeAfterSpacedUser(int from) {
    for (int k = line.indexOf(" [", from); k >= 0; k = line.indexOf(" [", k + 1)) {
      int close = k + 2 + LogTimes.LENGTH;
      if (close + 2 < end && line.charAt(close + 2) == '"' && timeAt(k + 1) != null) {
        return k + 1;
      }
    }
    return -1;
  }

  private boolean onlyDashes(int from, int to) {
    for (int i = from; i < to; i++) {
      if (line.charAt(i) != '-' && line.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * The client in its canonical form ({@link ClientHosts}): one host logged as SURF.WIL.NET and
   * surf.wil.net, or as 2001:DB8::1 and [2001:db8::1], is one host. The log line keeps its text.
   */
  private String hostName(int start, int stop) {
    return ClientHosts.canonical(line, start, stop);
  }

  /** Moves past the separating spaces; false at the end of the line. */
  private boolean nextField() {
    while (pos < end && line.charAt(pos) == ' ') {
      pos++;
    }
    return pos < end;
  }

  /** Moves to the space or line end after the current bare token and returns that index. */
  private int tokenEnd() {
    while (pos < end && line.charAt(pos) != ' ') {
      pos++;
    }
    return pos;
  }

  private int closingQuote(int from) {
    return Fields.closingQuote(line, from, end, nextSlash(from));
  }

  /** {@code line[from, to)} with the escapes of quoted fields undone. */
  private String unescape(int from, int to) {
    return Fields.unescape(line, from, to, nextSlash(from));
  }

  /** The first backslash at or after {@code from}, or -1; each is looked for once. */
  private int nextSlash(int from) {
    if (from < slashFrom || (slash >= 0 && slash < from)) {
      slash = line.indexOf('\\', from);
      slashFrom = from;
    }
    return slash;
  }

  private String quotedOrNull(int from, int to) {
    return Fields.isDash(line, from, to) ? null : unescape(from, to);
  }
}
