package org.probehunt.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads the lines of one file: each in the file's detected format first and, when that rejects it,
 * in the other formats, so that a file whose LogFormat changed part-way loses no line. Keeps which
 * formats it met, for inputs.csv. A W3C file is read through a {@link W3cFile}, which follows its
 * {@code #Fields:} directives. One instance per file; not shared between threads.
 */
public final class FileParser {
  private final LogFormat primary;
  private final boolean primaryDetected;
  private final List<LogFormat> order;
  private final LogFormat[] fallbacks;
  private final boolean[] seen;
  private final W3cFile w3c;
  private boolean primaryRead;
  private TrustedProxies proxies = TrustedProxies.NONE;

  /** Whether the format that read the last request keeps X-Forwarded-For in its first extra. */
  private boolean firstExtraForwards;

  /**
   * @param iisDefaults whether a W3C file's data lines before any {@code #Fields:} are read in
   *     IIS's default fields (else rejected as {@code no #Fields: directive})
   */
  FileParser(
      LogFormat detected, List<LogFormat> order, List<LogFormat> named, boolean iisDefaults) {
    this.primary = detected == null ? LogFormat.COMBINED : detected;
    this.primaryDetected = detected != null;
    this.order = order;
    this.seen = new boolean[order.size()];
    this.w3c =
        primary.compiled() instanceof W3cLayout columns
            ? new W3cFile(
                primary == LogFormat.W3C_IIS && !iisDefaults ? W3cLayout.UNKNOWN : columns)
            : null;
    List<LogFormat> others = new ArrayList<>();
    if (order.size() > 1) {
      for (LogFormat f : named) {
        if (f != primary) {
          others.add(f);
        }
      }
      if (primary != LogFormat.SSL_REQUEST_LOG) {
        others.add(LogFormat.SSL_REQUEST_LOG);
      }
      if (primary.reader() != LogFormat.Reader.VHOST) {
        others.add(LogFormat.VHOST_COMBINED);
      }
      if (primary.reader() != LogFormat.Reader.PLAIN) {
        others.add(LogFormat.COMBINED);
      }
    }
    this.fallbacks = others.toArray(LogFormat[]::new);
  }

  /** Reads the clients behind {@code trusted} from the headers they forward; returns this. */
  public FileParser behind(TrustedProxies trusted) {
    this.proxies = trusted;
    return this;
  }

  /**
   * The request on {@code line}, read in the file's format or else another; or why not. When the
   * logged client is a trusted proxy, the request is its client's (see {@link TrustedProxies}).
   */
  public ParseResult parse(String line) {
    ParseResult result = read(line);
    return proxies.isEmpty() || !(result instanceof Request request)
        ? result
        : proxies.resolve(request, firstExtraForwards);
  }

  private ParseResult read(String line) {
    ParseResult result = w3c == null ? LineParser.parse(line, primary) : w3c.parse(line);
    if (result instanceof Request) {
      primaryRead = true;
      firstExtraForwards = w3c == null && primary.reader() != LogFormat.Reader.COMPILED;
      return result;
    }
    if (result == LineParser.EMPTY || isOther(result)) {
      return result;
    }
    for (LogFormat other : fallbacks) {
      if (other.reader() == LogFormat.Reader.PLAIN) {
        LineCursor cursor = new LineCursor(line);
        if (cursor.parse(other) instanceof Request request) {
          firstExtraForwards = true;
          int shape = FormatDetector.shape(cursor, request);
          see(
              shape == 3
                  ? LogFormat.COMBINED_EXTRA
                  : shape == 4 ? LogFormat.COMBINED : LogFormat.COMMON);
          return request;
        }
      } else if (LineParser.parse(line, other) instanceof Request request) {
        firstExtraForwards = other.reader() != LogFormat.Reader.COMPILED;
        see(
            other.reader() == LogFormat.Reader.VHOST && request.port() == null
                ? LogFormat.VHOST
                : other);
        return request;
      }
    }
    // Last, a user name with spaces: only where no format reads the line, since a shifted field
    // (a vhost line read as combined) would pass for one.
    if ((result == LineParser.BAD_TIME || result == LineParser.BAD_REQUEST)
        && w3c == null
        && primary.reader() != LogFormat.Reader.COMPILED
        && new LineCursor(line).parseWithSpacedUser(primary) instanceof Request request) {
      primaryRead = true;
      firstExtraForwards = true;
      return request;
    }
    return result;
  }

  /**
   * Whether {@code result} is a line that is neither a request nor damage: a W3C directive, or an
   * event of another logger in a JSON log (Caddy's {@code tls} and {@code admin}). Counted apart.
   */
  public static boolean isOther(ParseResult result) {
    return result == W3cLayout.DIRECTIVE || result == JsonLayout.OTHER_LOGGER;
  }

  /**
   * True when {@code line}'s client, in any of the formats this file may hold, is one of {@code
   * hosts} or a trusted proxy (whose line may be for one of them): the join back parses only those
   * lines.
   */
  public boolean mayBeFrom(String line, HostSet hosts) {
    if (w3c == null ? wanted(line, primary, hosts) : wanted(w3c.client(line), hosts)) {
      return true;
    }
    for (LogFormat other : fallbacks) {
      if (wanted(line, other, hosts)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every format this file is read in finds the client where {@link HostSet#lacksClientOf}
   * looks for it, or none: a plain format first (the client, then identd's field), the built-in
   * fallbacks only (an SSL request log's line starts with its time, and a vhost line with identd's
   * "-" second has no client), and no trusted proxy, whose lines are for the clients they name
   * further on.
   */
  public boolean clientComesFirst() {
    if (w3c != null || primary.reader() != LogFormat.Reader.PLAIN || !proxies.isEmpty()) {
      return false;
    }
    for (LogFormat other : fallbacks) {
      if (other != LogFormat.SSL_REQUEST_LOG && other != LogFormat.VHOST_COMBINED) {
        return false;
      }
    }
    return true;
  }

  private boolean wanted(String line, LogFormat format, HostSet hosts) {
    // The cursor's formats, nearly every line of a month, are looked up where the client stands.
    return format.reader() == LogFormat.Reader.COMPILED || !proxies.isEmpty()
        ? wanted(LineParser.client(line, format), hosts)
        : new LineCursor(line).clientIn(format, hosts);
  }

  private boolean wanted(String client, HostSet hosts) {
    return client != null && (hosts.contains(client) || proxies.trusts(client));
  }

  /**
   * The formats met, joined by {@code ;} in a stable order ({@code combined;vhost_combined}): the
   * detected one, and any other that read a line. Null when no line was read and none detected.
   */
  public String labels() {
    StringJoiner joined = new StringJoiner(";");
    for (int i = 0; i < order.size(); i++) {
      LogFormat f = order.get(i);
      if (seen[i] || (f == primary && (primaryDetected || primaryRead))) {
        joined.add(f.label());
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }

  private void see(LogFormat format) {
    int index = order.indexOf(format);
    if (index >= 0) {
      seen[index] = true;
    }
  }
}
