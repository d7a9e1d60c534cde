package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.contact.RdapResponsesTest.fixture;
import static org.probehunt.contact.RdapTestServer.json;
import static org.probehunt.contact.RdapTestServer.redirect;
import static org.probehunt.contact.RdapTestServer.slow;
import static org.probehunt.contact.RdapTestServer.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against real HTTP servers on 127.0.0.1 that answer in the registries' shapes. */
class RdapClientTest {
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

  /** Documentation space split between the two servers; 2001:db8:c000::/34 has no service. */
  static RdapBootstrap bootstrap(RdapTestServer first, RdapTestServer second) throws Exception {
    String file =
        "{\"services\":[[[\"192.0.2.0/24\",\"198.51.100.0/24\",\"2001:db8::/33\"],"
            + "[\""
            + first.base()
            + "\"]],[[\"203.0.113.0/24\",\"2001:db8:8000::/34\"],[\""
            + second.base()
            + "\"]]]}";
    return RdapBootstrap.load(
        List.of(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
  }

  private Map<String, RdapAnswer> lookup(RdapLimits limits, String... ips) throws Exception {
    try (RdapClient client =
        new RdapClient(bootstrap(one, two), new RdapCache(), limits, time, time)) {
      return client.lookupAll(List.of(ips));
    }
  }

  private Map<String, RdapAnswer> lookup(String... ips) throws Exception {
    return lookup(RdapLimits.defaults(), ips);
  }

  @Test
  void answersInTheRegistriesShapes() throws Exception {
    one.on("192.0.2.10", json(fixture("arin-192.0.2.0.json")))
        .on("198.51.100.7", json(fixture("ripe-198.51.100.0.json")))
        .on("2001:db8:1000::1", json(fixture("lacnic-2001.db8.1000.json")));
    Map<String, RdapAnswer> answers = lookup("192.0.2.10", "198.51.100.7", "2001:db8:1000::1");
    assertEquals(
        List.of("192.0.2.10", "198.51.100.7", "2001:db8:1000::1"),
        List.copyOf(answers.keySet()),
        "keys in the order given");
    assertEquals(
        new RdapAnswer(
            "192.0.2.10",
            "192.0.2.0",
            "192.0.2.255",
            "abuse@example.com",
            "Example Hosting Inc.",
            "NET-192-0-2-0-1",
            one.registry(),
            null),
        answers.get("192.0.2.10"));
    assertEquals("abuse@example.nl", answers.get("198.51.100.7").mailbox());
    assertEquals("redes@ejemplo.example", answers.get("2001:db8:1000::1").mailbox());
    for (RdapTestServer.Hit hit : one.hits()) {
      assertEquals("application/rdap+json", hit.accept(), hit.path());
    }
  }

  @Test
  void aRedirectToAnotherRegistryIsFollowedAndThatRegistryNamed() throws Exception {
    one.on("192.0.2.99", redirect(two.base() + "ip/192.0.2.99"));
    two.on("192.0.2.99", json(fixture("arin-192.0.2.0.json")));
    RdapAnswer answer = lookup("192.0.2.99").get("192.0.2.99");
    assertEquals("abuse@example.com", answer.mailbox(), answer.toString());
    assertEquals(two.registry(), answer.registry(), answer.toString());
    assertEquals(1, one.hits("192.0.2.99"), "asked where the bootstrap points");
    assertEquals(1, two.hits("192.0.2.99"), "asked where the redirect points");
  }

  @Test
  void tooManyRequestsWaitsAsToldThenAsksAgain() throws Exception {
    String inTwentySeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(20).atOffset(ZoneOffset.UTC));
    assertTrue(inTwentySeconds.endsWith(" GMT"), inTwentySeconds);
    one.on("192.0.2.10", status(429, "Retry-After", "7"), json(fixture("arin-192.0.2.0.json")));
    two.on(
        "203.0.113.9",
        status(429, "Retry-After", inTwentySeconds),
        json(fixture("apnic-203.0.113.0.json")));
    // One at a time: both registries would otherwise move the one fake clock together.
    RdapAnswer seconds = lookup("192.0.2.10").get("192.0.2.10");
    assertEquals("abuse@example.com", seconds.mailbox(), seconds.toString());
    assertEquals(2, one.hits("192.0.2.10"));
    assertTrue(time.sleeps().contains(Duration.ofSeconds(7)), time.sleeps().toString());
    RdapAnswer date = lookup("203.0.113.9").get("203.0.113.9");
    assertEquals("abuse@example.jp", date.mailbox(), date.toString());
    assertEquals(2, two.hits("203.0.113.9"));
    assertTrue(
        time.sleeps().contains(Duration.ofSeconds(13)),
        "20 s from the first ask, 7 s of which went by: " + time.sleeps());
  }

  @Test
  void tooManyRequestsBeyondPatienceIsAFailure() throws Exception {
    one.on("192.0.2.10", status(429, "Retry-After", "3600"));
    one.on("198.51.100.7", status(429, "Retry-After", "1"));
    Map<String, RdapAnswer> answers = lookup("192.0.2.10", "198.51.100.7");
    assertEquals("http 429 (gave up after 1 try)", answers.get("192.0.2.10").failure());
    assertEquals("http 429 (gave up after 6 tries)", answers.get("198.51.100.7").failure());
    assertEquals(1, one.hits("192.0.2.10"));
    assertEquals(6, one.hits("198.51.100.7"));
  }

  @Test
  void failuresCarryAShortReasonAndNeverStopTheRun() throws Exception {
    one.on("192.0.2.1", json("<html>Service Temporarily Unavailable</html>"))
        .on("192.0.2.2", status(503), json(fixture("arin-192.0.2.0.json")))
        .on("198.51.100.3", status(500))
        .on("2001:db8:2000::5", json(fixture("afrinic-2001.db8.2000.json")));
    Map<String, RdapAnswer> answers =
        lookup(
            "192.0.2.1",
            "192.0.2.2",
            "198.51.100.3",
            "198.51.100.4",
            "2001:db8:2000::5",
            "2001:db8:ffff::1",
            "surf.wil.net");
    assertEquals("bad json", answers.get("192.0.2.1").failure());
    assertEquals(null, answers.get("192.0.2.2").failure(), "a 503 is retried once");
    assertEquals("http 500", answers.get("198.51.100.3").failure());
    assertEquals(2, one.hits("198.51.100.3"), "one retry after a 5xx");
    assertEquals("http 404", answers.get("198.51.100.4").failure());
    assertEquals(
        new RdapAnswer(
            "2001:db8:2000::5",
            "2001:db8:2000::",
            "2001:db8:2000:ffff:ffff:ffff:ffff:ffff",
            null,
            "ORG-EX9-AFRINIC",
            "2001:0db8:2000::/48",
            one.registry(),
            "no abuse contact"),
        answers.get("2001:db8:2000::5"));
    assertEquals("no RDAP service for address", answers.get("2001:db8:ffff::1").failure());
    assertEquals("not an IP address", answers.get("surf.wil.net").failure());
    assertEquals(7, answers.size(), answers.toString());
  }

  @Test
  void anEndlessAnswerIsCutOffAndABadBaseUrlIsReported() throws Exception {
    byte[] huge = new byte[5 << 20];
    Arrays.fill(huge, (byte) ' ');
    one.on("192.0.2.10", json(huge));
    assertEquals(
        RdapAnswer.failed("192.0.2.10", one.registry(), "answer too large"),
        lookup("192.0.2.10").get("192.0.2.10"));
    assertEquals(1, one.hits("192.0.2.10"), "not asked again");
    String file = "{\"services\":[[[\"192.0.2.0/24\"],[\"http://rdap example.net/\"]]]}";
    RdapBootstrap spaced =
        RdapBootstrap.load(
            List.of(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
    try (RdapClient client =
        new RdapClient(spaced, new RdapCache(), RdapLimits.defaults(), time, time)) {
      assertEquals(
          "bad RDAP URL", client.lookupAll(List.of("192.0.2.1")).get("192.0.2.1").failure());
    }
  }

  @Test
  void aSlowAnswerTimesOutAfterOneRetry() throws Exception {
    one.on("192.0.2.10", slow(Duration.ofSeconds(3), json(fixture("arin-192.0.2.0.json"))));
    RdapLimits quick = RdapLimits.defaults().withTimeout(Duration.ofMillis(300));
    RdapAnswer answer = lookup(quick, "192.0.2.10").get("192.0.2.10");
    assertEquals(RdapAnswer.failed("192.0.2.10", one.registry(), "timeout"), answer);
    assertEquals(2, one.hits("192.0.2.10"), "asked twice");
  }
}
