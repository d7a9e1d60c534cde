package org.probehunt.input;

import java.io.Serializable;

/**
 * A file found on the input paths, with whether it is read and why (or why not).
 *
 * @param path fully qualified path, as the file system lists it
 * @param size length in bytes (compressed size for compressed files), 0 for directories
 * @param read true when the job opens it
 * @param reason "named on the command line", "access log name", "archive", "hidden file"...
 */
public record Candidate(String path, long size, boolean read, String reason)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}
