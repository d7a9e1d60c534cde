package org.probehunt.contact;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contact keys, which name the drafts ({@code notices/KEY.en.eml}) and group hosts. Each kind has a
 * form no other kind can take, so two kinds of contact never share a key: a domain is a registrable
 * name ({@code wil.net}), a mailbox holds {@code @}, and the others start with their kind and hold
 * no dot ({@code file_}, {@code holder_}, {@code net_}, {@code host_}).
 */
public final class ContactKeys {
  /** A mailbox that is its own key (see {@link #mailbox}). */
  private static final Pattern PLAIN_MAILBOX =
      Pattern.compile("[a-z0-9._+-]{1,64}@[a-z0-9.-]{1,100}");

  private ContactKeys() {}

  /** A registrable domain's key: the domain itself. */
  public static String domain(String domain) {
    return domain;
  }

  /**
   * Whether {@code key} is a domain's key. Other kinds of key hold no dot, or an '@': those without
   * a dot are told at once, not by the Public Suffix List refusing each one (a busy month's address
   * blocks are thousands).
   */
  public static boolean isDomain(String key) {
    return key.indexOf('.') >= 0 && Domains.registrable(key).filter(key::equals).isPresent();
  }

  /** A mailbox's key: the address in lower case, or a hash of it if it has unusual characters. */
  public static String mailbox(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    return PLAIN_MAILBOX.matcher(lower).matches() && !lower.startsWith(".")
        ? lower
        : "mailbox_" + Domains.digest(lower) + "@";
  }

  /** A registry holder's key, e.g. {@code holder_ripencc_org-ex1-ripe}. */
  public static String holder(String registry, String id) {
    return "holder_" + plain(registry == null ? "unknown" : registry) + "_" + plain(id);
  }

  /** An address block's key, e.g. {@code net_198-51-100-0_24}. */
  public static String network(String cidr) {
    return "net_" + plain(cidr.replace('/', '_'));
  }

  /** The key of a host name that is no registrable domain's, made safe. */
  public static String name(String host) {
    return "host_" + plain(host == null ? "" : host);
  }

  /** Safe file-name text without dots, so that it can never read as a domain. */
  private static String plain(String text) {
    return Domains.safeKey(text).replace('.', '-');
  }
}
