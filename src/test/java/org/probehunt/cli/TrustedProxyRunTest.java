package org.probehunt.cli;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleDigest;
import org.probehunt.detect.RuleSet;
import org.probehunt.parse.TrustedProxies;
import org.probehunt.report.Columns;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/**
 * run --trusted-proxy on a site behind a reverse proxy that logs X-Forwarded-For as the first extra
 * field (combined_extra): the scanners behind the proxy are flagged, the proxy is not.
 */
class TrustedProxyRunTest {
  private static final String PROXY = "10.0.0.9";
  private static final Set<String> PROBES = Set.of("/cgi-bin/phf?Qalias=x", "/cgi-bin/test-cgi?*");

  /** One logged request and the client it is meant to be counted under behind the proxy. */
  private record Logged(String logged, String xff, String path, String client) {}

  private static final List<Logged> LOG =
      List.of(
          new Logged(PROXY, "198.51.100.7", "/", "198.51.100.7"),
          new Logged(PROXY, "198.51.100.7, 10.0.0.5", "/cgi-bin/phf?Qalias=x", "198.51.100.7"),
          new Logged(PROXY, "198.51.100.7", "/cgi-bin/test-cgi?*", "198.51.100.7"),
          new Logged(PROXY, "2001:DB8::7", "/cgi-bin/phf?Qalias=x", "2001:db8::7"),
          new Logged(PROXY, "2001:db8::7", "/index.html", "2001:db8::7"),
          // an ordinary visitor, whose left XFF entry is its own (forgeable) word
          new Logged(PROXY, "6.6.6.6, 192.0.2.33", "/index.html", "192.0.2.33"),
          new Logged(PROXY, "192.0.2.33", "/about.html", "192.0.2.33"),
          // a scanner forging the visitor's address in front of its own
          new Logged(PROXY, "192.0.2.33, 203.0.113.99", "/cgi-bin/phf?Qalias=x", "203.0.113.99"),
          // the proxy's own health check names no one: it stays the proxy's, never flagged
          new Logged(PROXY, "-", "/cgi-bin/test-cgi?*", PROXY),
          new Logged(PROXY, "unknown", "/health", PROXY),
          // a client reaching the server directly: what it forwards is not believed
          new Logged("203.0.113.5", "1.2.3.4", "/cgi-bin/phf?Qalias=x", "203.0.113.5"),
          new Logged("203.0.113.5", "-", "/", "203.0.113.5"));

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  private Path logs() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < LOG.size(); i++) {
      lines.add(line(LOG.get(i), i));
    }
    return LogFiles.plain(tmp.resolve("logs/access_log"), lines).getParent();
  }

  private static String line(Logged l, int second) {
    return String.format(
        "%s - - [01/Oct/2025:12:00:%02d +0900] \"GET %s HTTP/1.1\" 404 196 \"-\""
            + " \"Mozilla/5.0\" \"%s\"",
        l.logged(), second, l.path(), l.xff());
  }

  /** Requests and probes per host, as the hosts counted under {@code client} sent them. */
  private static Map<String, List<Long>> expected(boolean behindProxy) {
    Map<String, List<Long>> counts = new TreeMap<>();
    for (Logged l : LOG) {
      String host = behindProxy ? l.client() : l.logged();
      List<Long> c = counts.computeIfAbsent(host, h -> new ArrayList<>(List.of(0L, 0L)));
      c.set(0, c.get(0) + 1);
      c.set(1, c.get(1) + (PROBES.contains(l.path()) ? 1 : 0));
    }
    // Only hosts that sent a probe are flagged; a trusted proxy never is.
    counts.values().removeIf(c -> c.get(1) == 0);
    if (behindProxy) {
      counts.remove(PROXY);
    }
    return counts;
  }

  private static Map<String, List<Long>> flagged(Path out) throws IOException {
    Map<String, List<Long>> hosts = new TreeMap<>();
    for (Map<String, String> row : CsvFiles.rows(out.resolve("hosts.csv"))) {
      hosts.put(
          row.get("host"),
          List.of(Long.valueOf(row.get("requests")), Long.valueOf(row.get("probes"))));
    }
    return hosts;
  }

  /** What run allows by default: no --allow, loopback never flagged. */
  private static final HostAllowList LOOPBACK_ALLOWED = HostAllowList.parse(List.of(), true);

  private static String rulesDigest(Path out) throws IOException {
    return new ObjectMapper()
        .readTree(out.resolve("summary.json").toFile())
        .get("rules_digest")
        .asText();
  }

  @Test
  void withoutTheOptionTheProxyIsFlaggedForEveryoneBehindIt() throws IOException {
    Path out = tmp.resolve("out");
    Outcome o = probehunt("run", "--out", out.toString(), logs().toString());
    assertEquals(0, o.code(), o.toString());
    assertEquals(expected(false), flagged(out));
    assertTrue(flagged(out).containsKey(PROXY), "the proxy is taken for a scanner");
    assertEquals(
        RuleDigest.of(RuleSet.defaults(), LOOPBACK_ALLOWED), rulesDigest(out), "no proxies");
    for (Map<String, String> row : CsvFiles.rows(out.resolve("requests.csv"))) {
      assertEquals("", row.get("proxy"), row.toString());
    }
  }

  @Test
  void withTheOptionTheScannersBehindTheProxyAreFlaggedAndItIsNot() throws IOException {
    Path out = tmp.resolve("out");
    Outcome o =
        probehunt(
            "run",
            "--out",
            out.toString(),
            "--trusted-proxy",
            "10.0.0.0/8,2001:db8:ff::/48",
            logs().toString());
    assertEquals(0, o.code(), o.toString());
    Map<String, List<Long>> hosts = flagged(out);
    String digest = rulesDigest(out);
    assertNotEquals(RuleDigest.of(RuleSet.defaults(), LOOPBACK_ALLOWED), digest);
    assertEquals(
        RuleDigest.of(
            RuleSet.defaults(),
            LOOPBACK_ALLOWED,
            TrustedProxies.parse(List.of("10.0.0.0/8", "2001:db8:ff::/48"))),
        digest,
        "the trusted proxies are part of summary.json's rules_digest");
    assertEquals(expected(true), hosts);
    assertTrue(!hosts.containsKey(PROXY) && !hosts.containsKey("192.0.2.33"), hosts.toString());

    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(Columns.REQUESTS, CsvFiles.header(out.resolve("requests.csv")));
    Map<String, Set<String>> linesByHost = new TreeMap<>();
    for (int i = 0; i < LOG.size(); i++) {
      if (hosts.containsKey(LOG.get(i).client())) {
        linesByHost
            .computeIfAbsent(LOG.get(i).client(), h -> new java.util.TreeSet<>())
            .add(line(LOG.get(i), i));
      }
    }
    assertEquals(
        linesByHost,
        requests.stream()
            .collect(
                groupingBy(r -> r.get("host"), TreeMap::new, mapping(r -> r.get("line"), toSet()))),
        "the join back finds every line of the real clients, ordinary ones included");
    for (Map<String, String> row : requests) {
      String expectedProxy = row.get("line").startsWith(PROXY + " ") ? PROXY : "";
      assertEquals(expectedProxy, row.get("proxy"), row.toString());
    }
    assertEquals(
        LOG.stream().filter(l -> hosts.containsKey(l.client())).count(),
        requests.stream().collect(counting()));
  }

  @Test
  void aBadBlockIsOneLineNamingItAndExitCodeTwo() throws IOException {
    Outcome o =
        probehunt(
            "run",
            "--out",
            tmp.resolve("out").toString(),
            "--trusted-proxy",
            "10.0.0.0/8",
            "--trusted-proxy",
            "10.0.0.0/33",
            logs().toString());
    assertEquals(2, o.code(), o.toString());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(o.err().contains("'10.0.0.0/33'") && o.err().contains("--trusted-proxy"), o.err());
  }
}
