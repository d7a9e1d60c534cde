package org.probehunt.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * --quiet and --verbose, mixed into every command. Errors finds the command's instance through
 * picocli's model, so no command has to pass --verbose on.
 */
final class ConsoleOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  boolean verbose;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of failures.")
  void verbose(boolean on) {
    verbose = on;
    if (on) {
      StackFrames.show();
    }
  }

  /** Where progress goes: the command's output, or nowhere under --quiet. */
  PrintWriter console(CommandSpec spec) {
    return quiet ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
  }

  /** Whether --verbose was given to {@code command}; false for a command without these options. */
  static boolean verbose(CommandSpec command) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (mixin.userObject() instanceof ConsoleOptions options) {
        return options.verbose;
      }
    }
    return false;
  }
}
