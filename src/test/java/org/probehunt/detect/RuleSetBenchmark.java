package org.probehunt.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.probehunt.parse.Request;

/**
 * Times {@link RuleSet#match} on mostly benign traffic; run with the test classpath, no arguments.
 */
public final class RuleSetBenchmark {
  private static final String[] PATHS = {
    "/",
    "/index.html",
    "/css/site.css",
    "/js/app.%d.js",
    "/images/photo-%d.jpg",
    "/blog/2024/%d/post",
    "/products/%d",
    "/search?q=shoes+size+%d&page=2",
    "/api/v1/items/%d?fields=name,price",
    "/favicon.ico",
    "/robots.txt",
    "/wp-content/uploads/2023/05/img%d.png",
    "/Docs/Guide_%d.HTML",
    "/news/article.php?id=%d&lang=en",
    "/static/fonts/roboto-%d.woff2"
  };
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"
  };

  private RuleSetBenchmark() {}

  public static void main(String[] args) {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    List<Request> pool = pool(100_000, new Random(1998));
    RuleSet rules = RuleSet.defaults();
    run(rules, pool, total / 2); // warm-up: let the JIT compile the hot path
    long start = System.nanoTime();
    long probes = run(rules, pool, total);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%,d requests in %.2f s: %,.0f requests/s on one thread (%,d probes)%n",
        total, seconds, total / seconds, probes);
  }

  private static long run(RuleSet rules, List<Request> pool, int count) {
    long probes = 0;
    for (int i = 0; i < count; i++) {
      Request r = pool.get(i % pool.size());
      // A fresh user-agent string per line, as the parser makes them, so its hash is not cached.
      Request fresh =
          new Request(
              r.vhost(),
              r.host(),
              r.user(),
              r.time(),
              r.method(),
              r.target(),
              r.protocol(),
              r.status(),
              r.bytes(),
              r.referer(),
              copy(r.userAgent()),
              r.extras());
      if (rules.match(fresh).probe()) {
        probes++;
      }
    }
    return probes;
  }

  private static String copy(String s) {
    return s == null ? null : new String(s.toCharArray());
  }

  /**
   * Distinct benign requests (new strings, as the parser makes them) with one probe in a hundred.
   */
  private static List<Request> pool(int size, Random random) {
    List<Requests.Row> probes = Requests.probes();
    List<Request> pool = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      if (random.nextInt(100) == 0) {
        pool.add(probes.get(random.nextInt(probes.size())).request());
        continue;
      }
      String path = String.format(PATHS[random.nextInt(PATHS.length)], random.nextInt(100_000));
      String referer =
          random.nextBoolean() ? null : "https://www.example.com/page/" + random.nextInt(1000);
      pool.add(
          Requests.of(
              "GET " + path + " HTTP/1.1",
              new String(AGENTS[random.nextInt(AGENTS.length)]),
              referer,
              "-",
              "0." + random.nextInt(999)));
    }
    return pool;
  }
}
