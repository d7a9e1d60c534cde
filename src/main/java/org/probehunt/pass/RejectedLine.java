package org.probehunt.pass;

/** A line that is not a request: where it is, why, and the line itself. */
public record RejectedLine(String source, long lineNo, String reason, String line)
    implements PassEvent {}
