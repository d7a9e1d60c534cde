package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.contact.Contact;
import org.probehunt.contact.HostFinding;

/** Attachments, X-ARF, and log text that must stay out of the headers. */
class NoticePartsTest {
  @Test
  void linesBeyondTheLimitGoToTheAttachment() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      lines.add("192.0.2.1 - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf?" + i + "\" 404 -");
    }
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                lines,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.NONE),
                "en"));
    MimeMultipart mixed = (MimeMultipart) m.getContent();
    assertEquals(2, mixed.getCount());
    String body = (String) mixed.getBodyPart(0).getContent();
    assertTrue(body.contains(lines.get(99) + "\r\n-- end log --"), body);
    assertFalse(body.contains(lines.get(100)), "line 101 is past the limit");
    assertTrue(body.contains("150 more line(s)"), body);
    assertTrue(body.contains("all 250 lines are in the attached file evidence.log"), body);
    BodyPart log = mixed.getBodyPart(1);
    assertEquals("evidence.log", log.getFileName());
    assertEquals(Part.ATTACHMENT, log.getDisposition());
    assertTrue(log.isMimeType("text/plain"));
    assertTrue(log.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"));
    assertEquals(String.join("\r\n", lines) + "\r\n", log.getContent());
  }

  @Test
  void xarf02ReportHasTheThreeParts() throws Exception {
    HostFinding ip =
        new HostFinding(
            "11.0.2.1",
            "1998-11-23T19:52:17+09:00",
            "1998-11-23T19:52:41+09:00",
            3,
            5,
            List.of("phf"),
            List.of("cgi-exploit"));
    Contact contact = NoticeFixtures.contactOf("11.0.2.1");
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                contact,
                List.of(ip),
                NoticeFixtures.GUIDE_LINES,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.V0_2),
                "en"));
    assertEquals("PLAIN", m.getHeader("X-XARF", null));
    assertTrue(m.isMimeType("multipart/mixed"));
    assertEquals(List.of(), NoticesTest.addresses(m));
    MimeMultipart mixed = (MimeMultipart) m.getContent();
    assertEquals(3, mixed.getCount());
    String letter = (String) mixed.getBodyPart(0).getContent();
    assertTrue(letter.startsWith("[Before sending: no contact address is known"), letter);
    assertTrue(letter.contains("https://rdap.org/ip/11.0.2.1"), letter);
    BodyPart report = mixed.getBodyPart(1);
    assertTrue(report.getContentType().contains("name=\"report.txt\""), report.getContentType());
    String yaml = (String) report.getContent();
    for (String field :
        List.of(
            "Reported-From: suzuki@myname.co.jp",
            "Category: abuse",
            "Report-Type: login-attack",
            "Service: http",
            "Port: 80",
            "User-Agent: probehunt",
            "Date: Mon, 23 Nov 1998 19:52:17 +0900",
            "Source-Type: ip-address",
            "Source: 11.0.2.1",
            "Attachment: text/plain",
            "Version: 0.2",
            "Report-ID: net_11-0-2-0_24-911818337@www.myname.co.jp")) {
      assertTrue(yaml.contains(field + "\r\n"), field + " missing from\n" + yaml);
    }
    assertEquals("evidence.log", mixed.getBodyPart(2).getFileName());
  }

  @Test
  void xarf02TakesThePortFromTheLog() throws Exception {
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                XarfV4Test.CONTACT,
                List.of(XarfV4Test.IP),
                XarfV4Test.VHOST_LINES,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.V0_2),
                "en"));
    assertEquals("PLAIN", m.getHeader("X-XARF", null));
    String yaml = (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    assertTrue(yaml.contains("Port: 443\r\n"), "the port most requests came in on:\n" + yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example\r\nBcc: victim@example.org",
        "evil.example\nSubject: hi",
        "victim@example.org",
        "a.example,b.example",
        "<script>x</script>",
        "evil.example\r\n\r\n--boundary"
      })
  void hostileNamesStayOutOfTheHeaders(String host) throws Exception {
    HostFinding finding =
        new HostFinding(
            host,
            "1998-11-23T19:52:17+09:00",
            "1998-11-23T19:52:41+09:00\r\nBcc: x@example.org",
            1,
            1,
            List.of("phf\r\nX: y"),
            List.of("cgi"));
    Contact contact = NoticeFixtures.contactOf(host);
    List<String> lines = List.of(host + " - - [23/Nov/1998:19:52:17 +0900] \"GET /phf\" 200 1");
    for (String lang : TemplateSet.LANGUAGES) {
      for (XarfVersion xarf : XarfVersion.values()) {
        byte[] draft =
            Notices.draft(
                contact,
                List.of(finding),
                lines,
                NoticeFixtures.settings("UTF-8", 100, xarf),
                lang);
        String headers = NoticesTest.headers(draft);
        for (String bad : List.of("victim", "Bcc", "evil", "script", "example.org", "X: y")) {
          assertFalse(headers.contains(bad), bad + " in\n" + headers);
        }
        MimeMessage m = NoticeFixtures.parse(draft);
        assertEquals(List.of(), NoticesTest.addresses(m));
        assertEquals(null, m.getHeader("Bcc"));
        String body =
            m.isMimeType("text/plain")
                ? (String) m.getContent()
                : (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
        String shown = host.replace("\r", "\\x0d").replace("\n", "\\x0a");
        assertTrue(body.contains(shown), "the host is reported as text: " + body);
      }
    }
  }

  @Test
  void contactKeyOfHostileNameIsSafe() {
    Contact c = NoticeFixtures.contactOf("../../x\r\n@evil");
    assertTrue(c.key().matches("host_[a-z0-9_-]+"), c.key());
    assertFalse(c.key().contains(".."), c.key());
  }
}
