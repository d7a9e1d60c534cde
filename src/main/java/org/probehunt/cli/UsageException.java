package org.probehunt.cli;

/** A mistake in what the user asked for: reported in one line, with exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
