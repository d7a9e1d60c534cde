package org.probehunt.contact;

import java.io.Serializable;
import java.util.List;

/**
 * Where a notice goes: a file-name-safe key that groups hosts, validated addresses (empty when
 * unknown), a display name, a hint on how to find the contact when there is no address, and the
 * registry and country of the address block when known (both may be null).
 */
public record Contact(
    String key, List<String> to, String name, String lookupHint, String country, String registry)
    implements Serializable {
  public Contact {
    to = List.copyOf(to);
  }

  /** True when the draft can be sent as it is. */
  public boolean hasAddress() {
    return !to.isEmpty();
  }
}
