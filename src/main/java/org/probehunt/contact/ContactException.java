package org.probehunt.contact;

/**
 * A contacts or actors file row, or an RDAP bootstrap file, that cannot be used; the message says
 * where.
 */
public final class ContactException extends Exception {
  private static final long serialVersionUID = 1L;

  public ContactException(String message) {
    super(message);
  }
}
