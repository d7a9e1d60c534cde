package org.probehunt.input;

/**
 * An entry without lines: skipped, unreadable, or standing for archive damage between members.
 *
 * @param source the path or {@code ARCHIVE!ENTRY}
 * @param compression codec of the file or archive
 * @param container archive format, NONE for a plain file
 * @param skipReason why it is skipped, null unless the status is SKIPPED
 * @param status how reading ended
 * @param message one-line reason, null for OK
 */
record FixedEntry(
    String source,
    Compression compression,
    Container container,
    String skipReason,
    EntryStatus status,
    String message)
    implements LogEntry {

  static FixedEntry skipped(
      String source, Compression compression, Container container, String reason) {
    return new FixedEntry(source, compression, container, reason, EntryStatus.SKIPPED, reason);
  }

  static FixedEntry failed(
      String source,
      Compression compression,
      Container container,
      EntryStatus status,
      String message) {
    return new FixedEntry(source, compression, container, null, status, message);
  }

  @Override
  public String nextLine() {
    return null;
  }

  @Override
  public long lineNo() {
    return 0;
  }

  @Override
  public boolean lineTruncated() {
    return false;
  }
}
