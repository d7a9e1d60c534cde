package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local drafts: small ones are held and written at once, large ones streamed, and one whose writing
 * fails leaves nothing behind, whichever of the two it was.
 */
class NoticeFolderTest {
  @TempDir Path tmp;

  @Test
  void draftsOfEverySizeAreWrittenWhole() throws Exception {
    NoticeFolder folder = folder();
    Random random = new Random(7);
    // Around the held size, and a draft written a byte at a time past it.
    int[] sizes = {0, 1, 4_000, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 5 << 20, 40_000};
    for (int i = 0; i < sizes.length; i++) {
      byte[] bytes = new byte[sizes[i]];
      random.nextBytes(bytes);
      boolean bytewise = i == sizes.length - 2;
      folder.write("notices/d" + i + ".eml", out -> write(out, bytes, bytewise));
      assertArrayEquals(
          bytes, Files.readAllBytes(tmp.resolve("notices/d" + i + ".eml")), sizes[i] + " bytes");
    }
    // A later, smaller draft does not carry the bytes of an earlier, larger one.
    folder.write("notices/d0.eml", out -> out.write(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(tmp.resolve("notices/d0.eml")));
    List<String> written = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      written.add("d" + i + ".eml");
    }
    assertEquals(written, names());
  }

  @Test
  void aDraftThatFailsLeavesNoFileWhetherHeldOrStreamed() throws Exception {
    NoticeFolder folder = folder();
    List<Long> onDisk = new ArrayList<>();
    for (int before : new int[] {10, 3 << 20}) {
      String name = "notices/failed-" + before + ".eml";
      IOException failure =
          assertThrows(
              IOException.class,
              () ->
                  folder.write(
                      name,
                      out -> {
                        write(out, new byte[before], false);
                        // Past the held size the draft is on its way to disk, not in memory.
                        Path file = tmp.resolve(name);
                        onDisk.add(Files.exists(file) ? Files.size(file) : 0L);
                        throw new IOException("the evidence spool went away");
                      }));
      assertEquals("the evidence spool went away", failure.getMessage());
      assertFalse(Files.exists(tmp.resolve(name)), name);
    }
    assertEquals(0L, onDisk.get(0), "a small draft is held until it is whole");
    assertTrue(onDisk.get(1) >= (3 << 20) - (1 << 16), onDisk.get(1) + " bytes streamed");
    assertEquals(List.of(), names());
  }

  private NoticeFolder folder() throws IOException {
    Files.createDirectories(tmp.resolve("notices"));
    return new NoticeFolder(tmp.toUri().toString(), new HadoopConf(new Configuration()));
  }

  private static void write(OutputStream out, byte[] bytes, boolean bytewise) throws IOException {
    if (bytewise) {
      for (byte b : bytes) {
        out.write(b);
      }
    } else {
      // In pieces of uneven size, as a mail library writes.
      for (int from = 0, step = 1; from < bytes.length; from += step, step = step * 3 + 1) {
        out.write(bytes, from, Math.min(step, bytes.length - from));
      }
    }
  }

  /** The names in the notices folder, sorted: the drafts and nothing else. */
  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(tmp.resolve("notices"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
