package org.probehunt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line on standard error and the right exit code. */
final class Errors {
  private Errors() {}

  /** A bad option or argument: one line naming it, exit code 2. */
  static int onBadParameter(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr()
        .printf(
            "probehunt: %s (see '%s --help')%n",
            e.getMessage(), cmd.getCommandSpec().qualifiedName());
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }

  /**
   * A command failed. Mistakes in what the user gave (options, rule, contact and template files)
   * exit with 2; anything else with 1, with the stack trace only under --verbose.
   */
  static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (UserErrors.isUserError(e)) {
      err.println("probehunt: " + UserErrors.describe(e));
      err.flush();
      return ExitCodes.USAGE;
    }
    boolean verbose = ConsoleOptions.verbose(cmd.getCommandSpec());
    if (OutOfMemory.isCause(e)) {
      err.println("probehunt: " + OutOfMemory.tell(e));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.FAILURE;
    }
    if (DiskFull.isCause(e)) {
      // The cause is known and told whole: the trace adds nothing a user can act on.
      String folder = cmd.getCommand() instanceof WritesReports w ? w.reportFolder() : null;
      err.println("probehunt: " + DiskFull.describe(folder));
      if (verbose) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.FAILURE;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("probehunt: " + firstLine(message));
    if (verbose) {
      e.printStackTrace(err);
    } else {
      err.println("probehunt: run again with --verbose for the details");
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
