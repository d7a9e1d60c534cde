package org.probehunt.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleException;
import org.probehunt.input.ReadOptions;
import org.probehunt.parse.FormatCatalog;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.TrustedProxies;
import org.probehunt.pass.PassSettings;
import org.probehunt.pass.TimeWindow;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which rules flag a host, and which requests they see. */
final class DetectionOptions {
  @Mixin RuleOptions ruleOptions;

  @Option(
      names = "--allow",
      paramLabel = "HOST|CIDR",
      description = "Never flag this host or address range, e.g. your own scanner (repeatable).")
  List<String> allowed = new ArrayList<>();

  @Option(
      names = "--flag-loopback",
      description =
          "Flag loopback clients (127.0.0.0/8, ::1, localhost) too; by default they are the"
              + " machine's own agents and never flagged.")
  boolean flagLoopback;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "CIDR",
      split = ",",
      description =
          "A reverse proxy, load balancer or CDN (address or CIDR block; repeatable, or a comma"
              + " list): its lines are the client's it names in X-Forwarded-For, X-Real-IP or"
              + " Forwarded, and it is never flagged itself.")
  List<String> trustedProxies = new ArrayList<>();

  @Option(
      names = "--min-probes",
      paramLabel = "N",
      defaultValue = "1",
      description = "Probes a host must send to be flagged (default: ${DEFAULT-VALUE}).")
  int minProbes;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description =
          "Only requests from DATE on (2025-10-01, in each log's own time; or"
              + " 2025-10-01T09:00:00+09:00).")
  String since;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description =
          "Only requests up to DATE: the whole day for a date, up to (not including) a time with"
              + " offset.")
  String until;

  /** Probes a host must send to be flagged: at least one. */
  int minProbes() {
    if (minProbes < 1) {
      throw new UsageException("--min-probes: must be at least 1, not " + minProbes);
    }
    return minProbes;
  }

  /**
   * What the scan tasks need; {@code serverName} (the run's --server-name, or null) is the site's
   * own name, so absolute-URL requests naming it are not taken for proxy probes.
   */
  PassSettings passSettings(
      LogFormat format, ReadOptions read, String serverName, FormatCatalog formats)
      throws RuleException, IOException {
    try {
      return new PassSettings(
          format,
          read,
          ruleOptions.rules().withServerNames(serverName == null ? List.of() : List.of(serverName)),
          HostAllowList.parse(allowed, !flagLoopback),
          TimeWindow.parse(since, until),
          formats,
          trustedProxies());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private TrustedProxies trustedProxies() {
    try {
      return TrustedProxies.parse(trustedProxies);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--trusted-proxy: " + e.getMessage());
    }
  }
}
