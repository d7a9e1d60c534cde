package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.Mails;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * What the job writes for people: drafts that parse, and cells and headers attackers cannot steer.
 */
class NoticeAndSafetyTest {
  @TempDir Path tmp;

  private Path run(Path logs) throws Exception {
    Path out = tmp.resolve("out");
    ProbeJob.run(
        SparkTestSession.get(),
        TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
        new PrintWriter(new StringWriter()));
    return out;
  }

  @Test
  void bothDraftsOfTheSampleParseAndQuoteTheThreeLogLines() throws Exception {
    Path out = run(Path.of("data/sample"));
    List<String> lines =
        Files.readAllLines(Path.of("data/sample/access_log")).stream()
            .filter(l -> l.startsWith("surf.wil.net"))
            .toList();
    assertEquals(3, lines.size());
    for (String lang : List.of("en", "ja")) {
      MimeMessage draft = Mails.read(out.resolve("notices/wil.net." + lang + ".eml"));
      assertEquals("1", draft.getHeader("X-Unsent", null), lang);
      assertEquals(
          List.of(new InternetAddress("postmaster@wil.net"), new InternetAddress("abuse@wil.net")),
          Arrays.asList(draft.getAllRecipients()),
          lang);
      assertTrue(draft.getSubject().contains("www.myname.co.jp"), draft.getSubject());
      String body = Mails.body(draft);
      for (String line : lines) {
        assertTrue(body.contains(line), lang + " draft quotes " + line + "\n" + body);
      }
    }
    assertTrue(Mails.body(Mails.read(out.resolve("notices/wil.net.ja.eml"))).contains("JPCERT"));
  }

  @Test
  void attackerTextNeverStartsAFormulaOrReachesAHeader() throws Exception {
    Path logs = tmp.resolve("logs");
    String formulaUa =
        "11.51.100.7 - - [01/Oct/2025:10:00:00 +0000] \"GET /.env HTTP/1.1\" 404 12 \"-\""
            + " \"=HYPERLINK(\\\"http://x.example/\\\",\\\"click\\\")\"";
    String plusPath =
        "11.51.100.7 - - [01/Oct/2025:10:00:01 +0000] \"GET /+cmd|'/c calc'!A0 HTTP/1.1\" 404 12"
            + " \"@SUM(1+1)\" \"-2+3\"";
    String hostile =
        "evil@x.example,bcc=victim.example - - [01/Oct/2025:10:00:02 +0000] \"GET /cgi-bin/phf"
            + " HTTP/1.0\" 404 1";
    LogFiles.plain(logs.resolve("access_log"), List.of(formulaUa, plusPath, hostile));
    Path out = run(logs);

    List<Map<String, String>> requests = CsvFiles.rows(out.resolve("requests.csv"));
    assertEquals(3, requests.size(), requests.toString());
    List<Path> reports;
    try (Stream<Path> files = Files.list(out)) {
      reports = files.filter(p -> p.toString().endsWith(".csv")).toList();
    }
    for (Path csv : reports) {
      for (Map<String, String> row : CsvFiles.rows(csv)) {
        for (String cell : row.values()) {
          assertFalse(
              !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+"),
              csv.getFileName() + " has a formula cell: " + cell);
        }
      }
    }
    Map<String, String> evil =
        CsvFiles.rows(out.resolve("hosts.csv")).stream()
            .filter(r -> r.get("host").startsWith("evil"))
            .findFirst()
            .orElseThrow();
    assertEquals("", evil.get("domain"), "a name a host cannot have gets no domain");
    try (Stream<Path> drafts = Files.list(out.resolve("notices"))) {
      for (Path draft : drafts.filter(p -> p.toString().endsWith(".eml")).toList()) {
        String headers = Mails.headers(draft);
        assertFalse(
            headers.contains("evil@") || headers.contains("victim"), draft + ":\n" + headers);
        assertFalse(
            draft.getFileName().toString().contains("@")
                || draft.getFileName().toString().contains(","),
            draft.toString());
      }
    }
  }
}
