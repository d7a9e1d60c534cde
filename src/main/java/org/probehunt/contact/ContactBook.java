package org.probehunt.contact;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probehunt.parse.AddressRange;

/**
 * The contacts file ({@code --contacts}): who is told about address ranges (longest CIDR wins) and
 * domains (the most specific listed domain wins). Its contacts have keys of their own kind, {@code
 * file_NAME}, so that a row never stands in for a domain's or a mailbox's draft.
 */
public final class ContactBook implements Serializable {
  private static final long serialVersionUID = 2L;

  /** No contacts file. */
  public static final ContactBook EMPTY = new ContactBook(List.of(), Map.of());

  /** A contacts file entry: key, addresses and display name. */
  record Entry(String key, List<String> to, String name) implements Serializable {}

  /** A CIDR row of the contacts file. */
  record Block(AddressRange range, Entry entry) implements Serializable {}

  private final List<Block> blocks;
  private final Map<String, Entry> domains;

  ContactBook(List<Block> blocks, Map<String, Entry> domains) {
    this.blocks =
        blocks.stream().sorted(Comparator.comparing((Block b) -> b.range().size())).toList();
    this.domains = Map.copyOf(domains);
  }

  /**
   * Reads a contacts CSV: {@code CIDR-or-domain,address[,name]}, an optional header row, {@code #}
   * comments and blank lines. Errors read {@code contacts.csv:7: bad CIDR '...'}.
   */
  public static ContactBook load(java.io.Reader reader, String sourceName) throws ContactException {
    return ContactFile.read(reader, sourceName);
  }

  /**
   * The file's contact for a host: an address by its CIDR rows, a name by its domain rows; empty
   * when the file does not list it. {@code registry} (may be null) is carried along.
   */
  public Optional<Contact> contactOf(String host, RirInfo registry) {
    Optional<String> ip = Domains.canonicalIp(host);
    if (ip.isPresent()) {
      AddressRange address = AddressRange.ofAddress(ip.get()).orElseThrow();
      return blocks.stream()
          .filter(b -> b.range().contains(address))
          .findFirst()
          .map(b -> contact(b.entry(), registry));
    }
    Optional<String> name = Domains.normalise(host);
    for (String d = name.orElse(""); d.indexOf('.') > 0; d = d.substring(d.indexOf('.') + 1)) {
      Entry listed = domains.get(d);
      if (listed != null) {
        return Optional.of(contact(listed, registry));
      }
    }
    return Optional.empty();
  }

  /** Number of CIDR and domain entries, for the job's summary. */
  public int size() {
    return blocks.size() + domains.size();
  }

  private static Contact contact(Entry entry, RirInfo rir) {
    return new Contact(
        entry.key(),
        entry.to(),
        entry.name(),
        null,
        rir == null ? null : rir.country(),
        rir == null ? null : rir.registry());
  }
}
