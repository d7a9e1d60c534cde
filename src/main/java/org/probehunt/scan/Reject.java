package org.probehunt.scan;

/** A line that is not a request: where it is, why, and the line itself. */
public record Reject(String source, long lineNo, String reason, String line) implements ScanEvent {}
