package org.probehunt.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** --quiet and --verbose. */
final class ConsoleOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of failures.")
  boolean verbose;

  /** Where progress goes: the command's output, or nowhere under --quiet. */
  PrintWriter console(CommandSpec spec) {
    return quiet ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
  }
}
