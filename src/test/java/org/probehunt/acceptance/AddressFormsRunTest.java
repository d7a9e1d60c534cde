package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/**
 * One address written in several forms is one host through a whole run — counted once with all its
 * probes, its lines joined back in every form — and special-use addresses, in whatever form, are
 * reported but never drafted nor put into abuseipdb.csv.
 */
class AddressFormsRunTest {
  /** 2a00:db8::/32 is no documentation prefix (2001:db8::/32 is), so this host is public. */
  private static final List<String> PUBLIC_V6 =
      List.of(
          "2a00:db8::1",
          "2A00:DB8:0:0::1",
          "[2a00:db8::1]",
          "2a00:0db8:0000:0000:0000:0000:0000:0001",
          "[2A00:db8::0:1]");

  private static final List<String> PUBLIC_V4 =
      List.of("11.0.0.9", "::ffff:11.0.0.9", "::FFFF:B00:9", "011.000.000.009");

  /** Each has four probes, enough for --min-probes 4: a private, link-local, documentation... */
  private static final List<List<String>> SPECIAL =
      List.of(
          List.of("10.0.0.5", "::ffff:10.0.0.5", "010.0.0.5", "[::ffff:a00:5]"),
          List.of("fe80::1%eth0", "[fe80::1%25eth0]", "FE80::1", "fe80:0:0:0:0:0:0:1"),
          List.of("2001:db8::7", "2001:DB8::7", "[2001:db8::7]", "2001:db8:0::7"),
          List.of("::ffff:192.168.1.7", "192.168.1.7", "192.168.1.7", "192.168.1.7"),
          // Loopback is not even flagged unless --flag-loopback.
          List.of("[::1]", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"));

  @TempDir Path tmp;

  private int second;

  private String line(String client, String path) {
    int s = second++;
    return String.format(
        "%s - - [01/Oct/2025:10:%02d:%02d +0900] \"GET %s HTTP/1.1\" 404 10 \"-\" \"Mozilla/5.0\"",
        client, s / 60, s % 60, path);
  }

  @Test
  void oneAddressInManyFormsIsOneHostAndSpecialUseIsNeverDrafted() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String form : PUBLIC_V6) {
      lines.add(line(form, "/cgi-bin/phf"));
      lines.add(line(form, "/index.html"));
    }
    for (String form : PUBLIC_V4) {
      lines.add(line(form, "/cgi-bin/test-cgi"));
    }
    for (List<String> forms : SPECIAL) {
      for (String form : forms) {
        lines.add(line(form, "/cgi-bin/phf"));
      }
    }
    // Three probes: under the threshold whatever form they take.
    for (String form : List.of("11.0.0.10", "::ffff:11.0.0.10", "[::ffff:b00:a]")) {
      lines.add(line(form, "/cgi-bin/phf"));
    }
    Path logs = tmp.resolve("logs");
    LogFiles.gzip(logs.resolve("access_log.1.gz"), lines.subList(0, lines.size() / 2));
    LogFiles.plain(logs.resolve("access_log"), lines.subList(lines.size() / 2, lines.size()));

    Path out = tmp.resolve("out");
    Runs.Outcome run = Runs.run(out, List.of("--min-probes", "4"), logs);
    assertEquals(0, run.code(), run.toString());

    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals(
        new TreeSet<>(
            List.of(
                "2a00:db8::1", "11.0.0.9", "10.0.0.5", "fe80::1", "2001:db8::7", "192.168.1.7")),
        hosts.keySet(),
        hosts.toString());
    assertEquals("5", hosts.get("2a00:db8::1").get("probes"));
    assertEquals("10", hosts.get("2a00:db8::1").get("requests"));
    assertEquals("4", hosts.get("11.0.0.9").get("probes"));
    assertEquals("4", hosts.get("11.0.0.9").get("requests"));
    for (String special : List.of("10.0.0.5", "fe80::1", "2001:db8::7", "192.168.1.7")) {
      Map<String, String> row = hosts.get(special);
      assertEquals("special-use", row.get("contact_source"), row.toString());
      assertEquals("", row.get("contact"), row.toString());
      assertEquals("4", row.get("probes"), row.toString());
    }

    // The join back found every line in every form, and kept each line as logged.
    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    Set<String> v6Lines =
        requests.stream()
            .filter(r -> r.get("host").equals("2a00:db8::1"))
            .map(r -> r.get("line"))
            .collect(Collectors.toSet());
    assertEquals(10, v6Lines.size(), v6Lines.toString());
    for (String form : PUBLIC_V6) {
      assertTrue(v6Lines.stream().anyMatch(l -> l.startsWith(form + " ")), form);
    }

    List<Map<String, String>> abuse = CsvFiles.rows(out.resolve("abuseipdb.csv"));
    assertEquals(
        List.of("11.0.0.9", "2a00:db8::1"),
        abuse.stream().map(r -> r.get("IP")).sorted().toList(),
        abuse.toString());

    List<Map<String, String>> index = CsvFiles.rows(out.resolve("notices/index.csv"));
    assertEquals(2, index.size(), index.toString());
    assertEquals(
        List.of("1", "1"), index.stream().map(r -> r.get("hosts")).toList(), index.toString());
    try (var drafts = Files.list(out.resolve("notices"))) {
      for (Path draft : drafts.filter(p -> p.toString().endsWith(".eml")).toList()) {
        String text = Files.readString(draft);
        for (String special : List.of("10.0.0.5", "fe80::1", "2001:db8::7", "192.168.1.7")) {
          assertFalse(text.contains(special), draft + " names " + special);
        }
      }
    }
  }
}
