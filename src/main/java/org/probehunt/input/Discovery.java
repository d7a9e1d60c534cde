package org.probehunt.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobPattern;
import org.apache.hadoop.fs.Path;

/**
 * Finds the log files under the input paths. A path is a file (always read), a directory
 * (walked; files judged by name) or a Hadoop glob (matching files read unless excluded or
 * hidden). Include and exclude patterns match a file's base name or its path without scheme.
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
  public static List<Candidate> discover(Configuration conf, List<String> paths,
      List<String> includeGlobs, List<String> excludeGlobs) throws IOException {
    NameFilter filter = NameFilter.of(includeGlobs, excludeGlobs);
    Map<String, Candidate> found = new TreeMap<>();
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
        if (hidden != null) {
          add(found, match, new NameFilter.Verdict(false, hidden));
        } else if (match.isDirectory()) {
          walk(fs, match, filter, found);
        } else if (globDepth <= match.getPath().depth()) {
          add(found, match, judgeGlobbed(match, filter));
        } else {
          add(found, match, new NameFilter.Verdict(true, NAMED));
        }
      }
    }
    return new ArrayList<>(found.values());
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
  private static String hiddenBelow(Path match, int globDepth) {
    for (Path p = match; p != null && p.depth() >= globDepth; p = p.getParent()) {
      String name = p.getName();
      if (LogNames.isHidden(name)) {
        return name.endsWith(".crc") ? "checksum file"
            : p == match ? "hidden file" : "in hidden directory " + name;
      }
    }
    return null;
  }

  private static NameFilter.Verdict judgeGlobbed(FileStatus file, NameFilter filter) {
    String name = file.getPath().getName();
    String excluded = filter.exclusion(name, file.getPath().toUri().getPath());
    return excluded == null ? new NameFilter.Verdict(true, GLOBBED)
        : new NameFilter.Verdict(false, excluded);
  }

  private static void walk(FileSystem fs, FileStatus dir, NameFilter filter,
      Map<String, Candidate> found) throws IOException {
    FileStatus[] children = fs.listStatus(dir.getPath());
    if (children.length == 0) {
      add(found, dir, new NameFilter.Verdict(false, "empty directory"));
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      String fullPath = child.getPath().toUri().getPath();
      if (!child.isDirectory()) {
        add(found, child, filter.judge(name, fullPath));
      } else if (LogNames.isHidden(name)) {
        add(found, child, new NameFilter.Verdict(false, "hidden directory"));
      } else if (filter.exclusion(name, fullPath) != null) {
        add(found, child, new NameFilter.Verdict(false, filter.exclusion(name, fullPath)));
      } else {
        walk(fs, child, filter, found);
      }
    }
  }

  /** Keeps one candidate per path; a file named outright wins over the same file skipped. */
  private static void add(Map<String, Candidate> found, FileStatus status,
      NameFilter.Verdict verdict) {
    String path = status.getPath().toString();
    long size = status.isDirectory() ? 0 : status.getLen();
    Candidate candidate = new Candidate(path, size, verdict.read(), verdict.reason());
    Candidate old = found.get(path);
    if (old == null || candidate.read() && !old.read()) {
      found.put(path, candidate);
    }
  }
}
