/**
 * Finding, opening and reading log files through Hadoop's FileSystem API, without Spark.
 *
 * <p>{@link org.probehunt.input.Discovery} lists {@link org.probehunt.input.Candidate}s with a
 * reason: read because "named on the command line", "matches a command-line glob", "access log
 * name", "archive", "included by --include GLOB"; skipped because "not an access log name",
 * "excluded by --exclude GLOB", "hidden file", "hidden directory", "in hidden directory NAME",
 * "checksum file", "empty directory". {@link org.probehunt.input.Batches} packs them by size.
 *
 * <p>{@link org.probehunt.input.LogReader} turns one file into entries (the file, or each archive
 * member as {@code ARCHIVE!ENTRY}); an entry ends with an {@link org.probehunt.input.EntryStatus}:
 * ok, truncated, corrupt, unreadable or skipped. Member skip reasons add "directory", "not a
 * regular file" and "nested archive (not opened)".
 */
package org.probehunt.input;
