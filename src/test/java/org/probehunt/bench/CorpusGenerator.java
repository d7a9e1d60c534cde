package org.probehunt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a seeded corpus of Combined-format access logs in gzip files, for jobs/bench: {@code
 * CorpusGenerator [--lines N] [--files N] [--seed N] [--scanners N] [--returning PCT] [--out DIR]}.
 * {@code --scanners N} makes a busy month: N drive-by scanning addresses more, listed in DIR's
 * scanners.txt; {@code --returning PCT} of them come back in another file for a page or two. Does
 * nothing when DIR already holds the corpus of the same parameters (its CORPUS marker says so).
 */
public final class CorpusGenerator {
  private static final String MARKER = "CORPUS";

  /** The drive-by scanners' addresses, one a line, sorted as {@code LC_ALL=C sort} does. */
  static final String SCANNERS = "scanners.txt";

  private static final String USAGE =
      "usage: CorpusGenerator [--lines N] [--files N] [--seed N] [--scanners N] [--returning PCT]"
          + " [--out DIR]";

  private CorpusGenerator() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    long lines = 10_000_000;
    int files = 16;
    long seed = 19981123;
    int scanners = 0;
    int returning = 0;
    Path out = Path.of("target/bench/corpus");
    for (int i = 0; i < args.length; i += 2) { // each option takes one value
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--lines" -> lines = Long.parseLong(required(args[i], value));
        case "--files" -> files = Integer.parseInt(required(args[i], value));
        case "--seed" -> seed = Long.parseLong(required(args[i], value));
        case "--scanners" -> scanners = Integer.parseInt(required(args[i], value));
        case "--returning" -> returning = Integer.parseInt(required(args[i], value));
        case "--out" -> out = Path.of(required(args[i], value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    generate(new CorpusSpec(lines, files, seed, scanners, returning), out);
  }

  /** Makes the corpus in {@code dir} unless the marker shows it is already there. */
  static void generate(CorpusSpec spec, Path dir) throws IOException, InterruptedException {
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker) && Files.readString(marker).equals(spec.marker())) {
      System.out.printf(
          Locale.ROOT,
          "corpus: %s already holds %,d lines in %d files (seed %d, %,d drive-by scanners)%n",
          dir,
          spec.lines(),
          spec.files(),
          spec.seed(),
          spec.driveBys());
      return;
    }
    Files.createDirectories(dir);
    Files.deleteIfExists(marker);
    // Files of an earlier corpus with other parameters would be read with this one.
    try (var old = Files.newDirectoryStream(dir, "access_log-*.gz*")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    long start = System.nanoTime();
    Clients clients = new Clients(spec.seed(), spec.visitors(), spec.scanners(), spec.driveBys());
    List<String> sorted = new ArrayList<>(clients.driveByAddresses());
    Collections.sort(sorted);
    Files.write(dir.resolve(SCANNERS), sorted, StandardCharsets.US_ASCII);
    // One file per thread: compression is the bulk of the work and each file is independent.
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int f = 0; f < spec.files(); f++) {
        CorpusFile file = new CorpusFile(spec, clients, f);
        Path target = dir.resolve(spec.fileName(f));
        writes.add(
            pool.submit(
                () -> {
                  try {
                    file.write(target);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
      for (Future<?> w : writes) {
        w.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("corpus generation failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Files.writeString(marker, spec.marker(), StandardCharsets.US_ASCII);
    long bytes = 0;
    for (int f = 0; f < spec.files(); f++) {
      bytes += Files.size(dir.resolve(spec.fileName(f)));
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: wrote %,d lines in %d files (%,d MB gzip, seed %d, %,d drive-by scanners,"
            + " %d%% coming back) to %s in %.1f s%n",
        spec.lines(),
        spec.files(),
        bytes >> 20,
        spec.seed(),
        spec.driveBys(),
        spec.returning(),
        dir,
        (System.nanoTime() - start) / 1e9);
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
