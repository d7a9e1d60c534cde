package org.probehunt.pass;

import java.io.Serializable;

/** What scanning a log file yields: kept requests, rejected lines, and one tally per file. */
public sealed interface PassEvent extends Serializable
    permits LoggedRequest, RejectedLine, EntryTally {}
