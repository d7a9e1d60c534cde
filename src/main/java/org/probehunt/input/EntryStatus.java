package org.probehunt.input;

import java.util.Locale;

/** How reading one log entry ended; the label is what inputs.csv shows in its status column. */
public enum EntryStatus {
  /** Read to the end without damage. */
  OK,
  /** The data stops early (cut file, missing end of stream); the prefix was delivered. */
  TRUNCATED,
  /** The data is damaged (bad checksum, bad block); the readable prefix was delivered. */
  CORRUPT,
  /** The file could not be opened at all, or an archive member cannot be decoded. */
  UNREADABLE,
  /**
   * Not decoded because it would take more memory than a decoder may have (a huge xz dictionary,
   * zstd window or tar header); the message names the limit and the setting that raises it.
   */
  REFUSED,
  /** Deliberately not read (not an access log name, directory member, nested archive...). */
  SKIPPED;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the entry had data that could not be read, so the run should exit with 3. */
  public boolean isDamage() {
    return this == TRUNCATED || this == CORRUPT || this == UNREADABLE || this == REFUSED;
  }
}
