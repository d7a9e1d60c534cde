package org.probehunt.cli;

import org.probehunt.report.ProbehuntVersion;
import picocli.CommandLine.IVersionProvider;

/** --version: the version from the jar's manifest, or from the build when run from classes. */
final class Versions implements IVersionProvider {
  /** The running version, e.g. {@code 0.1.0}; see {@link ProbehuntVersion#current()}. */
  static String current() {
    return ProbehuntVersion.current();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"probehunt " + current()};
  }
}
