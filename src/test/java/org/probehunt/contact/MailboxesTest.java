package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      abuse@example.net                   | abuse@example.net
      '  abuse@example.net  '             | abuse@example.net
      Abuse-Desk@Example.NET              | Abuse-Desk@example.net
      noc+abuse@sub.example.co.jp         | noc+abuse@sub.example.co.jp
      first.last@example.org              | first.last@example.org
      abuse@xn--r8jz45g.example           | abuse@xn--r8jz45g.example
      """)
  void keepsPlainAddresses(String text, String mailbox) {
    assertEquals(Optional.of(mailbox), Mailboxes.usable(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "********",
        "***@example.net",
        "ab***@example.net",
        "unread@ripe.net",
        "UNREAD@RIPE.NET",
        "removed@lacnic.net",
        "no-email@apnic.net",
        "hostmaster@ripe.net",
        "helpdesk@apnic.net",
        "hostmaster@afrinic.net",
        "abuse@example",
        "abuse@",
        "@example.net",
        "abuse example.net",
        "abuse@example..net",
        ".abuse@example.net",
        "abuse.@example.net",
        "abuse@-example.net",
        "abuse@example.net.",
        "a@b@example.net",
        "abuse@example.net, noc@example.net",
        "<abuse@example.net>",
        "mailto:abuse@example.net",
        "abuse@192.0.2.1",
        "abuse[at]example.net"
      })
  void refusesMasksPlaceholdersAndJunk(String text) {
    assertEquals(Optional.empty(), Mailboxes.usable(text), text);
  }

  @Test
  void refusesNull() {
    assertEquals(Optional.empty(), Mailboxes.usable(null));
  }
}
