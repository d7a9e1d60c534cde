package org.probehunt.input;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;

/**
 * Finds the log files under the input paths. A path is a file (always read), a directory (walked;
 * files judged by name) or a Hadoop glob (matching files read unless excluded or hidden). Include
 * and exclude patterns match a file's base name or its path without scheme. Local paths are walked
 * by {@link LocalWalk}; other file systems through Hadoop's listing.
 */
public final class Discovery {

  static final String NAMED = "named on the command line";
  static final String GLOBBED = "matches a command-line glob";

  private Discovery() {}

  /**
   * Lists every file met, read or skipped, sorted by path.
   *
   * @throws MissingInputException when a path or glob matches nothing
   * @throws IllegalArgumentException when an include or exclude pattern is malformed
   */
  public static List<Candidate> discover(
      Configuration conf, List<String> paths, List<String> includeGlobs, List<String> excludeGlobs)
      throws IOException {
    NameFilter filter = NameFilter.of(includeGlobs, excludeGlobs);
    FoundFiles found = new FoundFiles();
    LocalWalk local = new LocalWalk(filter, found);
    for (String text : paths) {
      Path path = new Path(text);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new MissingInputException(text);
      }
      int globDepth = globDepth(fs.makeQualified(path));
      for (FileStatus match : matches) {
        String hidden = hiddenBelow(match.getPath(), globDepth);
        NameFilter.Verdict verdict =
            globDepth <= match.getPath().depth()
                ? judgeGlobbed(match, filter)
                : new NameFilter.Verdict(true, NAMED);
        java.nio.file.Path onDisk = RealPaths.local(fs.makeQualified(match.getPath()));
        if (hidden != null) {
          add(found, match, new NameFilter.Verdict(false, hidden));
        } else if (onDisk != null) {
          // Local files go through java.nio, which sees links, FIFOs and devices.
          local.match(onDisk, match.getPath(), verdict);
        } else if (match.isDirectory()) {
          walk(fs, match, filter, found);
        } else {
          add(found, match, verdict);
        }
      }
    }
    return found.list();
  }

  /** Depth of the first path component with a wildcard; beyond any real depth for none. */
  private static int globDepth(Path pattern) {
    int depth = Integer.MAX_VALUE;
    for (Path p = pattern; p != null && !p.isRoot(); p = p.getParent()) {
      if (new GlobPattern(p.getName()).hasWildcard()) {
        depth = p.depth();
      }
    }
    return depth;
  }

  /**
   * Why a glob match is hidden: a wildcard must not pull in dot files, _SUCCESS or .git
   * directories, but a hidden name the user spelled out literally is theirs to read.
   */
  @SuppressWarnings("ReferenceEquality") // the match itself, not an equal path above it
  private static String hiddenBelow(Path match, int globDepth) {
    for (Path p = match; p != null && p.depth() >= globDepth; p = p.getParent()) {
      String name = p.getName();
      if (LogNames.isHidden(name)) {
        return name.endsWith(".crc")
            ? "checksum file"
            : p == match ? "hidden file" : "in hidden directory " + name;
      }
    }
    return null;
  }

  private static NameFilter.Verdict judgeGlobbed(FileStatus file, NameFilter filter) {
    String name = file.getPath().getName();
    String excluded = filter.exclusion(name, file.getPath().toUri().getPath());
    return excluded == null
        ? new NameFilter.Verdict(true, GLOBBED)
        : new NameFilter.Verdict(false, excluded);
  }

  /** Walks a folder of a file system other than the local one (hdfs, s3a) through Hadoop. */
  private static void walk(FileSystem fs, FileStatus dir, NameFilter filter, FoundFiles found)
      throws IOException {
    FileStatus[] children;
    try {
      children = fs.listStatus(dir.getPath());
    } catch (IOException e) {
      found.unreadable(dir.getPath().toString(), "folder cannot be listed: " + Faults.oneLine(e));
      return;
    }
    if (children.length == 0) {
      add(found, dir, new NameFilter.Verdict(false, "empty directory"));
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      String fullPath = child.getPath().toUri().getPath();
      if (child.isFile()) {
        add(found, child, filter.judge(name, fullPath));
      } else if (!child.isDirectory()) {
        add(found, child, new NameFilter.Verdict(false, "symbolic link (not followed)"));
      } else if (LogNames.isHidden(name)) {
        add(found, child, new NameFilter.Verdict(false, "hidden directory"));
      } else if (filter.exclusion(name, fullPath) != null) {
        add(found, child, new NameFilter.Verdict(false, filter.exclusion(name, fullPath)));
      } else {
        walk(fs, child, filter, found);
      }
    }
  }

  private static void add(FoundFiles found, FileStatus status, NameFilter.Verdict verdict) {
    found.add(status.getPath().toString(), status.isDirectory() ? 0 : status.getLen(), verdict);
  }
}
