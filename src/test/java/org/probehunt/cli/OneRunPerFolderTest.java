package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/** One run per report folder: a second run or notify is refused at once, naming the first. */
class OneRunPerFolderTest {
  private static final String LOCK = ".probehunt.lock";

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  private static void assertRefused(Outcome o, String... expected) {
    assertEquals(2, o.code(), o.err());
    assertEquals(1, o.err().strip().lines().count(), "one line on stderr: " + o.err());
    for (String e : expected) {
      assertTrue(o.err().contains(e), "stderr says " + e + ": " + o.err());
    }
  }

  /** A lock as a run of {@code process} writes it. */
  private static String lockOf(ProcessHandle process) throws IOException {
    return "pid="
        + process.pid()
        + "\nhost="
        + InetAddress.getLocalHost().getHostName()
        + "\nstarted=2026-01-01T00:00:00Z\nprocess_started="
        + process.info().startInstant().map(Instant::toString).orElse("")
        + "\ncommand=probehunt run\n";
  }

  @Test
  void theSecondOfTwoRunsRacingForOneFolderIsRefusedAndTheFirstFinishes() throws Exception {
    Path logs = tmp.resolve("logs");
    // Enough lines that the first run is still at work when the second starts.
    List<String> lines =
        Stream.iterate(0, i -> i + 1)
            .limit(50_000)
            .map(
                i ->
                    "192.0.2."
                        + (i % 200)
                        + " - - [23/Nov/1998:19:52:17 +0900] \"GET /page"
                        + i
                        + ".html HTTP/1.0\" 200 44")
            .toList();
    LogFiles.plain(logs.resolve("access_log"), lines);
    LogFiles.plain(
        logs.resolve("access_log.1"),
        List.of("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44"));
    Path out = tmp.resolve("out");
    CompletableFuture<Outcome> first =
        CompletableFuture.supplyAsync(
            () -> probehunt("run", "--out", out.toString(), logs.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(out.resolve(LOCK)) && !first.isDone() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertFalse(first.isDone(), "the first run was still at work");

    Outcome second = probehunt("run", "--overwrite", "--out", out.toString(), "data/sample");
    assertRefused(
        second,
        "--out " + out + " is in use by another run",
        out.resolve(LOCK).toString(),
        "pid " + ProcessHandle.current().pid());

    Outcome done = first.get(120, TimeUnit.SECONDS);
    assertEquals(0, done.code(), done.err());
    assertEquals(1, CsvFiles.rows(out.resolve("hosts.csv")).size(), "the first run's one host");
    assertEquals("surf.wil.net", CsvFiles.rows(out.resolve("hosts.csv")).get(0).get("host"));
    assertTrue(Files.exists(out.resolve("summary.json")));
    assertFalse(Files.exists(out.resolve(LOCK)), "the lock is released at the end");
  }

  @Test
  void aLockOfALiveProcessRefusesRunAndNotifyAndIsLeftAlone() throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, probehunt("run", "--out", out.toString(), "data/sample").code());
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      String lock = lockOf(other.toHandle());
      Files.writeString(out.resolve(LOCK), lock);
      String pid = "pid " + other.pid();
      assertRefused(
          probehunt("run", "--overwrite", "--out", out.toString(), "data/sample"), LOCK, pid);
      assertRefused(probehunt("notify", "--reports", out.toString()), LOCK, pid);
      assertEquals(lock, Files.readString(out.resolve(LOCK)), "another run's lock is kept");
      assertTrue(Files.exists(out.resolve("notices/wil.net.en.eml")), "its notices are kept");
    } finally {
      other.destroy();
      other.waitFor();
    }
  }

  @Test
  void aLockWhoseProcessIsGoneIsTakenOverSayingSo() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    String lock = lockOf(gone.toHandle());
    gone.waitFor();
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve(LOCK), lock);

    Outcome o = probehunt("run", "--out", out.toString(), "data/sample");
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("note: took over " + out.resolve(LOCK))
            && o.out().contains(gone.pid() + " on"),
        o.out());
    assertFalse(Files.exists(out.resolve(LOCK)));
    assertTrue(Files.exists(out.resolve("summary.json")));
  }

  @Test
  void aFailedRunReleasesTheLockAndLeavesNoFolderItMade() {
    Path out = tmp.resolve("out");
    Outcome o = probehunt("run", "--out", out.toString(), tmp.resolve("no-such-logs").toString());
    assertRefused(o, "no-such-logs");
    assertFalse(Files.exists(out), "the folder made for the lock is gone again");
  }
}
