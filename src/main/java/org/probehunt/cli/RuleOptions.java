package org.probehunt.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.probehunt.detect.RuleException;
import org.probehunt.detect.RuleSet;
import picocli.CommandLine.Option;

/** Which rules are in force: the defaults, --rules files, less --disable'd ones. */
final class RuleOptions {
  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Add or override rules from FILE (repeatable; see 'probehunt rules').")
  List<String> ruleFiles = new ArrayList<>();

  @Option(
      names = "--disable",
      paramLabel = "RULE_ID",
      description = "Turn a rule off (repeatable).")
  List<String> disabled = new ArrayList<>();

  /** The rules in force: the defaults, then each --rules file, less the disabled ones. */
  RuleSet rules() throws RuleException, IOException {
    RuleSet rules = RuleSet.defaults();
    for (String file : ruleFiles) {
      try (Reader reader = ConfigFiles.open("--rules", file)) {
        RuleSet own = RuleSet.parse(reader, file);
        own.checkExamples(false); // a user's examples must hold, as the shipped ones do
        rules = rules.withOverrides(own);
      }
    }
    return rules.without(new HashSet<>(disabled));
  }
}
