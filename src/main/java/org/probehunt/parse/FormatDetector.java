package org.probehunt.parse;

import java.util.List;
import java.util.Optional;

/** Picks the log format that reads most of a file's first lines. */
public final class FormatDetector {
  /** Most specific first: the order that breaks a tie. */
  private static final LogFormat[] BY_SPECIFICITY = {
    LogFormat.VHOST_COMBINED, LogFormat.COMBINED_EXTRA, LogFormat.COMBINED, LogFormat.COMMON
  };

  private FormatDetector() {}

  /**
   * The format that fits the most lines of {@code sample} (the first hundred or so lines of a
   * file), or empty when no line parses at all.
   *
   * <p>The parser is lenient (every non-vhost format reads every non-vhost line), so a line
   * counts for the one format whose layout it shows: vhost_combined when it parses with the
   * virtual host in front; otherwise combined_extra when fields follow the user agent (or the
   * byte count), combined when the quoted referer follows the byte count, else common. Ties go
   * to the more specific format: vhost_combined, combined_extra, combined, common.
   *
   * <p>nginx_combined and combined parse alike and are told apart only by tells: nginx escapes a
   * quote as {@code \x22}, writes {@code ""} for a missing request line and logs status 499,
   * while Apache writes {@code \"}, {@code "-"} for a missing request line and "-" for zero
   * bytes. When combined wins and the sample has more nginx tells than Apache ones, the answer
   * is nginx_combined.
   */
  public static Optional<LogFormat> detect(List<String> sample) {
    int[] fits = new int[LogFormat.values().length];
    int nginxTells = 0;
    int apacheTells = 0;
    for (String line : sample) {
      if (line == null) {
        continue;
      }
      if (LineParser.parse(line, LogFormat.VHOST_COMBINED) instanceof Request) {
        fits[LogFormat.VHOST_COMBINED.ordinal()]++;
      }
      LineScanner scanner = new LineScanner(line);
      if (!(scanner.parse(LogFormat.COMBINED) instanceof Request request)) {
        continue;
      }
      fits[shape(scanner, request).ordinal()]++;
      nginxTells += nginxTells(line, request);
      apacheTells += apacheTells(line, request);
    }
    LogFormat best = null;
    for (LogFormat format : BY_SPECIFICITY) {
      if (fits[format.ordinal()] > 0
          && (best == null || fits[format.ordinal()] > fits[best.ordinal()])) {
        best = format;
      }
    }
    if (best == LogFormat.COMBINED && nginxTells > apacheTells) {
      best = LogFormat.NGINX_COMBINED;
    }
    return Optional.ofNullable(best);
  }

  /** The layout this one line shows, read without a vhost. */
  private static LogFormat shape(LineScanner scanner, Request request) {
    if (!request.extras().isEmpty()) {
      return LogFormat.COMBINED_EXTRA;
    }
    return scanner.quotedAfterBytes() > 0 ? LogFormat.COMBINED : LogFormat.COMMON;
  }

  private static int nginxTells(String line, Request request) {
    int tells = line.contains("\\x22") ? 1 : 0;
    if (request.method() == null && line.contains("] \"\" ")) {
      tells++;
    }
    if (request.status() != null && request.status() == 499) {
      tells++;
    }
    return tells;
  }

  private static int apacheTells(String line, Request request) {
    int tells = line.contains("\\\"") ? 1 : 0;
    if (request.method() == null && line.contains("] \"-\" ")) {
      tells++;
    }
    if (request.bytes() == null) {
      tells++;
    }
    return tells;
  }
}
