package org.probehunt.contact;

import java.io.Serializable;

/**
 * What the registry data say of an address's network: its abuse mailbox (null when none is
 * published), the network as text ({@code 192.0.2.0/24}), its holder's name and id, and the
 * registry. Any field but the network may be null.
 */
public record NetworkContact(
    String mailbox, String network, String holder, String holderId, String registry)
    implements Serializable {}
