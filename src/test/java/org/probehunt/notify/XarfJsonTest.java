package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parts of the XARF v4 report that the drafts do not show on their own. */
class XarfJsonTest {
  @Test
  void evidenceStaysWithinFiveMegabytesOfWholeLines() throws Exception {
    List<String> lines = new ArrayList<>();
    String line =
        "192.0.2.1 - - [02/Mar/2025:10:00:01 +0000] \"GET /"
            + "a".repeat(990)
            + " HTTP/1.1\" 404 0";
    for (int i = 0; i < 6_000; i++) {
      lines.add(line);
    }
    SourceLog log = new SourceLog(lines, lines.size(), List.of(), "tcp");
    byte[] json =
        XarfJson.report(
                XarfV4Test.CONTACT,
                XarfV4Test.IP,
                log,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.V4),
                "suzuki@myname.co.jp")
            .orElseThrow();
    JsonNode item = new ObjectMapper().readTree(json).get("evidence").get(0);
    byte[] payload = Base64.getDecoder().decode(item.get("payload").asText());
    assertTrue(payload.length <= XarfJson.MAX_EVIDENCE_BYTES, "decoded: " + payload.length);
    int rowBytes = line.length() + 2;
    assertEquals(
        XarfJson.MAX_EVIDENCE_BYTES / rowBytes * rowBytes,
        payload.length,
        "as many whole lines as fit");
    String description = item.get("description").asText();
    assertTrue(
        description.endsWith("the first " + payload.length / rowBytes + " of 6000"), description);
    assertTrue(item.get("payload").asText().matches("[A-Za-z0-9+/]+=*"), "no line breaks");
  }

  @Test
  void reporterDomainFromTheSenderThenTheServer() {
    assertEquals(
        Optional.of("myname.co.jp"),
        XarfJson.reporterDomain("suzuki@mail.myname.co.jp", "203.0.113.80"));
    assertEquals(
        Optional.of("example.com"),
        XarfJson.reporterDomain("postmaster@[203.0.113.80]", "www.example.com"));
    assertEquals(
        Optional.of("intranet"),
        XarfJson.reporterDomain("root@intranet", "intranet"),
        "a name without a public suffix stands for itself");
    assertEquals(
        Optional.empty(),
        XarfJson.reporterDomain("postmaster@[IPv6:2001:db8::80]", "2001:db8::80"));
  }

  @Test
  void reportIdIsAVersion4UuidFromItsInputs() {
    UUID id = XarfJson.reportId("ip-192.0.2.1", "192.0.2.1", "2025-03-02T10:00:01+00:00");
    assertEquals(4, id.version());
    assertEquals(2, id.variant(), "the IETF variant");
    assertEquals(id, XarfJson.reportId("ip-192.0.2.1", "192.0.2.1", "2025-03-02T10:00:01+00:00"));
    assertNotEquals(
        id, XarfJson.reportId("ip-192.0.2.1", "192.0.2.1", "2025-03-02T10:00:02+00:00"));
  }

  @Test
  void reportedFromIsAnAddressEvenForAnAddressedServer() {
    assertEquals("postmaster@www.example.com", Xarf.reportedFrom(null, "www.example.com"));
    assertEquals("postmaster@[192.0.2.80]", Xarf.reportedFrom(null, "192.0.2.80"));
    assertEquals("postmaster@[IPv6:2001:db8::80]", Xarf.reportedFrom(null, "[2001:DB8::80]"));
    assertEquals("a@example.com", Xarf.reportedFrom("a@example.com", "192.0.2.80"));
  }
}
