package org.probehunt.cli;

/** A command that writes into a report folder, so that a failure can name it. */
interface WritesReports {
  /** The folder as the user named it. */
  String reportFolder();
}
