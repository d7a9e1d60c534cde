package org.probehunt.input;

import java.io.Serializable;

/**
 * A file found on the input paths, with whether it is read and why (or why not).
 *
 * @param path fully qualified path, as the file system lists it
 * @param size length in bytes (compressed size for compressed files), 0 for directories
 * @param read true when the job opens it
 * @param reason "named on the command line", "access log name", "archive", "hidden file"...
 * @param status how inputs.csv shows a path that is not read: SKIPPED, or UNREADABLE for a folder
 *     that cannot be listed or a file that cannot be named (damage, exit 3); OK when read
 */
public record Candidate(String path, long size, boolean read, String reason, EntryStatus status)
    implements Serializable {

  private static final long serialVersionUID = 2L;

  /** A file read, or one skipped on purpose. */
  public Candidate(String path, long size, boolean read, String reason) {
    this(path, size, read, reason, read ? EntryStatus.OK : EntryStatus.SKIPPED);
  }

  /** A path that should have been read but cannot be: a damaged input, not a skipped one. */
  static Candidate unreadable(String path, String reason) {
    return new Candidate(path, 0, false, reason, EntryStatus.UNREADABLE);
  }
}
