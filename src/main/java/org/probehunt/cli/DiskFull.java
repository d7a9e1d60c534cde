package org.probehunt.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A full disk, told in one line that names the folder whose disk is full: the report folder, or the
 * scratch folder where Spark spills, whichever has less room left. A task's failure reaches the
 * driver as text inside Spark's message, so causes are recognised by their words.
 */
final class DiskFull {
  private static final List<String> SIGNS =
      List.of("No space left on device", "Disk quota exceeded");

  private DiskFull() {}

  /** True when a full disk or an exceeded quota is among the causes of {@code e}. */
  static boolean isCause(Throwable e) {
    return isCause(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean isCause(Throwable e, Set<Throwable> seen) {
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && SIGNS.stream().anyMatch(message::contains)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (isCause(suppressed, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The line that says which folder's disk is full, and what to do; null folder: not known. */
  static String describe(String reportFolder) {
    if (reportFolder == null) {
      return "no space left on device; free some space and run again";
    }
    Path report = local(reportFolder);
    if (report == null) {
      return "no space left on device writing to "
          + reportFolder
          + "; free some space there or choose another --out";
    }
    Path scratch = scratch();
    long reportFree = usable(report);
    long scratchFree = usable(scratch);
    if (scratchFree < reportFree) {
      return "no space left on device in Spark's scratch folder "
          + scratch
          + " ("
          + mib(scratchFree)
          + " free); free some space there or set spark.local.dir to a folder with room";
    }
    return "no space left on device in the report folder "
        + reportFolder
        + (reportFree == Long.MAX_VALUE ? "" : " (" + mib(reportFree) + " free)")
        + "; free some space there or choose another --out";
  }

  /** The folder of a {@code file:} or plain path, else null. */
  private static Path local(String folder) {
    try {
      URI uri = new org.apache.hadoop.fs.Path(folder).toUri();
      if (uri.getScheme() == null) {
        return Path.of(folder);
      }
      return "file".equals(uri.getScheme()) ? Path.of(uri.getPath()) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Where Spark spills in local mode: spark.local.dir, SPARK_LOCAL_DIRS, or the JVM's tmpdir. */
  private static Path scratch() {
    String dirs = System.getProperty("spark.local.dir", System.getenv("SPARK_LOCAL_DIRS"));
    if (dirs == null || dirs.isBlank()) {
      dirs = System.getProperty("java.io.tmpdir");
    }
    return Path.of(dirs.split(",", -1)[0].strip());
  }

  /** Bytes free for this user on the disk of {@code folder}, or Long.MAX_VALUE when unknown. */
  private static long usable(Path folder) {
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
    } catch (IOException | RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String mib(long bytes) {
    return bytes / (1024 * 1024) + " MiB";
  }
}
