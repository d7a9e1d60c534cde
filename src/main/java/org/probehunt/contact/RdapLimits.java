package org.probehunt.contact;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How gently the registries are asked. Each registry is asked over one connection at a time (RIPE
 * asks for at most three), with at least {@code spacing} between the starts of two requests; the
 * registries themselves are asked in parallel. Defaults:
 *
 * <ul>
 *   <li>lacnic 6 s: LACNIC allows about 10 queries a minute;
 *   <li>ripencc 0.5 s: RIPE limits concurrent connections (three), which one connection keeps;
 *   <li>arin and apnic 1 s, afrinic and any other server 2 s: chosen to be safe, not fast.
 * </ul>
 *
 * {@code timeout} bounds each request (default 10 s); a {@code 429}'s Retry-After is waited out
 * while the waits for one address add up to no more than {@code patience} (default 60 s).
 */
public record RdapLimits(
    Map<String, Duration> spacing, Duration otherSpacing, Duration timeout, Duration patience) {

  private static final Map<String, Duration> DEFAULT_SPACING =
      Map.of(
          "lacnic", Duration.ofSeconds(6),
          "afrinic", Duration.ofSeconds(2),
          "arin", Duration.ofSeconds(1),
          "apnic", Duration.ofSeconds(1),
          "ripencc", Duration.ofMillis(500));

  public RdapLimits {
    spacing = Map.copyOf(spacing);
    spacing.values().forEach(d -> requireNotNegative(d, "spacing"));
    requireNotNegative(otherSpacing, "spacing");
    requireNotNegative(patience, "patience");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("RDAP timeout must be positive: " + timeout);
    }
  }

  /** The defaults above. */
  public static RdapLimits defaults() {
    return new RdapLimits(
        DEFAULT_SPACING, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  /** The same limits with another spacing for one registry (see {@link RdapBootstrap#registry}). */
  public RdapLimits withSpacing(String registry, Duration between) {
    Map<String, Duration> copy = new HashMap<>(spacing);
    copy.put(registry, between);
    return new RdapLimits(copy, otherSpacing, timeout, patience);
  }

  public RdapLimits withTimeout(Duration perRequest) {
    return new RdapLimits(spacing, otherSpacing, perRequest, patience);
  }

  public RdapLimits withPatience(Duration retryWaits) {
    return new RdapLimits(spacing, otherSpacing, timeout, retryWaits);
  }

  /** The least time between the starts of two requests to the registry. */
  public Duration spacingFor(String registry) {
    return spacing.getOrDefault(registry, otherSpacing);
  }

  private static void requireNotNegative(Duration duration, String what) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("RDAP " + what + " must not be negative: " + duration);
    }
  }
}
