package org.probehunt.cli;

/** A command that can be asked for stack traces. */
interface Verbosity {
  boolean verbose();
}
