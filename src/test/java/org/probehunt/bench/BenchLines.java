package org.probehunt.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmark's requests, each written in several formats: the same client, time, request,
 * status, bytes, referer and user agent as a combined line, an IIS W3C line in IIS's default
 * fields, a Caddy JSON entry and an nginx {@code escape=json} entry.
 */
public final class BenchLines {
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
  private static final DateTimeFormatter APACHE =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss xx", Locale.ROOT);
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** One request, as every format writes it. */
  private record Sent(
      String host,
      String user,
      Instant time,
      ZoneOffset offset,
      String method,
      String path,
      String query,
      String protocol,
      int status,
      String bytes,
      String referer,
      String agent) {}

  private BenchLines() {}

  /** {@code count} lines in {@code kind}: combined, w3c_iis, caddy_json or nginx_json. */
  public static String[] of(String kind, int count, long seed) {
    Random random = new Random(seed);
    String[] lines = new String[count];
    for (int i = 0; i < count; i++) {
      Sent s = sent(random);
      lines[i] =
          switch (kind) {
            case "w3c_iis" -> iis(s);
            case "caddy_json" -> caddy(s);
            case "nginx_json" -> nginx(s);
            default -> combined(s);
          };
    }
    return lines;
  }

  private static Sent sent(Random random) {
    String host;
    if (random.nextInt(10) == 0) {
      host =
          "2001:db8:"
              + Integer.toHexString(random.nextInt(0x10000))
              + "::"
              + Integer.toHexString(1 + random.nextInt(0xffff));
    } else {
      host =
          (1 + random.nextInt(223))
              + "."
              + random.nextInt(256)
              + "."
              + random.nextInt(256)
              + "."
              + (1 + random.nextInt(254));
    }
    String user = random.nextInt(50) == 0 ? "alice" : "-";
    Instant time =
        Instant.ofEpochSecond(1_577_836_800L + (long) random.nextInt(6 * 365 * 86_400))
            .plusMillis(random.nextInt(1000));
    ZoneOffset offset = random.nextInt(4) == 0 ? ZoneOffset.UTC : ZoneOffset.ofHours(9);
    String method = pick(random, METHODS);
    String path = pick(random, PATHS);
    String query =
        random.nextInt(3) == 0
            ? "id="
                + random.nextInt(100_000)
                + "&q="
                + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
            : null;
    int status = STATUSES[random.nextInt(STATUSES.length)];
    String bytes = status == 304 ? "-" : Integer.toString(random.nextInt(60_000));
    return new Sent(
        host,
        user,
        time,
        offset,
        method,
        path,
        query,
        pick(random, PROTOCOLS),
        status,
        bytes,
        pick(random, REFERERS),
        pick(random, AGENTS));
  }

  private static String target(Sent s) {
    return s.query() == null ? s.path() : s.path() + "?" + s.query();
  }

  private static String combined(Sent s) {
    return String.format(
        Locale.ROOT,
        "%s - %s [%s] \"%s %s %s\" %d %s \"%s\" \"%s\"",
        s.host(),
        s.user(),
        APACHE.format(s.time().atOffset(s.offset())),
        s.method(),
        target(s),
        s.protocol(),
        s.status(),
        s.bytes(),
        s.referer(),
        s.agent());
  }

  /** IIS's default fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port ... */
  private static String iis(Sent s) {
    return String.join(
        " ",
        W3C.format(s.time().atOffset(ZoneOffset.UTC)),
        "10.0.0.5",
        s.method(),
        s.path(),
        s.query() == null ? "-" : s.query(),
        "443",
        s.user(),
        s.host(),
        s.agent().replace(' ', '+'),
        s.referer(),
        Integer.toString(s.status()),
        "0",
        "0",
        Integer.toString(s.status() % 97));
  }

  private static String caddy(Sent s) {
    return String.format(
        Locale.ROOT,
        "{\"level\":\"info\",\"ts\":%d.%06d,\"logger\":\"http.log.access.log0\","
            + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"%s\","
            + "\"remote_port\":\"52110\",\"client_ip\":\"%s\",\"proto\":\"%s\",\"method\":\"%s\","
            + "\"host\":\"www.example.jp\",\"uri\":\"%s\",\"headers\":{\"User-Agent\":[\"%s\"],"
            + "\"Accept-Encoding\":[\"gzip\"],\"Referer\":[\"%s\"]},\"tls\":{\"resumed\":false,"
            + "\"version\":772,\"cipher_suite\":4865,\"proto\":\"h2\",\"server_name\":"
            + "\"www.example.jp\"}},\"bytes_read\":0,\"user_id\":\"\",\"duration\":0.000%d,"
            + "\"size\":%s,\"status\":%d,\"resp_headers\":{\"Server\":[\"Caddy\"],"
            + "\"Content-Type\":[\"text/html; charset=utf-8\"]}}",
        s.time().getEpochSecond(),
        // Caddy's ts: whole seconds, then the microseconds within that second.
        s.time().get(java.time.temporal.ChronoField.MICRO_OF_SECOND),
        s.host(),
        s.host(),
        s.protocol(),
        s.method(),
        target(s),
        s.agent(),
        s.referer(),
        100 + s.status(),
        s.bytes().equals("-") ? "0" : s.bytes(),
        s.status());
  }

  private static String nginx(Sent s) {
    return String.format(
        Locale.ROOT,
        "{\"time_local\":\"%s\",\"remote_addr\":\"%s\",\"remote_user\":\"%s\","
            + "\"request\":\"%s %s %s\",\"status\":\"%d\",\"body_bytes_sent\":\"%s\","
            + "\"request_time\":\"0.%03d\",\"http_referer\":\"%s\",\"http_user_agent\":\"%s\"}",
        APACHE.format(s.time().atOffset(s.offset())),
        s.host(),
        s.user().equals("-") ? "" : s.user(),
        s.method(),
        target(s),
        s.protocol(),
        s.status(),
        s.bytes().equals("-") ? "0" : s.bytes(),
        s.status() % 1000,
        s.referer().equals("-") ? "" : s.referer(),
        s.agent());
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
