package org.probehunt.notify;

import java.util.Optional;

/** Which X-ARF report a draft carries: none, the current v4 JSON, or the retired 0.2 YAML. */
public enum XarfVersion {
  /** A letter with the log lines, and nothing machine-readable. */
  NONE("none"),
  /** XARF v4: {@code xarf.json} in a multipart/report message (RFC 6522, Feedback-Type xarf). */
  V4("4"),
  /** X-ARF 0.2: {@code report.txt} (YAML) in multipart/mixed with {@code X-XARF: PLAIN}. */
  V0_2("0.2");

  private final String label;

  XarfVersion(String label) {
    this.label = label;
  }

  /** The name --xarf takes: {@code 4} or {@code 0.2} ({@code none} for no report). */
  public String label() {
    return label;
  }

  /** The version with this label, or empty. */
  public static Optional<XarfVersion> byLabel(String label) {
    for (XarfVersion v : values()) {
      if (v.label.equals(label)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
