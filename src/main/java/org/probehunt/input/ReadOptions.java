package org.probehunt.input;

import java.io.Serializable;
import java.util.List;

/**
 * How log files are read; serializable because the job ships it to every task.
 *
 * @param maxLineBytes longest line delivered whole; longer lines are cut here and flagged
 * @param includeGlobs extra archive member names to read (same meaning as {@code --include})
 * @param excludeGlobs archive member names not to read (same meaning as {@code --exclude})
 */
public record ReadOptions(int maxLineBytes, List<String> includeGlobs, List<String> excludeGlobs)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One MiB: far beyond any real request line, small enough to bound memory per task. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  public ReadOptions {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    includeGlobs = List.copyOf(includeGlobs);
    excludeGlobs = List.copyOf(excludeGlobs);
  }

  /** 1 MiB lines, no include or exclude patterns. */
  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_LINE_BYTES, List.of(), List.of());
  }

  /** The same options with another line cap. */
  public ReadOptions withMaxLineBytes(int bytes) {
    return new ReadOptions(bytes, includeGlobs, excludeGlobs);
  }

  /** The same options with these include and exclude patterns. */
  public ReadOptions withGlobs(List<String> includes, List<String> excludes) {
    return new ReadOptions(maxLineBytes, includes, excludes);
  }
}
