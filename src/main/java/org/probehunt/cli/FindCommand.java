package org.probehunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.probehunt.input.Candidate;
import org.probehunt.input.Discovery;
import org.probehunt.input.LogEntry;
import org.probehunt.input.LogNames;
import org.probehunt.input.LogReader;
import org.probehunt.input.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** probehunt find: what run would read, and what it would skip and why. */
@Command(
    name = "find",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what 'probehunt run' would read and what it would skip, with the reason, like"
          + " 'find / -name access_log'. Archives are opened to list their members."
    })
public final class FindCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files, folders or globs.")
  List<String> paths = new ArrayList<>();

  @Mixin InputOptions inputs;
  @Mixin ConsoleOptions consoleOptions;

  @Override
  public Integer call() throws IOException {
    Configuration conf = new Configuration();
    PrintWriter out = spec.commandLine().getOut();
    int read = 0;
    int skipped = 0;
    for (Candidate c : Discovery.discover(conf, paths, inputs.include, inputs.exclude)) {
      String verdict = c.read() ? "read" : c.status().isDamage() ? "fail" : "skip";
      out.printf("%-4s %12d  %s  (%s)%n", verdict, c.size(), c.path(), c.reason());
      if (!c.read()) {
        skipped++;
        continue;
      }
      read++;
      if (LogNames.isArchive(c.path())) {
        listMembers(conf, c.path(), out);
      }
    }
    out.printf("%d to read, %d skipped%n", read, skipped);
    out.flush();
    return ExitCodes.DONE;
  }

  private void listMembers(Configuration conf, String archive, PrintWriter out) throws IOException {
    Path path = new Path(archive);
    ReadOptions options = inputs.readOptions();
    try (LogReader reader = LogReader.open(path.getFileSystem(conf), path, options)) {
      LogEntry entry;
      while ((entry = reader.nextEntry()) != null) {
        String skip = entry.skipReason();
        // An entry that stands for damage (a refused header, a broken archive) says so at once.
        String failure = skip == null && entry.status().isDamage() ? entry.message() : null;
        String verdict = failure != null ? "fail" : skip == null ? "read" : "skip";
        String reason = failure != null ? failure : skip;
        out.printf(
            "  %-4s %s%s%n", verdict, entry.source(), reason == null ? "" : "  (" + reason + ")");
      }
    }
  }
}
