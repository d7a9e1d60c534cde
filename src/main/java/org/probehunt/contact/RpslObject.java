package org.probehunt.contact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One RPSL object (RFC 2622) from a registry's whois dump, such as
 *
 * <pre>
 * inetnum:        192.0.2.0 - 192.0.2.255      type "inetnum", key "192.0.2.0 - 192.0.2.255"
 * netname:        EXAMPLE-NET
 * abuse-c:        AR1-RIPE                     attribute names lower case, comments removed,
 * source:         RIPE # Filtered              continuation lines joined with a space
 * </pre>
 *
 * @param type the first attribute's name, which names the object's class
 * @param key the first attribute's value
 * @param attributes every attribute in file order, the first included
 */
public record RpslObject(String type, String key, List<Attribute> attributes)
    implements Serializable {

  /** One attribute: a lower-case name and its value, comments removed, lines joined. */
  public record Attribute(String name, String value) implements Serializable {}

  /** Copies the attributes. */
  public RpslObject {
    attributes = List.copyOf(attributes);
  }

  /** An object of the given attributes; the first one gives type and key. */
  static RpslObject of(List<Attribute> attributes) {
    Attribute first = attributes.get(0);
    return new RpslObject(first.name(), first.value(), attributes);
  }

  /** The value of the first attribute called {@code name} (lower case), if any. */
  public Optional<String> first(String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return Optional.of(a.value());
      }
    }
    return Optional.empty();
  }

  /** The values of every attribute called {@code name} (lower case), in file order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        values.add(a.value());
      }
    }
    return values;
  }
}
