package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.probehunt.contact.NetworkContact;
import org.probehunt.contact.NetworkDirectory;
import org.probehunt.contact.RdapAnswer;
import org.probehunt.contact.RdapCache;
import org.probehunt.contact.RdapClient;
import org.probehunt.parse.AddressRange;

/**
 * {@code --rdap} on the driver: the cache file read, the addresses asked (each registry at its own
 * pace), the cache written back under a temporary name and moved into place.
 */
final class RdapLookups {
  /** The answers, and a reason for each address whose lookup failed. */
  record Result(NetworkDirectory directory, Map<String, String> failures) {}

  private RdapLookups() {}

  static Result lookUp(
      NoticePlan.Rdap plan, Collection<String> ips, Configuration conf, PrintWriter console)
      throws IOException {
    RdapCache cache = plan.cache() == null ? new RdapCache() : read(plan.cache(), conf);
    Map<String, NetworkContact> found = new TreeMap<>();
    Map<String, String> failures = new TreeMap<>();
    int asked;
    try (RdapClient client = new RdapClient(plan.bootstrap(), cache, plan.limits())) {
      for (RdapAnswer a : client.lookupAll(ips).values()) {
        if (a.failure() != null) {
          failures.put(a.ip(), "rdap: " + a.failure());
        }
        if (a.first() != null) {
          String holderId = a.holder() == null ? a.handle() : a.holder();
          found.put(
              a.ip(),
              new NetworkContact(a.mailbox(), range(a), a.holder(), holderId, a.registry()));
        }
      }
      asked = client.requests();
    }
    if (plan.cache() != null) {
      write(cache, plan.cache(), conf);
    }
    console.printf(
        "contacts: RDAP for %d addresses: %d requests, %d answered, %d failed%n",
        ips.size(), asked, found.size(), failures.size());
    console.flush();
    Map<String, NetworkContact> answers = Map.copyOf(found);
    NetworkDirectory directory = (ip, registry) -> Optional.ofNullable(answers.get(ip));
    return new Result(directory, failures);
  }

  /** The network as CIDR where it is one block, else as a range. */
  private static String range(RdapAnswer a) {
    return AddressRange.parse(a.first() + " - " + a.last())
        .map(AddressRange::toString)
        .orElse(a.first() + " - " + a.last());
  }

  private static RdapCache read(String file, Configuration conf) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    if (!fs.exists(path)) {
      return new RdapCache();
    }
    try (InputStream in = fs.open(path)) {
      return RdapCache.load(in);
    }
  }

  private static void write(RdapCache cache, String file, Configuration conf) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(conf);
    Path temporary = new Path(path.getParent(), "." + path.getName() + ".tmp");
    try (OutputStream out = fs.create(temporary, true)) {
      cache.write(out);
    }
    fs.delete(path, false);
    if (!fs.rename(temporary, path)) {
      throw new IOException("cannot move " + temporary + " to " + path);
    }
  }
}
