package org.probehunt.report;

/** A ledger file that cannot be used; the message names the file and line. */
public final class LedgerException extends Exception {
  private static final long serialVersionUID = 1L;

  public LedgerException(String message) {
    super(message);
  }
}
