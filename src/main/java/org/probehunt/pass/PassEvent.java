package org.probehunt.pass;

import java.io.Serializable;

/**
 * What scanning a log file yields: kept requests, rejected lines, and per file or archive member a
 * tally and (in the first pass) an account of its clients.
 */
public sealed interface PassEvent extends Serializable
    permits LoggedRequest, RejectedLine, EntryTally, EntryClients {}
