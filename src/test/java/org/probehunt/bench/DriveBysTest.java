package org.probehunt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probehunt.detect.RuleSet;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.ParseResult;
import org.probehunt.parse.Request;

class DriveBysTest {
  private static final String START = "198.51.100.7 - - [01/Oct/2025:00:00:00 +0900] \"";

  @ParameterizedTest(name = "kit {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void everyProbeOfADriveByKitIsOneTheRulesFlag(int kit) throws IOException {
    for (int agentOf = 0; agentOf < 12; agentOf++) {
      String agent = Probes.agent(kit, agentOf);
      check(kit, (out, r) -> Probes.probe(out, r, kit, agent), true);
    }
  }

  @ParameterizedTest(name = "kit {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void aDriveBysPageFetchesAreOrdinaryRequests(int kit) throws IOException {
    for (int agentOf = 0; agentOf < 12; agentOf++) {
      String agent = Probes.agent(kit, agentOf);
      check(kit, (out, r) -> Traffic.fetch(out, r, agent), false);
    }
  }

  /** Writes 300 requests with {@code request} and checks each parses and is a probe or not. */
  private static void check(
      int kit, BiConsumer<AsciiBuffer, SplittableRandom> request, boolean probe)
      throws IOException {
    SplittableRandom r = new SplittableRandom(kit);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AsciiBuffer out = new AsciiBuffer(bytes);
    for (int i = 0; i < 300; i++) {
      out.append(START);
      request.accept(out, r);
      out.endLine();
    }
    out.flush();
    for (String line : bytes.toString(StandardCharsets.US_ASCII).lines().toList()) {
      ParseResult parsed = LineParser.parse(line, LogFormat.COMBINED);
      assertTrue(parsed instanceof Request, line + " -> " + parsed);
      assertEquals(
          probe, RuleSet.defaults().match((Request) parsed).probe(), "kit " + kit + ": " + line);
    }
  }
}
