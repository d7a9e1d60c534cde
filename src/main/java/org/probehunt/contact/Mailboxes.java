package org.probehunt.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Abuse mailboxes as the registries' dumps give them, told apart from what stands in for one. */
final class Mailboxes {
  private static final Pattern ADDRESS = Pattern.compile(
      "[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'+/=?^_`{|}~-]+)*"
          + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}"
          + "[A-Za-z0-9])?");

  /**
   * Addresses that are not a network's abuse desk: the dumps' substitutes for removed personal
   * data, and the registries' own hostmaster and help desks, which answer for placeholder blocks.
   */
  private static final Set<String> PLACEHOLDERS = Set.of(
      "unread@ripe.net", "ripe-dbm@ripe.net", "hostmaster@ripe.net",
      "no-email@apnic.net", "hostmaster@apnic.net", "helpdesk@apnic.net",
      "removed@lacnic.net", "hostmaster@lacnic.net",
      "hostmaster@afrinic.net", "hostmaster@arin.net");

  private Mailboxes() {}

  /**
   * The mailbox in {@code text} with its domain in lower case, or empty for anything else: masked
   * values ({@code ********}, {@code ***@example.net}), placeholders, and text that is not one
   * plain address (the '*' that masks are made of is left out of the local part on purpose).
   */
  static Optional<String> usable(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    if (t.length() > 254 || !ADDRESS.matcher(t).matches()) {
      return Optional.empty();
    }
    int at = t.indexOf('@');
    String mailbox = t.substring(0, at) + t.substring(at).toLowerCase(Locale.ROOT);
    return PLACEHOLDERS.contains(mailbox.toLowerCase(Locale.ROOT))
        ? Optional.empty() : Optional.of(mailbox);
  }
}
