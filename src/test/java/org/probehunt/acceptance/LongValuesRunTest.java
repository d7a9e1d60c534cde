package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.JavaProcesses;

/**
 * Requests whose targets, user agents and referers are all long and never repeat: what the scan
 * remembers of values it has matched must not grow with them. 40,000 such lines are 330 MB of text,
 * more than the heap this run is given; remembered whole, they stopped the run.
 */
class LongValuesRunTest {
  private static final int LINES = 40_000;

  @TempDir Path tmp;

  @Test
  void distinctLongValuesDoNotFillTheHeap() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    write(logs.resolve("access_log.gz"));
    Path out = tmp.resolve("out");
    JavaProcesses.Outcome run =
        JavaProcesses.probehunt(tmp, "320m", "run", "--out", out.toString(), logs.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals("", run.err(), "a normal run prints no Spark log lines");

    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals(List.of("11.0.2.7", "surf.wil.net"), hosts.keySet().stream().sorted().toList());
    assertEquals("2", hosts.get("surf.wil.net").get("probes"), hosts.toString());
    // The prober that changes its long user agent with every request: each probe counted.
    assertEquals("500", hosts.get("11.0.2.7").get("probes"), hosts.toString());
    Map<String, String> input = CsvFiles.rows(out.resolve("inputs.csv")).get(0);
    assertEquals(String.valueOf(LINES + 502), input.get("parsed"), input.toString());
  }

  /**
   * The 1998 guide's prober, 500 probes with a new 4 KB user agent each, and {@value #LINES} page
   * requests, each with a new 4 KB target, 2 KB user agent and 2 KB referer.
   */
  private static void write(Path file) throws IOException {
    String pad = "x".repeat(2_000);
    try (OutputStream gz =
            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
              {
                def.setLevel(Deflater.BEST_SPEED);
              }
            };
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      w.write("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -\n");
      for (int i = 0; i < LINES; i++) {
        String n = Integer.toString(i);
        w.write("11.0.1." + (i % 250 + 1) + " - - [23/Nov/1998:20:00:00 +0900] \"GET /page/");
        w.write(n + "/" + pad + "/" + pad + " HTTP/1.1\" 200 10 \"https://a.example/" + n + pad);
        w.write("\" \"Mozilla/5.0 " + n + pad + "\"\n");
        if (i % 80 == 0) {
          w.write("11.0.2.7 - - [23/Nov/1998:20:00:01 +0900] \"GET /.env HTTP/1.1\" 404 10 \"-\"");
          w.write(" \"agent " + n + pad + pad + "\"\n");
        }
      }
      w.write("surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -\n");
    }
  }
}
