package org.probehunt.notify;

import org.probehunt.report.Texts;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Contact;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Draft notices as RFC 5322 messages ({@code X-Unsent: 1}, ready to open in a mail client).
 * The same input gives the same bytes: Date is the last request's time, there is no
 * Message-ID, and the MIME boundary is a hash of the content.
 */
public final class Notices {
  private Notices() {}

  /**
   * One draft to {@code contact} about {@code hosts}, quoting the evidence lines; lang is
   * "en" or "ja". Only settings, validated addresses and re-formatted dates reach a header.
   */
  public static byte[] draft(Contact contact, List<HostFinding> hosts,
      List<String> evidenceLines, NoticeSettings settings, String lang) {
    NoticeText.Rendered text = NoticeText.render(contact, hosts, evidenceLines, settings, lang);
    String charset = lang.equals("ja") ? settings.jaCharset() : "UTF-8";
    try {
      DraftMessage message = new DraftMessage(Session.getInstance(new Properties()));
      message.setHeader("X-Unsent", "1");
      String reportedFrom = "postmaster@" + settings.serverName();
      if (settings.fromAddress() != null) {
        InternetAddress from = new InternetAddress(settings.fromAddress(), true);
        message.setFrom(from);
        message.setReplyTo(new Address[] {from});
        reportedFrom = from.getAddress();
      }
      for (String to : contact.to()) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      // B encoding: what Japanese mail readers expect, and compact for any non-Latin text.
      message.setHeader("Subject",
          MimeUtility.fold(9, MimeUtility.encodeText(text.subject(), charset, "B")));
      text.date().ifPresent(d -> header(message, "Date", Times.rfc5322(d)));
      Optional<String> xarf = settings.xarf()
          ? Xarf.report(contact, hosts, settings, reportedFrom) : Optional.empty();
      boolean attach = xarf.isPresent() || evidenceLines.size() > settings.maxLines();
      if (!attach) {
        message.setText(text.body(), charset);
        sevenBit(message, text.body(), charset);
      } else {
        if (xarf.isPresent()) {
          message.setHeader("X-XARF", "PLAIN");
        }
        String evidence = evidence(evidenceLines);
        MimeMultipart mixed = new FixedBoundaryMultipart(
            boundary(text.subject(), text.body(), xarf.orElse(""), evidence));
        MimeBodyPart letter = new MimeBodyPart();
        letter.setText(text.body(), charset);
        sevenBit(letter, text.body(), charset);
        mixed.addBodyPart(letter);
        if (xarf.isPresent()) {
          MimeBodyPart report = new MimeBodyPart();
          report.setText(xarf.get(), "UTF-8");
          report.setHeader("Content-Type", "text/plain; charset=utf-8; name=\"report.txt\"");
          mixed.addBodyPart(report);
        }
        MimeBodyPart log = new MimeBodyPart();
        log.setText(evidence, "UTF-8");
        log.setFileName(NoticeText.ATTACHMENT);
        log.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(log);
        message.setContent(mixed);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the notice for " + contact.key(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line, control characters escaped as the log reader does, CRLF-terminated. */
  private static String evidence(List<String> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(Texts.printable(line)).append("\r\n"));
    return out.toString();
  }

  /**
   * ISO-2022-JP is 7-bit by design, but its escape bytes make the library pick
   * quoted-printable, which old Japanese mail readers show garbled; lines over 998 octets
   * still need it.
   */
  private static void sevenBit(MimePart part, String body, String charset)
      throws MessagingException {
    if (charset.equals("ISO-2022-JP")
        && body.lines().allMatch(l -> l.getBytes(Charset.forName(charset)).length <= 998)) {
      part.setHeader("Content-Transfer-Encoding", "7bit");
    }
  }

  /** The text cannot contain the boundary: it would have to contain its own hash. */
  private static String boundary(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return "=_ph_" + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static void header(MimeMessage message, String name, String value) {
    try {
      message.setHeader(name, value);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message that keeps the Date it was given and gets no Message-ID until it is sent. */
  private static final class DraftMessage extends MimeMessage {
    DraftMessage(Session session) {
      super(session);
    }

    @Override
    protected void updateMessageID() {
      // The mail client assigns one on sending; a fixed one would repeat across re-sent copies.
    }

    @Override
    protected void updateHeaders() throws MessagingException {
      boolean dated = getHeader("Date") != null;
      super.updateHeaders();
      if (!dated) {
        removeHeader("Date");
      }
    }
  }

  /** multipart/mixed with a given boundary instead of a random one. */
  private static final class FixedBoundaryMultipart extends MimeMultipart {
    FixedBoundaryMultipart(String boundary) throws MessagingException {
      super("mixed");
      // Written by hand: ContentType.toString() would fold the line.
      contentType = "multipart/mixed; boundary=\"" + boundary + "\"";
    }
  }
}
