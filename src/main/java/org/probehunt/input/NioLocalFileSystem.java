package org.probehunt.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, setting permissions through java.nio. Without Hadoop's native library
 * the stock one starts a {@code chmod} process for every file it creates, which costs seconds when
 * a run writes hundreds of drafts. Chosen with {@code fs.file.impl}.
 */
public class NioLocalFileSystem extends RawLocalFileSystem {
  @Override
  public void setPermission(Path p, FsPermission permission) throws IOException {
    String symbolic = permission.toString();
    if (symbolic.length() != 9 || symbolic.contains("t") || symbolic.contains("s")) {
      super.setPermission(p, permission); // sticky and set-id bits have no java.nio form
      return;
    }
    try {
      Files.setPosixFilePermissions(
          pathToFile(p).toPath(), PosixFilePermissions.fromString(symbolic));
    } catch (UnsupportedOperationException e) {
      super.setPermission(p, permission); // not a POSIX file system
    }
  }
}
