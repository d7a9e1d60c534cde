package org.probehunt.contact;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who hears about a host, trying the sources in their order: the contacts file, the whois
 * dumps, RDAP, the reverse-DNS name's domain, the host name's own domain, and else an unaddressed
 * draft shared by the registry holder's hosts, or by the hosts of one /24 or /48. Everything it
 * needs was gathered beforehand, so it asks nothing of the network and can be shipped to the tasks
 * that build the reports.
 */
public final class ContactResolver implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ContactBook book;
  private final RirStats rir;
  private final NetworkDirectory whois;
  private final NetworkDirectory rdap;
  private final Map<String, String> reverseNames;
  private final Map<String, String> notes;
  private final Set<String> ownDomains;

  /**
   * @param rir delegation statistics, or null
   * @param reverseNames the reverse-DNS names of addresses (canonical text), from --resolve
   * @param notes why lookups of addresses failed, reported with their hosts
   * @param ownDomains the registrable domains of the attacked server's own names ({@link
   *     #ownDomains}): a host name or reverse-DNS name in one of them is never mailed, since
   *     whoever owns an address may give it any name in reverse DNS, the server's own among them
   */
  public ContactResolver(
      ContactBook book,
      RirStats rir,
      NetworkDirectory whois,
      NetworkDirectory rdap,
      Map<String, String> reverseNames,
      Map<String, String> notes,
      Set<String> ownDomains) {
    this.book = book;
    this.rir = rir;
    this.whois = whois;
    this.rdap = rdap;
    this.reverseNames = Map.copyOf(reverseNames);
    this.notes = Map.copyOf(notes);
    this.ownDomains = Set.copyOf(ownDomains);
  }

  /** The registrable domain of {@code serverName}, as a set of none or one. */
  public static Set<String> ownDomains(String serverName) {
    return serverName == null
        ? Set.of()
        : Domains.registrable(serverName).map(Set::of).orElse(Set.of());
  }

  /** The assignment of one host, an address or a name as the log gives it. */
  public Assignment assign(String host) {
    Optional<String> ip = Domains.canonicalIp(host);
    if (ip.isEmpty()) {
      return assignName(host);
    }
    Assignment a = assignAddress(ip.get());
    String note = notes.get(ip.get());
    return note == null
        ? a
        : new Assignment(
            a.domain(), a.contact(), a.source(), a.abuse(), a.network(), a.holder(), note);
  }

  /**
   * The host's name: the host itself when the log gives a name, else its reverse-DNS name when the
   * run looked it up (--resolve); empty for an address without one.
   */
  public Optional<String> nameOf(String host) {
    Optional<String> ip = Domains.canonicalIp(host);
    return ip.isEmpty() ? Optional.of(host) : Optional.ofNullable(reverseNames.get(ip.get()));
  }

  private Assignment assignName(String host) {
    Optional<Contact> listed = book.contactOf(host, null);
    String domain = Domains.registrable(host).orElse(null);
    if (listed.isPresent()) {
      return new Assignment(
          domain, listed.get(), ContactSource.CONTACTS_FILE, null, null, null, null);
    }
    if (domain != null && !ownDomains.contains(domain)) {
      return new Assignment(
          domain, domainContact(domain, null), ContactSource.DOMAIN, null, null, null, null);
    }
    Contact unknown =
        new Contact(ContactKeys.name(host), List.of(), null, LookupHints.forName(), null, null);
    return new Assignment(
        null,
        unknown,
        ContactSource.NAME,
        null,
        null,
        null,
        domain == null ? null : "name in the server's own domain " + domain + ": not mailed");
  }

  private Assignment assignAddress(String ip) {
    if (SpecialUse.contains(ip)) {
      return new Assignment(null, null, ContactSource.SPECIAL_USE, null, null, null, null);
    }
    RirInfo info = rir == null ? null : rir.lookup(ip).orElse(null);
    String registry = info == null ? null : info.registry();
    Optional<NetworkContact> fromWhois = whois.lookup(ip, registry);
    Optional<NetworkContact> fromRdap = rdap.lookup(ip, registry);
    NetworkContact net = fromWhois.or(() -> fromRdap).orElse(null);
    String network = net == null ? null : net.network();
    String holder = net == null ? null : net.holder();
    String reverse = reverseNames.get(ip);
    String domain =
        reverse == null
            ? null
            : Domains.registrable(reverse).filter(d -> !ownDomains.contains(d)).orElse(null);

    Optional<Contact> listed =
        book.contactOf(ip, info).or(() -> book.contactOf(reverse == null ? "" : reverse, info));
    if (listed.isPresent()) {
      return new Assignment(
          domain, listed.get(), ContactSource.CONTACTS_FILE, mailbox(net), network, holder, null);
    }
    for (Map.Entry<ContactSource, Optional<NetworkContact>> source :
        List.of(
            Map.entry(ContactSource.WHOIS_DB, fromWhois),
            Map.entry(ContactSource.RDAP, fromRdap))) {
      NetworkContact found = source.getValue().filter(n -> n.mailbox() != null).orElse(null);
      if (found != null) {
        Contact contact =
            new Contact(
                ContactKeys.mailbox(found.mailbox()),
                List.of(found.mailbox()),
                found.mailbox(),
                null,
                country(info),
                registry(info, found));
        return new Assignment(
            domain,
            contact,
            source.getKey(),
            found.mailbox(),
            found.network(),
            found.holder(),
            null);
      }
    }
    if (domain != null) {
      return new Assignment(
          domain,
          domainContact(domain, info),
          ContactSource.REVERSE_DNS,
          null,
          network,
          holder,
          null);
    }
    return unaddressed(ip, info, net);
  }

  /** No mailbox anywhere: the holder's shared draft, else the /24's or /48's. */
  private static Assignment unaddressed(String ip, RirInfo info, NetworkContact net) {
    String hint = LookupHints.forIp(ip, info);
    String registry = registry(info, net);
    // The holder's handle, else the statistics' opaque id, else the name the registry data give
    // (APNIC's networks often name no organisation, and their mailboxes are masked).
    String holderId =
        net != null && net.holderId() != null
            ? net.holderId()
            : info != null && info.holder() != null
                ? info.holder()
                : net == null ? null : net.holder();
    String holderName = net != null && net.holder() != null ? net.holder() : holderId;
    String network = net == null ? null : net.network();
    if (holderId != null) {
      Contact contact =
          new Contact(
              ContactKeys.holder(registry, holderId),
              List.of(),
              holderName,
              hint,
              country(info),
              registry);
      return new Assignment(null, contact, ContactSource.HOLDER, null, network, holderName, null);
    }
    String block = Networks.around(ip);
    Contact contact =
        new Contact(ContactKeys.network(block), List.of(), block, hint, country(info), registry);
    return new Assignment(
        null, contact, ContactSource.NETWORK, null, network == null ? block : network, null, null);
  }

  private static Contact domainContact(String domain, RirInfo info) {
    return new Contact(
        ContactKeys.domain(domain),
        List.of("postmaster@" + domain, "abuse@" + domain),
        domain,
        null,
        country(info),
        info == null ? null : info.registry());
  }

  private static String mailbox(NetworkContact net) {
    return net == null ? null : net.mailbox();
  }

  private static String country(RirInfo info) {
    return info == null ? null : info.country();
  }

  private static String registry(RirInfo info, NetworkContact net) {
    if (info != null) {
      return info.registry();
    }
    return net == null ? null : net.registry();
  }
}
