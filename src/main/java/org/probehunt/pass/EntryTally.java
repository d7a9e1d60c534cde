package org.probehunt.pass;

/**
 * The account of one file or archive entry: how it was read and what became of its lines. {@code
 * lines == parsed + rejected + other} always holds; {@code other} counts the lines that are neither
 * requests nor damage (W3C directives, other loggers' events in a JSON log).
 */
public record EntryTally(
    String source,
    String compression,
    String container,
    String format,
    long lines,
    long parsed,
    long rejected,
    String status,
    String message,
    long other)
    implements PassEvent {}
