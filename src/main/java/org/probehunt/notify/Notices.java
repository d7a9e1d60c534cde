package org.probehunt.notify;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.probehunt.contact.Contact;
import org.probehunt.contact.HostFinding;
import org.probehunt.report.ProbehuntVersion;
import org.probehunt.report.Times;

/**
 * Draft notices as RFC 5322 messages ({@code X-Unsent: 1}, ready to open in a mail client). The
 * same input gives the same bytes: Date is the last request's time, there is no Message-ID, and the
 * MIME boundary is a hash of the content.
 */
public final class Notices {
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  /**
   * One mail session for every draft: a new one looks its providers up on the classpath, which cost
   * more than building the draft itself (a run writes tens of thousands).
   */
  private static final Session SESSION = Session.getInstance(new Properties());

  static {
    // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the classpath on
    // every encoded word and body part, unless this property names it: a scan per draft header
    // took most of a draft's time. Angus is the implementation this project ships.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  /** Encoded subjects by charset and text; see {@link #subject}. */
  private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

  private static final int SUBJECTS_KEPT = 4096;

  private Notices() {}

  /**
   * One draft to {@code contact} about {@code hosts}, quoting the evidence lines; lang is "en" or
   * "ja". Only settings, validated addresses and re-formatted dates reach a header. With an X-ARF
   * version in the settings, the report is about the first host that is an address (else a valid
   * name), and the server port comes from that host's evidence lines.
   */
  public static byte[] draft(
      Contact contact,
      List<HostFinding> hosts,
      List<String> evidenceLines,
      NoticeSettings settings,
      String lang) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(contact, hosts, Evidence.of(evidenceLines), settings, lang, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the draft {@link #draft} describes to {@code out}, reading the evidence as a stream: the
   * letter quotes at most the settings' maxLines lines, and the attachment gets the others one at a
   * time, so a contact with millions of lines costs no more memory than one with a few.
   */
  public static void write(
      Contact contact,
      List<HostFinding> hosts,
      Evidence evidence,
      NoticeSettings settings,
      String lang,
      OutputStream out)
      throws IOException {
    write(letter(contact, hosts, evidence, settings), lang, out);
  }

  /**
   * The drafts to {@code contact} about {@code hosts} before they are put in words: what they say
   * in every language (the times, counts, host lines' values and quoted lines) is worked out once.
   */
  public static final class Letter {
    private final Contact contact;
    private final List<HostFinding> hosts;
    private final Evidence evidence;
    private final NoticeSettings settings;
    private final NoticeText.Facts facts;

    private Letter(
        Contact contact,
        List<HostFinding> hosts,
        Evidence evidence,
        NoticeSettings settings,
        NoticeText.Facts facts) {
      this.contact = contact;
      this.hosts = hosts;
      this.evidence = evidence;
      this.settings = settings;
      this.facts = facts;
    }
  }

  /** The letter of the drafts {@link #write} writes, for any number of languages. */
  public static Letter letter(
      Contact contact, List<HostFinding> hosts, Evidence evidence, NoticeSettings settings)
      throws IOException {
    int shown = (int) Math.min(evidence.size(), settings.maxLines());
    return new Letter(
        contact,
        hosts,
        evidence,
        settings,
        NoticeText.facts(contact, hosts, evidence.head(shown), evidence.size(), settings));
  }

  /** Writes {@code letter}'s draft in {@code lang} ("en" or "ja") to {@code out}. */
  public static void write(Letter letter, String lang, OutputStream out) throws IOException {
    Contact contact = letter.contact;
    List<HostFinding> hosts = letter.hosts;
    Evidence evidence = letter.evidence;
    NoticeSettings settings = letter.settings;
    NoticeText.Rendered text = NoticeText.render(letter.facts, lang);
    String charset = lang.equals("ja") ? settings.jaCharset() : "UTF-8";
    try {
      String fromAddress =
          settings.fromAddress() == null
              ? null
              : new InternetAddress(settings.fromAddress(), true).getAddress();
      Map<String, String> envelope = envelope(contact, settings, text, charset);
      String reportedFrom = Xarf.reportedFrom(fromAddress, settings.serverName());
      Optional<HostFinding> source =
          settings.xarf() == XarfVersion.NONE ? Optional.empty() : Xarf.source(hosts);
      boolean attach = evidence.size() > settings.maxLines();
      boolean yaml = source.isPresent() && settings.xarf() == XarfVersion.V0_2;
      Optional<byte[]> json =
          yaml
              ? Optional.empty()
              : source.flatMap(
                  h ->
                      XarfJson.report(
                          contact, h, SourceLog.of(evidence, h.host()), settings, reportedFrom));
      if (!yaml && json.isEmpty() && !attach) {
        out.write(
            PlainNotice.write(
                envelope, text.body(), charset, MimeParts.sevenBit(text.body(), charset)));
        return;
      }
      EvidenceLog log = new EvidenceLog(evidence); // only a multipart quotes it whole
      DraftMessage message = new DraftMessage(SESSION);
      message.setHeader("X-Unsent", "1");
      for (Map.Entry<String, String> header : envelope.entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      if (yaml) {
        Integer port = SourceLog.of(evidence, source.get().host()).port();
        String report = Xarf.report(contact, source.get(), settings, reportedFrom, port);
        message.setHeader("X-XARF", "PLAIN");
        message.setContent(
            MimeParts.multipart(
                "mixed",
                "",
                MimeParts.boundary(text.subject(), text.body(), report, log),
                MimeParts.letter(text.body(), charset),
                MimeParts.xarfYaml(report),
                MimeParts.evidenceLog(log)));
      } else if (json.isPresent()) {
        message.setContent(xarfReport(text, charset, json.get(), log, attach));
      } else {
        message.setContent(withLog(text, charset, log));
      }
      message.writeTo(out);
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build the notice for " + contact.key(), e);
    }
  }

  /**
   * The draft's own headers, in the order a mail library writes them, with values ready to write:
   * addresses validated and folded, the subject encoded and folded.
   */
  private static Map<String, String> envelope(
      Contact contact, NoticeSettings settings, NoticeText.Rendered text, String charset)
      throws MessagingException, IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    text.date().ifPresent(d -> headers.put("Date", Times.rfc5322(d)));
    if (settings.fromAddress() != null) {
      Address[] from = {new InternetAddress(settings.fromAddress(), true)};
      headers.put("From", InternetAddress.toString(from, "From: ".length()));
      headers.put("Reply-To", InternetAddress.toString(from, "Reply-To: ".length()));
    }
    if (!contact.to().isEmpty()) {
      Address[] to = new Address[contact.to().size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = new InternetAddress(contact.to().get(i), true);
      }
      headers.put("To", InternetAddress.toString(to, "To: ".length()));
    }
    headers.put("Subject", subject(text.subject(), charset));
    return headers;
  }

  /**
   * The subject encoded (B encoding: what Japanese mail readers expect, and compact for any
   * non-Latin text) and folded. A month's drafts share few subjects, which differ by their dates
   * only, so each is encoded once: encoding it for every draft was a sixth of the time of a fresh
   * JVM's first 35,000 drafts. A template that puts counts in the subject makes more, and past
   * {@link #SUBJECTS_KEPT} they are encoded each time.
   */
  private static String subject(String subject, String charset)
      throws UnsupportedEncodingException {
    String key = charset + '\n' + subject; // a subject is one line
    String encoded = SUBJECTS.get(key);
    if (encoded == null) {
      encoded = MimeUtility.fold(9, MimeUtility.encodeText(subject, charset, "B"));
      if (SUBJECTS.size() < SUBJECTS_KEPT) {
        SUBJECTS.put(key, encoded);
      }
    }
    return encoded;
  }

  /** The letter, and every evidence line attached. */
  private static MimeMultipart withLog(
      NoticeText.Rendered text, String charset, EvidenceLog evidence)
      throws MessagingException, IOException {
    return MimeParts.multipart(
        "mixed",
        "",
        MimeParts.boundary(text.subject(), text.body(), "", evidence),
        MimeParts.letter(text.body(), charset),
        MimeParts.evidenceLog(evidence));
  }

  /**
   * The XARF e-mail transport's RFC 6522 report: the human-readable part (the letter, with the log
   * attached when the letter cannot quote all of it), the feedback report that announces XARF, and
   * the JSON report.
   */
  private static MimeMultipart xarfReport(
      NoticeText.Rendered text, String charset, byte[] json, EvidenceLog evidence, boolean attach)
      throws MessagingException, IOException {
    BodyPart human =
        attach
            ? MimeParts.nested(withLog(text, charset, evidence))
            : MimeParts.letter(text.body(), charset);
    // The JSON is in the hash, so this boundary differs from the nested one.
    String boundary =
        MimeParts.boundary(
            text.subject(), text.body(), new String(json, StandardCharsets.UTF_8), evidence);
    return MimeParts.multipart(
        "report",
        "report-type=feedback-report",
        boundary,
        human,
        MimeParts.feedbackReport("probehunt/" + ProbehuntVersion.current()),
        MimeParts.xarfJson(json));
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
    protected synchronized void updateHeaders() throws MessagingException {
      boolean dated = getHeader("Date") != null;
      super.updateHeaders();
      if (!dated) {
        removeHeader("Date");
      }
    }
  }
}
