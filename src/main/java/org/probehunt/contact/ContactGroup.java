package org.probehunt.contact;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A contact and the flagged hosts it hears about, sorted by host: what one notice covers. */
public record ContactGroup(Contact contact, List<HostFinding> hosts) {
  public ContactGroup {
    hosts = List.copyOf(hosts);
  }

  public long probes() {
    return hosts.stream().mapToLong(HostFinding::probes).sum();
  }

  public long requests() {
    return hosts.stream().mapToLong(HostFinding::requests).sum();
  }

  /** The registry's country of the contact's addresses, else a domain's ccTLD (JP for .jp). */
  public static Optional<String> country(Contact contact) {
    if (contact.country() != null) {
      return Optional.of(contact.country());
    }
    String key = contact.key();
    int dot = key.lastIndexOf('.');
    String tld = dot < 0 ? "" : key.substring(dot + 1);
    return tld.length() == 2 && ContactKeys.isDomain(key)
        ? Optional.of(tld.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }

  /** The 1998 guide's "is it a provider?" step: the domain's web site, for domain contacts. */
  public static Optional<String> checkUrl(Contact contact) {
    String key = contact.key();
    return ContactKeys.isDomain(key) ? Optional.of("http://www." + key + "/") : Optional.empty();
  }
}
