package org.probehunt.contact;

import java.io.Serializable;
import java.util.Optional;

/** Registry data that know the network of an address: whois dumps, RDAP answers. */
@FunctionalInterface
public interface NetworkDirectory extends Serializable {
  /** The directory that knows nothing. */
  NetworkDirectory NONE = (ip, registry) -> Optional.empty();

  /**
   * The network of {@code ip} (canonical text), within {@code registry}'s data when the
   * authoritative registry is known (null when not).
   */
  Optional<NetworkContact> lookup(String ip, String registry);
}
