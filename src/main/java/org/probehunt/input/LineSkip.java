package org.probehunt.input;

/**
 * Tells from a line's bytes, before they are decoded, that a pass has no use for the line: the join
 * back, which wants the lines of a few hosts, looks at the client where it stands and lets the
 * reader pass over the rest without making them strings.
 */
@FunctionalInterface
public interface LineSkip {
  /** True only when the line {@code bytes[from, to)} is surely of no use. */
  boolean skip(byte[] bytes, int from, int to);
}
