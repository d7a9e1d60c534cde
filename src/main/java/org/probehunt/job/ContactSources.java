package org.probehunt.job;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probehunt.contact.ContactResolver;
import org.probehunt.contact.ContactSource;
import org.probehunt.contact.Domains;
import org.probehunt.contact.NetworkDirectory;
import org.probehunt.contact.ReverseDns;

/**
 * Gathers, on the driver, what the contact resolver needs beyond the files it was given: the
 * registry data of the flagged addresses, and the network's answers for those still without a
 * mailbox (only when asked: batch runs are offline).
 */
final class ContactSources {
  private ContactSources() {}

  /** The resolver for these flagged hosts (the driver's list of them, not their requests). */
  static ContactResolver resolver(NoticePlan plan, List<String> hosts, PrintWriter console) {
    NetworkDirectory whois = NetworkDirectory.NONE;
    NetworkDirectory rdap = NetworkDirectory.NONE;
    ContactResolver offline = new ContactResolver(plan.contacts(), plan.rir(), whois, rdap, Map.of());
    if (!plan.resolve()) {
      return offline;
    }
    Map<String, String> names = new TreeMap<>();
    // Reverse lookups only when asked, and only for addresses nothing else gave a mailbox.
    try (ReverseDns dns = new ReverseDns(Duration.ofSeconds(2), 8)) {
      for (String host : hosts) {
        String ip = Domains.canonicalIp(host).orElse(null);
        if (ip != null && unaddressed(offline.assign(ip).source())) {
          dns.lookup(ip).ifPresent(name -> names.put(ip, name));
        }
      }
      console.printf("contacts: %d reverse-DNS names of %d addresses looked up%n", names.size(), dns.cached());
    }
    return new ContactResolver(plan.contacts(), plan.rir(), whois, rdap, names);
  }

  private static boolean unaddressed(ContactSource source) {
    return source == ContactSource.HOLDER || source == ContactSource.NETWORK;
  }
}
