package org.probehunt.input;

import java.io.FileNotFoundException;

/** An input path or glob that matches nothing; a usage error, not a damaged input. */
public final class MissingInputException extends FileNotFoundException {

  private static final long serialVersionUID = 1L;

  private final String input;

  public MissingInputException(String input) {
    super("no file or directory matches input path '" + input + "'");
    this.input = input;
  }

  /** The path or glob as given. */
  public String input() {
    return input;
  }
}
