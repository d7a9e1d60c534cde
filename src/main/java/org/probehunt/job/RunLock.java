package org.probehunt.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.probehunt.job.OutputFolderException.Remedy;

/**
 * One run per report folder: a lock file in the folder, created atomically before any work and
 * removed when the run ends, also when it fails, so that a second run into the same folder is
 * refused at once instead of mixing its reports with the first's. A lock whose process is gone on
 * this machine is taken over, saying so. On HDFS the creation is atomic; on S3 it is only as good
 * as the store's conditional writes.
 */
public final class RunLock implements AutoCloseable {
  /** The lock's name in the report folder; the folder checks do not count it as a file. */
  public static final String NAME = ".probehunt.lock";

  private final LockFile file;
  private final String content;
  private final boolean createdFolder;
  private final Thread onExit;

  private RunLock(LockFile file, String content, boolean createdFolder) {
    this.file = file;
    this.content = content;
    this.createdFolder = createdFolder;
    // Ctrl-C ends the JVM without the finally blocks; the lock goes with it all the same.
    this.onExit = new Thread(this::releaseQuietly, "probehunt-lock");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /**
   * Takes the lock of report folder {@code dir} for {@code command} ("run", "notify"), creating the
   * folder if need be, or refuses with an {@link OutputFolderException} that names the lock and the
   * run that holds it.
   */
  public static RunLock take(Configuration conf, String dir, String command, PrintWriter console)
      throws IOException {
    LockFile file = LockFile.open(conf, dir);
    LockHolder me = LockHolder.current(command);
    String content = me.text();
    boolean created = false;
    try {
      created = file.makeFolder();
      for (int attempt = 0; attempt < 3; attempt++) {
        if (file.create(content)) {
          return new RunLock(file, content, created);
        }
        String found = file.read();
        if (found == null) {
          continue; // released between the two steps: try again
        }
        LockHolder holder = LockHolder.parse(found);
        if (holder == null || !holder.isGoneFrom(me)) {
          throw new OutputFolderException(
              dir,
              "is in use by another run: "
                  + file.where()
                  + (holder == null
                      ? " is not a lock probehunt can read (being written, or not probehunt's:"
                          + " remove it once no run is at work)"
                      : " was taken by " + holder.describe()),
              Remedy.ANOTHER_FOLDER_OR_WAIT);
        }
        console.printf(
            "note: took over %s from %s, whose process is gone%n", file.where(), holder.describe());
        console.flush();
        // Another run may be taking over the same lock; only the unchanged stale one is removed.
        file.deleteIf(found);
      }
      throw new OutputFolderException(
          dir,
          "is in use by another run, which took over " + file.where() + " first",
          Remedy.ANOTHER_FOLDER_OR_WAIT);
    } catch (IOException | RuntimeException e) {
      if (created) {
        file.removeFolderIfEmpty();
      }
      file.close();
      throw e;
    }
  }

  /**
   * Removes the lock if it is still this run's, and the folder if the lock made it and it is empty.
   */
  @Override
  public void close() throws IOException {
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException e) {
      // the JVM is already going down: the hook does the same
    }
    release();
  }

  private synchronized void release() throws IOException {
    if (!file.isOpen()) {
      return;
    }
    try {
      file.deleteIf(content);
      if (createdFolder) {
        file.removeFolderIfEmpty();
      }
    } finally {
      file.close();
    }
  }

  private void releaseQuietly() {
    try {
      release();
    } catch (IOException e) {
      // nothing more can be done while the JVM exits; a later run takes the stale lock over
    }
  }

  /** Who holds a lock, as its file says; written one {@code key=value} per line. */
  record LockHolder(long pid, String host, String started, Instant processStarted, String command) {
    static LockHolder current(String command) {
      ProcessHandle self = ProcessHandle.current();
      return new LockHolder(
          self.pid(),
          hostName(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
          self.info().startInstant().orElse(null),
          command);
    }

    String text() {
      return "pid="
          + pid
          + "\nhost="
          + host
          + "\nstarted="
          + started
          + "\nprocess_started="
          + (processStarted == null ? "" : processStarted)
          + "\ncommand=probehunt "
          + command
          + "\n";
    }

    /** The holder in a lock's text, or null when the text is not (yet) a whole lock. */
    static LockHolder parse(String text) {
      if (text == null || !text.endsWith("\n")) {
        return null;
      }
      Map<String, String> fields = new HashMap<>();
      for (String line : text.split("\n", -1)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      try {
        String processStarted = fields.getOrDefault("process_started", "");
        return new LockHolder(
            Long.parseLong(fields.get("pid")),
            fields.getOrDefault("host", ""),
            fields.getOrDefault("started", "?"),
            processStarted.isEmpty() ? null : Instant.parse(processStarted),
            fields.getOrDefault("command", "probehunt").replaceFirst("^probehunt ", ""));
      } catch (RuntimeException e) {
        return null; // NumberFormatException, DateTimeParseException: not a lock we wrote
      }
    }

    /**
     * True when this lock's process is known to be gone: it ran on {@code me}'s machine, and no
     * process has its pid, or the one that has it started at another time (the pid was reused).
     */
    boolean isGoneFrom(LockHolder me) {
      if (!host.equals(me.host) || pid == me.pid) {
        return false;
      }
      return ProcessHandle.of(pid)
          .map(
              p -> {
                Instant start = p.info().startInstant().orElse(null);
                return processStarted != null
                    && start != null
                    && Math.abs(start.toEpochMilli() - processStarted.toEpochMilli()) > 2000;
              })
          .orElse(true);
    }

    String describe() {
      return "probehunt " + command + " (pid " + pid + " on " + host + ", started " + started + ")";
    }

    private static String hostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "localhost";
      }
    }
  }
}
