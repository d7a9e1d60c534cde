package org.probehunt.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code full:}, on a disk that has filled up: a new file
 * whose name matches {@link #failing} fails on its first write the way Hadoop's local file system
 * fails when the disk has no room, with an FSError over "No space left on device". Registered as a
 * Hadoop file system service for the tests.
 */
public final class FullDiskFileSystem extends RawLocalFileSystem {
  /** The names of the files that cannot be written; every one but a lock unless a test says. */
  public static volatile Pattern failing = Pattern.compile("(?!\\.probehunt\\.lock$).*");

  @Override
  public String getScheme() {
    return "full";
  }

  @Override
  public URI getUri() {
    return URI.create("full:///");
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      FsPermission permission,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return full(
        f, super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    return full(f, super.create(f, overwrite, bufferSize, replication, blockSize, progress));
  }

  private static FSDataOutputStream full(Path f, FSDataOutputStream real) throws IOException {
    if (!failing.matcher(f.getName()).matches()) {
      return real;
    }
    return new FSDataOutputStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            throw noSpace();
          }

          @Override
          public void write(byte[] b, int off, int len) {
            throw noSpace();
          }

          @Override
          public void close() throws IOException {
            real.close();
          }
        },
        null);
  }

  /** The error Hadoop's local output stream throws when a write finds the disk full. */
  private static FSError noSpace() {
    try {
      // Its constructor is package-private: only Hadoop's own streams make one.
      Constructor<FSError> make = FSError.class.getDeclaredConstructor(Throwable.class);
      make.setAccessible(true);
      return make.newInstance(new IOException("No space left on device"));
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("FSError has no constructor taking a cause", e);
    }
  }
}
