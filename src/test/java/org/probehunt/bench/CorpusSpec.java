package org.probehunt.bench;

import java.util.Locale;

/**
 * What corpus to make: how many lines in how many files, from which seed.
 *
 * @param lines total lines over all files
 * @param files gzip files, each a consecutive slice of the month
 * @param seed  the same seed always gives byte-identical files
 */
record CorpusSpec(long lines, int files, long seed) {
  /** Bumped whenever the generator's output changes, so an old corpus is not reused. */
  static final int GENERATOR_VERSION = 1;

  CorpusSpec {
    if (lines < 1 || files < 1 || files > 9999) {
      throw new IllegalArgumentException("need lines >= 1 and 1 <= files <= 9999");
    }
  }

  /** Lines of file {@code file}: an even share, the remainder going to the first files. */
  long linesOf(int file) {
    return lines / files + (file < lines % files ? 1 : 0);
  }

  /** A file's name: rotated-log style, numbered so that names sort in time order. */
  String fileName(int file) {
    return String.format(Locale.ROOT, "access_log-%04d.gz", file + 1);
  }

  /** Visitors in the population: about one for every 50 lines. */
  int visitors() {
    return (int) Math.max(1_000, Math.min(5_000_000, lines / 50));
  }

  /** Scanning hosts: some hundreds at ten million lines, never fewer than 20. */
  int scanners() {
    return (int) Math.max(20, Math.min(20_000, lines / 25_000));
  }

  /** The marker file's text: a corpus with the same text need not be made again. */
  String marker() {
    return String.format(Locale.ROOT, "lines=%d%nfiles=%d%nseed=%d%ngenerator=%d%n", lines, files, seed, GENERATOR_VERSION);
  }
}
