package org.probehunt.scan;

import java.io.Serializable;

/** What scanning a log file yields: kept requests, rejected lines, and one tally per file. */
public sealed interface ScanEvent extends Serializable permits Hit, Reject, EntryTally {}
