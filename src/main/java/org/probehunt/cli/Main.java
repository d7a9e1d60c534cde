package org.probehunt.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The probehunt command and its subcommands. */
@Command(
    name = "probehunt",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description =
        "Finds the hosts that probed a web server for vulnerabilities in its access logs,"
            + " and drafts notices to their postmasters.",
    subcommands = {
      RunCommand.class,
      FindCommand.class,
      RulesCommand.class,
      NotifyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call execute on it with captured output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(Errors::onBadParameter);
    cli.setExecutionExceptionHandler(Errors::onFailure);
    ExitCodes.describe(cli);
    return cli;
  }

  /** Convenience for tests: the command line writing to the given streams. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
