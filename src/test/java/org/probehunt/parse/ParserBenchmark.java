package org.probehunt.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@link LineParser#parse} on one thread over realistic combined lines; run by
 * jobs/bench-parse. Arguments: lines per round (default 5,000,000), then optionally a format name
 * or string to parse them with instead of the built-in combined (e.g. {@code '%h %l %u %t "%r" %>s
 * %b "%{Referer}i" "%{User-Agent}i"'}, which reads the same lines with a compiled format).
 */
public final class ParserBenchmark {
  private static final int DISTINCT_LINES = 300_000;
  private static final int DEFAULT_LINES_PER_ROUND = 5_000_000;
  private static final int WARM_UP_ROUNDS = 3;
  private static final int ROUNDS = 7;
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "HEAD", "OPTIONS"};
  private static final String[] PATHS = {
    "/",
    "/index.html",
    "/favicon.ico",
    "/robots.txt",
    "/cgi-bin/phf",
    "/cgi-bin/test-cgi",
    "/wp-login.php",
    "/xmlrpc.php",
    "/.env",
    "/static/css/site.css",
    "/static/js/app.min.js",
    "/images/logo.png",
    "/api/v1/items",
    "/search",
    "/phpmyadmin/index.php",
    "/admin/login",
    "/blog/2024/03/some-long-article-title-with-words",
    "/.git/config",
    "/server-status",
  };
  private static final String[] PROTOCOLS = {"HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0"};
  private static final int[] STATUSES = {200, 200, 200, 200, 304, 404, 404, 301, 403, 500};
  private static final String[] REFERERS = {
    "-",
    "-",
    "https://www.example.com/",
    "https://www.google.com/search?q=example+site",
    "http://www.example.com/blog/2024/03/some-long-article-title-with-words",
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
        + " Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl/8.5.0",
    "python-requests/2.31.0",
    "Mozilla/5.0 zgrab/0.x",
    "-",
  };

  private ParserBenchmark() {}

  public static void main(String[] args) {
    int linesPerRound = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_LINES_PER_ROUND;
    LogFormat format = args.length > 1 ? LogFormat.of(args[1]) : LogFormat.COMBINED;
    System.out.printf(
        Locale.ROOT,
        "format %s%s%n",
        format.label(),
        format.spec() == null ? "" : ": " + format.spec());
    String[] lines = lines(new Random(19981123L));
    long averageLength = Arrays.stream(lines).mapToLong(String::length).sum() / lines.length;
    System.out.printf(
        Locale.ROOT,
        "%,d distinct combined lines, %d chars on average%n",
        lines.length,
        averageLength);
    long sink = 0;
    for (int round = 0; round < WARM_UP_ROUNDS; round++) {
      sink += parseRound(lines, linesPerRound, format);
    }
    double[] rates = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      sink += parseRound(lines, linesPerRound, format);
      double seconds = (System.nanoTime() - start) / 1e9;
      rates[round] = linesPerRound / seconds;
      System.out.printf(Locale.ROOT, "round %d: %,.0f lines/s%n", round + 1, rates[round]);
    }
    Arrays.sort(rates);
    System.out.printf(
        Locale.ROOT,
        "median: %,.0f lines/s on one thread (checksum %d)%n",
        rates[ROUNDS / 2],
        sink);
  }

  /** Parses {@code count} lines and returns a checksum so the work cannot be optimised away. */
  private static long parseRound(String[] lines, int count, LogFormat format) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      if (LineParser.parse(lines[i % lines.length], format) instanceof Request r) {
        sum += r.status() + r.time().getSecond() + r.target().length();
      } else {
        throw new IllegalStateException("benchmark line rejected: " + lines[i % lines.length]);
      }
    }
    return sum;
  }

  private static String[] lines(Random random) {
    String[] lines = new String[DISTINCT_LINES];
    for (int i = 0; i < lines.length; i++) {
      StringBuilder line = new StringBuilder(256);
      if (random.nextInt(10) == 0) {
        line.append("2001:db8:")
            .append(Integer.toHexString(random.nextInt(0x10000)))
            .append("::")
            .append(Integer.toHexString(1 + random.nextInt(0xffff)));
      } else {
        line.append(1 + random.nextInt(223))
            .append('.')
            .append(random.nextInt(256))
            .append('.')
            .append(random.nextInt(256))
            .append('.')
            .append(1 + random.nextInt(254));
      }
      line.append(random.nextInt(50) == 0 ? " - alice [" : " - - [");
      line.append(
          String.format(
              Locale.ROOT,
              "%02d/%s/%d:%02d:%02d:%02d %s] \"",
              1 + random.nextInt(28),
              MONTHS[random.nextInt(12)],
              2020 + random.nextInt(6),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(4) == 0 ? "+0000" : "+0900"));
      line.append(pick(random, METHODS)).append(' ').append(pick(random, PATHS));
      if (random.nextInt(3) == 0) {
        line.append("?id=")
            .append(random.nextInt(100_000))
            .append("&q=")
            .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
      }
      int status = STATUSES[random.nextInt(STATUSES.length)];
      line.append(' ')
          .append(pick(random, PROTOCOLS))
          .append("\" ")
          .append(status)
          .append(' ')
          .append(status == 304 ? "-" : Integer.toString(random.nextInt(60_000)))
          .append(" \"")
          .append(pick(random, REFERERS))
          .append("\" \"")
          .append(pick(random, AGENTS))
          .append('"');
      lines[i] = line.toString();
    }
    return lines;
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
