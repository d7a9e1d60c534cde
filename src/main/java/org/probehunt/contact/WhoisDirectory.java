package org.probehunt.contact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probehunt.contact.WhoisRecord.AbuseMailbox;
import org.probehunt.contact.WhoisRecord.Network;
import org.probehunt.contact.WhoisRecord.Organisation;
import org.probehunt.parse.AddressRange;

/**
 * The abuse mailboxes of flagged addresses, from what the registries' bulk whois dumps contributed
 * (see {@link WhoisRecord}). The most specific network holding an address decides, and its mailbox
 * comes in RIPE's own order: the network's {@code abuse-c} role, else its {@code org}'s {@code
 * abuse-c} role, else its {@code mnt-irt}, else the same on the next less specific network; never
 * {@code admin-c}, {@code tech-c} or {@code e-mail}. Handles resolve within the network's own
 * registry. One registry's networks are taken to nest, as registries' data do.
 */
public final class WhoisDirectory implements Serializable {
  private static final long serialVersionUID = 1L;

  private final NetworkTree all;
  private final Map<String, NetworkTree> byRegistry = new HashMap<>();
  private final Map<String, AbuseMailbox> mailboxes = new HashMap<>();
  private final Map<String, Organisation> organisations = new HashMap<>();

  private WhoisDirectory(Collection<? extends WhoisRecord> records) {
    List<Network> networks = new ArrayList<>();
    Map<String, List<Network>> perRegistry = new HashMap<>();
    for (WhoisRecord record : records) {
      String key = key(record.registry(), record.handle());
      if (record instanceof Network n) {
        networks.add(n);
        if (n.registry() != null) {
          perRegistry.computeIfAbsent(n.registry(), r -> new ArrayList<>()).add(n);
        }
      } else if (record instanceof Organisation o) {
        organisations.putIfAbsent(key, o);
      } else if (record instanceof AbuseMailbox m) {
        mailboxes.putIfAbsent(m.kind() + key, m);
      }
    }
    all = new NetworkTree(networks);
    perRegistry.forEach((registry, list) -> byRegistry.put(registry, new NetworkTree(list)));
  }

  /** A directory of the records kept from every dump. */
  public static WhoisDirectory of(Collection<? extends WhoisRecord> records) {
    return new WhoisDirectory(records);
  }

  /**
   * The records a directory needs: every network, the organisations networks name, and the roles
   * and irts that networks or those organisations name. Drops the contact objects of networks that
   * hold no flagged address before they travel to the driver.
   */
  public static List<WhoisRecord> needed(Collection<? extends WhoisRecord> records) {
    Set<String> named = new HashSet<>();
    for (WhoisRecord record : records) {
      if (record instanceof Network n) {
        n.named().forEach(handle -> named.add(key(n.registry(), handle)));
      }
    }
    Set<String> namedByOrgs = new HashSet<>();
    List<WhoisRecord> kept = new ArrayList<>();
    for (WhoisRecord record : records) {
      if (record instanceof Organisation o && named.contains(key(o.registry(), o.handle()))) {
        o.named().forEach(handle -> namedByOrgs.add(key(o.registry(), handle)));
        kept.add(o);
      } else if (record instanceof Network) {
        kept.add(record);
      }
    }
    for (WhoisRecord record : records) {
      String key = key(record.registry(), record.handle());
      if (record instanceof AbuseMailbox && (named.contains(key) || namedByOrgs.contains(key))) {
        kept.add(record);
      }
    }
    return kept;
  }

  /** The number of networks held. */
  public int networks() {
    return all.size();
  }

  /**
   * Whom to write to about {@code ip}; {@code registry} (nullable), the authoritative registry from
   * the delegation statistics, limits the search to that registry's networks. Empty when no network
   * holds the address; an answer without mailbox when no mailbox is found for it.
   */
  public Optional<WhoisAnswer> abuseOf(String ip, String registry) {
    Optional<AddressRange> address = AddressRange.ofAddress(ip);
    NetworkTree tree =
        registry == null ? all : byRegistry.get(registry.strip().toLowerCase(Locale.ROOT));
    if (address.isEmpty() || tree == null) {
      return Optional.empty();
    }
    List<Network> holding = tree.holding(address.get());
    if (holding.isEmpty()) {
      return Optional.empty();
    }
    AbuseMailbox found = null;
    for (int i = 0; i < holding.size() && found == null; i++) {
      found = mailboxOf(holding.get(i));
    }
    return Optional.of(answer(holding.get(0), found));
  }

  private AbuseMailbox mailboxOf(Network network) {
    AbuseMailbox found = first(AbuseMailbox.Kind.ROLE, network.registry(), network.abuseC());
    Organisation org =
        network.org() == null ? null : organisations.get(key(network.registry(), network.org()));
    if (found == null && org != null) {
      found = first(AbuseMailbox.Kind.ROLE, network.registry(), org.abuseC());
    }
    return found != null
        ? found
        : first(AbuseMailbox.Kind.IRT, network.registry(), network.mntIrt());
  }

  private AbuseMailbox first(AbuseMailbox.Kind kind, String registry, List<String> handles) {
    for (String handle : handles) {
      AbuseMailbox mailbox = mailboxes.get(kind + key(registry, handle));
      if (mailbox != null) {
        return mailbox;
      }
    }
    return null;
  }

  private WhoisAnswer answer(Network network, AbuseMailbox found) {
    Organisation org =
        network.org() == null ? null : organisations.get(key(network.registry(), network.org()));
    String holder =
        org != null && org.name() != null
            ? org.name()
            : network.org() != null
                ? network.org()
                : network.owner() != null ? network.owner() : network.netname();
    String holderId = network.org() != null ? network.org() : network.ownerId();
    return new WhoisAnswer(
        found == null ? null : found.mailbox(),
        network.range(),
        network.netname(),
        holder,
        holderId,
        network.registry(),
        found == null ? null : found.handle());
  }

  /** The key a handle is known by within its registry's data. */
  public static String key(String registry, String handle) {
    return (registry == null ? "" : registry) + "|" + handle;
  }
}
