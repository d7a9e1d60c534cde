package org.probehunt.cli;

import org.probehunt.contact.ContactException;
import org.probehunt.detect.RuleException;
import org.probehunt.input.MissingInputException;
import org.probehunt.job.OutputFolderException;

/** Which failures are mistakes in what the user gave, rather than failures of the run. */
final class UserErrors {
  private UserErrors() {}

  static boolean isUserError(Throwable e) {
    return e instanceof UsageException
        || e instanceof RuleException
        || e instanceof ContactException
        || e instanceof MissingInputException
        || e instanceof OutputFolderException;
  }
}
