package org.probehunt.contact;

import java.util.Locale;

/**
 * Where a host's contact came from, in the order they are tried (hosts.csv {@code contact_source}).
 */
public enum ContactSource {
  /** A row of {@code --contacts}. */
  CONTACTS_FILE,
  /** The abuse mailbox of the address's network in the registries' whois dumps. */
  WHOIS_DB,
  /** The abuse mailbox the registry's RDAP server gave for the address. */
  RDAP,
  /** postmaster@ and abuse@ the domain of the address's reverse-DNS name ({@code --resolve}). */
  REVERSE_DNS,
  /** postmaster@ and abuse@ the host name's own registrable domain. */
  DOMAIN,
  /** No mailbox known: hosts of one registry holder share one unaddressed draft. */
  HOLDER,
  /** No registry data at all: one unaddressed draft per /24 (IPv4) or /48 (IPv6). */
  NETWORK,
  /** A host name that is neither valid nor under a public suffix: its own unaddressed draft. */
  NAME,
  /** Private, loopback, documentation and other special-use addresses: never drafted. */
  SPECIAL_USE;

  /** The name written in the reports, e.g. {@code whois-db}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
