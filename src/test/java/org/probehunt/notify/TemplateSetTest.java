package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSetTest {
  @Test
  void defaultsHaveNoCommentLines() {
    String body = TemplateSet.defaults().render("notice", "ja", Map.of("server", "www.a.jp"));
    assertFalse(body.contains("##"), body);
    assertTrue(body.contains("www.a.jp"), body);
  }

  @Test
  void overridesReplaceOneFileAndValuesAreNotExpandedAgain() throws Exception {
    TemplateSet set =
        TemplateSet.load(
            Map.of(
                "subject.en.txt",
                "## my subject\nProbes on ${server} since ${first_date}\n",
                "notice.en.txt",
                "Hosts:\n${hosts}\n${lookup}\nEnd ${admin}"));
    NoticeSettings settings =
        new NoticeSettings("www.myname.co.jp", "${server}", null, null, 10, false, set);
    MimeMessage m =
        NoticeFixtures.parse(
            Notices.draft(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                NoticeFixtures.GUIDE_LINES,
                settings,
                "en"));
    assertEquals("Probes on www.myname.co.jp since 1998-11-23", m.getSubject());
    assertEquals(
        "Hosts:\r\n  surf.wil.net: 3 probe(s) among 3 request(s), from "
            + "1998-11-23T19:52:17+09:00 to 1998-11-23T19:52:41+09:00\r\nEnd ${server}\r\n",
        m.getContent());
    assertEquals(null, m.getFrom());
  }

  @Test
  void unknownPlaceholderNamesFileAndLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TemplateSet.load(Map.of("subject.ja.txt", "## c\n${server} ${log}")));
    assertTrue(
        e.getMessage().startsWith("subject.ja.txt:2: unknown placeholder ${log}"), e.getMessage());
  }

  @Test
  void anUnclosedPlaceholderNamesFileAndLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TemplateSet.load(
                    Map.of("subject.en.txt", "## c\nOn ${server} since ${first_date")));
    assertEquals(
        "subject.en.txt:2: unterminated placeholder ${first_date, no closing }", e.getMessage());
    // A comment line may say anything.
    TemplateSet.load(Map.of("subject.en.txt", "## use ${name\nOn ${server}"));
  }

  @Test
  void templateFilesMustBeUtf8() {
    assertEquals(
        "\uFEFFGr\u00fc\u00dfe ${admin}\n",
        TemplateSet.decode(
            "intro.en.txt",
            "\uFEFFGr\u00fc\u00dfe ${admin}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    byte[] truncated = {'a', '\n', 'b', (byte) 0xe3, (byte) 0x81};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TemplateSet.decode("intro.ja.txt", truncated));
    assertEquals(
        "intro.ja.txt:2: not valid UTF-8 (byte 0xe3 at offset 3); save the file as UTF-8",
        e.getMessage());
    assertTrue(TemplateSet.fileNames().contains("notice.en.txt"));
    assertTrue(TemplateSet.fileNames().contains("again.ja.txt"));
    assertEquals(16, TemplateSet.fileNames().size());
  }

  @Test
  void settingsAreValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NoticeSettings("bad\r\nname", "a", null, null, 1, false, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NoticeSettings("www.a.jp", "a", "not an address", null, 1, false, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NoticeSettings("www.a.jp", "a", null, "Shift_JIS", 1, false, null));
  }
}
