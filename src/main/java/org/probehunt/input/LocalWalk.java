package org.probehunt.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Walks local input folders through java.nio, which tells what Hadoop's local file system hides:
 * symbolic links, FIFOs and devices, names the platform cannot decode. Only regular files are read;
 * a file or folder reached again through a link is read once; every path not read gets a row saying
 * why, so no file's lines go missing without a word.
 */
final class LocalWalk {
  private static final String UNDECODABLE =
      " name is not valid in this system's file name encoding ("
          + System.getProperty("sun.jnu.encoding")
          + "), so it cannot be opened by name; rename it to read it";

  private final NameFilter filter;
  private final FoundFiles found;

  LocalWalk(NameFilter filter, FoundFiles found) {
    this.filter = filter;
    this.found = found;
  }

  /** A command-line match: a folder is walked, anything else judged with {@code verdict}. */
  void match(java.nio.file.Path local, Path path, NameFilter.Verdict verdict) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(local, BasicFileAttributes.class);
    } catch (IOException e) {
      found.unreadable(path.toString(), "cannot be examined: " + Faults.oneLine(e));
      return;
    }
    if (attrs.isDirectory()) {
      folder(local, path, attrs);
    } else {
      file(local, path, attrs, verdict);
    }
  }

  private void folder(java.nio.file.Path local, Path path, BasicFileAttributes attrs) {
    String earlier = found.earlierFolder(key(local, attrs), path.toString());
    if (earlier != null) {
      found.add(path.toString(), 0, skip("the same folder as " + earlier + ", read there once"));
      return;
    }
    List<java.nio.file.Path> children = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> listing = Files.newDirectoryStream(local)) {
      listing.forEach(children::add);
    } catch (IOException | RuntimeException e) {
      found.unreadable(path.toString(), "folder cannot be listed: " + Faults.oneLine(e));
      return;
    }
    if (children.isEmpty()) {
      found.add(path.toString(), 0, skip("empty directory"));
    }
    children.sort(Comparator.comparing(c -> c.getFileName().toString()));
    for (java.nio.file.Path child : children) {
      child(child, path);
    }
  }

  private void child(java.nio.file.Path local, Path parent) {
    String name = local.getFileName().toString();
    Path path = decodable(local) ? hadoopPath(parent, name) : null;
    String shown = path != null ? path.toString() : parent + "/" + Escapes.controls(name);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(local, BasicFileAttributes.class);
    } catch (IOException e) {
      if (Files.isSymbolicLink(local)) {
        String why = e instanceof NoSuchFileException ? "dangling symbolic link" : "symbolic link";
        found.add(shown, 0, skip(why + " to " + target(local) + ": " + Faults.oneLine(e)));
      } else {
        found.unreadable(shown, "cannot be examined: " + Faults.oneLine(e));
      }
      return;
    }
    String fullPath = path != null ? path.toUri().getPath() : shown;
    if (attrs.isDirectory()) {
      if (LogNames.isHidden(name)) {
        found.add(shown, 0, skip("hidden directory"));
      } else if (filter.exclusion(name, fullPath) != null) {
        found.add(shown, 0, skip(filter.exclusion(name, fullPath)));
      } else if (path == null) {
        found.unreadable(shown, "folder" + UNDECODABLE);
      } else {
        folder(local, path, attrs);
      }
      return;
    }
    NameFilter.Verdict verdict = filter.judge(name, fullPath);
    if (path == null && verdict.read() && attrs.isRegularFile()) {
      found.unreadable(shown, "file" + UNDECODABLE);
    } else if (path == null) {
      found.add(shown, 0, verdict.read() ? skip(special(local)) : verdict);
    } else {
      file(local, path, attrs, verdict);
    }
  }

  private void file(
      java.nio.file.Path local, Path path, BasicFileAttributes attrs, NameFilter.Verdict verdict) {
    if (!attrs.isRegularFile()) {
      // A FIFO or a device never ends, or waits for a writer: reading one would hang the run.
      found.add(path.toString(), 0, skip(special(local)));
      return;
    }
    if (verdict.read()) {
      String earlier = found.earlierFile(key(local, attrs), path.toString());
      if (earlier != null) {
        found.add(
            path.toString(),
            attrs.size(),
            skip("the same file as " + earlier + ", read there once"));
        return;
      }
    }
    found.add(path.toString(), attrs.size(), verdict);
  }

  private static NameFilter.Verdict skip(String reason) {
    return new NameFilter.Verdict(false, reason);
  }

  /** True when the name survives the trip through a String, which Hadoop's paths take. */
  private static boolean decodable(java.nio.file.Path local) {
    try {
      return local.getFileSystem().getPath(local.toString()).equals(local);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The child's Hadoop path, as Hadoop's own listing builds it; null when Hadoop cannot. */
  private static Path hadoopPath(Path parent, String name) {
    try {
      return new Path(parent, new Path(null, null, name));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What identifies a file or folder however it is reached: device and inode where known. */
  private static Object key(java.nio.file.Path local, BasicFileAttributes attrs) {
    if (attrs.fileKey() != null) {
      return attrs.fileKey();
    }
    try {
      return local.toRealPath();
    } catch (IOException e) {
      return local.toAbsolutePath().normalize();
    }
  }

  private static String target(java.nio.file.Path link) {
    try {
      return Escapes.controls(Files.readSymbolicLink(link).toString());
    } catch (IOException e) {
      return "?";
    }
  }

  /** "not a regular file (FIFO)", naming the kind where the platform tells it. */
  private static String special(java.nio.file.Path local) {
    String kind = "special file";
    try {
      int type = (Integer) Files.getAttribute(local, "unix:mode") & 0170000;
      kind =
          switch (type) {
            case 0010000 -> "FIFO";
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            case 0140000 -> "socket";
            default -> kind;
          };
    } catch (IOException | RuntimeException e) {
      // Not a POSIX file system: the generic name will do.
    }
    return "not a regular file (" + kind + ")";
  }
}
