package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.Mails;

/**
 * Every IP host addressed from registry data: whois dumps in RIPE's split-file shape (gzipped, as
 * published), then an RDAP server on 127.0.0.1 for what the dumps leave open; one draft per mailbox
 * naming all its hosts, unaddressed drafts per holder, special-use never drafted.
 */
class RegistryContactsTest {
  private static final String UA = "\"-\" \"Mozilla/5.0 (scanner)\"";
  private static final List<String> SCANNERS =
      List.of(
          "11.0.5.10",
          "11.0.5.20",
          "11.0.6.30",
          "11.1.0.9",
          "11.0.7.40",
          "11.0.8.50",
          "11.2.0.9",
          "10.1.1.1");

  @TempDir Path tmp;
  private HttpServer rdap;
  private final AtomicInteger asked = new AtomicInteger();

  @BeforeEach
  void startRdap() throws IOException {
    rdap = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    rdap.createContext(
        "/rdap/ip/",
        exchange -> {
          asked.incrementAndGet();
          String ip = exchange.getRequestURI().getPath().substring("/rdap/ip/".length());
          boolean known = ip.startsWith("11.0.7.");
          byte[] body = (known ? seven() : "{\"errorCode\":404}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/rdap+json");
          exchange.sendResponseHeaders(known ? 200 : 404, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    rdap.start();
  }

  @AfterEach
  void stopRdap() {
    rdap.stop(0);
  }

  /** An answer in the shape ARIN gives: the abuse entity nested in the registrant. */
  private static String seven() {
    return """
        {"objectClassName":"ip network","handle":"NET-11-0-7-0-1","startAddress":"11.0.7.0",
         "endAddress":"11.0.7.255","ipVersion":"v4","name":"SEVEN-NET","type":"DIRECT ALLOCATION",
         "entities":[{"objectClassName":"entity","handle":"SEVEN-1","roles":["registrant"],
           "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Seven Net Inc."],
             ["kind",{},"text","org"]]],
           "entities":[{"objectClassName":"entity","handle":"SAB-ARIN","roles":["abuse"],
             "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","Seven Abuse"],
               ["kind",{},"text","group"],["email",{},"text","abuse@seven.example"]]]}]}]}
        """;
  }

  private Path gzipped(String name) throws IOException {
    Path file = tmp.resolve("dumps/" + name + ".gz");
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(getClass().getResourceAsStream("registry/" + name).readAllBytes());
    }
    return file;
  }

  private Path logs() throws IOException {
    List<String> lines = new ArrayList<>();
    int second = 0;
    for (String ip : SCANNERS) {
      lines.add(
          ip
              + " - - [01/Oct/2025:10:00:"
              + String.format("%02d", second++)
              + " +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 10 "
              + UA);
      lines.add(
          ip
              + " - - [01/Oct/2025:10:01:"
              + String.format("%02d", second++)
              + " +0900] \"GET /.env HTTP/1.1\" 404 10 "
              + UA);
    }
    return LogFiles.gzip(tmp.resolve("logs/access_log.1.gz"), lines);
  }

  private Runs.Outcome run(Path out, Path logs) throws IOException {
    Path bootstrap = tmp.resolve("ipv4.json");
    Files.writeString(
        bootstrap,
        "{\"version\":\"1.0\",\"services\":[[[\"11.0.0.0/8\"],[\"http://127.0.0.1:"
            + rdap.getAddress().getPort()
            + "/rdap/\"]]]}");
    return Runs.run(
        out,
        List.of(
            "--whois-db",
            gzipped("ripe.db.inetnum") + "," + gzipped("ripe.db.role"),
            "--whois-db",
            gzipped("ripe.db.organisation").toString(),
            "--rdap",
            "--rdap-bootstrap",
            bootstrap.toString(),
            "--rdap-cache",
            tmp.resolve("rdap-cache.jsonl").toString()),
        logs);
  }

  @Test
  void everyAddressGoesToItsNetworksAbuseMailboxOnceADraft() throws Exception {
    Path out = tmp.resolve("out");
    Runs.Outcome o = run(out, logs());
    assertEquals(0, o.code(), o.toString());
    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals("whois-db", hosts.get("11.0.5.10").get("contact_source"));
    assertEquals("abuse@five.example", hosts.get("11.0.5.10").get("contact"));
    assertEquals("11.0.5.0/24", hosts.get("11.0.5.10").get("network"));
    assertEquals("abuse@six.example", hosts.get("11.0.6.30").get("abuse"), "via the organisation");
    assertEquals("Six Hosting Ltd", hosts.get("11.0.6.30").get("holder"));
    assertEquals("abuse@six.example", hosts.get("11.1.0.9").get("contact"), "another network");
    assertEquals("rdap", hosts.get("11.0.7.40").get("contact_source"), "the dumps give none");
    assertEquals("abuse@seven.example", hosts.get("11.0.7.40").get("contact"));
    assertEquals("holder", hosts.get("11.0.8.50").get("contact_source"));
    assertEquals("holder_ripencc_org-big1-test", hosts.get("11.0.8.50").get("contact"));
    assertEquals(hosts.get("11.0.8.50").get("contact"), hosts.get("11.2.0.9").get("contact"));
    assertEquals("rdap: http 404", hosts.get("11.0.8.50").get("contact_note"));
    assertEquals("special-use", hosts.get("10.1.1.1").get("contact_source"));

    Map<String, Map<String, String>> index =
        Runs.byKey(CsvFiles.rows(out.resolve("notices/index.csv")), "contact");
    assertEquals(
        List.of(
            "abuse@five.example",
            "abuse@seven.example",
            "abuse@six.example",
            "holder_ripencc_org-big1-test"),
        List.copyOf(index.keySet()));
    assertEquals("2", index.get("abuse@six.example").get("hosts"));
    for (String mailbox :
        List.of("abuse@five.example", "abuse@six.example", "abuse@seven.example")) {
      for (String lang : List.of("en", "ja")) {
        MimeMessage draft =
            Mails.read(out.resolve("notices").resolve(index.get(mailbox).get(lang)));
        assertEquals(
            List.of(mailbox),
            Arrays.stream(draft.getAllRecipients()).map(Address::toString).toList(),
            mailbox + " " + lang);
      }
    }
    String six = Mails.body(Mails.read(out.resolve("notices/abuse@six.example.en.eml")));
    for (String host : List.of("11.0.6.30", "11.1.0.9")) {
      assertTrue(
          six.contains(host + " - - [01/Oct/2025"), "six's draft quotes " + host + "\n" + six);
    }
    assertTrue(six.contains("11.1.0.9 (11.1.0.0/16, Six Hosting Ltd)"), six);
    MimeMessage holder = Mails.read(out.resolve("notices/holder_ripencc_org-big1-test.en.eml"));
    assertEquals(null, holder.getAllRecipients());
    try (Stream<Path> drafts = Files.list(out.resolve("notices"))) {
      assertFalse(drafts.anyMatch(p -> p.getFileName().toString().contains("10-1-1")));
    }
    assertFalse(Files.readString(out.resolve("abuseipdb.csv")).contains("10.1.1.1"));
    Map<String, Map<String, String>> domains =
        Runs.byKey(CsvFiles.rows(out.resolve("domains.csv")), "contact");
    assertEquals("11.0.6.0/24;11.1.0.0/16", domains.get("abuse@six.example").get("networks"));
    assertEquals("whois-db", domains.get("abuse@six.example").get("source"));
  }

  @Test
  void theRdapCacheAnswersTheNextRun() throws Exception {
    Path logs = logs();
    assertEquals(0, run(tmp.resolve("first"), logs).code());
    int first = asked.get();
    assertEquals(3, first, "one request per address the dumps leave without a mailbox");
    Runs.Outcome again = run(tmp.resolve("second"), logs);
    assertEquals(0, again.code(), again.toString());
    assertEquals(
        Files.readString(tmp.resolve("first/hosts.csv")),
        Files.readString(tmp.resolve("second/hosts.csv")).replace("", ""));
    assertTrue(asked.get() - first <= 2, "only the failed lookups are asked again: " + asked);
  }
}
