package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.probehunt.report.ProbehuntVersion;

/** probehunt --version prints the real version, not a placeholder. */
class VersionOptionTest {
  @Test
  void versionOptionPrintsTheBuildsVersion() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("--version");
    assertEquals(0, code, err.toString());
    assertEquals("probehunt " + ProbehuntVersion.current(), out.toString().strip());
    assertEquals(ProbehuntVersion.current(), Versions.current());
    // The build fills the version in; a placeholder or "unknown" would mean it did not.
    assertEquals(
        true,
        Versions.current().matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"),
        "a version number: " + Versions.current());
  }
}
