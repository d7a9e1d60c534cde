package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probehunt.contact.Contact;
import org.probehunt.contact.HostFinding;

/** XARF v4 drafts, read back with the mail library and the JSON with Jackson. */
class XarfV4Test {
  static final String T = " - - [02/Mar/2025:10:00:0";
  static final String REST = " +0000] \"GET /cgi-bin/phf HTTP/1.1\" 404 196 \"-\" \"curl/8.0\"";

  /** Two lines of the reported host on port 443, one on 8443, and one of another host. */
  static final List<String> VHOST_LINES =
      List.of(
          "www.myname.co.jp:443 192.0.2.1" + T + "1" + REST,
          "www.myname.co.jp:443 198.51.100.9" + T + "2" + REST,
          "www.myname.co.jp:8443 192.0.2.1" + T + "3" + REST,
          "www.myname.co.jp:443 192.0.2.1" + T + "4" + REST);

  static final HostFinding IP =
      new HostFinding(
          "192.0.2.1",
          "2025-03-02T10:00:01+00:00",
          "2025-03-02T10:00:04+00:00",
          3,
          3,
          List.of("phf", "cgi-bin"),
          List.of("cgi-exploit"));

  static final List<String> CORE_REQUIRED =
      List.of(
          "xarf_version",
          "report_id",
          "timestamp",
          "reporter",
          "sender",
          "source_identifier",
          "category",
          "type");

  static final List<String> TYPE_REQUIRED = List.of("scan_type", "protocol", "first_seen");

  static final Contact CONTACT = NoticeFixtures.contactOf("11.0.2.1");

  static MimeMessage draft(List<HostFinding> hosts, List<String> lines, NoticeSettings s)
      throws Exception {
    return NoticeFixtures.parse(Notices.draft(CONTACT, hosts, lines, s, "en"));
  }

  /** The JSON report of a v4 draft, checked for the parts the XARF e-mail transport asks for. */
  static JsonNode report(MimeMessage m) throws Exception {
    assertTrue(m.isMimeType("multipart/report"), m.getContentType());
    assertTrue(m.getContentType().contains("report-type=feedback-report"), m.getContentType());
    assertNull(m.getHeader("X-XARF"), "the 0.2 header belongs to 0.2");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertEquals(3, parts.getCount(), "human-readable, feedback report, XARF");
    BodyPart feedback = parts.getBodyPart(1);
    assertTrue(feedback.isMimeType("message/feedback-report"), feedback.getContentType());
    String fields = text(feedback.getInputStream());
    for (String field :
        List.of("Feedback-Type: xarf\r\n", "User-Agent: probehunt/", "Version: 1\r\n")) {
      assertTrue(fields.contains(field), field + " missing from\n" + fields);
    }
    BodyPart json = parts.getBodyPart(2);
    assertTrue(json.isMimeType("application/json"), json.getContentType());
    assertEquals(XarfJson.FILE_NAME, json.getFileName());
    assertEquals(Part.ATTACHMENT, json.getDisposition());
    assertEquals("base64", ((jakarta.mail.internet.MimeBodyPart) json).getEncoding());
    return new ObjectMapper().readTree(json.getInputStream());
  }

