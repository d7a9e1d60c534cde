package org.probehunt.scan;

import java.io.Serializable;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.LogFormat;

/**
 * What every scan task needs to know, shipped to the tasks once.
 *
 * @param format the forced format, or null to detect it per file
 * @param read line cap and the archive member name rules
 * @param rules the rules in force
 * @param allow hosts never flagged
 * @param window the requests considered; the others are counted as parsed and set aside
 */
public record ScanSettings(
    LogFormat format, ReadOptions read, RuleSet rules, HostAllowList allow, TimeWindow window)
    implements Serializable {}
