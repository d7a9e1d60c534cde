package org.probehunt.contact;

import java.time.Instant;

/**
 * An IP network as an RDAP server described it: its first and last address (canonical text), the
 * registry that answered, the abuse mailbox (null when it has none), the holder, the network's
 * handle and when it was fetched. One line of the RDAP cache.
 */
public record RdapNetwork(
    String first,
    String last,
    String registry,
    String mailbox,
    String holder,
    String handle,
    Instant fetched) {}
