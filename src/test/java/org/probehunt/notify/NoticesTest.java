package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoticesTest {
  @Test
  void englishDraftFollowsTheGuidesLetter() throws Exception {
    byte[] draft =
        Notices.draft(
            NoticeFixtures.wil(),
            List.of(NoticeFixtures.SURF),
            NoticeFixtures.GUIDE_LINES,
            NoticeFixtures.settings("UTF-8", 100, XarfVersion.NONE),
            "en");
    MimeMessage m = NoticeFixtures.parse(draft);
    assertEquals("1", m.getHeader("X-Unsent", null));
    assertEquals(List.of("postmaster@wil.net", "abuse@wil.net"), addresses(m));
    assertEquals("suzuki@myname.co.jp", m.getFrom()[0].toString());
    assertEquals("suzuki@myname.co.jp", m.getReplyTo()[0].toString());
    assertEquals(
        "Vulnerability probes against www.myname.co.jp from your network"
            + " (1998-11-23 to 1998-11-23)",
        m.getSubject());
    assertEquals("Mon, 23 Nov 1998 19:52:41 +0900", m.getHeader("Date", null));
    assertNull(m.getHeader("Message-ID"));
    assertTrue(m.isMimeType("text/plain"), m.getContentType());
    String body = (String) m.getContent();
    String block =
        "-- begin log --\r\n"
            + String.join("\r\n", NoticeFixtures.GUIDE_LINES)
            + "\r\n-- end log --";
    assertTrue(body.contains(block), body);
    for (String phrase :
        List.of(
            "My name is 鈴木",
            "www.myname.co.jp",
            "+09:00",
            "surf.wil.net: 3 probe(s) among 3 request(s), from 1998-11-23T19:52:17+09:00",
            "https://www.jpcert.or.jp/form/",
            "national CSIRT",
            "broken into")) {
      assertTrue(body.contains(phrase), phrase + " missing from\n" + body);
    }
    assertFalse(body.contains("Before sending"), "a known contact needs no lookup note");
  }

  @Test
  void japaneseDraftInUtf8() throws Exception {
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                NoticeFixtures.GUIDE_LINES,
                NoticeFixtures.settings("UTF-8", 100, XarfVersion.NONE),
                "ja"));
    assertTrue(
        m.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"), m.getContentType());
    assertTrue(m.getHeader("Subject", null).startsWith("=?UTF-8?"), m.getHeader("Subject", null));
    assertEquals("www.myname.co.jp への不審なアクセスについてのご連絡（1998-11-23〜1998-11-23）", m.getSubject());
    assertJapaneseBody((String) m.getContent());
  }

  @Test
  void japaneseDraftInIso2022jp() throws Exception {
    byte[] draft =
        Notices.draft(
            NoticeFixtures.wil(),
            List.of(NoticeFixtures.SURF),
            NoticeFixtures.GUIDE_LINES,
            NoticeFixtures.settings("ISO-2022-JP", 100, XarfVersion.NONE),
            "ja");
    for (byte b : draft) {
      assertTrue(b >= 0, "an ISO-2022-JP draft is 7-bit throughout");
    }
    MimeMessage m = NoticeFixtures.parse(draft);
    assertTrue(
        m.getContentType().toUpperCase(Locale.ROOT).contains("CHARSET=ISO-2022-JP"),
        m.getContentType());
    assertEquals("7bit", m.getEncoding());
    assertTrue(
        m.getHeader("Subject", null).toUpperCase(Locale.ROOT).startsWith("=?ISO-2022-JP?B?"));
    assertTrue(m.getSubject().startsWith("www.myname.co.jp への不審なアクセス"), m.getSubject());
    assertJapaneseBody((String) m.getContent());
  }

  @Test
  void iso2022jpDraftWithXarfStaysSevenBit() throws Exception {
    byte[] draft =
        Notices.draft(
            NoticeFixtures.wil(),
            List.of(NoticeFixtures.SURF),
            NoticeFixtures.GUIDE_LINES,
            NoticeFixtures.settings("ISO-2022-JP", 1, XarfVersion.V4),
            "ja");
    for (byte b : draft) {
      assertTrue(b >= 0, "an ISO-2022-JP draft is 7-bit throughout, X-ARF included");
    }
    MimeMessage m = NoticeFixtures.parse(draft);
    assertTrue(m.isMimeType("multipart/report"), m.getContentType());
    jakarta.mail.Multipart human =
        (jakarta.mail.Multipart)
            ((jakarta.mail.Multipart) m.getContent()).getBodyPart(0).getContent();
    jakarta.mail.BodyPart letter = human.getBodyPart(0);
    assertEquals("7bit", ((jakarta.mail.internet.MimeBodyPart) letter).getEncoding());
    String body = (String) letter.getContent();
    assertTrue(body.contains("鈴木と申します") && body.contains(NoticeFixtures.GUIDE_LINES.get(0)), body);
  }

  private static void assertJapaneseBody(String body) {
    for (String phrase :
        List.of(
            "www.myname.co.jp の管理を担当しております鈴木と申します",
            "ご調査いただけますと幸いです",
            "踏み台",
            "--- ログここから ---\r\n"
                + String.join("\r\n", NoticeFixtures.GUIDE_LINES)
                + "\r\n--- ログここまで ---",
            "+09:00",
            "探査 3 件",
            "https://www.jpcert.or.jp/",
            "何卒よろしくお願い申し上げます")) {
      assertTrue(body.contains(phrase), phrase + " missing from\n" + body);
    }
  }

  @Test
  void sameInputGivesTheSameBytes() {
    for (XarfVersion xarf : XarfVersion.values()) {
      NoticeSettings s = NoticeFixtures.settings("UTF-8", 1, xarf);
      assertArrayEquals(guideNotice(s), guideNotice(s), "the same bytes with X-ARF " + xarf);
    }
  }

  static List<String> addresses(MimeMessage m) throws Exception {
    Address[] to = m.getRecipients(Message.RecipientType.TO);
    return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
  }

  static String headers(byte[] draft) {
    String text = new String(draft, StandardCharsets.US_ASCII);
    return text.substring(0, text.indexOf("\r\n\r\n"));
  }

  /** The Japanese notice for the guide's example host. */
  private static byte[] guideNotice(NoticeSettings s) {
    return Notices.draft(
        NoticeFixtures.wil(), List.of(NoticeFixtures.SURF), NoticeFixtures.GUIDE_LINES, s, "ja");
  }
}
