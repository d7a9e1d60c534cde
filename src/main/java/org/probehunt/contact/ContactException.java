package org.probehunt.contact;

/** A contacts file row that cannot be used; the message names the file and line. */
public final class ContactException extends Exception {
  private static final long serialVersionUID = 1L;

  public ContactException(String message) {
    super(message);
  }
}
