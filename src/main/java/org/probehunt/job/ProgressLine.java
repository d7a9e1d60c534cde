package org.probehunt.job;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.probehunt.contact.DaemonThreads;

/**
 * Prints how far a reading pass has come every few seconds while it runs: files done of the total,
 * lines read and lines per second. Counts arrive as tasks finish.
 */
final class ProgressLine implements AutoCloseable {
  private static final long EVERY_SECONDS = 5;

  private final ScheduledExecutorService timer;

  private ProgressLine(String pass, Passes.Counters counters, int totalFiles, PrintWriter console) {
    long start = System.nanoTime();
    long[] shown = {-1};
    this.timer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("probehunt-progress"));
    ScheduledFuture<?> unused =
        timer.scheduleAtFixedRate(
            () -> {
              long files = counters.files().value();
              long lines = counters.lines().value();
              if (totalFiles == 0 || lines == shown[0]) {
                return; // nothing to read (a join back that reads no file again), or no news
              }
              shown[0] = lines;
              double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
              console.printf(
                  "%s: %d/%d files, %,d lines, %,.0f lines/s%n",
                  pass, files, totalFiles, lines, lines / seconds);
              console.flush();
            },
            EVERY_SECONDS,
            EVERY_SECONDS,
            TimeUnit.SECONDS);
  }

  /** Starts printing the progress of {@code pass}; close it when the pass is done. */
  static ProgressLine watch(
      String pass, Passes.Counters counters, int totalFiles, PrintWriter console) {
    return new ProgressLine(pass, counters, totalFiles, console);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // A line being printed now must not land after the phase's own summary line.
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
