package org.probehunt.contact;

import com.google.common.net.InetAddresses;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides who is told about a host: the contacts file first (longest CIDR, then the most
 * specific listed domain), then postmaster@ and abuse@ of the registrable domain (RFC 2142),
 * else a contact without address and a hint on how to look it up.
 */
public final class ContactBook implements Serializable {
  private static final long serialVersionUID = 1L;

  /** No contacts file: defaults only. */
  public static final ContactBook EMPTY = new ContactBook(List.of(), Map.of());

  /** A contacts file entry: key, addresses and optional display name. */
  record Entry(String key, List<String> to, String name) implements Serializable {}

  /** A CIDR row of the contacts file. */
  record Block(Cidr cidr, Entry entry) implements Serializable {}

  private final List<Block> blocks;
  private final Map<String, Entry> domains;

  ContactBook(List<Block> blocks, Map<String, Entry> domains) {
    this.blocks = blocks.stream()
        .sorted(Comparator.comparingInt((Block b) -> b.cidr().prefix()).reversed())
        .toList();
    this.domains = Map.copyOf(domains);
  }

  /**
   * Reads a contacts CSV: {@code CIDR-or-domain,address[,name]}, an optional header row,
   * {@code #} comments and blank lines. Errors read {@code contacts.csv:7: bad CIDR '...'}.
   */
  public static ContactBook load(java.io.Reader reader, String sourceName)
      throws ContactException {
    return ContactFile.read(reader, sourceName);
  }

  /** The contact for a host, given the registry data of its address (null when unknown). */
  public Contact contactOf(String host, RirInfo rir) {
    String country = rir == null ? null : rir.country();
    String registry = rir == null ? null : rir.registry();
    Optional<String> ip = Domains.canonicalIp(host);
    if (ip.isPresent()) {
      InetAddress address = InetAddresses.forString(ip.get());
      for (Block block : blocks) {
        if (block.cidr().contains(address)) {
          return contact(block.entry(), country, registry);
        }
      }
      String key = Domains.safeKey("ip-" + ip.get().replace(':', '-'));
      return new Contact(key, List.of(), ip.get(), LookupHints.forIp(ip.get(), rir), country,
          registry);
    }
    Optional<String> name = Domains.normalise(host);
    if (name.isPresent()) {
      for (String d = name.get(); d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
        Entry listed = domains.get(d);
        if (listed != null) {
          return contact(listed, country, registry);
        }
      }
      Optional<String> domain = Domains.registrable(host);
      if (domain.isPresent()) {
        String d = domain.get();
        return new Contact(d, List.of("postmaster@" + d, "abuse@" + d), d, null, country,
            registry);
      }
    }
    // Invalid or hostile names: the key is sanitised and the name itself goes nowhere near a header.
    return new Contact("host-" + Domains.safeKey(host == null ? "" : host), List.of(), null,
        LookupHints.forName(), country, registry);
  }

  /** Number of CIDR and domain entries, for the job's summary. */
  public int size() {
    return blocks.size() + domains.size();
  }

  private static Contact contact(Entry entry, String country, String registry) {
    return new Contact(entry.key(), entry.to(), entry.name(), null, country, registry);
  }
}
