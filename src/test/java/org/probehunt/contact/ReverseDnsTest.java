package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only the loopback address is looked up: the tests run offline. */
class ReverseDnsTest {
  @Test
  void loopbackIsAValidNameOrNothing() {
    try (ReverseDns dns = new ReverseDns(Duration.ofSeconds(5), 1)) {
      Optional<String> name = dns.lookup("127.0.0.1");
      name.ifPresent(n -> assertTrue(Domains.isHostName(n), n));
      assertEquals(name, dns.lookup("127.0.0.1"));
      assertEquals(1, dns.cached());
    }
  }

  @Test
  void nonAddressesAreNotLookedUp() {
    try (ReverseDns dns = new ReverseDns(Duration.ofSeconds(1), 1)) {
      assertEquals(Optional.empty(), dns.lookup("surf.wil.net"));
      assertEquals(Optional.empty(), dns.lookup("evil\r\n"));
      assertEquals(0, dns.cached());
    }
  }
}
