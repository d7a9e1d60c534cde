package org.probehunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.contact.ContactException;
import org.probehunt.contact.RdapBootstrap;
import org.probehunt.contact.RdapLimits;
import org.probehunt.contact.RirStats;
import org.probehunt.job.NoticePlan;

/** The registry files and settings the notice options name, read and checked before any work. */
final class RegistryFiles {
  private RegistryFiles() {}

  /** A missing whois dump is the user's mistake, told now rather than by a failed task later. */
  static void checkWhois(List<String> files) throws IOException {
    for (String file : files) {
      ConfigFiles.stream("--whois-db", file).close();
    }
  }

  /** The RDAP plan of {@code --rdap}, {@code --rdap-cache} and {@code --rdap-bootstrap}. */
  static NoticePlan.Rdap rdap(boolean rdap, String rdapCache, List<String> rdapBootstrap)
      throws IOException, ContactException {
    if (!rdap) {
      if (rdapCache != null || !rdapBootstrap.isEmpty()) {
        throw new UsageException("--rdap-cache and --rdap-bootstrap need --rdap");
      }
      return null;
    }
    RdapBootstrap bootstrap = RdapBootstrap.defaults();
    if (!rdapBootstrap.isEmpty()) {
      List<InputStream> files = new ArrayList<>();
      try {
        for (String file : rdapBootstrap) {
          files.add(ConfigFiles.stream("--rdap-bootstrap", file));
        }
        bootstrap = RdapBootstrap.load(files);
      } catch (ContactException e) {
        throw new ContactException(
            "--rdap-bootstrap " + String.join(",", rdapBootstrap) + ": " + e.getMessage());
      } finally {
        for (InputStream in : files) {
          in.close();
        }
      }
    }
    return new NoticePlan.Rdap(bootstrap, RdapLimits.defaults(), rdapCache);
  }

  /** The delegation statistics of {@code --rir-stats}, or null when none are given. */
  static RirStats rirStats(List<String> rirFiles) throws IOException {
    if (rirFiles.isEmpty()) {
      return null;
    }
    List<Reader> readers = new ArrayList<>();
    try {
      for (String file : rirFiles) {
        readers.add(ConfigFiles.open("--rir-stats", file));
      }
      return RirStats.load(readers);
    } finally {
      for (Reader r : readers) {
        r.close();
      }
    }
  }
}
