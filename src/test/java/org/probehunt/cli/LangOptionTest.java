package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.report.HtmlLabels;
import picocli.CommandLine.ParseResult;

/** --lang: report.html in Japanese or English, the locale's language by default. */
class LangOptionTest {
  private static RunCommand run(String... args) {
    ParseResult parsed = Main.commandLine().parseArgs(args);
    return (RunCommand) parsed.subcommand().commandSpec().userObject();
  }

  @Test
  void takesJaOrEnAndLeavesTheDefaultToTheLocale() {
    assertEquals("ja", run("run", "--lang", "ja", "data/sample").lang);
    assertEquals("en", run("run", "--lang=en", "data/sample").lang);
    assertEquals(null, run("run", "data/sample").lang);
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.JAPAN);
      assertEquals("ja", HtmlLabels.defaultLanguage());
      Locale.setDefault(Locale.GERMANY);
      assertEquals("en", HtmlLabels.defaultLanguage());
    } finally {
      Locale.setDefault(before);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "JA", "japanese", ""})
  void anyOtherLanguageIsOneLineAndExit2(String value) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute("run", "--lang", value, "--out", "never-written", "data/sample");
    assertEquals(2, code, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("--lang"), err.toString());
    assertTrue(err.toString().contains("expected en or ja, not '" + value + "'"), err.toString());
  }
}
