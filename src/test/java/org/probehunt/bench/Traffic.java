package org.probehunt.bench;

import java.util.SplittableRandom;

/** Ordinary requests to a small Japanese shop-and-blog site, written from the request on. */
final class Traffic {
  static final String SITE = "https://www.example.jp";
  static final String[] BROWSERS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SO-51D) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SH-53C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers)",
  };
  private static final String[] WORDS = {
    "autumn", "kyoto", "ramen", "sale", "matcha", "travel", "camera", "lens", "review", "guide",
        "coffee",
    "sakura", "onsen", "hiking", "recipe", "tea", "bag", "shoes", "winter", "tokyo", "night",
        "market",
  };
  private static final String[] ASSETS = {
    "/static/css/site.3f9a1c2e.css", "/static/js/app.8c1d44f0.js", "/static/js/vendor.a71be903.js",
    "/static/fonts/NotoSansJP-Regular.woff2", "/static/img/logo.svg", "/favicon.ico",
  };

  /** Benign requests containing the probes' words: a plain grep counts them, the rules must not. */
  private static final String[] LOOK_ALIKES = {
    "/photos/phf-2019.jpg",
    "/docs/handler.html",
    "/search?q=phf",
    "/blog/2019/05/what-was-phf/",
    "/docs/cgi-bin-history/test-cgi.html",
    "/docs/env-variables.html",
    "/search?q=git+config",
  };

  private static final String[] REFERERS = {
    "https://www.google.com/",
    "https://www.google.co.jp/",
    "https://search.yahoo.co.jp/",
    "https://www.bing.com/",
    "https://t.co/Xk3v9QpLmZ",
    "https://www.instagram.com/",
    "https://b.hatena.ne.jp/entry/s/www.example.jp/",
  };
  private static final String[] SIZES = {"S", "M", "L", "XL"};
  private static final String[] COLOURS = {"black", "white", "navy", "red", "beige"};

  private Traffic() {}

  /** One visitor request, from the request line to the user agent's closing quote. */
  static void visit(AsciiBuffer out, SplittableRandom r, String agent) {
    int kind = r.nextInt(1000);
    if (kind < 300) {
      page(out, r);
      status(out, r, 4_000, 60_000, true);
      referer(out, r, r.nextInt(10) < 4 ? null : REFERERS[r.nextInt(REFERERS.length)]);
    } else if (kind < 750) {
      if (r.nextInt(3) == 0) {
        out.append("GET /images/items/")
            .append(1000 + r.nextInt(4000))
            .append(r.nextBoolean() ? "_thumb.jpg" : ".jpg");
      } else {
        out.append("GET ").append(ASSETS[r.nextInt(ASSETS.length)]);
      }
      protocol(out, r);
      status(out, r, 2_000, 400_000, true);
      referer(out, r, "page");
    } else if (kind < 800) {
      out.append("GET /search?q=").append(word(r)).append('+').append(word(r));
      if (r.nextInt(4) == 0) {
        out.append("&page=").append(2 + r.nextInt(9));
      }
      protocol(out, r);
      status(out, r, 3_000, 30_000, false);
      referer(out, r, "page");
    } else if (kind < 900) {
      if (r.nextInt(5) == 0) {
        out.append("POST /api/v2/cart");
      } else {
        out.append("GET /api/v2/items?page=")
            .append(1 + r.nextInt(40))
            .append("&per_page=20&sort=")
            .append(r.nextBoolean() ? "new" : "popular");
      }
      protocol(out, r);
      status(out, r, 200, 9_000, false);
      referer(out, r, "page");
    } else if (kind < 999) {
      int which = r.nextInt(4);
      out.append(
          which == 0
              ? "GET /robots.txt"
              : which == 1
                  ? "GET /sitemap.xml"
                  : which == 2 ? "GET /feed.xml" : "GET /apple-touch-icon.png");
      protocol(out, r);
      if (which == 3) {
        out.append("404 196");
      } else {
        status(out, r, 300, 40_000, false);
      }
      referer(out, r, null);
    } else {
      out.append("GET ").append(LOOK_ALIKES[r.nextInt(LOOK_ALIKES.length)]);
      protocol(out, r);
      status(out, r, 1_000, 90_000, false);
      referer(out, r, r.nextBoolean() ? null : "page");
    }
    agent(out, agent);
  }

  /** A page a scanner might also fetch between its probes. */
  static void plainRequest(AsciiBuffer out, SplittableRandom r, String agent) {
    int which = r.nextInt(5);
    out.append(
        which == 0
            ? "GET /"
            : which == 1
                ? "GET /robots.txt"
                : which == 2 ? "GET /favicon.ico" : which == 3 ? "HEAD /" : "GET /login");
    out.append(r.nextBoolean() ? " HTTP/1.1\" " : " HTTP/1.0\" ");
    out.append(which == 4 ? "404 196" : which == 3 ? "200 -" : "200 " + (100 + r.nextInt(20_000)));
    out.append(" \"-\"");
    agent(out, agent);
  }

  /** A page or an asset, fetched by a client that sends no referer, as scanners between probes. */
  static void fetch(AsciiBuffer out, SplittableRandom r, String agent) {
    if (r.nextBoolean()) {
      page(out, r);
      status(out, r, 4_000, 60_000, false);
    } else {
      out.append("GET ").append(ASSETS[r.nextInt(ASSETS.length)]);
      protocol(out, r);
      status(out, r, 2_000, 400_000, false);
    }
    referer(out, r, null);
    agent(out, agent);
  }

  static String word(SplittableRandom r) {
    return WORDS[r.nextInt(WORDS.length)];
  }

  static void agent(AsciiBuffer out, String agent) {
    out.append(" \"").append(agent).append('"');
  }

  private static void page(AsciiBuffer out, SplittableRandom r) {
    int which = r.nextInt(6);
    out.append(r.nextInt(200) == 0 ? "HEAD " : "GET ");
    switch (which) {
      case 0 -> out.append("/");
      case 1, 2 ->
          out.append("/blog/2025/")
              .append2(1 + r.nextInt(10))
              .append('/')
              .append(word(r))
              .append('-')
              .append(word(r))
              .append('-')
              .append(word(r))
              .append('/');
      case 3 ->
          out.append("/products/")
              .append(10_000 + r.nextInt(5_000))
              .append("?color=")
              .append(COLOURS[r.nextInt(COLOURS.length)])
              .append("&size=")
              .append(SIZES[r.nextInt(SIZES.length)]);
      case 4 -> out.append("/products/").append(10_000 + r.nextInt(5_000));
      default -> out.append("/tags/").append(word(r)).append('/');
    }
    protocol(out, r);
  }

  private static void protocol(AsciiBuffer out, SplittableRandom r) {
    int p = r.nextInt(100);
    out.append(p < 60 ? " HTTP/1.1\" " : p < 98 ? " HTTP/2.0\" " : " HTTP/1.0\" ");
  }

  /** Status and size; cacheable content is sometimes a 304 with no body ("-"). */
  private static void status(
      AsciiBuffer out, SplittableRandom r, int minBytes, int maxBytes, boolean cacheable) {
    int s = r.nextInt(1000);
    if (cacheable && s < 120) {
      out.append("304 -");
    } else if (s < 960) {
      out.append("200 ").append(minBytes + r.nextInt(maxBytes - minBytes));
    } else if (s < 975) {
      out.append("301 ").append(230 + r.nextInt(20));
    } else if (s < 997) {
      out.append("404 196");
    } else {
      out.append("500 531");
    }
  }

  /** The referer field: "-", a search engine or social site, or a page of this site. */
  private static void referer(AsciiBuffer out, SplittableRandom r, String kind) {
    out.append(" \"");
    if (kind == null) {
      out.append('-');
    } else if (!kind.equals("page")) {
      out.append(kind);
    } else if (r.nextInt(10) == 0) {
      out.append('-');
    } else {
      out.append(SITE)
          .append("/blog/2025/")
          .append2(1 + r.nextInt(10))
          .append('/')
          .append(word(r))
          .append('-')
          .append(word(r))
          .append('/');
    }
    out.append('"');
  }
}
