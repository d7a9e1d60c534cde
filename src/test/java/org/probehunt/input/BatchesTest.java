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
    assertEquals(
        List.of(List.of("big"), List.of("exact"), List.of("s2", "s3"), List.of("s1", "s4")),
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
    for (List<Candidate> batch : batches) {
      long sum = batch.stream().mapToLong(Candidate::size).sum();
      assertEquals(true, sum <= 1000 || batch.size() == 1, "batch of " + sum);
    }
    long total = files.stream().mapToLong(Candidate::size).sum();
    // First-fit decreasing stays within a few percent of the lower bound on such sizes.
    assertEquals(true, batches.size() <= total * 105 / 100 / 1000 + 1, batches.size() + " batches");
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
