package org.probehunt.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/** Puts a finished file in place of another at once, so a reader sees the old or the new. */
final class Replace {
  private Replace() {}

  /** Moves {@code staged} over {@code file} in one rename, replacing it if it is there. */
  static void byRename(FileSystem fs, Path staged, Path file) throws IOException {
    String scheme = fs.makeQualified(file).toUri().getScheme();
    if ("file".equals(scheme)) {
      // The local disk, as the rest of the local output: java.nio replaces atomically.
      Files.move(
          java.nio.file.Path.of(staged.toUri()),
          java.nio.file.Path.of(file.toUri()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try {
      // HDFS and others that have a FileContext rename over an existing file atomically.
      FileContext.getFileContext(file.toUri(), fs.getConf())
          .rename(staged, file, Options.Rename.OVERWRITE);
    } catch (UnsupportedFileSystemException e) {
      if (!fs.rename(staged, file)) {
        throw new IOException("cannot move " + staged + " to " + file);
      }
    }
  }
}
