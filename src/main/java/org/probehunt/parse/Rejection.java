package org.probehunt.parse;

/**
 * A log line that is not a request, with the reason in a few words ("empty", "bad time", ...).
 *
 * @param reason short, stable, lower-case reason; reports and tests group by it
 */
public record Rejection(String reason) implements ParseResult {}
