package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.contact.RdapClientTest.bootstrap;
import static org.probehunt.contact.RdapResponsesTest.fixture;
import static org.probehunt.contact.RdapTestServer.json;
import static org.probehunt.contact.RdapTestServer.meet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache across runs, each registry's pace, and the registries asked side by side. */
class RdapPacingTest {
  private final FakeTime time = new FakeTime(Instant.parse("2026-02-01T09:00:00Z"));
  private RdapTestServer one;
  private RdapTestServer two;

  @BeforeEach
  void start() throws Exception {
    one = RdapTestServer.start(time);
    two = RdapTestServer.start(time);
  }

  @AfterEach
  void stop() {
    one.close();
    two.close();
  }

  private Map<String, RdapAnswer> run(RdapCache cache, RdapLimits limits, String... ips)
      throws Exception {
    try (RdapClient client = new RdapClient(bootstrap(one, two), cache, limits, time, time)) {
      return client.lookupAll(List.of(ips));
    }
  }

  /** A network of one address, in ARIN's shape, with its own mailbox. */
  private static String single(String ip) {
    return "{\"objectClassName\":\"ip network\",\"handle\":\"NET-"
        + ip.replace('.', '-')
        + "-1\",\"startAddress\":\""
        + ip
        + "\",\"endAddress\":\""
        + ip
        + "\",\"entities\":[{"
        + "\"roles\":[\"abuse\"],\"vcardArray\":[\"vcard\",[[\"email\",{},\"text\",\"abuse-"
        + ip.replace('.', '-')
        + "@example.com\"]]]}]}";
  }

  @Test
  void twoAddressesOfOneNetworkAreAskedOnce() throws Exception {
    one.on("192.0.2.10", json(fixture("arin-192.0.2.0.json")))
        .on("192.0.2.20", json(fixture("arin-192.0.2.0.json")));
    RdapCache cache = new RdapCache();
    Map<String, RdapAnswer> answers =
        run(cache, RdapLimits.defaults(), "192.0.2.20", "192.0.2.10", "192.0.2.20");
    assertEquals(1, one.hits().size(), "requests: " + one.hits());
    assertEquals("abuse@example.com", answers.get("192.0.2.10").mailbox(), answers.toString());
    assertEquals("abuse@example.com", answers.get("192.0.2.20").mailbox(), answers.toString());
    assertEquals(1, cache.size());
  }

  @Test
  void aSecondRunFromTheWrittenCacheAsksNothing() throws Exception {
    one.on("192.0.2.10", json(fixture("arin-192.0.2.0.json")))
        .on("2001:db8:2000::5", json(fixture("afrinic-2001.db8.2000.json")));
    two.on("203.0.113.9", json(fixture("apnic-203.0.113.0.json")));
    RdapCache first = new RdapCache();
    Map<String, RdapAnswer> before =
        run(first, RdapLimits.defaults(), "192.0.2.10", "203.0.113.9", "2001:db8:2000::5");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    first.write(file);
    int asked = one.hits().size() + two.hits().size();
    assertEquals(3, asked, "first run");

    time.advance(Duration.ofDays(29));
    RdapCache second = RdapCache.load(new ByteArrayInputStream(file.toByteArray()));
    Map<String, RdapAnswer> after =
        run(second, RdapLimits.defaults(), "192.0.2.10", "203.0.113.9", "2001:db8:2000::5");
    assertEquals(asked, one.hits().size() + two.hits().size(), "second run asked again");
    assertEquals(before, after, "answers from the cache, 'no abuse contact' included");
  }

  @Test
  void anEntryOlderThanThirtyDaysIsAskedAgain() throws Exception {
    one.on("192.0.2.10", json(fixture("arin-192.0.2.0.json")))
        .on("192.0.2.77", json(fixture("arin-192.0.2.0.json")));
    RdapCache cache = new RdapCache();
    run(cache, RdapLimits.defaults(), "192.0.2.10");
    time.advance(Duration.ofDays(31));
    RdapAnswer again = run(cache, RdapLimits.defaults(), "192.0.2.77").get("192.0.2.77");
    assertEquals(1, one.hits("192.0.2.77"), "the stale network was asked about again");
    assertEquals("abuse@example.com", again.mailbox(), again.toString());
    assertEquals(1, cache.size(), "the refreshed entry replaced the stale one");
  }

  @Test
  void eachRegistryIsAskedNoFasterThanItsSpacing() throws Exception {
    String[] ips = {"192.0.2.1", "192.0.2.2", "198.51.100.3", "2001:db8::4"};
    for (String ip : ips) {
      one.on(ip, json(single(ip)));
    }
    RdapLimits limits = RdapLimits.defaults().withSpacing(one.registry(), Duration.ofSeconds(6));
    Map<String, RdapAnswer> answers = run(new RdapCache(), limits, ips);
    List<RdapTestServer.Hit> hits = one.hits();
    assertEquals(4, hits.size(), hits.toString());
    for (int i = 1; i < hits.size(); i++) {
      assertEquals(
          Duration.ofSeconds(6),
          Duration.between(hits.get(i - 1).at(), hits.get(i).at()),
          "between requests " + i + " and " + (i + 1) + ": " + hits);
    }
    assertEquals(Duration.ofSeconds(18), time.slept(), time.sleeps().toString());
    assertEquals("abuse-192-0-2-2@example.com", answers.get("192.0.2.2").mailbox());
  }

  @Test
  void lacnicIsAskedAtMostTenTimesAMinuteByDefault() {
    RdapLimits limits = RdapLimits.defaults();
    assertTrue(
        limits.spacingFor("lacnic").compareTo(Duration.ofSeconds(6)) >= 0, limits.toString());
    assertEquals(Duration.ofSeconds(2), limits.spacingFor("127.0.0.1:80"), "unknown servers");
  }

  @Test
  void registriesAreAskedSideBySide() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    AtomicBoolean oneMet = new AtomicBoolean();
    AtomicBoolean twoMet = new AtomicBoolean();
    one.on("192.0.2.10", meet(both, oneMet, json(fixture("arin-192.0.2.0.json"))));
    two.on("203.0.113.9", meet(both, twoMet, json(fixture("apnic-203.0.113.0.json"))));
    Map<String, RdapAnswer> answers =
        run(new RdapCache(), RdapLimits.defaults(), "192.0.2.10", "203.0.113.9");
    assertTrue(oneMet.get() && twoMet.get(), "both requests were open at once");
    assertEquals("abuse@example.jp", answers.get("203.0.113.9").mailbox(), answers.toString());
  }
}
