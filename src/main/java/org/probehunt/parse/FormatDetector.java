package org.probehunt.parse;

import java.util.List;
import java.util.Optional;

/** Picks the log format that reads most of a file's first lines. */
final class FormatDetector {
  private FormatDetector() {}

  /**
   * The format that fits the most lines of {@code sample} (the first hundred or so lines of a
   * file), or empty when no line parses at all. {@code named} are the formats of a --log-formats
   * file, tried before the built-ins.
   *
   * <p>The plain parser is lenient (it reads every common, combined and combined_extra line), so a
   * line counts for the one format whose layout it shows: a named format or ssl_request_log when it
   * parses in it; vhost_combined or vhost when it parses with the virtual host in front (with or
   * without a port); otherwise combined_extra when fields follow the user agent (or the byte
   * count), combined when the quoted referer follows the byte count, else common. Ties go to the
   * more specific format, in that order.
   *
   * <p>Unless a named format reads at least half of the sample: a file that starts with W3C
   * directives and has a {@code #Fields:} line among them is w3c_iis or cloudfront (see {@link
   * W3cFile#detect}), whatever else its lines hold; one that starts with a JSON object is
   * caddy_json, nginx_json or traefik_json by the keys of its entries (see {@link
   * JsonLayout#detect}); one whose lines read as AWS load balancer lines, at least half of them, is
   * aws_alb or aws_elb.
   *
   * <p>nginx_combined and combined parse alike and are told apart only by tells: nginx escapes a
   * quote as {@code \x22}, writes {@code ""} for a missing request line and logs status 499, while
   * Apache writes {@code \"}, {@code "-"} for a missing request line and "-" for zero bytes. When
   * combined wins and the sample has more nginx tells than Apache ones, the answer is
   * nginx_combined.
   */
  static Optional<LogFormat> detect(List<String> sample, List<LogFormat> named) {
    return detect(sample, named, false);
  }

  /**
   * As {@link #detect(List, List)}, for a file named like an IIS log when {@code iisNamed}: its
   * data lines may come before any {@code #Fields:} (see {@link W3cFile#detect}). A sample that
   * nothing else reads but whose lines have IIS's default fields is w3c_iis, whatever its name, so
   * that its lines are rejected for having no {@code #Fields:} rather than as bad Apache lines.
   */
  static Optional<LogFormat> detect(List<String> sample, List<LogFormat> named, boolean iisNamed) {
    LogFormat own = ownLayout(sample, iisNamed);
    if (own != null && !namedReads(sample, named)) {
      return Optional.of(own);
    }
    int first = named.size();
    LogFormat[] candidates = new LogFormat[first + 6];
    for (int i = 0; i < first; i++) {
      candidates[i] = named.get(i);
    }
    candidates[first] = LogFormat.SSL_REQUEST_LOG;
    candidates[first + 1] = LogFormat.VHOST_COMBINED;
    candidates[first + 2] = LogFormat.VHOST;
    candidates[first + 3] = LogFormat.COMBINED_EXTRA;
    candidates[first + 4] = LogFormat.COMBINED;
    candidates[first + 5] = LogFormat.COMMON;
    int[] fits = new int[candidates.length];
    int nginxTells = 0;
    int apacheTells = 0;
    for (String line : sample) {
      if (line == null) {
        continue;
      }
      for (int i = 0; i <= first; i++) {
        if (LineParser.parse(line, candidates[i]) instanceof Request) {
          fits[i]++;
        }
      }
      if (LineParser.parse(line, LogFormat.VHOST_COMBINED) instanceof Request vhosted) {
        fits[vhosted.port() != null ? first + 1 : first + 2]++;
      }
      LineCursor cursor = new LineCursor(line);
      if (!(cursor.parse(LogFormat.COMBINED) instanceof Request request)) {
        continue;
      }
      fits[first + shape(cursor, request)]++;
      nginxTells += nginxTells(line, request);
      apacheTells += apacheTells(line, request);
    }
    int best = -1;
    for (int i = 0; i < candidates.length; i++) {
      if (fits[i] > 0 && (best < 0 || fits[i] > fits[best])) {
        best = i;
      }
    }
    if (best < 0) {
      // Nothing reads it, but its data would be IIS's under an IIS name: rejected as such.
      return Optional.ofNullable(W3cFile.detect(sample, true));
    }
    if (candidates[best] == LogFormat.COMBINED && nginxTells > apacheTells) {
      return Optional.of(LogFormat.NGINX_COMBINED);
    }
    return Optional.of(candidates[best]);
  }

  /** The W3C, JSON or load balancer format the sample shows, or null. */
  private static LogFormat ownLayout(List<String> sample, boolean iisNamed) {
    LogFormat w3c = W3cFile.detect(sample, iisNamed);
    if (w3c != null) {
      return w3c;
    }
    LogFormat json = JsonLayout.detect(sample);
    return json != null ? json : ElbLayout.detect(sample);
  }

  /** True when a named format reads at least half the sample's lines that are not blank. */
  private static boolean namedReads(List<String> sample, List<LogFormat> named) {
    for (LogFormat format : named) {
      int lines = 0;
      int read = 0;
      for (String line : sample) {
        if (line != null && !line.isBlank()) {
          lines++;
          read += LineParser.parse(line, format) instanceof Request ? 1 : 0;
        }
      }
      if (read > 0 && 2 * read >= lines) {
        return true;
      }
    }
    return false;
  }

  /** Where the layout this one line shows, read without a vhost, sits after the named formats. */
  static int shape(LineCursor cursor, Request request) {
    if (!request.extras().isEmpty()) {
      return 3;
    }
    return cursor.quotedAfterBytes() > 0 ? 4 : 5;
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
