package org.probehunt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** Hostile folder entries for tests: ones this process cannot list, FIFOs, undecodable names. */
public final class Folders {
  private Folders() {}

  /**
   * A folder that cannot be listed: mode 000, or, where that does not stop this process (root), a
   * link to a kernel folder that refuses even root. The test is skipped where neither works.
   */
  public static Path unlistable(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, Set.of());
    if (!listable(folder)) {
      return folder;
    }
    Files.delete(folder);
    Path refusing = Path.of("/proc/1/map_files");
    Assumptions.assumeFalse(listable(refusing), "no folder this process cannot list");
    return Files.createSymbolicLink(folder, refusing);
  }

  /** A FIFO: opening it for reading waits for a writer that never comes. */
  public static Path fifo(Path file) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + file + " failed");
    }
    return file;
  }

  /**
   * A file in {@code folder} whose name is {@code prefix} and the Latin-1 byte 0xE9, which a UTF-8
   * platform cannot turn into a String and back. Made by the shell, since Java cannot name it.
   */
  public static void latin1Name(Path folder, String prefix, String content)
      throws IOException, InterruptedException {
    Process touch =
        new ProcessBuilder(
                "sh", "-c", "printf '%s' \"$2\" > \"$1$(printf '\\351')\"", "sh", prefix, content)
            .directory(folder.toFile())
            .inheritIO()
            .start();
    if (touch.waitFor() != 0) {
      throw new IOException("could not write a Latin-1 name in " + folder);
    }
  }

  private static boolean listable(Path folder) {
    try (var listing = Files.newDirectoryStream(folder)) {
      // Reading the first entry is what fails on a folder that cannot be listed.
      boolean unused = listing.iterator().hasNext();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
