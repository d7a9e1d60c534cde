package org.probehunt.acceptance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.probehunt.cli.Main;
import org.probehunt.testing.SparkTestSession;

/** Runs the command line in the shared Spark session, capturing what it prints. */
final class Runs {
  private Runs() {}

  /** What one invocation printed and returned. */
  record Outcome(int code, String out, String err) {
    List<String> errLines() {
      return err.strip().isEmpty() ? List.of() : err.strip().lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
    }
  }

  static Outcome probehunt(String... args) {
    SparkTestSession.get();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** probehunt run --quiet --out OUT [extra...] PATH... */
  static Outcome run(Path out, List<String> extra, Path... inputs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--quiet",
                "--server-name",
                "www.myname.co.jp",
                "--admin",
                "Suzuki",
                "--out",
                out.toString()));
    args.addAll(extra);
    for (Path p : inputs) {
      args.add(p.toString());
    }
    return probehunt(args.toArray(String[]::new));
  }

  /** Rows keyed by a column, failing on duplicate keys. */
  static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String column) {
    return rows.stream()
        .collect(
            Collectors.toMap(
                r -> r.get(column),
                r -> r,
                (a, b) -> {
                  throw new AssertionError("duplicate " + column + ": " + a + " / " + b);
                },
                java.util.TreeMap::new));
  }
}
