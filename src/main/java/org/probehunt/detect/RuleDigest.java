package org.probehunt.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.probehunt.parse.TrustedProxies;

/**
 * A fingerprint of what decides whether a request is a probe: two runs with equal digests flagged
 * by the same rules, in the same order, with the same hosts allowed, the same server names and the
 * same trusted proxies (which decide whose request a line is).
 */
public final class RuleDigest {
  private RuleDigest() {}

  /**
   * The SHA-256 of the canonical text of {@code rules} and {@code allow}, as 64 lower-case hex
   * digits. Where a rule was written (file and line) and its examples are left out: moving a rule
   * file or adding an example changes no result.
   */
  public static String of(RuleSet rules, HostAllowList allow) {
    return of(rules, allow, TrustedProxies.NONE);
  }

  /**
   * As {@link #of(RuleSet, HostAllowList)}, with the --trusted-proxy blocks in their canonical
   * order; without any, the digest is the one earlier versions wrote, so old runs still compare.
   */
  public static String of(RuleSet rules, HostAllowList allow, TrustedProxies proxies) {
    return HexFormat.of().formatHex(sha256(canonical(rules, allow, proxies)));
  }

  /**
   * The rule set as text. Each value is written with its length before it, so that no pattern or
   * description, whatever characters it holds, can make two different sets read the same.
   */
  static String canonical(RuleSet rules, HostAllowList allow, TrustedProxies proxies) {
    StringBuilder text = new StringBuilder("probehunt-rules-1\n");
    for (Rule rule : rules.rules()) {
      text.append("rule");
      field(text, rule.id());
      field(text, rule.category());
      field(text, rule.field().name());
      field(text, rule.kind().name());
      field(text, rule.statusText());
      field(text, rule.description());
      field(text, rule.reference());
      list(text, rule.patterns());
      text.append('\n');
    }
    text.append("allow");
    list(text, allow.canonical());
    text.append("\nserver");
    list(text, List.copyOf(rules.serverNames()));
    if (!proxies.isEmpty()) {
      text.append("\nproxies");
      list(text, proxies.canonical());
    }
    return text.append('\n').toString();
  }

  private static void list(StringBuilder text, List<String> values) {
    text.append(' ').append(values.size());
    values.forEach(v -> field(text, v));
  }

  private static void field(StringBuilder text, String value) {
    String v = value == null ? "" : value;
    text.append(' ').append(v.length()).append(':').append(v);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
