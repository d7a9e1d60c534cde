package org.probehunt.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Campaigns: hosts that sent the same set of probes, as one scanning kit run from many places shows
 * up. A campaign's id comes from its rule set alone, so that the same kit keeps its id from one
 * month's run to the next; the job groups the hosts by it.
 */
public final class Campaigns {
  private Campaigns() {}

  /** The stable id of a rule set (rule ids joined by ';'): {@code c-} and 8 hex digits. */
  public static String idOf(String joinedRules) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(joinedRules.getBytes(StandardCharsets.UTF_8));
      return "c-" + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
