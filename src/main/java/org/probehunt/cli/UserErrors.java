package org.probehunt.cli;

import org.probehunt.contact.ContactException;
import org.probehunt.detect.RuleException;
import org.probehunt.input.MissingInputException;
import org.probehunt.job.OutputFolderException;
import org.probehunt.job.TuningException;
import org.probehunt.report.LedgerException;

/** Which failures are mistakes in what the user gave, rather than failures of the run. */
final class UserErrors {
  private UserErrors() {}

  static boolean isUserError(Throwable e) {
    return e instanceof UsageException
        || e instanceof RuleException
        || e instanceof ContactException
        || e instanceof LedgerException
        || e instanceof MissingInputException
        || e instanceof OutputFolderException
        || e instanceof TuningException;
  }

  /** The one line that tells the user what was wrong, in terms of the command's options. */
  static String describe(Throwable e) {
    if (e instanceof OutputFolderException f) {
      return "--out " + f.folder() + " " + f.problem() + "; " + remedy(f.remedy());
    }
    return e.getMessage();
  }

  private static String remedy(OutputFolderException.Remedy remedy) {
    return switch (remedy) {
      case ANOTHER_FOLDER -> "choose another folder";
      case ANOTHER_FOLDER_OR_REPLACE -> "choose another folder or add --overwrite";
      case ANOTHER_FOLDER_OR_EMPTY_IT -> "choose another folder or empty it yourself";
      case ANOTHER_FOLDER_OR_WAIT -> "wait for that run to end or choose another folder";
    };
  }
}
