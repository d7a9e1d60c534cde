package org.probehunt.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The body parts of a draft, in multiparts whose boundaries depend only on their content. */
final class MimeParts {
  private MimeParts() {}

  /** The letter, as text in the draft's charset. */
  static MimeBodyPart letter(String body, String charset) throws MessagingException {
    MimeBodyPart letter = new MimeBodyPart();
    letter.setText(body, charset);
    sevenBit(letter, body, charset);
    return letter;
  }

  /** Every evidence line, as the attachment the letter points to. */
  static MimeBodyPart evidenceLog(EvidenceLog evidence) throws MessagingException {
    MimeBodyPart log = new MimeBodyPart();
    log.setDataHandler(new DataHandler(evidence));
    log.setFileName(NoticeText.ATTACHMENT);
    log.setDisposition(Part.ATTACHMENT);
    return log;
  }

  /** X-ARF 0.2's machine-readable part, named as its specification names it. */
  static MimeBodyPart xarfYaml(String yaml) throws MessagingException {
    MimeBodyPart report = new MimeBodyPart();
    report.setText(yaml, "UTF-8");
    report.setHeader("Content-Type", "text/plain; charset=utf-8; name=\"report.txt\"");
    return report;
  }

  /**
   * The RFC 5965 feedback report that tells a XARF reader to look for the JSON part: the
   * Feedback-Type {@code xarf} is the XARF transport's extension, unknown to plain ARF readers.
   */
  static MimeBodyPart feedbackReport(String userAgent) throws MessagingException {
    String fields = "Feedback-Type: xarf\r\nUser-Agent: " + userAgent + "\r\nVersion: 1\r\n";
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(
        new DataHandler(
            new ByteArrayDataSource(
                fields.getBytes(StandardCharsets.US_ASCII), "message/feedback-report")));
    part.setDisposition(Part.INLINE);
    return part;
  }

  /** The XARF v4 report, base64-encoded as the XARF e-mail transport asks. */
  static MimeBodyPart xarfJson(byte[] json) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(json, "application/json")));
    part.setFileName(XarfJson.FILE_NAME);
    part.setDisposition(Part.ATTACHMENT);
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** A multipart as a part of another one. */
  static MimeBodyPart nested(MimeMultipart multipart) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(multipart);
    return part;
  }

  /** multipart/{subtype} holding the parts, with {@code params} (may be empty) before boundary. */
  static MimeMultipart multipart(String subtype, String params, String boundary, BodyPart... parts)
      throws MessagingException {
    MimeMultipart multipart = new FixedBoundaryMultipart(subtype, params, boundary);
    for (BodyPart part : parts) {
      multipart.addBodyPart(part);
    }
    return multipart;
  }

  /** The text cannot contain the boundary: it would have to contain its own hash. */
  static String boundary(String... parts) {
    MessageDigest digest = Hashes.digest();
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return "=_ph_" + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /** As {@link #boundary(String...)}, the evidence log's text read as a stream as the last part. */
  static String boundary(String subject, String body, String report, EvidenceLog evidence)
      throws IOException {
    MessageDigest digest = Hashes.digest();
    for (String part : new String[] {subject, body, report}) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    try (InputStream log = evidence.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      for (int n = log.read(buffer); n >= 0; n = log.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    digest.update((byte) 0);
    return "=_ph_" + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
  }

  /**
   * ISO-2022-JP is 7-bit by design, but its escape bytes make the library pick quoted-printable,
   * which old Japanese mail readers show garbled; lines over 998 octets still need it.
   */
  static void sevenBit(MimePart part, String body, String charset) throws MessagingException {
    if (sevenBit(body, charset)) {
      part.setHeader("Content-Transfer-Encoding", "7bit");
    }
  }

  /** Whether a body in {@code charset} is sent as its 7-bit bytes (see above). */
  static boolean sevenBit(String body, String charset) {
    return charset.equals("ISO-2022-JP")
        && body.lines().allMatch(l -> l.getBytes(Charset.forName(charset)).length <= 998);
  }

  /** A multipart with a given boundary instead of a random one. */
  private static final class FixedBoundaryMultipart extends MimeMultipart {
    FixedBoundaryMultipart(String subtype, String params, String boundary)
        throws MessagingException {
      super(subtype);
      // Written by hand: ContentType.toString() would fold the line.
      contentType =
          "multipart/"
              + subtype
              + "; "
              + (params.isEmpty() ? "" : params + "; ")
              + "boundary=\""
              + boundary
              + "\"";
    }
  }
}
