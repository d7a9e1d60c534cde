package org.probehunt.bench;

import java.util.Locale;

/**
 * What corpus to make: how many lines in how many files, from which seed, with how many drive-by
 * scanners, and how many of them come back.
 *
 * @param lines total lines over all files
 * @param files gzip files, each a consecutive slice of the month
 * @param seed the same seed always gives byte-identical files
 * @param driveBys distinct scanning addresses that visit once each (a busy month); 0 for none
 * @param returning the percentage of drive-bys that come back in another file to fetch a page or
 *     two without probing, as some do days later: the join back must read that file again
 */
record CorpusSpec(long lines, int files, long seed, int driveBys, int returning) {
  /** Bumped whenever the generator's output changes, so an old corpus is not reused. */
  static final int GENERATOR_VERSION = 2;

  CorpusSpec {
    if (lines < 1 || files < 1 || files > 9999) {
      throw new IllegalArgumentException("need lines >= 1 and 1 <= files <= 9999");
    }
    if (driveBys < 0) {
      throw new IllegalArgumentException("need scanners >= 0, not " + driveBys);
    }
    if (returning < 0 || returning > 100) {
      throw new IllegalArgumentException("need 0 <= returning <= 100 (a percentage)");
    }
    // A return visit lands in a file at random: room for twice the file's share of them.
    int perVisit = DriveBys.MAX_VISIT + (returning > 0 ? 2 * DriveBys.MAX_RETURN : 0);
    for (int f = 0; f < files; f++) {
      // A file's visits must fit in its lines, or the total would no longer be `lines`.
      if (share(driveBys, f, files) * perVisit > share(lines, f, files)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%d scanners are too many for %d lines in %d files: each may write %d lines",
                driveBys,
                lines,
                files,
                perVisit));
      }
    }
  }

  /** A month whose drive-bys never come back. */
  CorpusSpec(long lines, int files, long seed, int driveBys) {
    this(lines, files, seed, driveBys, 0);
  }

  /** Lines of file {@code file}: an even share, the remainder going to the first files. */
  long linesOf(int file) {
    return share(lines, file, files);
  }

  /** Part {@code part} of {@code total} split evenly into {@code parts}, the first parts larger. */
  static long share(long total, int part, int parts) {
    return total / parts + (part < total % parts ? 1 : 0);
  }

  /** A file's name: rotated-log style, numbered so that names sort in time order. */
  String fileName(int file) {
    return String.format(Locale.ROOT, "access_log-%04d.gz", file + 1);
  }

  /** Visitors in the population: about one for every 50 lines. */
  int visitors() {
    return (int) Math.max(1_000, Math.min(5_000_000, lines / 50));
  }

  /**
   * Scanning hosts that come back all month: hundreds at ten million lines, never fewer than 20.
   */
  int scanners() {
    return (int) Math.max(20, Math.min(20_000, lines / 25_000));
  }

  /** The marker file's text: a corpus with the same text need not be made again. */
  String marker() {
    return String.format(
            Locale.ROOT,
            "lines=%d%nfiles=%d%nseed=%d%nscanners=%d%ngenerator=%d%n",
            lines,
            files,
            seed,
            driveBys,
            GENERATOR_VERSION)
        + (returning > 0 ? "returning=" + returning + "\n" : "");
  }
}
