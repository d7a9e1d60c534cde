package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** --verbose on every command: a failure shows its stack trace only when asked to. */
class VerboseOptionTest {
  /** What the error handler printed and returned for a failure of the parsed command. */
  private record Failure(int code, String err) {}

  private static Failure fail(String command, boolean verbose) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    if (verbose) {
      args.add(1, "--verbose");
    }
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
    ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
    CommandLine failed = parsed.subcommand().commandSpec().commandLine();
    IllegalStateException e = new IllegalStateException("the disk went away\nmore detail");
    int code = Errors.onFailure(e, failed, parsed);
    return new Failure(code, err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run data/sample", "find data/sample", "rules", "notify --reports x"})
  void eachCommandShowsTheStackTraceOnlyUnderVerbose(String command) {
    Failure quiet = fail(command, false);
    assertEquals(ExitCodes.FAILURE, quiet.code());
    assertEquals(
        List.of(
            "probehunt: the disk went away", "probehunt: run again with --verbose for the details"),
        quiet.err().lines().toList(),
        command);

    Failure verbose = fail(command, true);
    assertEquals(ExitCodes.FAILURE, verbose.code());
    assertTrue(verbose.err().startsWith("probehunt: the disk went away\n"), verbose.err());
    assertTrue(
        verbose.err().contains("at org.probehunt.cli.VerboseOptionTest.fail"), verbose.err());
    assertFalse(verbose.err().contains("run again with --verbose"), verbose.err());
  }
}
