package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The options that take several files take one per occurrence (or a comma list), so the log path
 * after them is still a log path: {@code --rir-stats FILE PATH} once answered "Missing required
 * parameter: 'PATH'".
 */
class FileListOptionsTest {
  @Test
  void aFileListOptionTakesOneValueAndLeavesThePath() {
    RunCommand run = new RunCommand();
    new CommandLine(run)
        .parseArgs(
            "--rir-stats",
            "delegated-apnic-extended-latest",
            "--whois-db",
            "ripe.db.inetnum.gz,apnic.db.inetnum.gz",
            "--rdap-bootstrap",
            "ipv4.json",
            "--rir-stats",
            "delegated-ripencc-extended-latest",
            "logs/");
    assertEquals(
        List.of("delegated-apnic-extended-latest", "delegated-ripencc-extended-latest"),
        run.notices.rirFiles);
    assertEquals(List.of("ripe.db.inetnum.gz", "apnic.db.inetnum.gz"), run.notices.whoisFiles);
    assertEquals(List.of("ipv4.json"), run.notices.rdapBootstrap);
    assertEquals(List.of("logs/"), run.paths);
  }
}
