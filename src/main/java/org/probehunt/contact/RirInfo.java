package org.probehunt.contact;

import java.io.Serializable;

/**
 * What the registries' delegation statistics say of an address block: the registry (apnic, arin,
 * ripencc, lacnic, afrinic), the country code, and the holder's opaque id from the extended files
 * (null in the plain ones). Blocks of one holder share the id within a registry.
 */
public record RirInfo(String registry, String country, String holder) implements Serializable {
  /** Registry and country alone, as the plain statistics files give them. */
  public RirInfo(String registry, String country) {
    this(registry, country, null);
  }
}
