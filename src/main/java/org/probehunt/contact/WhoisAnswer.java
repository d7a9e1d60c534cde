package org.probehunt.contact;

import java.io.Serializable;
import org.probehunt.parse.AddressRange;

/**
 * Whom the registries' dumps say to write to about an address.
 *
 * @param mailbox the abuse mailbox; null when only the network and its holder are known
 * @param network the most specific network holding the address, which decides
 * @param netname that network's netname; null for LACNIC's, which have none
 * @param holder its org-name, else its org handle, else its owner, else its netname; nullable
 * @param holderId its org handle, else its owner-id; nullable
 * @param registry the registry whose dump held it (ripencc, apnic, afrinic, lacnic, arin)
 * @param mailboxHandle the role or irt handle that gave the mailbox; null with no mailbox
 */
public record WhoisAnswer(
    String mailbox,
    AddressRange network,
    String netname,
    String holder,
    String holderId,
    String registry,
    String mailboxHandle)
    implements Serializable {}
