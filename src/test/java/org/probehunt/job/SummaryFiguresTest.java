package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/** summary.json's rule digest, probes per rule and research hosts, against the CSV reports. */
class SummaryFiguresTest {
  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private static String line(String host, String second, String path, String agent) {
    return host
        + " - - [01/Oct/2025:10:00:"
        + second
        + " +0900] \"GET "
        + path
        + " HTTP/1.1\" 404 9 \"-\" \""
        + agent
        + "\"";
  }

  private JsonNode run() throws IOException {
    Path logs =
        LogFiles.plain(
            tmp.resolve("logs/access_log"),
            List.of(
                line(
                    "11.0.1.5",
                    "01",
                    "/cgi-bin/phf",
                    "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)"),
                line("11.0.2.7", "02", "/cgi-bin/phf", "Mozilla/5.0"),
                line("11.0.2.7", "03", "/cgi-bin/test-cgi", "Mozilla/5.0"),
                line("11.0.2.7", "04", "/index.html", "Mozilla/5.0"),
                line("11.0.2.8", "05", "/.env", "Mozilla/5.0"),
                line("ok.example.jp", "06", "/index.html", "Mozilla/5.0")));
    Path out = tmp.resolve("out");
    ProbeJob.run(
        spark,
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
        new PrintWriter(new StringWriter()));
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void theNewKeysFollowTheVersionInOrder() throws IOException {
    JsonNode summary = run();
    List<String> keys = new ArrayList<>();
    summary.fieldNames().forEachRemaining(keys::add);
    int version = keys.indexOf("version");
    assertTrue(version > 0, "keys: " + keys);
    assertEquals(
        List.of("version", "rules_digest", "probes_by_rule", "research_hosts"),
        keys.subList(version, version + 4));
    assertTrue(summary.get("rules_digest").asText().matches("[0-9a-f]{64}"), summary.toString());
  }

  @Test
  void probesByRuleAreRequestsCsvsRulesAndAddUpToTheProbes() throws IOException {
    JsonNode summary = run();
    Map<String, Long> expected = new TreeMap<>();
    for (Map<String, String> r : CsvFiles.rows(tmp.resolve("out/requests.csv"))) {
      if (r.get("probe").equals("true")) {
        assertFalse(r.get("rule").contains(";"), "each probe here matches one rule: " + r);
        expected.merge(r.get("rule"), 1L, Long::sum);
      }
    }
    assertTrue(expected.size() >= 2, "several rules: " + expected);
    Map<String, Long> byRule = new TreeMap<>();
    List<String> order = new ArrayList<>();
    summary
        .get("probes_by_rule")
        .properties()
        .forEach(
            e -> {
              order.add(e.getKey());
              byRule.put(e.getKey(), e.getValue().asLong());
            });
    assertEquals(expected, byRule);
    assertEquals(List.copyOf(byRule.keySet()), order, "sorted by rule id");
    assertEquals(
        summary.get("probes").asLong(), byRule.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void researchHostsAreTheFlaggedHostsWithAnActor() throws IOException {
    JsonNode summary = run();
    List<Map<String, String>> hosts = CsvFiles.rows(tmp.resolve("out/hosts.csv"));
    long actors = hosts.stream().filter(h -> !h.get("actor").isEmpty()).count();
    assertEquals(1, actors, "Censys among " + hosts);
    assertTrue(hosts.size() > actors, "and ordinary scanners: " + hosts);
    assertEquals(actors, summary.get("research_hosts").asLong());
  }

  @Test
  void otherCountsTheDirectiveLinesAsInputsCsvDoesAndComesLast() throws IOException {
    List<String> iis =
        LogFiles.with(
            LogFiles.IIS_HEADER,
            "2025-10-01 00:00:01 10.0.0.5 GET /cgi-bin/phf - 80 - 11.0.3.9 curl/8.0 - 404 0 2 1",
            "2025-10-01 00:00:02 10.0.0.5 GET /default.aspx - 80 - 11.0.3.10 Mozilla/5.0 - 200 0 0"
                + " 3",
            "not a W3C line",
            "#Date: 2025-10-01 01:00:00",
            "2025-10-01 01:00:03 10.0.0.5 GET /.env - 80 - 11.0.3.9 curl/8.0 - 404 0 2 1");
    Path logs = LogFiles.plain(tmp.resolve("logs/u_ex251001.log"), iis);
    Path out = tmp.resolve("out");
    ProbeJob.run(
        spark,
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
        new PrintWriter(new StringWriter()));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());

    long directives = iis.stream().filter(l -> l.startsWith("#")).count();
    List<Map<String, String>> inputs = CsvFiles.rows(out.resolve("inputs.csv"));
    assertEquals(1, inputs.size(), inputs.toString());
    assertEquals(Long.toString(directives), inputs.get(0).get("other"));
    assertEquals(directives, summary.get("other").asLong(), summary.toString());
    assertEquals(
        summary.get("lines").asLong(),
        summary.get("parsed").asLong()
            + summary.get("rejected").asLong()
            + summary.get("other").asLong());
    assertEquals(iis.size(), summary.get("lines").asLong());
    assertTrue(summary.get("rejected").asLong() > 0, summary.toString());
    List<String> keys = new ArrayList<>();
    summary.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("known_hosts", "other"), keys.subList(keys.size() - 2, keys.size()));
  }
}
