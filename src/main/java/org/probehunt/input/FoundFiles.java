package org.probehunt.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paths a discovery met, one row each, sorted by path; and which real files and folders were
 * already met, so that a file or folder reached again through a symbolic link is read once.
 */
final class FoundFiles {
  private final Map<String, Candidate> byPath = new TreeMap<>();
  private final Map<Object, String> folders = new HashMap<>();
  private final Map<Object, String> files = new HashMap<>();

  /** Keeps one candidate per path; a file named outright wins over the same file skipped. */
  void add(String path, long size, NameFilter.Verdict verdict) {
    put(new Candidate(path, size, verdict.read(), verdict.reason()));
  }

  /** A path that should have been read but cannot be (reported as damage). */
  void unreadable(String path, String reason) {
    put(Candidate.unreadable(path, reason));
  }

  /** Where the folder with this identity was met first, or null (and it is now) when it was not. */
  String earlierFolder(Object key, String path) {
    return earlier(folders, key, path);
  }

  /** Where the read file with this identity was met first, or null when not under another path. */
  String earlierFile(Object key, String path) {
    return earlier(files, key, path);
  }

  List<Candidate> list() {
    return new ArrayList<>(byPath.values());
  }

  private static String earlier(Map<Object, String> seen, Object key, String path) {
    String first = seen.putIfAbsent(key, path);
    return first == null || first.equals(path) ? null : first;
  }

  private void put(Candidate candidate) {
    Candidate old = byPath.get(candidate.path());
    if (old == null || candidate.read() && !old.read()) {
      byPath.put(candidate.path(), candidate);
    }
  }
}
