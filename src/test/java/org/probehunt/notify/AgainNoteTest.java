package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Reported;

/** A letter about a host we wrote about before says so under the host list, in both languages. */
class AgainNoteTest {
  private static final Reported EARLIER =
      new Reported("1998-12-01", "1998-10-23T19:52:17+09:00", "1998-10-23T19:52:41+09:00");

  private static HostFinding again(HostFinding h, Reported earlier) {
    return new HostFinding(
        h.host(),
        h.firstSeen(),
        h.lastSeen(),
        h.probes(),
        h.requests(),
        h.rules(),
        h.categories(),
        h.network(),
        h.holder(),
        earlier);
  }

  private static String body(List<HostFinding> hosts, String charset, String lang)
      throws Exception {
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                NoticeFixtures.wil(),
                hosts,
                NoticeFixtures.GUIDE_LINES,
                NoticeFixtures.settings(charset, 100, XarfVersion.NONE),
                lang));
    return (String) m.getContent();
  }

  @Test
  void theEnglishLetterSaysWhenWeWroteBefore() throws Exception {
    String first = body(List.of(NoticeFixtures.SURF), "UTF-8", "en");
    String second = body(List.of(again(NoticeFixtures.SURF, EARLIER)), "UTF-8", "en");
    assertFalse(first.contains("We wrote to you"), first);
    String note =
        "\r\n\r\nWe wrote to you about surf.wil.net on 1998-12-01, about its requests from\r\n"
            + "1998-10-23T19:52:17+09:00 to 1998-10-23T19:52:41+09:00; it has been probing our"
            + " server again since.\r\n\r\n";
    int hosts = second.indexOf("  surf.wil.net: 3 probe(s)");
    assertTrue(hosts >= 0, second);
    assertEquals(second.indexOf("\r\n", hosts), second.indexOf(note), second);
    // Without the note, the letter is the first letter word for word.
    assertEquals(first, second.replace(note, "\r\n\r\n"));
  }

  @Test
  void theJapaneseLetterSaysItToInBothCharsets() throws Exception {
    for (String charset : List.of("UTF-8", "ISO-2022-JP")) {
      String first = body(List.of(NoticeFixtures.SURF), charset, "ja");
      String second = body(List.of(again(NoticeFixtures.SURF, EARLIER)), charset, "ja");
      assertFalse(first.contains("にもご連絡いたしました"), first);
      assertTrue(
          second.contains(
              "surf.wil.net につきましては、1998-10-23T19:52:17+09:00 から"
                  + " 1998-10-23T19:52:41+09:00 までのアクセスについて\r\n"
                  + "1998-12-01 にもご連絡いたしましたが、その後も探査が続いております。"),
          charset + ": " + second);
    }
  }

  @Test
  void hostTextFromTheLedgerIsMadePrintable() throws Exception {
    HostFinding odd =
        again(
            NoticeFixtures.SURF,
            new Reported("1998-12-01\u001b[31m", "not a time\r\nBcc: x", null));
    String body = body(List.of(odd), "UTF-8", "en");
    assertFalse(body.contains("\u001b"), body);
    assertFalse(body.contains("\r\nBcc: x"), body);
  }
}