  static String text(InputStream in) throws Exception {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void vulnerabilityScanReportHasEveryRequiredField() throws Exception {
    JsonNode r =
        report(
            draft(List.of(IP), VHOST_LINES, NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    for (String field : CORE_REQUIRED) {
      assertTrue(r.hasNonNull(field), field + " missing from " + r);
    }
    for (String field : TYPE_REQUIRED) {
      assertTrue(r.hasNonNull(field), field + " missing from " + r);
    }
    assertTrue(r.get("xarf_version").asText().matches("4\\.[0-9]+\\.[0-9]+"), r.toString());
    assertTrue(
        r.get("report_id")
            .asText()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        "a version 4 UUID: " + r.get("report_id"));
    assertEquals("2025-03-02T10:00:01+00:00", r.get("timestamp").asText(), "the first probe");
    OffsetDateTime.parse(r.get("timestamp").asText());
    for (String who : List.of("reporter", "sender")) {
      JsonNode c = r.get(who);
      assertEquals(List.of("org", "contact", "domain"), keys(c), who + " has exactly these");
      assertEquals("www.myname.co.jp", c.get("org").asText());
      assertEquals("suzuki@myname.co.jp", c.get("contact").asText());
      assertEquals("myname.co.jp", c.get("domain").asText());
    }
    assertEquals("192.0.2.1", r.get("source_identifier").asText());
    assertEquals("connection", r.get("category").asText());
    assertEquals("vulnerability_scan", r.get("type").asText());
    assertEquals("web_vuln_scan", r.get("scan_type").asText());
    assertEquals("tcp", r.get("protocol").asText());
    assertEquals("[443,8443]", r.get("targeted_ports").toString(), "the ports of 192.0.2.1");
    assertEquals("[\"cgi-bin\",\"phf\"]", r.get("vulnerabilities_probed").toString());
    assertEquals("2025-03-02T10:00:04+00:00", r.get("last_seen").asText());
    assertEquals(3, r.get("total_requests").asInt());
    assertFalse(r.has("destination_ip"), "the server is named, not numbered");
    assertFalse(r.has("source_port"), "access logs do not hold the client's port");
    assertTrue(r.get("description").asText().length() <= 1000, r.get("description").asText());
  }

  @Test
  void evidenceIsTheReportedHostsLinesOnly() throws Exception {
    JsonNode r =
        report(
            draft(List.of(IP), VHOST_LINES, NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    assertEquals(1, r.get("evidence").size());
    JsonNode item = r.get("evidence").get(0);
    assertEquals("text/plain", item.get("content_type").asText());
    byte[] payload = Base64.getDecoder().decode(item.get("payload").asText());
    String expected =
        VHOST_LINES.get(0) + "\r\n" + VHOST_LINES.get(2) + "\r\n" + VHOST_LINES.get(3) + "\r\n";
    assertEquals(expected, new String(payload, StandardCharsets.UTF_8));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    assertEquals("sha256:" + sha, item.get("hash").asText());
    assertEquals(payload.length, item.get("size").asInt());
    assertTrue(item.get("description").asText().length() <= 500);
  }

  @Test
  void keysComeInAFixedOrder() throws Exception {
    JsonNode r =
        report(
            draft(List.of(IP), VHOST_LINES, NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    assertEquals(
        List.of(
            "xarf_version",
            "report_id",
            "timestamp",
            "reporter",
            "sender",
            "source_identifier",
            "category",
            "type",
            "description",
            "scan_type",
            "targeted_ports",
            "vulnerabilities_probed",
            "protocol",
            "first_seen",
            "last_seen",
            "total_requests",
            "evidence"),
        keys(r));
    JsonNode again =
        report(
            draft(List.of(IP), VHOST_LINES, NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    assertEquals(r.get("report_id"), again.get("report_id"), "a rewritten draft keeps its ID");
    HostFinding other =
        new HostFinding(
            "192.0.2.2",
            IP.firstSeen(),
            IP.lastSeen(),
            1,
            1,
            List.of("phf"),
            List.of("cgi-exploit"));
    JsonNode otherReport =
        report(
            draft(
                List.of(other),
                VHOST_LINES,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    assertFalse(r.get("report_id").equals(otherReport.get("report_id")), "another source");
  }

  @Test
  void withoutALoggedPortTheFieldIsLeftOut() throws Exception {
    List<String> common =
        List.of("192.0.2.1 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\"" + " 404 -");
    HostFinding h =
        new HostFinding(
            "192.0.2.1",
            "1998-11-23T19:52:17+09:00",
            "1998-11-23T19:52:17+09:00",
            1,
            1,
            List.of("phf"),
            List.of("cgi-exploit"));
    JsonNode r =
        report(draft(List.of(h), common, NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4)));
    assertFalse(r.has("targeted_ports"), "no %p, no scheme: the port is unknown: " + r);
    assertEquals("tcp", r.get("protocol").asText());
    assertEquals(1, r.get("evidence").size(), "the common line is still evidence");
  }

  @Test
  void aLongLogStaysAttachedInTheHumanReadablePart() throws Exception {
    MimeMessage m =
        draft(List.of(IP), VHOST_LINES, NoticeFixtures.settings("UTF-8", 2, XarfVersion.V4));
    JsonNode r = report(m);
    assertEquals(3, r.get("total_requests").asInt());
    BodyPart human = ((MimeMultipart) m.getContent()).getBodyPart(0);
    assertTrue(human.isMimeType("multipart/mixed"), human.getContentType());
    MimeMultipart mixed = (MimeMultipart) human.getContent();
    assertEquals(2, mixed.getCount());
    assertTrue(((String) mixed.getBodyPart(0).getContent()).contains("2 more line(s)"));
    assertEquals(NoticeText.ATTACHMENT, mixed.getBodyPart(1).getFileName());
    assertEquals(String.join("\r\n", VHOST_LINES) + "\r\n", mixed.getBodyPart(1).getContent());
  }

  @Test
  void aServerKnownByAddressIsTheDestination() throws Exception {
    NoticeSettings byAddress =
        new NoticeSettings(
            "203.0.113.80", "", "abuse@example.com", null, 100, XarfVersion.V4, null);
    JsonNode r = report(draft(List.of(IP), VHOST_LINES, byAddress));
    assertEquals("203.0.113.80", r.get("destination_ip").asText());
    assertEquals("abuse@example.com", r.get("reporter").get("contact").asText());
    assertEquals("example.com", r.get("reporter").get("domain").asText());
  }

  @Test
  void noReporterDomainMeansNoReport() throws Exception {
    // An address for a server name and no sender: the schema's reporter domain has no value.
    NoticeSettings noDomain =
        new NoticeSettings("203.0.113.80", "", null, null, 100, XarfVersion.V4, null);
    MimeMessage m = draft(List.of(IP), VHOST_LINES, noDomain);
    assertTrue(m.isMimeType("text/plain"), "a plain letter: " + m.getContentType());
  }

  @Test
  void aHostNameSourceIsReportedByName() throws Exception {
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                NoticeFixtures.GUIDE_LINES,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4),
                "ja"));
    JsonNode r = report(m);
    assertEquals("surf.wil.net", r.get("source_identifier").asText());
    assertEquals("1998-11-23T19:52:17+09:00", r.get("first_seen").asText());
    byte[] payload = Base64.getDecoder().decode(r.get("evidence").get(0).get("payload").asText());
    assertEquals(
        String.join("\r\n", NoticeFixtures.GUIDE_LINES) + "\r\n",
        new String(payload, StandardCharsets.UTF_8));
    String letter = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    assertTrue(letter.contains("鈴木"), "the Japanese letter is the human-readable part");
  }
}
