package org.probehunt.input;

import java.util.Locale;
import java.util.regex.Pattern;

/** The file name rules: which names are access logs, which are archives, which are hidden. */
public final class LogNames {

  /**
   * "access", then "log" as a word of its own (after '.', '_', '-', or right after "access"), then
   * nothing or a separator and any rotation suffix: access_log, access.log.2.gz,
   * ssl_access_log-20251001, other_vhosts_access.log.1, example.com-access.2025-10-01.log.
   */
  private static final Pattern ACCESS_LOG =
      Pattern.compile("(?i).*access(?:.*[._-])?log(?:[._-].*)?");

  /**
   * The names servers and clouds give their own logs: IIS's {@code u_ex251001.log} (also {@code
   * ex251001.log}, hourly {@code u_ex25100113.log}, {@code _x} for custom fields) and CloudFront's
   * {@code E2EXAMPLE.2025-10-01-00.a1b2c3d4.gz}, AWS load balancers' {@code
   * 123456789012_elasticloadbalancing_ap-northeast-1_app.web..._20251001T0000Z_....log.gz} and JSON
   * access logs such as Caddy's {@code access.json} or {@code site-access.json.1}, and mod_ssl's
   * {@code ssl_request_log} with its rotation suffixes; any of them compressed too.
   */
  private static final Pattern SERVICE_LOG =
      Pattern.compile(
          "(?i)(?:(?:u_)?ex\\d{4,8}(?:_x)?\\.log"
              + "|[a-z0-9]+\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[0-9a-f]{8}"
              + "|.*_elasticloadbalancing_.*\\.log"
              + "|.*access(?:[._-].*)?\\.json(?:\\.\\d+)?"
              + "|ssl_request_log(?:[._-][a-z0-9._-]*)?)"
              + "(?:\\.(?:gz|bz2|xz|zst|z|lz4))?");

  /** Names that contain the words but are pages, scripts or editor files, not logs. */
  private static final Pattern NOT_A_LOG =
      Pattern.compile(
          "(?i).*\\.(?:html?|php|py|pl|rb|sh|js|css|conf|cfg|ini|json|ya?ml|xml|md|swp|pid|lock)");

  private static final String[] ARCHIVE_SUFFIXES = {
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz2",
    ".tbz",
    ".tar.xz",
    ".txz",
    ".tar.zst",
    ".tzst",
    ".tar.z",
    ".taz",
    ".tar.lz4",
    ".zip"
  };

  private LogNames() {}

  /**
   * True for the names Apache and its distributions give access logs, rotated or not, and those of
   * IIS, CloudFront and AWS load balancer logs, and JSON access logs.
   */
  public static boolean looksLikeAccessLog(String baseName) {
    return (ACCESS_LOG.matcher(baseName).matches() && !NOT_A_LOG.matcher(baseName).matches())
        || SERVICE_LOG.matcher(baseName).matches();
  }

  /** True for names of archives that are opened to look for logs inside. */
  public static boolean isArchive(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : ARCHIVE_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** True for names Hadoop treats as hidden: dot files and markers such as _SUCCESS. */
  public static boolean isHidden(String baseName) {
    return baseName.startsWith(".") || baseName.startsWith("_");
  }

  /** The part after the last '/' (or '\', which Windows zip tools write). */
  public static String baseName(String name) {
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '/' || name.charAt(end - 1) == '\\')) {
      end--;
    }
    int slash = Math.max(name.lastIndexOf('/', end - 1), name.lastIndexOf('\\', end - 1));
    return name.substring(slash + 1, end);
  }
}
