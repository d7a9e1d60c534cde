package org.probehunt.detect;

/**
 * A rule file or rule selection that cannot be used; the message is one line naming file and line.
 */
public final class RuleException extends Exception {
  private static final long serialVersionUID = 1L;

  public RuleException(String message) {
    super(message);
  }

  static RuleException at(String source, int line, String problem) {
    return new RuleException(source + ":" + line + ": " + problem);
  }
}
