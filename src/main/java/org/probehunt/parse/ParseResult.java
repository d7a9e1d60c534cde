package org.probehunt.parse;

/**
 * What parsing one log line gives: a {@link Request} or a {@link Rejection}, never an exception.
 */
public sealed interface ParseResult permits Request, Rejection {}
