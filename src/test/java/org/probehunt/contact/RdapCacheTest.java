package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RdapCacheTest {
  private static final Instant FETCHED = Instant.parse("2026-01-01T00:00:00Z");

  private static final RdapNetwork WIDE =
      new RdapNetwork(
          "192.0.2.0",
          "192.0.2.255",
          "arin",
          "abuse@example.com",
          "Example Hosting Inc.",
          "NET-192-0-2-0-1",
          FETCHED);
  private static final RdapNetwork NARROW =
      new RdapNetwork(
          "192.0.2.64",
          "192.0.2.127",
          "arin",
          "abuse@customer.example",
          "Customer \"Quoted\" Ltd",
          "NET-192-0-2-64-1",
          FETCHED);
  private static final RdapNetwork SIX =
      new RdapNetwork(
          "2001:db8::",
          "2001:db8:ffff:ffff:ffff:" + "ffff:ffff:ffff",
          "ripencc",
          null,
          null,
          null,
          FETCHED);

  private static RdapCache read(String text) throws Exception {
    return RdapCache.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String written(RdapCache cache) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cache.write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesSortedLinesThatReadBackTheSame() throws Exception {
    RdapCache cache = new RdapCache();
    cache.put(SIX);
    cache.put(NARROW);
    cache.put(WIDE);
    String text = written(cache);
    List<String> lines = text.lines().toList();
    assertEquals(3, lines.size(), text);
    assertEquals(
        "{\"first\":\"192.0.2.0\",\"last\":\"192.0.2.255\",\"registry\":\"arin\","
            + "\"mailbox\":\"abuse@example.com\",\"holder\":\"Example Hosting Inc.\","
            + "\"handle\":\"NET-192-0-2-0-1\",\"fetched\":\"2026-01-01T00:00:00Z\"}",
        lines.get(0));
    assertTrue(lines.get(1).contains("\"holder\":\"Customer \\\"Quoted\\\" Ltd\""), lines.get(1));
    assertTrue(lines.get(2).contains("\"mailbox\":null"), lines.get(2));
    assertEquals(text, written(read(text)), "a second write of what was read");
  }

  @Test
  void theSmallestFreshNetworkHoldingTheAddressAnswers() throws Exception {
    RdapCache cache = new RdapCache();
    cache.put(WIDE);
    cache.put(NARROW);
    cache.put(SIX);
    Instant now = FETCHED.plus(Duration.ofDays(1));
    assertEquals(Optional.of(NARROW), cache.find("192.0.2.100", now));
    assertEquals(Optional.of(WIDE), cache.find("192.0.2.200", now));
    assertEquals(Optional.of(SIX), cache.find("[2001:db8::77]", now));
    assertEquals(Optional.empty(), cache.find("192.0.3.1", now));
    assertEquals(Optional.empty(), cache.find("not-an-ip", now));
  }

  @Test
  void entriesOlderThanThirtyDaysAreNotUsedAndAreReplaced() throws Exception {
    RdapCache cache = new RdapCache();
    cache.put(WIDE);
    Instant day30 = FETCHED.plus(RdapCache.MAX_AGE);
    assertEquals(Optional.of(WIDE), cache.find("192.0.2.1", day30), "30 days old");
    Instant day31 = day30.plusSeconds(1);
    assertEquals(Optional.empty(), cache.find("192.0.2.1", day31), "older than 30 days");
    // The registry now has the network split: the stale whole is dropped.
    RdapNetwork half =
        new RdapNetwork(
            "192.0.2.0",
            "192.0.2.127",
            "arin",
            "abuse@new.example",
            "New Holder",
            "NET-192-0-2-0-2",
            day31);
    cache.put(half);
    assertEquals(1, cache.size(), written(cache));
    assertEquals(Optional.of(half), cache.find("192.0.2.1", day31));
  }

  @Test
  void damagedLinesAreSkippedAndCounted() throws Exception {
    String good =
        "{\"first\":\"192.0.2.0\",\"last\":\"192.0.2.255\",\"registry\":\"arin\","
            + "\"mailbox\":\"abuse@example.com\",\"holder\":null,\"handle\":null,"
            + "\"fetched\":\"2026-01-01T00:00:00Z\"}";
    String text =
        String.join(
            "\n",
            good,
            "",
            "{\"first\":\"192.0.2.0\",\"last\":\"192.0.2.255\",\"registry\":\"arin\",",
            good.replace("192.0.2.255", "2001:db8::1"),
            good.replace("\"192.0.2.0\"", "\"192.0.3.0\""),
            good.replace("2026-01-01T00:00:00Z", "yesterday"),
            good.replace("abuse@example.com", "abuse@example.com\\r\\nBcc: x@example.org"),
            good.replace("\"registry\":\"arin\",", ""),
            "[1,2,3]",
            "\u0000\u0001 binary");
    RdapCache cache = read(text);
    assertEquals(1, cache.size(), written(cache));
    assertEquals(8, cache.skipped(), "damaged lines");
    assertEquals(
        "abuse@example.com",
        cache.find("192.0.2.9", Instant.parse("2026-01-02T00:00:00Z")).orElseThrow().mailbox());
  }
}
