package org.probehunt.input;

import java.io.IOException;

/**
 * One stream of log lines: a plain file, or one member of an archive, read line by line. {@link
 * #status()} and {@link #message()} are final once {@link #nextLine()} returned null.
 */
public interface LogEntry {

  /** The file path, or {@code ARCHIVE!ENTRY} for an archive member. */
  String source();

  /** The codec the lines were decoded through (the member's own, else the archive's). */
  Compression compression();

  /** The archive this entry came from, NONE for a plain file. */
  Container container();

  /** Why this entry is not read, or null when it is read. */
  String skipReason();

  /**
   * The next line, decoded with Apache's escaping, or null at the end of the entry or where the
   * data is damaged. Damage never throws; failures of the file system itself do.
   */
  String nextLine() throws IOException;

  /**
   * From now on, a line that {@code skip} says is of no use is returned as an empty line, without
   * being decoded; it is still counted. An entry may ignore this and return every line.
   */
  default void skipLines(LineSkip skip) {}

  /** The 1-based number of the line last returned, 0 before the first. */
  long lineNo();

  /**
   * True when the line last returned was longer than {@link ReadOptions#maxLineBytes()}; only its
   * first 16 KiB (or the cap, if smaller) was returned.
   */
  boolean lineTruncated();

  /** How reading ended; meaningful after {@link #nextLine()} returned null. */
  EntryStatus status();

  /** A one-line explanation for a status other than OK, else null. */
  String message();
}
