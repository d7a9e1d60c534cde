package org.probehunt.parse;

/** A log format string that cannot be compiled; the message names the directive at fault. */
public final class FormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }
}
