package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdapBootstrapTest {
  private static final String V4 =
      "{\"description\":\"test\",\"services\":["
          + "[[\"192.0.0.0/8\"],"
          + "[\"http://rdap.example.net/wide/\",\"https://rdap.example.net/wide/\"]],"
          + "[[\"192.0.2.0/24\",\"not-a-prefix\"],[\"https://rdap.example.org/narrow\"]],"
          + "[[\"198.51.100.0/24\"],[\"ftp://rdap.example.com/\"]],"
          + "[[\"203.0.113.0/25\"],[\"http://127.0.0.1:8080/only-http/\"]]],\"version\":\"1.0\"}";
  private static final String V6 =
      "{\"services\":[[[\"2001:db8::/32\"],"
          + "[\"https://rdap.example.net/six/\"]],[[\"2001:db8:8000::/33\"],"
          + "[\"https://rdap.example.org/six-narrow/\"]]]}";

  private static RdapBootstrap loaded() throws Exception {
    return RdapBootstrap.load(List.of(stream(V6), stream(V4)));
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.1.1, https://rdap.example.net/wide/",
    "192.0.2.200, https://rdap.example.org/narrow/",
    "2001:db8::1, https://rdap.example.net/six/",
    "[2001:db8:8000::1], https://rdap.example.org/six-narrow/",
    "203.0.113.1, http://127.0.0.1:8080/only-http/"
  })
  void longestPrefixWinsAndHttpsIsPreferred(String ip, String base) throws Exception {
    assertEquals(Optional.of(base), loaded().baseFor(ip), ip);
  }

  @ParameterizedTest
  @CsvSource({"198.51.100.1", "203.0.113.200", "10.0.0.1", "2001:db9::1", "surf.wil.net", "''"})
  void addressesWithoutAUsableServiceHaveNone(String ip) throws Exception {
    assertEquals(Optional.empty(), loaded().baseFor(ip), ip);
  }

  @Test
  void theJarHoldsIanasFiles() {
    RdapBootstrap iana = RdapBootstrap.defaults();
    // 221 IPv4 and 34 IPv6 prefixes in IANA's files of 2019-06-07 and 2024-11-01.
    assertEquals(255, iana.size(), "prefixes in the shipped files");
    assertEquals(Optional.of("https://rdap.arin.net/registry/"), iana.baseFor("192.0.2.1"));
    assertEquals(Optional.of("https://rdap.arin.net/registry/"), iana.baseFor("198.51.100.1"));
    assertEquals(Optional.of("https://rdap.apnic.net/"), iana.baseFor("203.0.113.1"));
    // The IPv6 documentation prefix lies inside APNIC's 2001:c00::/23.
    assertEquals(Optional.of("https://rdap.apnic.net/"), iana.baseFor("2001:db8::1"));
  }

  @ParameterizedTest
  @CsvSource({
    "https://rdap.arin.net/registry/, arin", "https://rdap.db.ripe.net/, ripencc",
    "https://rdap.apnic.net/, apnic", "https://rdap.lacnic.net/rdap/, lacnic",
    "https://rdap.afrinic.net/rdap/, afrinic", "https://RDAP.Example.NET/x/, rdap.example.net",
    "http://127.0.0.1:8080/a/, 127.0.0.1:8080",
        "https://rdap.arin.net.example.com/, " + "rdap.arin.net.example.com"
  })
  void registriesAreNamedByHost(String url, String registry) {
    assertEquals(registry, RdapBootstrap.registry(url), url);
  }

  @Test
  void aFileThatIsNotBootstrapJsonIsRefusedWithItsPlace() {
    ContactException notJson =
        assertThrows(
            ContactException.class,
            () -> RdapBootstrap.load(List.of(stream(V4), stream("<html>"))));
    assertTrue(
        notJson.getMessage().startsWith("RDAP bootstrap file 2 of 2: not JSON"),
        notJson.getMessage());
    ContactException noServices =
        assertThrows(
            ContactException.class, () -> RdapBootstrap.load(List.of(stream("{\"services\":{}}"))));
    assertEquals(
        "RDAP bootstrap file 1 of 1: no \"services\" list (expected RFC 9224 JSON)",
        noServices.getMessage());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
