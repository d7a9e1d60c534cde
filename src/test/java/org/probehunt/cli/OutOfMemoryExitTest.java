package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.JavaProcesses;

/** Out of memory ends a run with one line naming where, and exit code 1, never Spark's 52. */
class OutOfMemoryExitTest {
  @TempDir Path tmp;

  @Test
  void aTaskOutOfMemoryInLocalModeIsOneLineAndExitCodeOne() throws Exception {
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    probes(logs.resolve("access_log.gz"), 400);
    Path out = tmp.resolve("out");
    JavaProcesses.Outcome run =
        JavaProcesses.probehunt(tmp, "96m", "run", "--out", out.toString(), logs.toString());

    assertEquals(1, run.code(), run.err());
    List<String> ours = run.err().lines().filter(l -> l.startsWith("probehunt:")).toList();
    assertEquals(1, ours.size(), run.err());
    assertTrue(
        ours.get(0).startsWith("probehunt: out of memory in ")
            && ours.get(0).contains("PROBEHUNT_JAVA_OPTS=-Xmx"),
        run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace without --verbose:\n" + run.err());
    assertFalse(run.err().contains("Exception in thread"), run.err());
    assertFalse(Files.exists(out.resolve("summary.json")), "no reports of a failed run");
  }

  @Test
  void aThreadOutOfMemoryThatLeavesTheCommandWaitingEndsTheRunAfterTheGrace() throws Exception {
    long start = System.nanoTime();
    JavaProcesses.Outcome run = JavaProcesses.run(tmp, List.of(), 300, ThreadOutOfMemoryMain.class);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

    assertEquals(1, run.code(), run.err());
    assertTrue(seconds >= OutOfMemory.GRACE_SECONDS, seconds + " s: not before the grace");
    List<String> ours = run.err().lines().filter(l -> l.startsWith("probehunt:")).toList();
    assertEquals(
        List.of(
            "probehunt: out of memory in thread Executor task launch worker for task 0.0 in stage"
                + " 0.0 (TID 0) (raise the heap: spark-submit --driver-memory, or"
                + " PROBEHUNT_JAVA_OPTS=-Xmx4g for jobs/probehunt)"),
        ours,
        run.err());
    assertFalse(run.err().contains("Exception in thread"), run.err());
  }

  @Test
  void theLineNamesTheTaskOrTheDriver() {
    String failure =
        "Job aborted due to stage failure: Task 0 in stage 2.0 failed 1 times, most recent"
            + " failure: Lost task 0.0 in stage 2.0 (TID 3) (127.0.0.1 executor driver):"
            + " java.lang.OutOfMemoryError: Java heap space\n\tat java.base/...";
    Exception task = new IllegalStateException("wrapped", new RuntimeException(failure));
    assertTrue(OutOfMemory.isCause(task));
    assertTrue(
        OutOfMemory.describe(task).startsWith("out of memory in Spark task 0.0 in stage 2.0 ("),
        OutOfMemory.describe(task));
    Exception driver = new OutOfMemory.OnDriver(new OutOfMemoryError("Java heap space"));
    assertTrue(
        OutOfMemory.describe(driver).startsWith("out of memory in the driver ("),
        OutOfMemory.describe(driver));
    assertFalse(OutOfMemory.isCause(new IOException("disk")));
  }

  /**
   * {@code count} probes of about 600 KB each, under the 1 MiB line cap: a few megabytes of gzip
   * whose probe events need more than the heap at once.
   */
  private static void probes(Path file, int count) throws IOException {
    String padding = "A".repeat(600_000);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file));
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        w.write(
            "11.0.2."
                + (i % 250 + 1)
                + " - - [02/Mar/2025:10:00:00 +0000] \"GET /cgi-bin/phf?Qalias=x%0a/bin/cat"
                + "%20/etc/passwd&n="
                + i
                + "&pad="
                + padding
                + " HTTP/1.1\" 404 196 \"-\" \"scanner\"\n");
      }
    }
  }
}
