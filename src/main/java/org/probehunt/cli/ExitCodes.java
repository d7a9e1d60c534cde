package org.probehunt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The process exit codes, as listed in every command's --help. */
public final class ExitCodes {
  public static final int DONE = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int DAMAGED_INPUT = 3;

  private ExitCodes() {}

  /** Adds the exit code list to the help of the command and all its subcommands. */
  static void describe(CommandLine cli) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + DONE, "done");
    codes.put(
        " " + FAILURE, "failure (the message says what failed, e.g. a full disk or out of memory)");
    codes.put(
        " " + USAGE,
        "bad usage, a bad rule, contact, template or ledger file, or a report folder that may not"
            + " be written (not empty, holds an input, in use by another run)");
    codes.put(" " + DAMAGED_INPUT, "done, but some input was damaged (see inputs.csv)");
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
    cli.getSubcommands().values().forEach(ExitCodes::describe);
  }
}
