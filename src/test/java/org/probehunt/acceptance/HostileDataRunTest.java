package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Bombs;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/**
 * Decoder bombs beside clean logs: each is refused or cut and reported, the run goes on to the end
 * with exit 3, and the probers in the readable data are flagged with their true counts.
 */
class HostileDataRunTest {
  private static final String PHF =
      "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -";
  private static final String TEST_CGI =
      "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -";
  private static final String TAR_PROBE =
      "11.0.113.9 - - [23/Nov/1998:20:00:00 +0900] \"GET /cgi-bin/phf\" 404 -";

  @TempDir Path tmp;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void bombsAreRefusedOrCutAndTheRestIsCounted() throws Exception {
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), List.of(PHF));
    Bombs.xzHugeDictionary(logs.resolve("access_log.1.xz"), List.of(PHF, PHF));
    Bombs.zstdWindow(logs.resolve("access_log.2.zst"), PHF + "\n", 31);
    Bombs.paxBomb(logs.resolve("old.tar.gz"), List.of(TAR_PROBE), 1_288_490_188L);
    Bombs.hugeLines(logs.resolve("access_log.3.gz"), 64, 2 << 20, (byte) 0, List.of(TEST_CGI));

    Path out = tmp.resolve("out");
    Runs.Outcome run = Runs.run(out, List.of(), logs);
    assertEquals(3, run.code(), run.toString());
    assertEquals(1, run.errLines().size(), run.toString());

    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals("2", hosts.get("surf.wil.net").get("probes"), hosts.toString());
    assertEquals("1", hosts.get("11.0.113.9").get("probes"), hosts.toString());

    Map<String, Map<String, String>> inputs =
        Runs.byKey(CsvFiles.rows(out.resolve("inputs.csv")), "source");
    Map<String, String> xz = row(inputs, "access_log.1.xz");
    assertEquals("refused", xz.get("status"), xz.toString());
    assertTrue(xz.get("message").contains("--max-decoder-memory"), xz.toString());
    assertEquals("refused", row(inputs, "access_log.2.zst").get("status"));
    assertEquals("refused", row(inputs, "old.tar.gz").get("status"));
    assertEquals("ok", row(inputs, "old.tar.gz!access_log").get("status"));
    Map<String, String> nul = row(inputs, "access_log.3.gz");
    assertEquals("65", nul.get("lines"), nul.toString());
    assertEquals("64", nul.get("rejected"), nul.toString());

    List<Map<String, String>> rejects = CsvFiles.rows(out.resolve("rejects.csv"));
    assertEquals(64, rejects.size());
    for (Map<String, String> r : rejects) {
      assertEquals("line too long", r.get("reason"));
      assertTrue(r.get("line").length() <= 16 << 10, "only an excerpt of an overlong line");
      assertTrue(r.get("line").startsWith("\\x00\\x00"), "escaped NUL bytes");
    }
  }

  private static Map<String, String> row(Map<String, Map<String, String>> inputs, String suffix) {
    List<Map<String, String>> rows =
        inputs.entrySet().stream()
            .filter(e -> e.getKey().endsWith("/" + suffix))
            .map(Map.Entry::getValue)
            .toList();
    assertEquals(1, rows.size(), suffix + " in " + inputs.keySet());
    return rows.get(0);
  }
}
