package org.probehunt.parse;

import java.util.Locale;
import java.util.Optional;

/** The access-log layouts probehunt reads; detected per file, or forced with --format. */
public enum LogFormat {
  /** {@code %h %l %u %t "%r" %>s %b}. */
  COMMON("common"),
  /** Common plus {@code "%{Referer}i" "%{User-Agent}i"}. */
  COMBINED("combined"),
  /** {@code %v:%p} before a combined line (Apache's other_vhosts_access.log). */
  VHOST_COMBINED("vhost_combined"),
  /** nginx's combined layout, told apart by its {@code \xHH} escaping of quotes. */
  NGINX_COMBINED("nginx_combined"),
  /** Combined followed by more fields (X-Forwarded-For, request time, ...). */
  COMBINED_EXTRA("combined_extra");

  private final String label;

  LogFormat(String label) {
    this.label = label;
  }

  /** The name used in reports and by --format. */
  public String label() {
    return label;
  }

  /** The format with this label, ignoring case. */
  public static Optional<LogFormat> byLabel(String label) {
    String wanted = label.toLowerCase(Locale.ROOT);
    for (LogFormat f : values()) {
      if (f.label.equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
