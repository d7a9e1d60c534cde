package org.probehunt.job;

/**
 * One of the run's own Spark properties ({@link Tuning}) is not a number it can take: a mistake in
 * what was asked for, told in one line before any log is read.
 */
public final class TuningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TuningException(String message) {
    super(message);
  }
}
