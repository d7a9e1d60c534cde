package org.probehunt.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.probehunt.cli.Main;

/** The command line as a test runs it: in this JVM, with what it printed kept. */
public final class Cli {
  private Cli() {}

  /** What one invocation printed and returned. */
  public record Outcome(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  /** Runs {@code probehunt ARGS...} on the shared Spark session. */
  public static Outcome probehunt(String... args) {
    SparkTestSession.get();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
