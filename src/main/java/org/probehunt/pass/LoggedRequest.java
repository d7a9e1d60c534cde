package org.probehunt.pass;

import org.probehunt.detect.Detection;
import org.probehunt.parse.Request;

/**
 * A parsed request the scan keeps, with its origin and what the rules said of it.
 *
 * @param source the file, or {@code ARCHIVE!ENTRY}
 * @param lineNo 1-based line number within the source
 * @param line the log line as read (bytes outside printable ASCII as {@code \xhh})
 * @param request the parsed line
 * @param detection the rules that matched; {@link Detection#NONE} for an ordinary request
 */
public record LoggedRequest(
    String source, long lineNo, String line, Request request, Detection detection)
    implements PassEvent {}
