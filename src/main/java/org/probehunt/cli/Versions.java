package org.probehunt.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Versions implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"probehunt " + (version == null ? "(development build)" : version)};
  }
}
