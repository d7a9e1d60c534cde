package org.probehunt.job;

/**
 * A report folder the run must not write into: a file, a folder that holds an input, or one that
 * already holds reports without --overwrite. A mistake in what the user asked for (exit 2).
 */
public final class OutputFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OutputFolderException(String message) {
    super(message);
  }
}
