package org.probehunt.input;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a path really is, symbolic links resolved, so that two spellings of one folder compare
 * equal. Local paths are resolved by java.nio; other file systems (hdfs, s3a) have no links the job
 * follows, and their paths compare as Hadoop qualifies them.
 */
public final class RealPaths {
  private RealPaths() {}

  /**
   * The real location of {@code path} as a URI string without a trailing slash. A path that does
   * not exist yet is resolved through its nearest existing parent.
   */
  public static String of(FileSystem fs, Path path) {
    Path qualified = fs.makeQualified(path);
    java.nio.file.Path local = local(qualified);
    if (local == null) {
      return trimmed(qualified.toString());
    }
    try {
      if (Files.exists(local)) {
        // Links first, then "..": x/../DIR is where the link x leads, not where its name is.
        return trimmed(local.toRealPath().toUri().toString());
      }
    } catch (IOException e) {
      // resolved below as far as it goes
    }
    java.nio.file.Path rest = null;
    java.nio.file.Path existing = local.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      java.nio.file.Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    try {
      java.nio.file.Path real = existing == null ? local : existing.toRealPath();
      return trimmed((rest == null ? real : real.resolve(rest)).toUri().toString());
    } catch (IOException e) {
      return trimmed(local.toUri().toString());
    }
  }

  /** True when {@code inner} is {@code outer} or lies below it (both from {@link #of}). */
  public static boolean within(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }

  /** The java.nio path of a {@code file:} path, else null. */
  static java.nio.file.Path local(Path qualified) {
    if (!"file".equals(qualified.toUri().getScheme())) {
      return null;
    }
    try {
      return java.nio.file.Path.of(qualified.toUri());
    } catch (IllegalArgumentException e) { // InvalidPathException too
      return null;
    }
  }

  private static String trimmed(String uri) {
    return uri.endsWith("/") && !uri.endsWith(":/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
