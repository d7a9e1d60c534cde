package org.probehunt.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Abuse mailboxes as registries give them: plain {@code user@domain} addresses with nothing in them
 * that could end a mail header, told apart from what stands in for one.
 */
final class Mailboxes {
  private static final Pattern LOCAL =
      Pattern.compile("(?=.{1,64}$)[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*");

  /**
   * Addresses that are not a network's abuse desk: the dumps' substitutes for removed personal
   * data, and the registries' own hostmaster and help desks, which answer for placeholder blocks.
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "unread@ripe.net",
          "ripe-dbm@ripe.net",
          "hostmaster@ripe.net",
          "no-email@apnic.net",
          "hostmaster@apnic.net",
          "helpdesk@apnic.net",
          "removed@lacnic.net",
          "hostmaster@lacnic.net",
          "hostmaster@afrinic.net",
          "hostmaster@arin.net");

  private Mailboxes() {}

  /** The address with its domain in lower case, or empty when it is not a plain mailbox. */
  static Optional<String> valid(String text) {
    String address = text == null ? "" : text.strip();
    if (address.regionMatches(true, 0, "mailto:", 0, 7)) {
      address = address.substring(7);
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || address.endsWith(".") || !LOCAL.matcher(address.substring(0, at)).matches()) {
      return Optional.empty();
    }
    Optional<String> domain = Domains.normalise(address.substring(at + 1));
    if (domain.isEmpty() || !domain.get().contains(".")) {
      return Optional.empty();
    }
    return Optional.of(address.substring(0, at) + "@" + domain.get());
  }

  /**
   * A valid mailbox that is a real abuse desk: empty for masked values ({@code ********}, {@code
   * ***@example.net}: '*' is no mailbox character here), placeholders and hostmasters.
   */
  static Optional<String> usable(String text) {
    if (text == null || text.strip().regionMatches(true, 0, "mailto:", 0, 7)) {
      return Optional.empty();
    }
    return valid(text).filter(m -> !PLACEHOLDERS.contains(m.toLowerCase(Locale.ROOT)));
  }
}
