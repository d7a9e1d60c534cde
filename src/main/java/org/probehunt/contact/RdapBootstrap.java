package org.probehunt.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probehunt.parse.AddressRange;

/**
 * Which RDAP server answers for an address: IANA's bootstrap files (RFC 9224), e.g.
 *
 * <pre>{"services": [[["41.0.0.0/8", "2c00::/12"], ["https://rdap.afrinic.net/rdap/",
 * "http://rdap.afrinic.net/rdap/"]], ...]}</pre>
 *
 * Each service lists prefixes and base URLs; the longest matching prefix wins and of its URLs the
 * first https one is taken. The jar holds the IPv4 and IPv6 files as IANA published them.
 */
public final class RdapBootstrap {
  private static final String RESOURCES = "/org/probehunt/contact/rdap/";

  /** The registries by host name suffix; anything else is known by its host (and port). */
  private static final Map<String, String> REGISTRIES =
      Map.of(
          "arin.net", "arin",
          "ripe.net", "ripencc",
          "apnic.net", "apnic",
          "lacnic.net", "lacnic",
          "afrinic.net", "afrinic");

  private final List<Service> services;

  private record Service(AddressRange prefix, String base) {}

  private RdapBootstrap(List<Service> services) {
    this.services = services;
  }

  /** IANA's files shipped in the jar. */
  public static RdapBootstrap defaults() {
    try (InputStream v4 = resource("ipv4.json");
        InputStream v6 = resource("ipv6.json")) {
      return load(List.of(v4, v6));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the RDAP bootstrap files in the jar", e);
    } catch (ContactException e) {
      throw new IllegalStateException("the RDAP bootstrap files in the jar are damaged", e);
    }
  }

  /**
   * Reads bootstrap files (IPv4, IPv6 or both, in any order), closing none. A prefix or URL that
   * cannot be used is skipped; a file that is not bootstrap JSON is refused, naming its place in
   * the list (the caller knows its name).
   */
  public static RdapBootstrap load(List<InputStream> files) throws IOException, ContactException {
    ObjectMapper json = new ObjectMapper();
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      JsonNode root;
      try {
        root = json.readTree(files.get(i));
      } catch (JsonProcessingException e) {
        throw refused(i, files.size(), "not JSON: " + e.getOriginalMessage());
      }
      if (root == null || !root.path("services").isArray()) {
        throw refused(i, files.size(), "no \"services\" list (expected RFC 9224 JSON)");
      }
      for (JsonNode service : root.path("services")) {
        Optional<String> base = base(service.path(1));
        if (base.isEmpty()) {
          continue;
        }
        for (JsonNode prefix : service.path(0)) {
          AddressRange.parse(prefix.asText(""))
              .ifPresent(c -> services.add(new Service(c, base.get())));
        }
      }
    }
    services.sort(Comparator.comparing((Service s) -> s.prefix().size()));
    return new RdapBootstrap(List.copyOf(services));
  }

  /** The base URL (ending in '/') of the server for an IP literal, or empty when none is. */
  public Optional<String> baseFor(String ip) {
    if (!Domains.isIpLiteral(ip)) {
      return Optional.empty();
    }
    AddressRange address = AddressRange.ofAddress(Domains.unbracket(ip)).orElse(null);
    for (Service service : address == null ? List.<Service>of() : services) {
      if (service.prefix().contains(address)) {
        return Optional.of(service.base());
      }
    }
    return Optional.empty();
  }

  /** Number of prefixes known. */
  public int size() {
    return services.size();
  }

  /**
   * The registry a URL belongs to: {@code arin}, {@code ripencc}, {@code apnic}, {@code lacnic},
   * {@code afrinic}, else its host, with the port when one is given ({@code 127.0.0.1:8080}).
   */
  public static String registry(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
    String host = uri.getHost() == null ? "unknown" : uri.getHost().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> known : REGISTRIES.entrySet()) {
      if (host.equals(known.getKey()) || host.endsWith("." + known.getKey())) {
        return known.getValue();
      }
    }
    return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = RdapBootstrap.class.getResourceAsStream(RESOURCES + name);
    if (in == null) {
      throw new IOException(RESOURCES + name + " is missing from the jar");
    }
    return in;
  }

  private static Optional<String> base(JsonNode urls) {
    String chosen = null;
    for (JsonNode url : urls) {
      String text = url.asText("");
      boolean https = text.startsWith("https://");
      if (https || (chosen == null && text.startsWith("http://"))) {
        chosen = text;
      }
      if (https) {
        break;
      }
    }
    return Optional.ofNullable(chosen).map(u -> u.endsWith("/") ? u : u + "/");
  }

  private static ContactException refused(int index, int count, String why) {
    return new ContactException("RDAP bootstrap file " + (index + 1) + " of " + count + ": " + why);
  }
}
