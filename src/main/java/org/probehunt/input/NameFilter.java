package org.probehunt.input;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.GlobPattern;

/**
 * Decides whether a file found in a directory or an archive is read. A pattern matches when it
 * matches the base name or the whole path, so both {@code *.bak} and {@code /srv/logs/old*} work.
 * Exclusion wins over inclusion; Hadoop glob syntax, as in the input paths themselves.
 */
final class NameFilter {

  /** The decision and the reason shown in inputs.csv. */
  record Verdict(boolean read, String reason) {}

  private record Glob(String text, GlobPattern pattern) {}

  private final List<Glob> includes;
  private final List<Glob> excludes;

  private NameFilter(List<Glob> includes, List<Glob> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /** Compiles the patterns; a malformed one fails here with its text in the message. */
  static NameFilter of(List<String> includeGlobs, List<String> excludeGlobs) {
    return new NameFilter(compile(includeGlobs), compile(excludeGlobs));
  }

  private static List<Glob> compile(List<String> globs) {
    List<Glob> compiled = new ArrayList<>();
    for (String glob : globs) {
      try {
        compiled.add(new Glob(glob, new GlobPattern(glob)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("bad glob '" + glob + "': " + Faults.oneLine(e), e);
      }
    }
    return List.copyOf(compiled);
  }

  /** The matching --exclude pattern's reason, or null. Applies to every file found or globbed. */
  String exclusion(String baseName, String fullPath) {
    Glob glob = first(excludes, baseName, fullPath);
    return glob == null ? null : "excluded by --exclude " + glob.text();
  }

  /** Judges a file met inside a directory or an archive. */
  Verdict judge(String baseName, String fullPath) {
    if (LogNames.isHidden(baseName)) {
      return new Verdict(false, baseName.endsWith(".crc") ? "checksum file" : "hidden file");
    }
    String excluded = exclusion(baseName, fullPath);
    if (excluded != null) {
      return new Verdict(false, excluded);
    }
    if (LogNames.isArchive(baseName)) {
      return new Verdict(true, "archive");
    }
    if (LogNames.looksLikeAccessLog(baseName)) {
      return new Verdict(true, "access log name");
    }
    Glob included = first(includes, baseName, fullPath);
    if (included != null) {
      return new Verdict(true, "included by --include " + included.text());
    }
    return new Verdict(false, "not an access log name");
  }

  private static Glob first(List<Glob> globs, String baseName, String fullPath) {
    for (Glob glob : globs) {
      if (glob.pattern().matches(baseName) || glob.pattern().matches(fullPath)) {
        return glob;
      }
    }
    return null;
  }
}
