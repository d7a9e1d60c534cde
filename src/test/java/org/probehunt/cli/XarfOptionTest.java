package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.probehunt.notify.XarfVersion;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** --xarf with an optional version: 4 by default, 0.2 on request, anything else refused. */
class XarfOptionTest {
  /** What --xarf became after picocli read the arguments of {@code run}. */
  private static RunCommand run(String... args) {
    ParseResult parsed = Main.commandLine().parseArgs(args);
    return (RunCommand) parsed.subcommand().commandSpec().userObject();
  }

  @Test
  void aBareXarfMeansVersion4() {
    RunCommand before = run("run", "--xarf", "data/sample");
    assertEquals(XarfVersion.V4, before.notices.xarf);
    assertEquals(List.of("data/sample"), before.paths, "the path after --xarf stays a path");
    assertEquals(XarfVersion.V4, run("run", "data/sample", "--xarf").notices.xarf);
    RunCommand option = run("run", "--xarf", "--out", "x", "data/sample");
    assertEquals(XarfVersion.V4, option.notices.xarf);
    assertEquals("x", option.out, "the next option is read as an option");
  }

  @Test
  void theRetiredVersionIsThereWhenAskedFor() {
    assertEquals(XarfVersion.V0_2, run("run", "--xarf=0.2", "data/sample").notices.xarf);
    RunCommand spaced = run("run", "--xarf", "0.2", "data/sample");
    assertEquals(XarfVersion.V0_2, spaced.notices.xarf);
    assertEquals(List.of("data/sample"), spaced.paths, "the path stays a path");
    assertEquals(XarfVersion.V4, run("run", "--xarf=4", "data/sample").notices.xarf);
  }

  @Test
  void withoutTheOptionThereIsNoReport() {
    assertEquals(null, run("run", "data/sample").notices.xarf, "NoticeSettings reads null as none");
  }

  @Test
  void anyOtherVersionIsAOneLineUsageError() {
    for (String value : List.of("5", "0.1", "none", "v4", "")) {
      assertRefused(value, "notify", "--reports", "reports", "--xarf=" + value);
    }
    // Apart from the option, a number is taken as a version, and checked as one.
    assertRefused("5", "run", "--xarf", "5", "data/sample");
    assertRefused("4.0", "notify", "--reports", "reports", "--xarf", "4.0");
  }

  private static void assertRefused(String value, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(new PrintWriter(out), new PrintWriter(err));
    int code = cli.execute(args);
    String what = String.join(" ", args);
    assertEquals(2, code, "exit code of " + what + ": " + err);
    assertEquals(1, err.toString().strip().lines().count(), "one line for " + what + ": " + err);
    assertTrue(
        err.toString().contains("expected 4 or 0.2, not '" + value + "'"), what + ": " + err);
  }
}
