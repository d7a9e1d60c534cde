package org.probehunt.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.hadoop.fs.FSError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

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
    OutOfMemory.watchThreads();
    CommandLine cli = commandLine();
    // probehunt's own messages, --verbose's traces among them, go to the console as they are;
    // what other code prints there loses its stack frames unless --verbose asks for them.
    PrintStream console = System.err;
    Charset charset = Charset.defaultCharset();
    cli.setErr(new PrintWriter(new OutputStreamWriter(console, charset), true));
    System.setErr(new PrintStream(new StackFrames(console), true, charset));
    int code = cli.execute(args);
    if (!ClusterDeploy.returns(code, System.getProperties(), console)) {
      System.exit(code);
    }
  }

  /** The configured command line; tests call execute on it with captured output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(Errors::onBadParameter);
    cli.setExecutionExceptionHandler(Errors::onFailure);
    cli.setExecutionStrategy(Main::runReportingFileSystemErrors);
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

  /**
   * Runs the command the way picocli does, except that Hadoop's FSError (a local disk that failed
   * or filled up, thrown as an Error) and an out-of-memory error go to the failure handler like any
   * other failure instead of escaping with a raw stack trace.
   */
  private static int runReportingFileSystemErrors(ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (FSError e) {
      List<CommandLine> commands = parsed.asCommandLineList();
      throw new CommandLine.ExecutionException(
          commands.get(commands.size() - 1),
          String.valueOf(e.getMessage()),
          new IOException(e.getMessage(), e));
    } catch (OutOfMemoryError e) {
      List<CommandLine> commands = parsed.asCommandLineList();
      throw new CommandLine.ExecutionException(
          commands.get(commands.size() - 1), "out of memory", new OutOfMemory.OnDriver(e));
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
