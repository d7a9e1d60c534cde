package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/**
 * A spark.probehunt.* property that is not a number the run can take stops run and notify before
 * they read a log or touch the report folder: one line naming the property, exit code 2.
 */
class TuningPropertiesTest {
  private static final List<String> LOG =
      List.of("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44");

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  private static Outcome withProperty(String key, String value, String... args) {
    SparkSession spark = SparkTestSession.get();
    spark.conf().set(key, value);
    try {
      return probehunt(args);
    } finally {
      spark.conf().unset(key);
    }
  }

  private static void assertRefused(Outcome o, String key, String value) {
    assertEquals(2, o.code(), o.toString());
    assertEquals(1, o.err().strip().lines().count(), "one line on stderr: " + o.err());
    assertTrue(o.err().startsWith("probehunt: the Spark property " + key), o.err());
    assertTrue(o.err().contains("\"" + value + "\""), o.err());
    assertFalse(o.out().contains("scan:"), "refused before the scan: " + o.out());
  }

  /** The reports of a first run, with no property set, over {@link #LOG} in tmp/logs. */
  private Path firstRun() throws IOException {
    LogFiles.plain(tmp.resolve("logs/access_log"), LOG);
    Path out = tmp.resolve("reports");
    assertEquals(0, probehunt("run", "--out", out.toString(), logs()).code());
    return out;
  }

  private String logs() {
    return tmp.resolve("logs").toString();
  }

  @Test
  void runIsRefusedBeforeItReadsALogOrEmptiesTheFolder() throws IOException {
    Path out = firstRun();
    byte[] summary = Files.readAllBytes(out.resolve("summary.json"));
    byte[] hosts = Files.readAllBytes(out.resolve("hosts.csv"));

    for (String key :
        List.of(
            "spark.probehunt.keptEvidenceChars",
            "spark.probehunt.hostTasks",
            "spark.probehunt.draftTasks",
            "spark.probehunt.driverRows")) {
      Outcome o = withProperty(key, "x", "run", "--overwrite", "--out", out.toString(), logs());
      assertRefused(o, key, "x");
      assertArrayEquals(summary, Files.readAllBytes(out.resolve("summary.json")), key);
      assertArrayEquals(hosts, Files.readAllBytes(out.resolve("hosts.csv")), key);
    }
  }

  @Test
  void notifyIsRefusedBeforeItWritesADraft() throws IOException {
    Path reports = firstRun();
    Path elsewhere = tmp.resolve("elsewhere");

    Outcome o =
        withProperty(
            "spark.probehunt.draftTasks",
            "0",
            "notify",
            "--reports",
            reports.toString(),
            "--out",
            elsewhere.toString());
    assertRefused(o, "spark.probehunt.draftTasks", "0");
    assertFalse(Files.exists(elsewhere.resolve("notices")), "no notices folder");
  }
}
