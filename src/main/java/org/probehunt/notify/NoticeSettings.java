package org.probehunt.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import org.probehunt.contact.Domains;
import org.probehunt.report.Texts;

/**
 * How notices are written: the attacked server and its admin, the sender address (null for none),
 * the charset of Japanese drafts ({@code UTF-8} or {@code ISO-2022-JP}), how many log lines the
 * letter itself quotes, which X-ARF report to add (null for none), and the templates.
 */
public record NoticeSettings(
    String serverName,
    String adminName,
    String fromAddress,
    String jaCharset,
    int maxLines,
    XarfVersion xarf,
    TemplateSet templates)
    implements java.io.Serializable {
  /**
   * The settings as callers wrote them before X-ARF had versions: {@code xarf} true asks for the
   * current X-ARF (v4), false for none. Kept only until those callers pass a {@link XarfVersion}.
   */
  public NoticeSettings(
      String serverName,
      String adminName,
      String fromAddress,
      String jaCharset,
      int maxLines,
      boolean xarf,
      TemplateSet templates) {
    this(
        serverName,
        adminName,
        fromAddress,
        jaCharset,
        maxLines,
        xarf ? XarfVersion.V4 : XarfVersion.NONE,
        templates);
  }

  public NoticeSettings {
    if (serverName == null
        || !(Domains.isHostName(serverName) || Domains.isIpLiteral(serverName))) {
      throw new IllegalArgumentException(
          "server name must be a host name or address: '"
              + Texts.printable(String.valueOf(serverName))
              + "'");
    }
    adminName = adminName == null ? "" : adminName.strip();
    if (fromAddress != null) {
      try {
        InternetAddress parsed = new InternetAddress(fromAddress, true);
        parsed.validate();
        fromAddress = parsed.toString();
      } catch (AddressException e) {
        throw new IllegalArgumentException(
            "bad from address '" + Texts.printable(fromAddress) + "': " + e.getMessage(), e);
      }
    }
    jaCharset = jaCharset == null ? "UTF-8" : jaCharset.toUpperCase(Locale.ROOT);
    if (!jaCharset.equals("UTF-8") && !jaCharset.equals("ISO-2022-JP")) {
      throw new IllegalArgumentException(
          "Japanese charset must be UTF-8 or ISO-2022-JP, not '"
              + Texts.printable(jaCharset)
              + "'");
    }
    if (maxLines < 0) {
      throw new IllegalArgumentException("maxLines must not be negative: " + maxLines);
    }
    xarf = xarf == null ? XarfVersion.NONE : xarf;
    templates = templates == null ? TemplateSet.defaults() : templates;
  }
}
