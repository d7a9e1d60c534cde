package org.probehunt.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.contact.ContactGroup;
import org.probehunt.contact.HostFinding;
import org.probehunt.report.Texts;
import org.probehunt.testing.JavaProcesses;

/**
 * A contact with more evidence than a heap holds: its lines are spooled, the letter quotes the
 * first maxLines and the attachment gets every line, streamed, with the same bytes a draft of lines
 * held in memory has.
 */
class LargeContactDraftTest {
  private static final int MAX_LINES = 100;
  private static final int HOSTS = 15;

  @TempDir Path tmp;

  @Test
  void spooledEvidenceGivesTheBytesOfEvidenceHeldInMemory() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Non-ASCII and over-long lines late in the log change the attachment's encoding.
      String extra = i == 390 ? " \u00e9t\u00e9 \u65e5\u672c" : i == 395 ? "x".repeat(1200) : "";
      lines.add(line(i, 400) + extra + (i % 97 == 0 ? "\u001b[31m\t" : ""));
    }
    List<HostFinding> hosts = hosts(400);
    for (List<String> set : List.of(lines, lines.subList(0, 390), lines.subList(0, 50))) {
      for (XarfVersion xarf : XarfVersion.values()) {
        for (String lang : TemplateSet.LANGUAGES) {
          NoticeSettings settings = NoticeFixtures.settings("ISO-2022-JP", MAX_LINES, xarf);
          byte[] held = Notices.draft(XarfV4Test.CONTACT, hosts, set, settings, lang);
          for (long memory : new long[] {0, 5_000}) {
            try (Evidence spooled = new Evidence(memory)) {
              set.forEach(spooled::add);
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              Notices.write(XarfV4Test.CONTACT, hosts, spooled, settings, lang, out);
              assertArrayEquals(
                  held,
                  out.toByteArray(),
                  set.size() + " lines, X-ARF " + xarf + ", " + lang + ", memory " + memory);
            }
          }
        }
      }
    }
  }

  @Test
  void aSpoolFileIsRemovedOnClose() throws Exception {
    List<Path> before = spools();
    Evidence evidence = new Evidence(10);
    evidence.add(line(0, 1));
    evidence.add(line(1, 1));
    List<Path> spool = new ArrayList<>(spools());
    spool.removeAll(before);
    assertEquals(1, spool.size(), "one spool file: " + spool);
    assertEquals(List.of(line(0, 1), line(1, 1)), evidence.head(5));
    evidence.close();
    assertFalse(Files.exists(spool.get(0)), spool + " is removed");
  }

  private static List<Path> spools() throws Exception {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("probehunt-evidence-"))
          .toList();
    }
  }

  /**
   * Six hundred thousand lines (about 75 MB of evidence, twice that as Java strings) are drafted in
   * a JVM of 64 MiB (the X-ARF report holds its bounded 5 MB of evidence): were the lines, the
   * attachment's text or the draft held in memory, it would run out of it.
   */
  @Test
  void sixHundredThousandLinesOfOneContactAreDraftedInASmallHeap() throws Exception {
    int count = 600_000;
    JavaProcesses.Outcome drafted =
        JavaProcesses.run(
            tmp,
            List.of("-Xmx64m", "-Djava.io.tmpdir=" + tmp),
            600,
            Drafter.class,
            tmp.toString(),
            Integer.toString(count));
    assertEquals(0, drafted.code(), drafted.err());
    try (Stream<Path> left = Files.list(tmp)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().startsWith("probehunt-evidence-")),
          "the spool file is removed");
    }

    for (String lang : TemplateSet.LANGUAGES) {
      Path eml = tmp.resolve(NoticeFiles.fileName(XarfV4Test.CONTACT.key(), lang));
      try (SharedFileInputStream in = new SharedFileInputStream(eml.toFile())) {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
        Part letter = part(message, Part.INLINE);
        String body = (String) letter.getContent();
        assertTrue(body.contains(line(MAX_LINES - 1, count)), "the letter quotes the first lines");
        assertFalse(body.contains(line(MAX_LINES, count)), "and no more");
        Part log = part(message, Part.ATTACHMENT);
        assertEquals(NoticeText.ATTACHMENT, log.getFileName());
        try (BufferedReader read =
            new BufferedReader(
                new InputStreamReader(log.getInputStream(), StandardCharsets.UTF_8))) {
          for (int i = 0; i < count; i++) {
            String expected = Texts.printable(line(i, count));
            String got = read.readLine();
            if (!expected.equals(got)) {
              assertEquals(expected, got, lang + ": attachment line " + (i + 1));
            }
          }
          assertEquals(null, read.readLine(), lang + ": the attachment ends with the last line");
        }
      }
    }
  }

  /** The first part with the given disposition (the letter has none: INLINE asks for it). */
  private static Part part(Part part, String disposition) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        Part found = part(multipart.getBodyPart(i), disposition);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    boolean wanted = disposition.equals(Part.ATTACHMENT) ? attachment : !attachment;
    return wanted && part.isMimeType("text/plain") ? part : null;
  }

  /** Line {@code i} of {@code count}: each host's lines together, one host after another. */
  static String line(int i, int count) {
    int host = 1 + i / ((count + HOSTS - 1) / HOSTS);
    String tail = i == count - 3 ? " \"scan/1.0 \u00e9\"" : " \"scan/1.0\"";
    // Concatenation, not String.format: the test makes more than a million of these.
    return "192.0.2."
        + host
        + " - - [02/Mar/2025:"
        + two(i / 3600 % 24)
        + ":"
        + two(i / 60 % 60)
        + ":"
        + two(i % 60)
        + " +0000] \"GET /cgi-bin/phf?n="
        + i
        + " HTTP/1.1\" 404 196 \"-\""
        + tail;
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  static List<HostFinding> hosts(int count) {
    List<HostFinding> hosts = new ArrayList<>();
    for (int h = 1; h <= HOSTS; h++) {
      hosts.add(
          new HostFinding(
              "192.0.2." + h,
              "2025-03-02T00:00:00+00:00",
              "2025-03-02T23:59:59+00:00",
              count / HOSTS,
              count / HOSTS,
              List.of("phf"),
              List.of("cgi-exploit")));
    }
    return hosts;
  }

  /**
   * NoticeFixtures one contact of args[1] generated lines into the folder args[0], spooling them.
   */
  static final class Drafter {
    private Drafter() {}

    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      int count = Integer.parseInt(args[1]);
      Files.createDirectories(dir.resolve("notices"));
      try (Evidence evidence = new Evidence()) {
        for (int i = 0; i < count; i++) {
          evidence.add(line(i, count));
        }
        NoticeFiles.write(
            new ContactGroup(XarfV4Test.CONTACT, hosts(count)),
            evidence,
            NoticeFixtures.settings("ISO-2022-JP", MAX_LINES, XarfVersion.V4),
            (path, content) -> {
              try (OutputStream out =
                  new BufferedOutputStream(Files.newOutputStream(dir.resolve(path)))) {
                content.writeTo(out);
              }
            });
      }
    }
  }
}
