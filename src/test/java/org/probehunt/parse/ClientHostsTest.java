package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One host, one text: every way a log writes an address reads as the same client. */
class ClientHostsTest {
  private static final String T = "[01/Oct/2025:12:00:01 +0900]";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2a00:db8::1, 2a00:db8::1",
    "2A00:DB8:0:0::1, 2a00:db8::1",
    "2a00:0db8:0000:0000:0000:0000:0000:0001, 2a00:db8::1",
    "[2a00:db8::1], 2a00:db8::1",
    "[2A00:DB8::0001], 2a00:db8::1",
    "fe80::1%eth0, fe80::1",
    "[fe80::1%25eth0], fe80::1",
    "FE80:0:0:0:0:0:0:1%en0, fe80::1",
    "::ffff:203.0.113.9, 203.0.113.9",
    "::FFFF:CB00:7109, 203.0.113.9",
    "[::ffff:203.0.113.9], 203.0.113.9",
    "0:0:0:0:0:ffff:cb00:7109, 203.0.113.9",
    "010.001.002.003, 10.1.2.3",
    "203.000.113.009, 203.0.113.9",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:1, ::1",
    "::, ::",
    "SURF.Wil.NET, surf.wil.net",
  })
  void anAddressHasOneText(String logged, String canonical) {
    assertEquals(canonical, ClientHosts.canonical(logged));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "203.0.113.9",
        "surf.wil.net",
        "0.0.0.0",
        "10.0.0.1",
        "[203.0.113.9]",
        "203.0.113.9%eth0",
        "2a00:db8::1%",
        "2a00:db8::1:",
        "[2a00:db8::1]:443",
        "1:2:3:4:5:6:7:8:9",
        "0123.example",
        "x:y",
        "[",
        "[]"
      })
  void anythingElseIsKeptAsLogged(String logged) {
    assertEquals(logged, ClientHosts.canonical(logged));
  }

  /** The bytes a client was read as give the hash its text gives, where decoding keeps them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.1",
        "10.0.0.0",
        "010.0.0.1",
        "192.0.2.01",
        "scan.example.net",
        "SCAN.example.net",
        "2001:db8::1",
        "[2001:db8::1]",
        "2001:DB8::1",
        "2001:db8:0:0::1",
        "::ffff:c000:201",
        "::1",
        "a\\b",
        "tab\there",
        "caf\u00e9.example"
      })
  void aClientsBytesHashAsItsText(String client) {
    byte[] bytes = client.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    boolean decodesToItself = client.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '\\');
    long text = ClientHosts.hashIfCanonical(client, 0, client.length());
    assertEquals(
        decodesToItself ? text : -1, ClientHosts.hashIfCanonical(bytes, 0, bytes.length), client);
    if (text >= 0) {
      assertEquals(client, ClientHosts.canonical(client), "hashed as it is, so its own form");
    }
  }

  /**
   * Text is taken as IPv6 in canonical form without being parsed exactly when parsing and writing
   * it again gives it back: over random strings of up to eleven characters from the symbols an
   * address is written with (weighted to the zeros and colons that decide it), and over random
   * addresses written by the formatter, in upper case, and with each of their runs of zero groups
   * written as {@code ::} in turn, or none.
   */
  @Test
  void ipv6IsTakenAsWrittenOnlyWhenItIsItsCanonicalForm() {
    Random random = new Random(5952);
    String symbols = "0000:::1af0F.";
    int taken = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 2 + random.nextInt(10);
      for (int k = 0; k < length; k++) {
        text.append(symbols.charAt(random.nextInt(symbols.length())));
      }
      taken += checkTakenAsWritten(text.toString()) ? 1 : 0;
    }
    assertTrue(taken > 1_000, "some random texts are canonical IPv6: " + taken);
    for (int i = 0; i < 50_000; i++) {
      long hi = zeroRuns(random);
      long lo = zeroRuns(random);
      String text = IpLiterals.formatV6(hi, lo);
      // The formatter writes an IPv4-mapped address with a dotted quad: that one is parsed.
      assertTrue(checkTakenAsWritten(text) || text.contains("."), text);
      checkTakenAsWritten(text.toUpperCase(Locale.ROOT));
      // The same address with any other run of zero groups written as "::", or none.
      int[] groups = new int[8];
      for (int g = 0; g < 8; g++) {
        groups[g] = (int) ((g < 4 ? hi : lo) >>> 48 - 16 * (g % 4)) & 0xffff;
      }
      for (int start = 0; start < 8; start++) {
        for (int end = start; end < 8 && groups[end] == 0; end++) {
          checkTakenAsWritten(compressing(groups, start, end + 1));
        }
      }
      checkTakenAsWritten(compressing(groups, 0, 0));
    }
  }

  /**
   * Checks that {@code text} is taken as IPv6 written as it should be exactly when parsing and
   * writing it again gives it back, and that a client with a colon hashes in place exactly then;
   * returns whether it was. (Text without a colon is an IPv4 address or a name: hashed in place
   * only if it is its own canonical form, as before.)
   */
  private static boolean checkTakenAsWritten(String text) {
    byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long[] value = new long[2];
    boolean canonical =
        IpLiterals.parse(text, 0, text.length(), 4, value) == 128
            && text.equals(IpLiterals.formatV6(value[0], value[1]))
            && text.equals(ClientHosts.canonical(text));
    assertEquals(canonical, IpLiterals.isFormattedV6(ascii, 0, ascii.length), text);
    long hash = ClientHosts.hashIfCanonical(ascii, 0, ascii.length);
    assertEquals(hash, ClientHosts.hashIfCanonical(text, 0, text.length()), text);
    if (text.indexOf(':') >= 0) {
      assertEquals(canonical ? text.hashCode() & 0xffffffffL : -1, hash, text);
    } else if (hash >= 0) {
      assertEquals(text, ClientHosts.canonical(text));
      assertEquals(text.hashCode() & 0xffffffffL, hash, text);
    }
    return canonical;
  }

  /** The groups in hex, those from {@code start} to {@code end} (none if equal) written "::". */
  private static String compressing(int[] groups, int start, int end) {
    StringBuilder text = new StringBuilder();
    for (int g = 0; g < 8; g++) {
      if (g == start && end > start) {
        text.append("::");
        g = end - 1;
      } else {
        text.append(text.length() == 0 || text.charAt(text.length() - 1) == ':' ? "" : ":")
            .append(Integer.toHexString(groups[g]));
      }
    }
    return text.toString();
  }

  /**
   * A half of an address whose groups are often zero, so that runs of zeros of every length come.
   */
  private static long zeroRuns(Random random) {
    long half = 0;
    for (int g = 0; g < 4; g++) {
      int kind = random.nextInt(3);
      long group = kind == 0 ? 0 : kind == 1 ? random.nextInt(16) : random.nextInt(0x10000);
      half = half << 16 | group;
    }
    return half;
  }

  @Test
  void plainTextIsNotCopiedAgain() {
    String host = "surf.wil.net";
    assertSame(host, ClientHosts.canonical(host));
  }

  /** The same address in each form the issue names, and the ways a log may write them. */
  private static final List<String> FORMS =
      List.of(
          "2a00:db8::1",
          "2A00:DB8:0:0::1",
          "[2a00:db8::1]",
          "2a00:db8:0:0:0:0:0:1",
          "2a00:0db8::0001");

  @Test
  void everyLayoutReadsTheCanonicalClientAndTheJoinBackFindsIt() {
    FormatCatalog catalog = FormatCatalog.read("f", List.of("pipes = %h|%t|%r|%>s"));
    FileParser parser = catalog.parser(LogFormat.COMBINED);
    for (String form : FORMS) {
      for (String line :
          List.of(
              form + " - - " + T + " \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"",
              form + " - - " + T + " \"GET / HTTP/1.1\" 200 5",
              "www.example.jp:443 " + form + " - - " + T + " \"GET /\" 200 5",
              T + " " + form + " TLSv1.3 X \"GET / HTTP/1.1\" 5",
              form + "|" + T + "|GET /|200")) {
        Request r = assertInstanceOf(Request.class, parser.parse(line), line);
        assertEquals("2a00:db8::1", r.host(), line);
        assertTrue(parser.mayBeFrom(line, HostSet.of(Set.of("2a00:db8::1"))), line);
      }
    }
  }

  @Test
  void mappedAddressesAreTheirIpv4Host() {
    FileParser parser = FormatCatalog.builtIns().parser(LogFormat.COMBINED);
    for (String form : List.of("::ffff:198.18.7.1", "::ffff:c612:701", "[::FFFF:198.18.7.1]")) {
      String line = form + " - - " + T + " \"GET /cgi-bin/phf HTTP/1.0\" 404 5";
      assertEquals("198.18.7.1", ((Request) parser.parse(line)).host(), line);
      assertEquals("198.18.7.1", LineParser.client(line, LogFormat.COMBINED), line);
    }
  }

  @Test
  void aCompiledFormatsClientIsCanonicalToo() {
    LogFormat format =
        FormatLanguage.compile("front", "$remote_addr [$time_local] \"$request\" $status");
    String line = "[2A00:DB8::1] [01/Oct/2025:12:00:01 +0900] \"GET / HTTP/1.1\" 200";
    assertEquals("2a00:db8::1", ((Request) LineParser.parse(line, format)).host());
    assertEquals("2a00:db8::1", LineParser.client(line, format));
  }

  @Test
  void everyIpv6AddressReadsAsItsRfc5952Text() throws UnknownHostException {
    // Random addresses with runs of zero groups, each written canonically, in upper case and in
    // full: all must read as the text Guava gives (RFC 5952).
    Random random = new Random(5952);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[16];
      for (int g = 0; g < 8; g++) {
        int kind = random.nextInt(4);
        int group = kind == 0 ? 0 : kind == 1 ? random.nextInt(16) : random.nextInt(0x10000);
        bytes[2 * g] = (byte) (group >>> 8);
        bytes[2 * g + 1] = (byte) group;
      }
      InetAddress address = InetAddress.getByAddress(bytes);
      if (!(address instanceof Inet6Address)) {
        continue; // an IPv4-mapped address: Java reads it as IPv4; see mappedAddressesAre...
      }
      String expected = InetAddresses.toAddrString(address);
      assertEquals(expected, ClientHosts.canonical(expected), expected);
      assertEquals(expected, ClientHosts.canonical(expected.toUpperCase(Locale.ROOT)), expected);
      StringBuilder full = new StringBuilder();
      for (int g = 0; g < 8; g++) {
        full.append(g == 0 ? "" : ":")
            .append(String.format("%02x%02x", bytes[2 * g] & 0xff, bytes[2 * g + 1] & 0xff));
      }
      assertEquals(expected, ClientHosts.canonical(full.toString()), full.toString());
    }
  }
}
