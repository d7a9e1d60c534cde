package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-draft writer gives the bytes the mail library writes for the same message. */
class PlainNoticeTest {
  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void theLettersOfBothLanguagesAreTheLibrarysBytes() throws Exception {
    for (String lang : List.of("en", "ja")) {
      for (String charset : List.of("UTF-8", "ISO-2022-JP")) {
        NoticeSettings settings = NoticeFixtures.settings(charset, 100, XarfVersion.NONE);
        NoticeText.Rendered text =
            NoticeText.render(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                NoticeFixtures.GUIDE_LINES,
                NoticeFixtures.GUIDE_LINES.size(),
                settings,
                lang);
        String used = lang.equals("ja") ? charset : "UTF-8";
        assertSame(envelope("To", "postmaster@wil.net, abuse@wil.net"), text.body(), used);
        // Notices.draft takes this path for such a letter: the draft is these very bytes.
        byte[] draft =
            Notices.draft(
                NoticeFixtures.wil(),
                List.of(NoticeFixtures.SURF),
                NoticeFixtures.GUIDE_LINES,
                settings,
                lang);
        assertEquals(
            new String(library(envelope(draft), text.body(), used), StandardCharsets.ISO_8859_1),
            new String(draft, StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void edgeCasesOfEachEncodingAreTheLibrarysBytes() throws Exception {
    String line76 = "x".repeat(74) + "=é";
    for (String body :
        List.of(
            "",
            "plain ASCII\r\nlines\r\n",
            "trailing space \r\nand tab\t\r\nend with space ",
            "x".repeat(1200) + "\r\nover 998 characters, all ASCII",
            "mostly ASCII with one é and = signs = here\r\n" + line76 + "\r\n" + line76,
            "日本語の本文だけ。".repeat(40),
            "bare LF\nand bare CR\rand CRLF\r\n \n\r \r\n",
            "control \u0001\u001b and DEL \u007f\r\n",
            "y".repeat(75) + " \r\n" + "z".repeat(73) + "=\r\n")) {
      for (String charset : List.of("UTF-8", "ISO-2022-JP")) {
        assertSame(envelope("To", "abuse@example.net"), body, charset);
      }
    }
  }

  @Test
  void randomBodiesAreTheLibrarysBytes() throws Exception {
    Random random = new Random(19981123);
    String palette = "aZ9 \t=.\r\n\u0001é日";
    for (int n = 0; n < 400; n++) {
      StringBuilder body = new StringBuilder();
      int length = random.nextInt(n % 4 == 0 ? 2500 : 300);
      // Some bodies are mostly one character, so each encoding is chosen often.
      String bias = palette.substring(random.nextInt(palette.length())).substring(0, 1);
      for (int i = 0; i < length; i++) {
        body.append(
            random.nextInt(3) == 0 ? bias : palette.charAt(random.nextInt(palette.length())));
      }
      assertSame(envelope("To", "abuse@example.net"), body.toString(), "UTF-8");
    }
  }

  private static void assertSame(Map<String, String> envelope, String body, String charset)
      throws Exception {
    assertEquals(
        new String(library(envelope, body, charset), StandardCharsets.ISO_8859_1),
        new String(
            PlainNotice.write(envelope, body, charset, MimeParts.sevenBit(body, charset)),
            StandardCharsets.ISO_8859_1),
        () -> "body: " + body.replace("\r", "\\r").replace("\n", "\\n"));
  }

  private static Map<String, String> envelope(String name, String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Date", "Mon, 23 Nov 1998 19:52:41 +0900");
    headers.put("From", "suzuki@myname.co.jp");
    headers.put("Reply-To", "suzuki@myname.co.jp");
    headers.put(name, value);
    headers.put("Subject", "Vulnerability probes");
    return headers;
  }

  /** The headers a draft starts with, up to MIME-Version. */
  private static Map<String, String> envelope(byte[] draft) {
    Map<String, String> headers = new LinkedHashMap<>();
    String name = null;
    for (String line : new String(draft, StandardCharsets.ISO_8859_1).split("\r\n", -1)) {
      if (line.startsWith("MIME-Version:")) {
        break;
      }
      if (line.startsWith(" ") || line.startsWith("\t")) {
        headers.put(name, headers.get(name) + "\r\n" + line);
      } else {
        name = line.substring(0, line.indexOf(':'));
        headers.put(name, line.substring(name.length() + 2));
      }
    }
    return headers;
  }

  /** The message as the mail library writes it: its text part encoded as the library likes. */
  private static byte[] library(Map<String, String> envelope, String body, String charset)
      throws Exception {
    MimeMessage message =
        new MimeMessage(SESSION) {
          @Override
          protected void updateMessageID() {}
        };
    message.setHeader("X-Unsent", "1");
    for (Map.Entry<String, String> header : envelope.entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    message.setText(body, charset);
    MimeParts.sevenBit(message, body, charset);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      message.writeTo(out);
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
