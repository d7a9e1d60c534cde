package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.contact.HostFinding;

class AbuseIpdbTest {
  private static final HostFinding PROBER =
      new HostFinding(
          "11.0.2.1",
          "1998-11-23T19:52:17+09:00",
          "1998-11-23T19:52:41+09:00",
          3,
          4,
          List.of("phf", "test-cgi"),
          List.of("cgi-exploit", "scanner-agent"));

  private static Map<String, String> write(List<AbuseRow> rows) throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    AbuseIpdbFilesTest.write(rows)
        .forEach((name, bytes) -> texts.put(name, new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  @Test
  void oneRowPerIpHost() throws Exception {
    AbuseRow row = AbuseIpdb.row(PROBER, List.of("/cgi-bin/phf")).orElseThrow();
    // cgi-exploit: 15 Hacking, 21 Web App Attack; scanner-agent: 14 Port Scan, 19 Bad Web Bot.
    assertEquals(List.of(14, 15, 19, 21), row.categories());
    assertEquals("1998-11-23T19:52:17+09:00", row.reportDate(), "the first request dates it");
    String csv = write(List.of(row)).get("abuseipdb.csv");
    assertEquals(
        "IP,Categories,ReportDate,Comment\r\n"
            + "11.0.2.1,\"14,15,19,21\",1998-11-23T19:52:17+09:00,\"Web vulnerability probes: 3 of"
            + " 4 requests; rules phf, test-cgi; paths /cgi-bin/phf\"\r\n",
        csv);
    assertEquals(Optional.empty(), AbuseIpdb.row(NoticeFixtures.SURF, List.of()));
  }

  /** Nobody answers for these: private, loopback, link-local, documentation, unique-local... */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.5",
        "127.0.0.1",
        "169.254.1.1",
        "192.168.1.7",
        "172.16.0.1",
        "100.64.0.1",
        "192.0.2.1",
        "198.51.100.7",
        "203.0.113.9",
        "::1",
        "fe80::1",
        "fc00::5",
        "2001:db8::7",
        "::ffff:10.0.0.5",
        "224.0.0.1",
        "255.255.255.255"
      })
  void specialUseAddressesGetNoRow(String ip) {
    HostFinding finding =
        new HostFinding(ip, PROBER.firstSeen(), PROBER.lastSeen(), 3, 4, List.of("phf"), List.of());
    assertEquals(Optional.empty(), AbuseIpdb.row(finding, List.of("/cgi-bin/phf")), ip);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "path-traversal|21", "sqli|16,21", "scanner|14,21", "brute-force|18,21",
        "bad-bot|19,21", "whatever|21", "webshell|15,21", "Login_Brute|18,21"
      })
  void categoryTable(String category, String codes) {
    assertEquals(
        codes,
        String.join(
            ",", AbuseCategories.of(List.of(category)).stream().map(String::valueOf).toList()));
  }

  @Test
  void commentIsCappedAt1024BytesOnACharacterBoundary() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      paths.add("/経路/" + i);
    }
    String comment = AbuseIpdb.row(PROBER, paths).orElseThrow().comment();
    int bytes = comment.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes <= 1024 && bytes > 1020, "bytes: " + bytes);
    assertEquals(
        comment, new String(comment.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertEquals("ab", AbuseIpdb.truncate("ab\uD83D\uDE00", 5));
  }

  /** The cut agrees with Java's own encoder, lone surrogates (written as '?') included. */
  @Test
  void truncateCountsBytesAsTheEncoderWritesThem() {
    java.util.Random random = new java.util.Random(1998);
    char[] alphabet = {
      'a', '~', '\u00e9', '\u07ff', '\u0800', '\u7d4c', '\uffff', '\ud83d', '\ude00'
    };
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      int max = random.nextInt(60);
      String cut = AbuseIpdb.truncate(text.toString(), max);
      assertTrue(text.toString().startsWith(cut));
      assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= max, cut);
      if (cut.length() < text.length()) {
        int next = Character.charCount(text.codePointAt(cut.length()));
        String longer = text.substring(0, cut.length() + next);
        assertTrue(longer.getBytes(StandardCharsets.UTF_8).length > max, longer);
      }
    }
  }

  @Test
  void commentHasNoFormulaLeadOrLineBreak() {
    assertEquals("cmd|' /C calc'!A0\\x0d\\x0aX", AbuseIpdb.comment("=+-@ cmd|' /C calc'!A0\r\nX"));
  }

  @Test
  void noRowsStillWritesTheHeader() throws Exception {
    assertEquals(Map.of("abuseipdb.csv", "IP,Categories,ReportDate,Comment\r\n"), write(List.of()));
  }
}
