package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;

/** Damaged files among clean ones: read up to the damage, counted, reported, exit code 3. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DamagedInputTest {
  @TempDir static Path tmp;

  Corpus corpus;
  Path logs;
  Path out;
  Runs.Outcome run;

  @BeforeAll
  void writeAndRun() throws Exception {
    logs = tmp.resolve("logs");
    corpus = new Corpus(logs);
    corpus.writeClean();
    corpus.writeDamaged(logs.resolve("site-x"));
    out = tmp.resolve("out");
    run = Runs.run(out, List.of(), logs);
  }

  private Map<String, String> row(String suffix) throws IOException {
    List<Map<String, String>> rows =
        CsvFiles.rows(out.resolve("inputs.csv")).stream()
            .filter(r -> r.get("source").endsWith("/" + suffix))
            .toList();
    assertEquals(1, rows.size(), suffix + ": " + rows);
    return rows.get(0);
  }

  /** Complete lines a gzip reader gets out of a truncated file before the damage. */
  private static int completeLinesOf(Path gz) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      byte[] buf = new byte[1];
      while (in.read(buf) == 1) {
        text.write(buf[0]);
      }
    } catch (EOFException expected) {
      // the file is cut short on purpose
    }
    int n = 0;
    for (byte b : text.toByteArray()) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  @Test
  void exitCodeIsThreeAndTheErrorIsOneLine() {
    assertEquals(3, run.code(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());
    assertTrue(run.err().contains("inputs.csv"), run.toString());
  }

  @Test
  void aTruncatedGzipKeepsItsReadablePrefix() throws IOException {
    Map<String, String> r = row("site-x/access_log.5.gz");
    assertEquals("truncated", r.get("status"), r.toString());
    assertEquals("gzip", r.get("compression"), r.toString());
    long lines = Long.parseLong(r.get("lines"));
    int complete = completeLinesOf(logs.resolve("site-x/access_log.5.gz"));
    assertTrue(complete > 100, "the test file keeps a readable prefix");
    assertTrue(
        lines == complete || lines == complete + 1, complete + " complete lines, job says " + r);
    assertEquals(
        lines, Long.parseLong(r.get("parsed")) + Long.parseLong(r.get("rejected")), r.toString());
    assertTrue(Long.parseLong(r.get("parsed")) >= complete, r.toString());
    assertTrue(!r.get("message").isBlank(), "says why: " + r);
  }

  @Test
  void aCorruptBzip2BlockIsReportedCorrupt() throws IOException {
    Map<String, String> r = row("site-x/other_vhosts_access.log.4.bz2");
    assertEquals("corrupt", r.get("status"), r.toString());
    assertEquals("bzip2", r.get("compression"), r.toString());
    assertTrue(Long.parseLong(r.get("lines")) < 3000, r.toString());
    assertEquals(
        Long.parseLong(r.get("lines")),
        Long.parseLong(r.get("parsed")) + Long.parseLong(r.get("rejected")));
    assertTrue(!r.get("message").isBlank(), "says why: " + r);
  }

  @Test
  void anEmptyFileNamedGzIsDamagedWithNoLines() throws IOException {
    Map<String, String> r = row("site-x/access_log.6.gz");
    assertTrue(List.of("truncated", "corrupt").contains(r.get("status")), r.toString());
    assertEquals("0", r.get("lines"), r.toString());
    assertTrue(!r.get("message").isBlank(), "says why: " + r);
  }

  @Test
  void cleanFilesAroundTheDamageAreReadWhole() throws IOException {
    long total = 0;
    for (Map.Entry<String, Integer> e : corpus.linesWritten.entrySet()) {
      Map<String, String> r = row(e.getKey());
      assertEquals("ok", r.get("status"), r.toString());
      assertEquals(String.valueOf(e.getValue()), r.get("lines"), r.toString());
      total += e.getValue();
    }
    long damaged = 0;
    for (String s :
        List.of(
            "site-x/access_log.5.gz",
            "site-x/other_vhosts_access.log.4.bz2",
            "site-x/access_log.6.gz")) {
      damaged += Long.parseLong(row(s).get("lines"));
    }
    long reported =
        CsvFiles.rows(out.resolve("inputs.csv")).stream()
            .mapToLong(r -> Long.parseLong(r.get("lines")))
            .sum();
    assertEquals(total + damaged, reported);
    assertEquals(
        corpus.flaggedLines.keySet(),
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host").keySet(),
        "the same hosts as without damage");
  }

  @Test
  void strictFailsOnTheDamage() {
    Runs.Outcome strict = Runs.run(tmp.resolve("strict"), List.of("--strict"), logs);
    assertEquals(1, strict.code(), strict.toString());
    assertTrue(
        strict.err().contains("access_log.5.gz")
            || strict.err().contains(".bz2")
            || strict.err().contains("access_log.6.gz"),
        "names the damaged input: " + strict);
  }
}
