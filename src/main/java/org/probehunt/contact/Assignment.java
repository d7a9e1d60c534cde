package org.probehunt.contact;

import java.io.Serializable;

/**
 * Who hears about one host.
 *
 * @param domain the host's registrable domain (of its reverse name for an address), or null
 * @param contact the contact its notice goes to; null for special-use addresses, never drafted
 * @param source where the contact came from
 * @param abuse the network's abuse mailbox from registry data, or null
 * @param network the address's network as the registry data give it, or null
 * @param holder the network's holder, or null
 * @param note why a lookup of the host's contact failed (e.g. {@code rdap: timeout}), or null
 */
public record Assignment(
    String domain,
    Contact contact,
    ContactSource source,
    String abuse,
    String network,
    String holder,
    String note)
    implements Serializable {
  /** Whether a notice is drafted for the host at all. */
  public boolean drafted() {
    return contact != null;
  }
}
