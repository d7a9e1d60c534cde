package org.probehunt.pass;

import java.io.Serializable;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.FormatCatalog;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.TrustedProxies;

/**
 * What every scan task needs to know, shipped to the tasks once.
 *
 * @param format the forced format, or null to detect it per file
 * @param read line cap and the archive member name rules
 * @param rules the rules in force
 * @param allow hosts never flagged
 * @param window the requests considered; the others are counted as parsed and set aside
 * @param formats the formats files are detected among (built-ins and --log-formats)
 * @param proxies the proxies whose lines are their clients' (--trusted-proxy); never flagged
 */
public record PassSettings(
    LogFormat format,
    ReadOptions read,
    RuleSet rules,
    HostAllowList allow,
    TimeWindow window,
    FormatCatalog formats,
    TrustedProxies proxies)
    implements Serializable {

  /** Settings that trust no proxy. */
  public PassSettings(
      LogFormat format,
      ReadOptions read,
      RuleSet rules,
      HostAllowList allow,
      TimeWindow window,
      FormatCatalog formats) {
    this(format, read, rules, allow, window, formats, TrustedProxies.NONE);
  }

  /** Settings that detect among the built-in formats only. */
  public PassSettings(
      LogFormat format, ReadOptions read, RuleSet rules, HostAllowList allow, TimeWindow window) {
    this(format, read, rules, allow, window, FormatCatalog.builtIns());
  }
}
