package org.probehunt.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Reads a draft back with the mail library, as a mail client would. */
public final class Mails {
  private Mails() {}

  public static MimeMessage read(Path eml) throws Exception {
    try (InputStream in = Files.newInputStream(eml)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  /** The text of a single-part draft, or of its first part. */
  public static String body(MimeMessage message) throws Exception {
    Object content = message.getContent();
    if (content instanceof String text) {
      return text;
    }
    return (String) ((jakarta.mail.Multipart) content).getBodyPart(0).getContent();
  }

  /** Every header line of the draft, unfolded, as raw text. */
  public static String headers(Path eml) throws IOException {
    String text = Files.readString(eml, java.nio.charset.StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    return text.substring(0, end < 0 ? text.length() : end)
        .replace("\r\n ", " ")
        .replace("\r\n\t", " ");
  }
}
