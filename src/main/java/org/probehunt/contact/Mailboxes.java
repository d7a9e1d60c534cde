package org.probehunt.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/** Plain {@code user@domain} addresses, with nothing in them that could end a mail header. */
final class Mailboxes {
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}");

  private Mailboxes() {}

  /** The address with its domain in lower case, or empty when it is not a plain mailbox. */
  static Optional<String> valid(String text) {
    String address = text == null ? "" : text.strip();
    if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
      address = address.substring(7);
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || !LOCAL.matcher(address.substring(0, at)).matches()) {
      return Optional.empty();
    }
    Optional<String> domain = Domains.normalise(address.substring(at + 1));
    if (domain.isEmpty() || !domain.get().contains(".")) {
      return Optional.empty();
    }
    return Optional.of(address.substring(0, at) + "@" + domain.get());
  }
}
