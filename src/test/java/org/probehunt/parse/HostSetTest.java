package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The join back's host set answers as a set of canonical clients would, without making them. */
class HostSetTest {

  @Test
  void aClientIsFoundInWhateverFormItWasLogged() {
    HostSet hosts = HostSet.of(List.of("2001:DB8::1", "surf.wil.net", "192.0.2.1", "10.1.2.3"));
    assertEquals(4, hosts.size());
    for (String logged :
        List.of(
            "2001:db8::1",
            "[2001:0db8:0:0::1]",
            "2001:db8::1%eth0",
            "SURF.WIL.NET",
            "surf.wil.net",
            "192.0.2.1",
            "::ffff:192.0.2.1",
            "010.001.002.003")) {
      assertTrue(inLine(hosts, logged), logged);
    }
    for (String logged : List.of("192.0.2.10", "192.0.2.", "surf.wil.ne", "wil.net", "-", "")) {
      assertFalse(inLine(hosts, logged), logged);
    }
  }

  @Test
  void textsOfOneHashAreToldApart() {
    assertEquals("anaa".hashCode(), "c0aa".hashCode());
    HostSet hosts = HostSet.of(List.of("anaa"));
    assertTrue(inLine(hosts, "anaa"));
    assertFalse(inLine(hosts, "c0aa"));
    assertFalse(hosts.contains("c0aa"));
  }

  @Test
  void answersAsASetOfCanonicalClientsDoesOnRandomClients() {
    Random random = new Random(19981123);
    List<String> flagged = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      flagged.add(client(random));
    }
    HostSet hosts = HostSet.of(flagged);
    Set<String> reference = new HashSet<>();
    flagged.forEach(h -> reference.add(ClientHosts.canonical(h)));
    assertEquals(reference.size(), hosts.size());
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      // Half of the lookups are for flagged hosts, written in another form now and then.
      String logged = i % 2 == 0 ? flagged.get(random.nextInt(flagged.size())) : client(random);
      if (random.nextInt(4) == 0) {
        logged = logged.toUpperCase(java.util.Locale.ROOT);
      }
      boolean expected = reference.contains(ClientHosts.canonical(logged));
      assertEquals(expected, inLine(hosts, logged), logged);
      assertEquals(expected, hosts.contains(ClientHosts.canonical(logged)), logged);
      found += expected ? 1 : 0;
    }
    assertTrue(found > 90_000, found + " found");
  }

  @Test
  void anEmptySetHoldsNothing() {
    HostSet none = HostSet.of(List.of());
    assertEquals(0, none.size());
    assertFalse(inLine(none, "192.0.2.1"));
    assertFalse(none.contains(null));
  }

  /** Looks {@code logged} up where it stands in a Combined line, as the join back does. */
  private static boolean inLine(HostSet hosts, String logged) {
    String line = "x " + logged + " - - [23/Nov/1998:19:52:17 +0900] \"GET / HTTP/1.0\" 200 1";
    return hosts.containsClient(line, 2, 2 + logged.length());
  }

  /** An IPv4 address (some zero-padded), an IPv6 one in several spellings, or a host name. */
  private static String client(Random random) {
    int a = random.nextInt(4);
    int b = random.nextInt(256);
    int c = random.nextInt(256);
    return switch (random.nextInt(6)) {
      case 0, 1 -> "11." + a + "." + b + "." + c;
      case 2 -> String.format("%03d.%03d.%d.%d", 11, a, b, c);
      case 3 -> "2001:db8::" + Integer.toHexString(b * 256 + c);
      case 4 -> "[2001:0DB8:0000::" + Integer.toHexString(b * 256 + c) + "]";
      default -> "host" + b + "-" + c + ".example.net";
    };
  }
}
