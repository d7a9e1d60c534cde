package org.probehunt.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainsTest {
  @ParameterizedTest
  @CsvSource({
    "surf.wil.net, wil.net",
    "www.myname.co.jp, myname.co.jp",
    "a.b.ac.uk, b.ac.uk",
    "foo.ne.jp, foo.ne.jp",
    "www.example.or.jp, example.or.jp",
    "Mail.Example.COM, example.com",
    "host.example.com., example.com",
    "crawl-66-249-66-1.googlebot.com, googlebot.com",
    "x.example.github.io, github.io"
  })
  void registrableDomain(String host, String domain) {
    assertEquals(Optional.of(domain), Domains.registrable(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.1",
        "2001:db8::1",
        "[2001:db8::1]",
        "::ffff:192.0.2.1",
        "localhost",
        "host.invalid-tld-xyz",
        "co.jp",
        "jp",
        "ac.uk",
        "999.1.1.1",
        "",
        "evil.com\r\nBcc: victim@example.org",
        "evil.com\nX: y",
        "user@evil.com",
        "a.com,b.com",
        "<evil.com>",
        "evil com",
        "\"evil.com\"",
        "a..example.com",
        ".example.com",
        "-a.example.com",
        "\u00e9xample.com"
      })
  void noRegistrableDomain(String host) {
    assertEquals(Optional.empty(), Domains.registrable(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "[2001:db8::1]", "::1", "0.0.0.0"})
  void ipLiterals(String host) {
    assertTrue(Domains.isIpLiteral(host));
    assertFalse(Domains.isHostName(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"surf.wil.net", "192.0.2", "1.2.3.4.5", "[192.0.2.1", "2001:db8::g"})
  void notIpLiterals(String host) {
    assertFalse(Domains.isIpLiteral(host));
  }

  @Test
  void overLongNamesAreRejected() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, label) + ".com";
    assertEquals(Optional.empty(), Domains.registrable(name));
    assertEquals(Optional.empty(), Domains.registrable("a".repeat(64) + ".example.com"));
    assertEquals(Optional.of("example.com"), Domains.registrable(label + ".example.com"));
  }

  @ParameterizedTest
  @CsvSource({
    "wil.net, wil.net",
    "../../etc/passwd, etc-passwd",
    "'Evil Corp, Inc.', evil-corp-inc.",
    "'a\r\nb', a-b"
  })
  void safeKeys(String text, String key) {
    assertEquals(key, Domains.safeKey(text));
  }

  @Test
  void longKeysKeepApartAndEndInTheirDigest() {
    // Reverse-DNS names of 150 to 253 characters that share their first 120: one host each.
    String shared = ("scan-" + "x".repeat(54) + ".").repeat(2); // 120 characters
    Set<String> keys = new HashSet<>();
    for (String tail : List.of("a.example.net", "b.example.net", "-".repeat(40) + ".net")) {
      String key = Domains.safeKey(shared + tail + "." + "y".repeat(100));
      assertEquals(100, key.length(), key);
      assertTrue(key.matches("[a-z0-9_.-]{82}[^.-]-[0-9a-f]{16}"), key);
      assertEquals(
          key, Domains.safeKey(shared.toUpperCase(Locale.ROOT) + tail + "." + "y".repeat(100)));
      keys.add(key);
    }
    assertEquals(3, keys.size());
    // A cut that ends in dots and dashes drops them: "...aaa.-" and "...aaa" are one head.
    String cut = Domains.safeKey("a".repeat(81) + ".-" + "b".repeat(40));
    assertTrue(cut.startsWith("a".repeat(81) + "-"), cut);
    assertEquals(81 + 1 + 16, cut.length(), cut);
    // A host key, whose dots become dashes, has one dash before its digest, not two.
    String host = ContactKeys.name("a".repeat(82) + "." + "b".repeat(100) + ".example.net");
    assertTrue(host.matches("host_a{82}-[0-9a-f]{16}"), host);
    // Up to 100 characters a key is as before.
    assertEquals("a".repeat(100), Domains.safeKey("A".repeat(100)));
  }
}
