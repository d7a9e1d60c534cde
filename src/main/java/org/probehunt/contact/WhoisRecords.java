package org.probehunt.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probehunt.contact.WhoisRecord.AbuseMailbox;
import org.probehunt.contact.WhoisRecord.Network;
import org.probehunt.contact.WhoisRecord.Organisation;
import org.probehunt.parse.AddressRange;

/** Turns dump objects into {@link WhoisRecord}s; see {@link WhoisRecord#of}. */
final class WhoisRecords {
  private WhoisRecords() {}

  static Optional<WhoisRecord> of(RpslObject object, FlaggedAddresses flagged) {
    return switch (object.type()) {
      case "inetnum", "inet6num" -> network(object, flagged);
      case "role", "person" -> mailbox(object, AbuseMailbox.Kind.ROLE, object.first("nic-hdl"));
      case "irt" -> mailbox(object, AbuseMailbox.Kind.IRT, Optional.of(object.key()));
      case "organisation" -> organisation(object);
      default -> Optional.empty();
    };
  }

  private static Optional<WhoisRecord> network(RpslObject o, FlaggedAddresses flagged) {
    Optional<AddressRange> parsed = AddressRange.parse(o.key());
    if (parsed.isEmpty() || !flagged.anyWithin(parsed.get())) {
      return Optional.empty();
    }
    AddressRange range = parsed.get();
    String netname = text(o.first("netname"));
    if (Placeholders.isPlaceholder(range, netname, o.all("descr"))) {
      return Optional.empty();
    }
    String ownerId = text(o.first("owner-id").or(() -> o.first("ownerid")));
    AddressRange up = o.first("inetnum-up").flatMap(AddressRange::parse).orElse(null);
    return Optional.of(
        new Network(
            range,
            netname,
            text(o.first("status")),
            registry(o),
            handles(o.all("abuse-c")),
            handle(o.first("org")),
            handles(o.all("mnt-irt")),
            text(o.first("owner")),
            ownerId,
            up));
  }

  private static Optional<WhoisRecord> mailbox(
      RpslObject o, AbuseMailbox.Kind kind, Optional<String> handle) {
    String key = handle(handle);
    if (key == null) {
      return Optional.empty();
    }
    return o.all("abuse-mailbox").stream()
        .map(Mailboxes::usable)
        .flatMap(Optional::stream)
        .findFirst()
        .map(mailbox -> new AbuseMailbox(kind, key, mailbox, registry(o)));
  }

  private static Optional<WhoisRecord> organisation(RpslObject o) {
    String key = handle(Optional.of(o.key()));
    List<String> abuseC = handles(o.all("abuse-c"));
    String name = text(o.first("org-name"));
    if (key == null || abuseC.isEmpty() && name == null) {
      return Optional.empty();
    }
    return Optional.of(new Organisation(key, name, abuseC, registry(o)));
  }

  /** The registry a {@code source:} names, as the delegation statistics spell it, or null. */
  static String registry(RpslObject o) {
    String source = o.first("source").orElse("").strip().toUpperCase(Locale.ROOT);
    for (String registry : List.of("RIPE", "APNIC", "AFRINIC", "LACNIC", "ARIN")) {
      if (source.equals(registry) || source.startsWith(registry + "-")) {
        return registry.equals("RIPE") ? "ripencc" : registry.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static List<String> handles(List<String> values) {
    List<String> handles = new ArrayList<>(values.size());
    for (String value : values) {
      String handle = handle(Optional.of(value));
      if (handle != null && !handles.contains(handle)) {
        handles.add(handle);
      }
    }
    return handles;
  }

  private static String handle(Optional<String> value) {
    String text = text(value);
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }

  private static String text(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
  }
}
