package org.probehunt.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an RDAP IP network answer (RFC 9083 section 5.4), e.g. ARIN's
 *
 * <pre>{"objectClassName": "ip network", "handle": "NET-192-0-2-0-1", "name": "EXAMPLE",
 *  "startAddress": "192.0.2.0", "endAddress": "192.0.2.255",
 *  "cidr0_cidrs": [{"v4prefix": "192.0.2.0", "length": 24}],
 *  "entities": [{"handle": "EX-1", "roles": ["registrant"],
 *    "vcardArray": ["vcard", [["fn", {}, "text", "Example Org"], ["kind", {}, "text", "org"]]],
 *    "entities": [{"handle": "ABUSE1-ARIN", "roles": ["abuse"],
 *      "vcardArray": ["vcard", [["email", {}, "text", "abuse@example.net"]]]}]}]}</pre>
 *
 * The abuse entity may sit at any depth (ARIN nests it in the registrant, RIPE and APNIC list it at
 * the top); the nearest one with a usable e-mail address wins, preferring an address typed {@code
 * abuse}. The holder is the nearest registrant, an organisation before a maintainer.
 */
final class RdapResponses {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_HOLDER = 200;

  /** A network, or the reason there is none. */
  record Parsed(RdapNetwork network, String failure) {}

  private RdapResponses() {}

  static Parsed parse(byte[] body, String ip, String registry, Instant now) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return new Parsed(null, "bad json");
    }
    if (root == null
        || !root.isObject()
        || !"ip network".equalsIgnoreCase(root.path("objectClassName").asText("ip network"))) {
      return new Parsed(null, "bad json");
    }
    InetAddress[] range = range(root).orElse(null);
    if (range == null) {
      Optional<InetAddress> self = IpAddresses.parse(ip);
      if (self.isEmpty()) {
        return new Parsed(null, "bad json");
      }
      range = new InetAddress[] {self.get(), self.get()};
    }
    List<JsonNode> entities = entities(root);
    String holder = holder(entities).orElseGet(() -> text(root, "name"));
    return new Parsed(
        new RdapNetwork(
            IpAddresses.text(range[0]),
            IpAddresses.text(range[1]),
            registry,
            mailbox(entities).orElse(null),
            holder,
            text(root, "handle"),
            now),
        null);
  }

  /** startAddress..endAddress, else the first cidr0 prefix; both ends of one family. */
  private static Optional<InetAddress[]> range(JsonNode root) {
    Optional<InetAddress> start = IpAddresses.parse(root.path("startAddress").asText(null));
    Optional<InetAddress> end = IpAddresses.parse(root.path("endAddress").asText(null));
    if (start.isPresent()
        && end.isPresent()
        && start.get().getAddress().length == end.get().getAddress().length
        && IpAddresses.bits(start.get()).compareTo(IpAddresses.bits(end.get())) <= 0) {
      return Optional.of(new InetAddress[] {start.get(), end.get()});
    }
    for (JsonNode cidr : root.path("cidr0_cidrs")) {
      String prefix =
          cidr.has("v4prefix")
              ? cidr.path("v4prefix").asText(null)
              : cidr.path("v6prefix").asText(null);
      Optional<InetAddress> first = IpAddresses.parse(prefix);
      if (first.isPresent() && cidr.path("length").canConvertToInt()) {
        Optional<InetAddress> last = IpAddresses.last(first.get(), cidr.path("length").asInt());
        if (last.isPresent()) {
          return Optional.of(new InetAddress[] {first.get(), last.get()});
        }
      }
    }
    return Optional.empty();
  }

  /** Every entity, nearest first (breadth first). */
  private static List<JsonNode> entities(JsonNode root) {
    List<JsonNode> all = new ArrayList<>();
    Deque<JsonNode> queue = new ArrayDeque<>();
    root.path("entities").forEach(queue::add);
    // A bound on the walk: the answer comes from a server, not from us.
    while (!queue.isEmpty() && all.size() < 1000) {
      JsonNode entity = queue.removeFirst();
      if (entity.isObject()) {
        all.add(entity);
        entity.path("entities").forEach(queue::add);
      }
    }
    return all;
  }

  private static Optional<String> mailbox(List<JsonNode> entities) {
    for (JsonNode entity : entities) {
      if (!hasRole(entity, "abuse")) {
        continue;
      }
      String chosen = null;
      for (JsonNode property : vcard(entity)) {
        Optional<String> address =
            property.path(0).asText("").equalsIgnoreCase("email")
                ? Mailboxes.valid(property.path(3).asText("")).flatMap(Mailboxes::usable)
                : Optional.empty();
        if (address.isPresent() && property.path(1).path("type").toString().contains("abuse")) {
          return address;
        }
        if (address.isPresent() && chosen == null) {
          chosen = address.get();
        }
      }
      if (chosen != null) {
        return Optional.of(chosen);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> holder(List<JsonNode> entities) {
    JsonNode chosen = null;
    for (JsonNode entity : entities) {
      if (hasRole(entity, "registrant")) {
        if ("org".equalsIgnoreCase(vcardValue(entity, "kind"))) {
          chosen = entity;
          break;
        }
        chosen = chosen == null ? entity : chosen;
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    String fn = vcardValue(chosen, "fn");
    return Optional.ofNullable(clean(fn != null && !fn.isBlank() ? fn : text(chosen, "handle")));
  }

  private static boolean hasRole(JsonNode entity, String role) {
    for (JsonNode r : entity.path("roles")) {
      if (role.equalsIgnoreCase(r.asText())) {
        return true;
      }
    }
    return false;
  }

  /** The properties of a jCard: {@code ["vcard", [[name, params, type, value], ...]]}. */
  private static JsonNode vcard(JsonNode entity) {
    return entity.path("vcardArray").path(1);
  }

  private static String vcardValue(JsonNode entity, String name) {
    for (JsonNode property : vcard(entity)) {
      if (property.path(0).asText("").toLowerCase(Locale.ROOT).equals(name)
          && property.path(3).isTextual()) {
        return property.path(3).asText();
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? clean(value.asText()) : null;
  }

  /** Registry text on one line and of bounded length, since it reaches reports and letters. */
  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String line = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    line = line.length() > MAX_HOLDER ? line.substring(0, MAX_HOLDER) : line;
    return line.isEmpty() ? null : line;
  }
}
