package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Size-based packing of files into batches. */
class BatchesTest {

  private static Candidate file(String path, long size) {
    return new Candidate(path, size, true, "access log name");
  }

  private static List<List<String>> paths(List<List<Candidate>> batches) {
    return batches.stream().map(b -> b.stream().map(Candidate::path).toList()).toList();
  }

  @Test
  void bigFilesStandAloneAndSmallOnesShare() {
    List<Candidate> files =
        List.of(
            file("s1", 30),
            file("big", 250),
            file("s2", 60),
            file("exact", 100),
            file("s3", 40),
            file("s4", 10));
    List<List<Candidate>> batches = Batches.pack(files, 100);
    // 490 bytes make five batches.
    assertEquals(
        List.of(
            List.of("big"), List.of("exact"), List.of("s2"), List.of("s3"), List.of("s1", "s4")),
        paths(batches));
  }

  @Test
  void everyFileOnceAndTheSameResultWhateverTheInputOrder() {
    List<Candidate> files = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      files.add(file(String.format("f%03d", i), (i * 7919L) % 1000));
    }
    List<List<Candidate>> batches = Batches.pack(files, 1000);
    List<Candidate> reversed = new ArrayList<>(files);
    java.util.Collections.reverse(reversed);
    assertEquals(batches, Batches.pack(reversed, 1000));
    assertEquals(500, batches.stream().mapToInt(List::size).sum());
    long total = files.stream().mapToLong(Candidate::size).sum();
    assertEquals((total + 999) / 1000, batches.size());
    // Each file went to the smallest batch: no two batches differ by more than the largest file.
    long[] sums =
        batches.stream().mapToLong(b -> b.stream().mapToLong(Candidate::size).sum()).toArray();
    long spread =
        java.util.Arrays.stream(sums).max().orElseThrow()
            - java.util.Arrays.stream(sums).min().orElseThrow();
    assertEquals(true, spread <= 999, "batches from " + java.util.Arrays.toString(sums));
  }

  @Test
  void filesOfAboutOneSizeMakeBatchesOfEqualCount() {
    // A month of 16 gzip files a few bytes apart, for two cores: eight batches of two files. Two
    // of the largest files together are just over the target, which first-fit answered with a
    // ninth batch of one file, run alone at the end of each pass.
    List<Candidate> files = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 16; i++) {
      long size = 16_770_000 + (i * 7_919L) % 40_000;
      files.add(file(String.format("access_log-%02d.gz", i), size));
      total += size;
    }
    List<List<Candidate>> batches = Batches.pack(files, Batches.targetBytes(total, 2));
    assertEquals(8, batches.size());
    for (List<Candidate> batch : batches) {
      assertEquals(2, batch.size(), paths(batches).toString());
    }
  }

  @Test
  void emptyInputMakesNoBatches() {
    assertEquals(List.of(), Batches.pack(List.of(), 10));
    assertThrows(IllegalArgumentException.class, () -> Batches.pack(List.of(), 0));
  }

  @Test
  void targetGivesSeveralBatchesPerCoreWithinBounds() {
    assertEquals(Batches.MAX_TARGET_BYTES, Batches.targetBytes(80L << 30, 2));
    assertEquals(64L << 20, Batches.targetBytes(512L << 20, 2));
    assertEquals(Batches.MIN_TARGET_BYTES, Batches.targetBytes(1000, 2));
    assertEquals(Batches.MIN_TARGET_BYTES, Batches.targetBytes(0, 8));
    assertThrows(IllegalArgumentException.class, () -> Batches.targetBytes(10, 0));
  }
}
