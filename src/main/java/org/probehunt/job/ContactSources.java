package org.probehunt.job;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.probehunt.contact.ContactResolver;
import org.probehunt.contact.ContactSource;
import org.probehunt.contact.Domains;
import org.probehunt.contact.NetworkDirectory;
import org.probehunt.contact.ReverseDns;

/**
 * Gathers, on the driver, what the contact resolver needs beyond the files it was given: the whois
 * dumps' networks of the flagged addresses, and the network's answers for those still without a
 * mailbox (RDAP, then reverse DNS: only when asked, since batch runs are offline). The driver holds
 * the list of flagged hosts here, never their requests.
 */
final class ContactSources {
  private ContactSources() {}

  /** The resolver for these flagged hosts. */
  static ContactResolver resolver(
      NoticePlan plan,
      List<String> hosts,
      NetworkDirectory whois,
      Configuration conf,
      PrintWriter console)
      throws IOException {
    NetworkDirectory rdap = NetworkDirectory.NONE;
    Map<String, String> notes = Map.of();
    if (plan.rdap() != null) {
      List<String> asked = unaddressed(resolver(plan, whois, rdap, Map.of(), notes), hosts);
      RdapLookups.Result answers = RdapLookups.lookUp(plan.rdap(), asked, conf, console);
      rdap = answers.directory();
      notes = answers.failures();
    }
    if (!plan.resolve()) {
      return resolver(plan, whois, rdap, Map.of(), notes);
    }
    Map<String, String> names = new TreeMap<>();
    List<String> asked = unaddressed(resolver(plan, whois, rdap, Map.of(), notes), hosts);
    try (ReverseDns dns = new ReverseDns(Duration.ofSeconds(2), 8)) {
      for (String ip : asked) {
        dns.lookup(ip).ifPresent(name -> names.put(ip, name));
      }
    }
    console.printf(
        "contacts: reverse DNS for %d addresses: %d names%n", asked.size(), names.size());
    console.flush();
    return resolver(plan, whois, rdap, names, notes);
  }

  private static ContactResolver resolver(
      NoticePlan plan,
      NetworkDirectory whois,
      NetworkDirectory rdap,
      Map<String, String> names,
      Map<String, String> notes) {
    return new ContactResolver(
        plan.contacts(),
        plan.rir(),
        whois,
        rdap,
        names,
        notes,
        ContactResolver.ownDomains(plan.notices().serverName()));
  }

  /** The addresses among the hosts that no file gives a mailbox, in canonical form. */
  private static List<String> unaddressed(ContactResolver resolver, List<String> hosts) {
    List<String> ips = new ArrayList<>();
    for (String host : hosts) {
      String ip = Domains.canonicalIp(host).orElse(null);
      ContactSource source = ip == null ? null : resolver.assign(ip).source();
      if (source == ContactSource.HOLDER || source == ContactSource.NETWORK) {
        ips.add(ip);
      }
    }
    return ips;
  }
}
