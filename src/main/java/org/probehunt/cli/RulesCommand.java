package org.probehunt.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.probehunt.detect.Rule;
import org.probehunt.detect.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** probehunt rules: lists the rules in force, with what each looks at and why. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the rules in force: the defaults, with any --rules files applied and --disable'd"
          + " rules left out. Each rule shows its id, category, the field it looks at, how it"
          + " matches, the pattern, why it is a probe, and a reference."
    })
public final class RulesCommand implements Callable<Integer>, Verbosity {
  @Spec CommandSpec spec;
  @Mixin RuleOptions ruleOptions;
  @Mixin ConsoleOptions consoleOptions;

  @Override
  public Integer call() throws Exception {
    RuleSet rules = ruleOptions.rules();
    PrintWriter out = spec.commandLine().getOut();
    for (Rule rule : rules.rules()) {
      out.printf(
          "%-28s %-16s %-12s %-8s %s%n    %s (%s)%n",
          rule.id(),
          rule.category(),
          rule.field().key(),
          rule.kind().key(),
          String.join(" | ", rule.patterns()),
          rule.description(),
          rule.reference());
    }
    out.printf("%d rules%n", rules.rules().size());
    out.flush();
    return ExitCodes.DONE;
  }

  @Override
  public boolean verbose() {
    return consoleOptions.verbose;
  }
}
