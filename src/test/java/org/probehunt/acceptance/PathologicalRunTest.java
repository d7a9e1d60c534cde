package org.probehunt.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.bench.PathologicalLines;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;

/**
 * A file of lines written to cost the most, of 100,000 characters each, run with a user rule of
 * nested quantifiers: the run ends quickly with exit code 0, and the real prober beside them keeps
 * its true counts.
 */
class PathologicalRunTest {
  private static final String PHF =
      "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 404 -";
  private static final String TEST_CGI =
      "surf.wil.net - - [23/Nov/1998:19:52:18 +0900] \"GET /cgi-bin/test-cgi\" 404 -";

  @TempDir Path tmp;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES) // a busy machine: Spark starts slowly
  void pathologicalLinesAndACatastrophicUserRegexEndAndTheProberIsCounted() throws Exception {
    List<String> lines = new ArrayList<>(List.of(PHF));
    lines.addAll(PathologicalLines.of(100_000, 1).values());
    lines.add(TEST_CGI);
    Path logs = tmp.resolve("logs");
    LogFiles.plain(logs.resolve("access_log"), lines);
    Path rules = Files.writeString(tmp.resolve("mine.rules"), PathologicalLines.CATASTROPHIC_RULE);

    Path out = tmp.resolve("out");
    Runs.Outcome run = Runs.run(out, List.of("--rules", rules.toString()), logs);
    assertEquals(0, run.code(), run.toString());

    Map<String, Map<String, String>> hosts =
        Runs.byKey(CsvFiles.rows(out.resolve("hosts.csv")), "host");
    assertEquals("2", hosts.get("surf.wil.net").get("probes"), hosts.toString());
    assertEquals("2", hosts.get("surf.wil.net").get("requests"), hosts.toString());
    Map<String, String> input = CsvFiles.rows(out.resolve("inputs.csv")).get(0);
    assertEquals(String.valueOf(lines.size()), input.get("lines"), input.toString());
    assertEquals(String.valueOf(lines.size()), input.get("parsed"), input.toString());
  }
}
