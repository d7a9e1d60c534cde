package org.probehunt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.HostSet;
import org.probehunt.testing.LogFiles;

/**
 * A varnishncsa log writes every request line with the site's own absolute URL: those are the
 * site's requests, while an absolute URL to another host in the same file, or a proxy scanner's
 * burst in a file of its own, is still a proxy probe. Both passes over a file agree.
 */
class SiteHostPassTest {
  private static final PassSettings SETTINGS =
      new PassSettings(
          null, ReadOptions.defaults(), RuleSet.defaults(), HostAllowList.NONE, TimeWindow.ALL);

  @TempDir Path tmp;

  private static String line(String host, int i, String target) {
    return String.format(
        "%s - - [01/Oct/2025:10:%02d:00 +0900] \"GET %s HTTP/1.1\" 200 9 \"-\" \"Mozilla/5.0\"",
        host, i % 60, target);
  }

  /** Twenty requests of four visitors for the site's own pages, then {@code more}. */
  private Path varnish(String name, String... more) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(line("11.0.0." + (1 + i % 4), i, "http://www.example.jp/page" + i + ".html"));
    }
    lines.addAll(List.of(more));
    return LogFiles.plain(tmp.resolve(name), lines);
  }

  /** The proxy-rule lines of a pass, by line number. */
  private static Map<Long, Boolean> proxyLines(FilePass pass) throws Exception {
    Map<Long, Boolean> lines = new TreeMap<>();
    try (pass) {
      pass.forEachRemaining(
          e -> {
            if (e instanceof LoggedRequest hit) {
              lines.put(hit.lineNo(), hit.detection().ruleIds().contains("proxy-absolute-uri"));
            }
          });
    }
    return lines;
  }

  private static Map<Long, Boolean> firstPass(Path file) throws Exception {
    return proxyLines(
        FilePass.probes(new Configuration(), List.of(file.toUri().toString()), SETTINGS, n -> {}));
  }

  @Test
  void theSitesOwnAbsoluteUrlsAreNotProxyProbesButAnotherHostsAre() throws Exception {
    Path file =
        varnish(
            "varnishncsa.log",
            line("11.0.9.9", 21, "http://proxy-judge.example/azenv.php"),
            line("11.0.9.8", 22, "http://www.example.jp/cgi-bin/phf"));
    assertEquals(Map.of(21L, true, 22L, false), firstPass(file), "only the foreign URL");

    Map<Long, Boolean> joinBack =
        proxyLines(
            FilePass.requestsOf(
                new Configuration(),
                List.of(file.toUri().toString()),
                SETTINGS,
                HostSet.of(Set.of("11.0.0.1", "11.0.9.9")),
                n -> {}));
    assertEquals(6, joinBack.size(), "five site pages and the probe: " + joinBack);
    assertEquals(List.of(true), joinBack.values().stream().filter(p -> p).toList());
  }

  @Test
  void oneScannersBurstOfAbsoluteUrlsIsNoSite() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      lines.add(line("11.0.9.9", i, "http://www.google.com/"));
    }
    Map<Long, Boolean> hits = firstPass(LogFiles.plain(tmp.resolve("burst.log"), lines));
    assertEquals(30, hits.size());
    assertEquals(Set.of(true), Set.copyOf(hits.values()));
  }

  @Test
  void aFileOfRelativeRequestsKeepsItsProxyProbes() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add(line("11.0.0." + (1 + i % 4), i, "/page" + i + ".html"));
    }
    lines.add(line("11.0.9.9", 21, "http://www.example.jp/"));
    assertEquals(Map.of(21L, true), firstPass(LogFiles.plain(tmp.resolve("access_log"), lines)));
  }
}
