package org.probehunt.job;

import org.probehunt.pass.EntryTally;

/** Thrown under --strict when an input could not be read whole. */
public final class DamagedInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DamagedInputException(EntryTally first) {
    super(
        "damaged input (--strict): "
            + first.source()
            + ": "
            + first.status()
            + (first.message() == null ? "" : ": " + first.message())
            + "; see inputs.csv");
  }
}
