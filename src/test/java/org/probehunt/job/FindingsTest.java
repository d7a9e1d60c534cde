package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.input.Candidate;
import org.probehunt.input.Discovery;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * Each partition of the scan's output tallies its own probing hosts; a host that probed in the
 * files of two partitions is counted, and its rules gathered, across both.
 */
class FindingsTest {
  @TempDir Path tmp;

  /** A file of about 1.2 MB (more than a scan task takes alone) with one probe of {@code host}. */
  private Path file(String name, String host, String probe) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(host + " - - [01/Oct/2025:10:00:00 +0900] \"GET " + probe + " HTTP/1.0\" 404 1");
    for (int i = 0; i < 6_000; i++) {
      lines.add(
          "11.9."
              + (i % 200)
              + "."
              + (1 + i % 250)
              + " - - [01/Oct/2025:11:00:00 +0900] \"GET /articles/"
              + i
              + "/page-with-a-long-name-for-a-bigger-file HTTP/1.1\" 200 5120"
              + " \"https://www.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64; rv:128.0)\"");
    }
    return LogFiles.plain(tmp.resolve("logs").resolve(name), lines);
  }

  @Test
  void aHostThatProbedInTwoPartitionsIsTalliedAcrossThem() throws Exception {
    file("access_log.1", "11.0.5.5", "/cgi-bin/phf");
    file("access_log.2", "11.0.5.5", "/cgi-bin/test-cgi");
    String logs = tmp.resolve("logs").toUri().toString();
    List<Candidate> reading =
        Discovery.discover(
                SparkTestSession.get().sparkContext().hadoopConfiguration(),
                List.of(logs),
                List.of(),
                List.of())
            .stream()
            .filter(Candidate::read)
            .toList();
    assertEquals(2, ProbeJob.batches(reading, 2).size(), "each file is a scan task of its own");

    // One probe in each file: only the two together reach --min-probes 2.
    ProbeJob.run(
        SparkTestSession.get(),
        TestSettings.of(List.of(logs), tmp.resolve("out").toUri().toString(), 2),
        new PrintWriter(new StringWriter()));

    List<Map<String, String>> hosts = CsvFiles.rows(tmp.resolve("out/hosts.csv"));
    assertEquals(1, hosts.size(), hosts.toString());
    Map<String, String> host = hosts.get(0);
    assertEquals("11.0.5.5", host.get("host"));
    assertEquals("2", host.get("probes"));
    assertEquals("cgi-phf;cgi-test-cgi", host.get("rules"));
  }
}
