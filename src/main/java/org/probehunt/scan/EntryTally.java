package org.probehunt.scan;

/**
 * The account of one file or archive entry: how it was read and what became of its lines. {@code
 * lines == parsed + rejected} always holds.
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
    String message)
    implements ScanEvent {}
