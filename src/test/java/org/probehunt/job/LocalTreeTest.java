package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report folders are removed whole, by one thread or many, without following links. */
class LocalTreeTest {
  @TempDir Path temp;

  @Test
  void removesAFolderOfManyFilesInNestedFoldersButNotWhatItsLinksPointAt() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path kept = Files.writeString(outside.resolve("kept.txt"), "not the report's");
    Path tree = temp.resolve("reports");
    for (int i = 0; i < 3_000; i++) {
      Path folder = tree.resolve(i % 3 == 0 ? "notices" : "notices/deeper/" + (i % 7));
      Files.createDirectories(folder);
      Files.write(folder.resolve(i + ".eml"), ("draft " + i).getBytes(StandardCharsets.US_ASCII));
    }
    Files.createSymbolicLink(tree.resolve("notices/to-outside"), outside);
    Files.createSymbolicLink(tree.resolve("kept-file-link"), kept);
    Files.createDirectories(tree.resolve("empty/empty"));

    LocalTree.delete(tree);

    assertFalse(Files.exists(tree, LinkOption.NOFOLLOW_LINKS));
    assertEquals("not the report's", Files.readString(kept));
    try (Stream<Path> left = Files.list(outside)) {
      assertEquals(List.of(kept), left.toList());
    }
  }

  @Test
  void removesAFewFilesALoneFileALinkAndNothing() throws IOException {
    Path small = temp.resolve("small");
    Files.createDirectories(small.resolve("a"));
    Files.writeString(small.resolve("a/one.csv"), "1");
    Files.writeString(small.resolve("two.csv"), "2");
    LocalTree.delete(small);
    assertFalse(Files.exists(small));

    Path file = Files.writeString(temp.resolve("hosts.csv"), "host\r\n");
    LocalTree.delete(file);
    assertFalse(Files.exists(file));

    Path target = Files.createDirectories(temp.resolve("target"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), target);
    LocalTree.delete(link);
    assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isDirectory(target));

    LocalTree.delete(temp.resolve("never-made")); // nothing to do, no error
  }

  /**
   * A file that cannot go stops the removal with its error, whichever thread met it. Root may
   * delete anything a permission forbids; an immutable file (chattr +i) it may not, where the file
   * system has the attribute.
   */
  @Test
  void aFileThatCannotBeDeletedFailsTheRemovalWithItsName() throws Exception {
    Path tree = temp.resolve("stuck");
    Files.createDirectories(tree);
    for (int i = 0; i < 1_000; i++) {
      Files.writeString(tree.resolve(i + ".eml"), "draft");
    }
    Path stuck = tree.resolve("500.eml");
    boolean immutable = chattr("+i", stuck);
    if (!immutable) {
      // No immutable files here: a folder without write permission stops everyone but root.
      Files.setPosixFilePermissions(
          tree, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    // Root without immutable files: nothing here can make a file stay.
    assumeTrue(immutable || !Files.isWritable(tree), "no way to keep a file from this user");
    try {
      IOException e = assertThrows(IOException.class, () -> LocalTree.delete(tree));
      assertTrue(e.getMessage().contains(".eml"), e.getMessage());
      assertTrue(Files.exists(stuck));
    } finally {
      if (immutable) {
        chattr("-i", stuck);
      } else {
        Files.setPosixFilePermissions(
            tree, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static boolean chattr(String flag, Path file) throws Exception {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no chattr on this machine
    }
  }
}
