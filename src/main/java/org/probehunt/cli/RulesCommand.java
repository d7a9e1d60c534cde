package org.probehunt.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.probehunt.detect.Rule;
import org.probehunt.detect.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** probehunt rules: counts the rules in force per category, lists one category, checks a file. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Counts the rules in force per category: the defaults, with any --rules files applied and"
          + " --disable'd rules left out. --category NAME lists the rules of one category (or"
          + " 'all') with the field each looks at, how it matches, the pattern, why it is a"
          + " probe, and a reference. --check FILE checks a rule file: its syntax, and that each"
          + " rule has an example it flags and a counterexample it does not."
    })
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RuleOptions ruleOptions;
  @Mixin ConsoleOptions consoleOptions;

  @Option(
      names = "--category",
      paramLabel = "NAME",
      description = "List the rules of this category in full ('all' for every rule).")
  String category;

  @Option(
      names = "--check",
      paramLabel = "FILE",
      description =
          "Check a rule file: every rule needs at least one example (a request it flags) and one"
              + " counterexample (a near miss it leaves alone), and all must hold.")
  String check;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (check != null) {
      RuleSet checked;
      try (Reader reader = ConfigFiles.open("--check", check)) {
        checked = RuleSet.parse(reader, check);
      }
      checked.checkExamples(true);
      int examples = 0;
      for (Rule rule : checked.rules()) {
        examples += rule.examples().size() + rule.counterexamples().size();
      }
      out.printf(
          "%s: %d rules, %d examples and counterexamples, all as expected%n",
          check, checked.rules().size(), examples);
      out.flush();
      return ExitCodes.DONE;
    }
    RuleSet rules = ruleOptions.rules();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Rule rule : rules.rules()) {
      counts.merge(rule.category(), 1, Integer::sum);
    }
    if (category == null) {
      counts.forEach(
          (name, count) ->
              out.printf("%-20s %3d %s%n", name, count, count == 1 ? "rule" : "rules"));
    } else if (!category.equals("all") && !counts.containsKey(category)) {
      throw new UsageException(
          "--category: no rules in category '"
              + category
              + "' (expected one of: "
              + String.join(", ", counts.keySet())
              + ", or all)");
    } else {
      for (Rule rule : rules.rules()) {
        if (category.equals("all") || rule.category().equals(category)) {
          print(out, rule);
        }
      }
    }
    out.printf("%d rules in %d categories%n", rules.rules().size(), counts.size());
    out.flush();
    return ExitCodes.DONE;
  }

  private static void print(PrintWriter out, Rule rule) {
    out.printf(
        "%-28s %-16s %-12s %-8s%s %s%n    %s (%s)%n",
        rule.id(),
        rule.category(),
        rule.field().key(),
        rule.kind().key(),
        rule.status() == null ? "" : " status " + rule.statusText(),
        String.join(" | ", rule.patterns()),
        rule.description(),
        rule.reference());
  }
}
