package org.probehunt.contact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who hears about each flagged host: its registrable domain, its contact, and the hosts each
 * contact hears about. Groups are ordered by contact key, hosts within a group by name.
 */
public final class ContactGroups {
  /** A host's registrable domain (null when it has none) and its contact. */
  public record Assigned(String domain, Contact contact) {}

  /** A contact and the flagged hosts it hears about. */
  public record Group(Contact contact, List<HostFinding> hosts) {
    public long probes() {
      return hosts.stream().mapToLong(HostFinding::probes).sum();
    }

    public long requests() {
      return hosts.stream().mapToLong(HostFinding::requests).sum();
    }

    /** The earliest first_seen of the hosts, compared as instants. */
    public String firstSeen() {
      return hosts.stream().map(HostFinding::firstSeen).min(BY_INSTANT).orElse(null);
    }

    /** The latest last_seen of the hosts, compared as instants. */
    public String lastSeen() {
      return hosts.stream().map(HostFinding::lastSeen).max(BY_INSTANT).orElse(null);
    }

    /** The registry's country of the addresses, else a domain's country-code TLD (JP for .jp). */
    public Optional<String> country() {
      if (contact.country() != null) {
        return Optional.of(contact.country());
      }
      String key = contact.key();
      int dot = key.lastIndexOf('.');
      String tld = dot < 0 ? "" : key.substring(dot + 1);
      // Only a real domain contact: the key of a name that is no host name is not a domain.
      return tld.length() == 2 && contact.hasAddress() && Domains.registrable(key).isPresent()
          ? Optional.of(tld.toUpperCase(Locale.ROOT))
          : Optional.empty();
    }

    /** The 1998 guide's "is it a provider?" step: the domain's web site, for domain contacts. */
    public Optional<String> checkUrl() {
      String key = contact.key();
      return Domains.registrable(key).filter(key::equals).map(d -> "http://www." + d + "/");
    }
  }

  private static final Comparator<String> BY_INSTANT =
      Comparator.comparing(t -> OffsetDateTime.parse(t).toInstant());

  private final Map<String, Assigned> byHost;
  private final List<Group> groups;

  private ContactGroups(Map<String, Assigned> byHost, List<Group> groups) {
    this.byHost = byHost;
    this.groups = groups;
  }

  /**
   * Assigns every host a contact. With {@code dns} (--resolve), an IP host is grouped under the
   * domain of its reverse name; {@code rir} (may be null) gives the country of addresses.
   */
  public static ContactGroups assign(
      List<HostFinding> hosts, ContactBook book, RirStats rir, ReverseDns dns) {
    Map<String, Assigned> byHost = new HashMap<>();
    Map<String, List<HostFinding>> members = new TreeMap<>();
    Map<String, Contact> contacts = new HashMap<>();
    for (HostFinding h : hosts) {
      boolean ip = Domains.isIpLiteral(h.host());
      String name = ip && dns != null ? dns.lookup(h.host()).orElse(h.host()) : h.host();
      RirInfo info = ip && rir != null ? rir.lookup(h.host()).orElse(null) : null;
      Contact contact = distinctKey(book.contactOf(name, info), contacts);
      byHost.put(h.host(), new Assigned(Domains.registrable(name).orElse(null), contact));
      contacts.putIfAbsent(contact.key(), contact);
      members.computeIfAbsent(contact.key(), k -> new ArrayList<>()).add(h);
    }
    List<Group> groups = new ArrayList<>(members.size());
    members.forEach(
        (key, list) -> {
          list.sort(Comparator.comparing(HostFinding::host));
          groups.add(new Group(contacts.get(key), List.copyOf(list)));
        });
    return new ContactGroups(byHost, groups);
  }

  /**
   * The contact under a key no other contact uses: two contacts-file rows may share a name
   * (or a file row the name of a domain) yet go to different addresses, and each must keep
   * its own group and draft. Hosts come sorted, so the suffixes are the same run after run.
   */
  private static Contact distinctKey(Contact contact, Map<String, Contact> taken) {
    String key = contact.key();
    for (int n = 2; taken.containsKey(key) && !sameRecipients(taken.get(key), contact); n++) {
      key = contact.key() + "-" + n;
    }
    return key.equals(contact.key())
        ? contact
        : new Contact(key, contact.to(), contact.name(), contact.lookupHint(), contact.country(), contact.registry());
  }

  private static boolean sameRecipients(Contact a, Contact b) {
    return a.to().equals(b.to()) && Objects.equals(a.name(), b.name());
  }

  /** The assignment of a host given to {@link #assign}. */
  public Assigned of(String host) {
    return byHost.get(host);
  }

  /** Every group, by contact key. */
  public List<Group> groups() {
    return groups;
  }

  /** The groups to draft notices for: all, or those of one country (--country). */
  public List<Group> drafted(String country) {
    return country == null
        ? groups
        : groups.stream()
            .filter(g -> g.country().filter(country::equalsIgnoreCase).isPresent())
            .toList();
  }
}
