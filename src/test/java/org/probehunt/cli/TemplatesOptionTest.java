package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.SparkTestSession;

/**
 * A templates folder with a mistake is refused before any work, in one line naming the file and
 * with exit code 2: the built-in text or a literal <code>${server</code> never slips into the
 * letters.
 */
class TemplatesOptionTest {
  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  private record Outcome(int code, String out, String err) {}

  private Outcome run(Path templates) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute(
                "run",
                "--quiet",
                "--server-name",
                "www.myname.co.jp",
                "--templates",
                templates.toString(),
                "--out",
                tmp.resolve("out").toString(),
                "data/sample");
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Exit 2, one line on stderr holding each expected part, and no report folder started. */
  private void assertRefused(Path templates, String... expected) {
    Outcome o = run(templates);
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    for (String part : expected) {
      assertTrue(o.err().contains(part), "stderr says '" + part + "': " + o.err());
    }
    assertFalse(Files.exists(tmp.resolve("out")), "refused before any work");
  }

  private Path folder() throws IOException {
    return Files.createDirectories(tmp.resolve("templates"));
  }

  @Test
  void anUnterminatedPlaceholderNamesFileAndLine() throws IOException {
    Path dir = folder();
    Files.writeString(dir.resolve("subject.en.txt"), "## mine\nProbes on ${server from you\n");
    assertRefused(
        dir,
        "--templates: " + dir + "/subject.en.txt:2: unterminated placeholder ${server",
        "no closing }");
  }

  @Test
  void aPlaceholderThatIsNoNameIsRefused() throws IOException {
    Path dir = folder();
    Files.writeString(dir.resolve("notice.ja.txt"), "${hosts}\n${ log }\n");
    assertRefused(dir, dir + "/notice.ja.txt:2: bad placeholder ${ log }, expected ${name}");
  }

  @Test
  void aMisspeltTemplateNameIsRefused() throws IOException {
    Path dir = folder();
    Files.writeString(dir.resolve("notise.en.txt"), "Dear ${contact}\n");
    assertRefused(dir, dir + "/notise.en.txt: not a template file name", "notice.en.txt");
  }

  @Test
  void aFolderInPlaceOfATemplateIsRefused() throws IOException {
    Path dir = folder();
    Files.createDirectories(dir.resolve("notice.en.txt"));
    assertRefused(dir, dir + "/notice.en.txt: a folder, not a template file");
  }

  @Test
  void invalidUtf8NamesFileLineAndByte() throws IOException {
    Path dir = folder();
    byte[] latin1 =
        "Hosts:\n${hosts}\nMit freundlichen Gr\u00fc\u00dfen\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("notice.en.txt"), latin1);
    assertRefused(dir, dir + "/notice.en.txt:3: not valid UTF-8", "byte 0xfc");
  }

  @Test
  void aGoodFolderWithHiddenFilesIsUsed() throws IOException {
    Path dir = folder();
    Files.writeString(dir.resolve(".DS_Store"), "\u0000\u0001");
    Files.writeString(
        dir.resolve("subject.en.txt"), "\uFEFFProbes from your network on ${server}\n");
    Outcome o = run(dir);
    assertEquals(0, o.code(), o.err());
    try (var drafts = Files.list(tmp.resolve("out/notices"))) {
      String en =
          Files.readString(
              drafts.filter(p -> p.toString().endsWith(".en.eml")).findFirst().orElseThrow());
      assertTrue(en.contains("Subject: Probes from your network on www.myname.co.jp"), en);
    }
  }
}
