package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host-name checks and registrable domains by the Public Suffix List. */
public final class Domains {
  // safeKey's patterns, compiled once: it runs for every flagged host.
  private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern DOTS = Pattern.compile("\\.{2,}");
  private static final Pattern LEADING = Pattern.compile("^[.-]+");

  /** RFC 1123 labels; underscores occur in real reverse-DNS names, so they are let through. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?");

  private static final int MAX_NAME = 253;

  /** The longest key {@link #safeKey} gives. */
  private static final int MAX_KEY = 100;

  /** Hex digits of the digest that ends a key cut to {@link #MAX_KEY} (64 bits). */
  private static final int DIGEST_HEX = 16;

  private static final Pattern TRAILING = Pattern.compile("[.-]+$");

  private Domains() {}

  /**
   * The domain a host belongs to, lower-cased, e.g. {@code surf.wil.net -> wil.net}: the label just
   * under the ICANN public suffix. The private section of the list (github.io, dyndns names) is
   * deliberately not used: the operator of such a suffix is the one who answers abuse mail. Empty
   * for IP literals, bare suffixes, unknown suffixes and anything not a host name.
   */
  public static Optional<String> registrable(String host) {
    Optional<String> name = normalise(host);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      InternetDomainName domain = InternetDomainName.from(name.get());
      if (!domain.isUnderRegistrySuffix()) {
        return Optional.empty();
      }
      return Optional.of(domain.topDomainUnderRegistrySuffix().toString().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** True for an IPv4 or IPv6 literal, the latter also in brackets; never touches DNS. */
  public static boolean isIpLiteral(String host) {
    return host != null && InetAddresses.isInetAddress(unbracket(host));
  }

  /** True for a syntactically valid DNS host name (not an IP literal), e.g. {@code www.a.jp}. */
  public static boolean isHostName(String host) {
    return normalise(host).isPresent();
  }

  /**
   * The lower-cased host name without a trailing root dot, or empty when it is not a plain ASCII
   * host name: this is the gate that keeps CR, LF, '@', ',' and the like out of headers.
   */
  public static Optional<String> normalise(String host) {
    if (host == null || host.isEmpty() || isIpLiteral(host)) {
      return Optional.empty();
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    name = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return Optional.empty();
    }
    for (int start = 0, end; start <= name.length(); start = end + 1) {
      end = name.indexOf('.', start);
      end = end < 0 ? name.length() : end;
      if (!LABEL.matcher(name).region(start, end).matches()) {
        return Optional.empty();
      }
    }
    // An all-numeric top label would make "999.1.1.1" look like a name.
    String top = name.substring(name.lastIndexOf('.') + 1);
    if (top.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** The canonical text of an IP literal (RFC 5952 for IPv6), or empty when it is not one. */
  public static Optional<String> canonicalIp(String host) {
    if (!isIpLiteral(host)) {
      return Optional.empty();
    }
    return Optional.of(InetAddresses.toAddrString(InetAddresses.forString(unbracket(host))));
  }

  public static String unbracket(String host) {
    if (host.length() > 2 && host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    return host;
  }

  /**
   * Text made safe as a file name: lower case, only {@code a-z 0-9 . _ -}, no leading dot, no "..",
   * at most 100 characters; "contact" if nothing is left. A longer key is cut, without the dots and
   * dashes the cut leaves at its end, and ends in a dash and a digest of the whole: two long names
   * that begin alike (reverse-DNS names are up to 253 characters, and their owners choose them)
   * keep two keys, so their hosts are never put in one draft.
   */
  public static String safeKey(String text) {
    String key = UNSAFE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
    key = DOTS.matcher(key).replaceAll(".");
    key = LEADING.matcher(key).replaceAll("");
    if (key.length() > MAX_KEY) {
      String head = key.substring(0, MAX_KEY - DIGEST_HEX - 1);
      key = TRAILING.matcher(head).replaceAll("") + "-" + digest(key);
    }
    return key.isEmpty() ? "contact" : key;
  }

  /** The first 64 bits of the SHA-256 of {@code text}'s UTF-8, in hex. */
  static String digest(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, DIGEST_HEX / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
