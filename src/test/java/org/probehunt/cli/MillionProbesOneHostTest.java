package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.JavaProcesses;
import org.probehunt.testing.Mails;

/**
 * A million identical probes from one address, a gzip of a few hundred kilobytes, once ended the
 * run out of memory (one array per probe in an aggregation). In the launcher's 1 GiB heap it ends
 * with exit code 0, the host's true count and a draft that quotes only --max-lines lines.
 */
class MillionProbesOneHostTest {
  private static final int PROBES = 1_000_000;
  private static final int MAX_LINES = 20;
  private static final String HOST = "11.0.2.7";

  @TempDir Path tmp;

  @Test
  void aMillionProbesFromOneHostEndInASmallHeap() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    Path gz = logs.resolve("access_log.gz");
    write(gz);
    Path out = tmp.resolve("out");
    JavaProcesses.Outcome run =
        JavaProcesses.run(
            tmp,
            List.of(
                // The launcher's heap, in which per-probe arrays of a million probes ran out.
                "-Xmx1g",
                "-Dspark.ui.enabled=false",
                "-Dlog4j.configurationFile=jobs/conf/log4j2.properties"),
            // Minutes on a quiet machine; the file's events are read back from disk several times.
            1_800,
            Main.class,
            "run",
            "--max-lines",
            String.valueOf(MAX_LINES),
            "--server-name",
            "www.example.jp",
            "--out",
            out.toString(),
            logs.toString());

    assertEquals(0, run.code(), run.err());
    List<Map<String, String>> hosts = CsvFiles.rows(out.resolve("hosts.csv"));
    assertEquals(1, hosts.size(), hosts.toString());
    assertEquals(HOST, hosts.get(0).get("host"), hosts.toString());
    assertEquals(String.valueOf(PROBES), hosts.get(0).get("probes"), hosts.toString());

    List<Path> drafts;
    try (Stream<Path> files = Files.list(out.resolve("notices"))) {
      drafts = files.filter(p -> p.toString().endsWith(".en.eml")).toList();
    }
    assertEquals(1, drafts.size(), drafts.toString());
    String letter = Mails.body(Mails.read(drafts.get(0)));
    long quoted = letter.lines().filter(l -> l.startsWith(HOST + " - - [")).count();
    assertTrue(quoted > 0 && quoted <= MAX_LINES, quoted + " lines quoted:\n" + letter);
  }

  /** The same probe a million times: a gzip of a few hundred kilobytes. */
  private static void write(Path file) throws IOException {
    String line =
        HOST
            + " - - [02/Mar/2025:10:00:00 +0000] \"GET /cgi-bin/phf?Qalias=x%0a/bin/cat"
            + "%20/etc/passwd HTTP/1.1\" 404 196 \"-\" \"scanner\"\n";
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      for (int i = 0; i < PROBES; i++) {
        w.write(line);
      }
    }
    assertTrue(Files.size(file) < 1_000_000, "a small file: " + Files.size(file));
  }
}
