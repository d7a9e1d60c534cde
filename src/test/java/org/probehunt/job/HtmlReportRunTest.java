package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/** report.html from a real run, parsed back and held against summary.json and the CSV files. */
class HtmlReportRunTest {
  private static final String HOSTILE_PATH = "/cgi-bin/phf?x=<script>alert('p')</script>&y=1";
  private static final String HOSTILE_AGENT = "<img src=x onerror=alert(1)> & <b>Scanner</b>";
  private static final String[] PROBES = {
    "/cgi-bin/phf", "/cgi-bin/test-cgi", "/.env", "/.git/config", "/cgi-bin/handler"
  };

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    SparkTestSession.get();
  }

  private static String line(String host, int day, int second, String path, String agent) {
    return String.format(
        "%s - - [%02d/Oct/2025:%02d:%02d:%02d +0900] \"GET %s HTTP/1.1\" 404 128 \"-\" \"%s\"",
        host, day, second / 3600 % 24, second / 60 % 60, second % 60, path, agent);
  }

  /**
   * A month of {@code scanners} hosts under five providers, each probing on its own day with one to
   * three probes and one page, and one host whose path and user agent are markup.
   */
  private static List<String> month(int scanners) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < scanners; i++) {
      String host = "h" + i + ".isp" + (i % 5) + ".example.co.jp";
      int day = 1 + (i * 7) % 12;
      String agent = "Mozilla/5.0 (scanner " + (i % 4) + ")";
      lines.add(line(host, day, i, "/index.html", agent));
      for (int p = 0; p <= i % 3; p++) {
        lines.add(line(host, day, i + p + 1, PROBES[(i + p) % PROBES.length], agent));
      }
    }
    for (int i = 0; i < 40; i++) {
      lines.add(line("198.51.100.66", 20, i, HOSTILE_PATH, HOSTILE_AGENT));
    }
    return lines;
  }

  private JobResult run(Path out, Path log, String lang) throws IOException {
    return ProbeJob.run(
        SparkTestSession.get(),
        TestSettings.of(List.of(log.toUri().toString()), out.toUri().toString())
            .withReportLanguage(lang),
        new PrintWriter(new StringWriter()));
  }

  private static Document page(Path out) throws IOException {
    return Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").strip());
  }

  /** The table's body rows as lists of cell texts. */
  private static List<List<String>> rows(Document page, String selector) {
    Element table = page.selectFirst(selector);
    assertNotNull(table, selector);
    // Every cell, empty ones too (eachText would leave those out).
    return table.select("tbody tr").stream()
        .map(tr -> tr.select("td").stream().map(Element::text).toList())
        .toList();
  }

  @Test
  void numbersAgreeWithTheCsvFilesAndTheHostTableIsCapped() throws IOException {
    Path out = tmp.resolve("out");
    Path log = LogFiles.plain(tmp.resolve("logs/access_log"), month(GlanceTables.HOSTS + 5));
    run(out, log, "en");
    Document page = page(out);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<Map<String, String>> hosts = CsvFiles.rows(out.resolve("hosts.csv"));
    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    List<Map<String, String>> probes =
        requests.stream().filter(r -> r.get("probe").equals("true")).toList();

    assertEquals("en", page.selectFirst("html").attr("lang"));
    // Every count and text of summary.json, with its value (probes_by_rule is the rules table).
    List<String> keys = new ArrayList<>();
    summary.fieldNames().forEachRemaining(keys::add);
    keys.removeIf(key -> summary.get(key).isObject());
    assertEquals(List.of("probes_by_rule"), objectKeys(summary));
    assertEquals(keys, page.select("dl.counts > div").eachAttr("data-key"));
    for (String key : keys) {
      String shown = page.selectFirst("dl.counts > div[data-key=" + key + "] > dd").text();
      JsonNode value = summary.get(key);
      assertEquals(value.asText(), value.isNumber() ? Long.toString(number(shown)) : shown, key);
    }

    // Probes per day: the chart's bars and the text table, against requests.csv.
    Map<String, Long> perDay =
        probes.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("time").substring(0, 10), TreeMap::new, Collectors.counting()));
    Map<String, Long> shownPerDay = new TreeMap<>();
    for (List<String> row : rows(page, "#per-day-numbers")) {
      if (number(row.get(1)) > 0) {
        shownPerDay.put(row.get(0), number(row.get(1)));
      }
    }
    assertEquals(perDay, shownPerDay);
    assertEquals(
        summary.get("probes").asLong(), shownPerDay.values().stream().mapToLong(n -> n).sum());
    Element chart = page.selectFirst("#per-day svg[role=img]");
    assertFalse(chart.attr("aria-label").isEmpty());
    assertEquals(
        perDay.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
        chart.select("rect.bar > title").eachText());

    // Top rules and paths, counted again from requests.csv.
    Map<String, Long> perRule = new HashMap<>();
    for (Map<String, String> r : probes) {
      for (String rule : r.get("rule").split(";", -1)) {
        perRule.merge(rule, 1L, Long::sum);
      }
    }
    assertTopList(perRule, rows(page, "#rules table"), "rules");
    Map<String, Long> byRule = new TreeMap<>();
    summary
        .get("probes_by_rule")
        .properties()
        .forEach(e -> byRule.put(e.getKey(), e.getValue().asLong()));
    assertTopList(byRule, rows(page, "#rules table"), "rules against summary.json");
    Map<String, Long> perPath =
        probes.stream().collect(Collectors.groupingBy(r -> r.get("path"), Collectors.counting()));
    assertTopList(perPath, rows(page, "#paths table"), "paths");

    // Campaigns and contacts, against campaigns.csv and hosts.csv.
    Map<String, String> campaignHosts =
        CsvFiles.rows(out.resolve("campaigns.csv")).stream()
            .collect(Collectors.toMap(c -> c.get("campaign"), c -> c.get("hosts")));
    List<List<String>> campaigns = rows(page, "#campaigns table");
    assertFalse(campaigns.isEmpty());
    for (List<String> row : campaigns) {
      assertEquals(campaignHosts.get(row.get(0)), Long.toString(number(row.get(2))), row.get(0));
    }
    Map<String, Long> perContact =
        hosts.stream()
            .filter(h -> !h.get("contact").isEmpty())
            .collect(Collectors.groupingBy(h -> h.get("contact"), Collectors.counting()));
    List<List<String>> contacts = rows(page, "#contacts-top table");
    assertEquals(Math.min(perContact.size(), GlanceTables.TOP), contacts.size());
    for (List<String> row : contacts) {
      assertEquals(perContact.get(row.get(0)), number(row.get(4)), row.get(0));
    }

    // The host table: the first 1,000 by probes, each as hosts.csv has it, the cap stated.
    Map<String, Map<String, String>> byHost =
        hosts.stream().collect(Collectors.toMap(h -> h.get("host"), Function.identity()));
    List<String> expected =
        hosts.stream()
            .sorted(
                Comparator.comparing((Map<String, String> h) -> -Long.parseLong(h.get("probes")))
                    .thenComparing(h -> h.get("host")))
            .limit(GlanceTables.HOSTS)
            .map(h -> h.get("host"))
            .toList();
    List<List<String>> shown = rows(page, "table#hosts");
    assertEquals(expected, shown.stream().map(r -> r.get(0)).toList());
    for (List<String> row : shown) {
      Map<String, String> csv = byHost.get(row.get(0));
      assertEquals(csv.get("probes"), Long.toString(number(row.get(1))), row.get(0));
      assertEquals(csv.get("requests"), Long.toString(number(row.get(2))), row.get(0));
      assertEquals(csv.get("first_seen"), row.get(3));
      assertEquals(csv.get("last_seen"), row.get(4));
      assertEquals(csv.get("contact"), row.get(7));
    }
    String cap = page.selectFirst("#hosts-cap").text();
    assertTrue(
        cap.contains(String.format("%,d", hosts.size()))
            && cap.contains(String.format("%,d", GlanceTables.HOSTS))
            && cap.contains("hosts.csv"),
        cap);
    assertEquals(summary.get("flagged_hosts").asLong(), hosts.size());

    assertSelfContained(page);
    assertHostileTextEscaped(out, page);
  }

  /** The page's top list holds the largest counts, each as the CSV files give it. */
  private static void assertTopList(
      Map<String, Long> counts, List<List<String>> rows, String what) {
    assertFalse(rows.isEmpty(), what);
    List<Long> largest =
        counts.values().stream().sorted(Comparator.reverseOrder()).limit(rows.size()).toList();
    assertEquals(largest, rows.stream().map(r -> number(r.get(1))).toList(), what);
    for (List<String> row : rows) {
      assertEquals(counts.get(row.get(0)), number(row.get(1)), what + ": " + row.get(0));
    }
  }

  private static void assertSelfContained(Document page) {
    assertTrue(
        page.select("[src], [href], [srcset], [action], [xlink:href], link, img, iframe, object")
            .isEmpty(),
        "nothing to fetch: " + page.select("[src], [href]"));
    for (Element style : page.select("style")) {
      assertFalse(style.data().contains("url(") || style.data().contains("@import"));
    }
    assertEquals(1, page.select("script").size());
    assertFalse(page.selectFirst("script").data().contains("http"));
    assertTrue(
        page.selectFirst("meta[http-equiv=Content-Security-Policy]")
            .attr("content")
            .startsWith("default-src 'none'"));
  }

  private static void assertHostileTextEscaped(Path out, Document page) throws IOException {
    String raw = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertFalse(
        raw.contains("<script>alert") || raw.contains("<img") || raw.contains("<b>"),
        "raw markup from the log");
    assertTrue(
        raw.contains("&lt;script&gt;alert(&#39;p&#39;)&lt;/script&gt;&amp;y=1"), "escaped path");
    assertTrue(rows(page, "#paths table").stream().anyMatch(r -> r.get(0).equals(HOSTILE_PATH)));
    assertTrue(rows(page, "#agents table").stream().anyMatch(r -> r.get(0).equals(HOSTILE_AGENT)));
    assertTrue(page.select("img, b").isEmpty());
  }

  @Test
  void japaneseLabelsAndTheSameBytesForTheSameLogs() throws IOException {
    Path log = LogFiles.plain(tmp.resolve("logs/access_log"), month(12));
    run(tmp.resolve("a"), log, "ja");
    run(tmp.resolve("b"), log, "ja");
    run(tmp.resolve("c"), log, "en");
    byte[] first = Files.readAllBytes(tmp.resolve("a/report.html"));
    assertArrayEquals(
        first, Files.readAllBytes(tmp.resolve("b/report.html")), "same logs, same page");

    Document ja = page(tmp.resolve("a"));
    Document en = page(tmp.resolve("c"));
    assertEquals("ja", ja.selectFirst("html").attr("lang"));
    assertEquals("probehunt レポート", ja.selectFirst("h1").text());
    assertEquals("検出ホスト", ja.selectFirst("div[data-key=flagged_hosts] dt").text());
    assertEquals("Flagged hosts", en.selectFirst("div[data-key=flagged_hosts] dt").text());
    assertTrue(ja.selectFirst("#per-day svg").attr("aria-label").contains("棒グラフ"));
    // The same numbers whatever the language.
    assertEquals(en.select("dl.counts dd").eachText(), ja.select("dl.counts dd").eachText());
    assertEquals(rows(en, "table#hosts"), rows(ja, "table#hosts"));
    assertTrue(ja.selectFirst("#hosts-cap").text().contains("hosts.csv"));
  }

  @Test
  void aMonthWithoutProbesSaysSo() throws IOException {
    Path log =
        LogFiles.plain(
            tmp.resolve("logs/access_log"),
            List.of(line("192.0.2.7", 3, 1, "/index.html", "Mozilla/5.0")));
    run(tmp.resolve("out"), log, "en");
    Document page = page(tmp.resolve("out"));
    assertEquals("No host was flagged.", page.selectFirst("#period").text());
    assertEquals("No probes", page.selectFirst("#per-day svg").attr("aria-label"));
    assertTrue(page.select("table#hosts").isEmpty());
    assertEquals("0", page.selectFirst("div[data-key=flagged_hosts] > dd").text());
  }

  private static List<String> objectKeys(JsonNode summary) {
    List<String> keys = new ArrayList<>();
    summary
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isObject()) {
                keys.add(e.getKey());
              }
            });
    return keys;
  }
}
