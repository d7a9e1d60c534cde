package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignsTest {
  private static final List<String> KIT = List.of("cgi-handler", "cgi-phf", "cgi-test-cgi");

  private static Campaigns.Member member(String host, List<String> rules, long first, long last) {
    return new Campaigns.Member(host, rules, first, "t" + first, last, "t" + last);
  }

  @Test
  void hostsWithTheSameProbesShareOneCampaign() {
    List<Campaigns.Campaign> campaigns =
        Campaigns.group(
            List.of(
                member("surf.wil.net", KIT, 100, 140),
                member("dialup7.example.ne.jp", KIT, 50, 60),
                member("203.0.113.9", List.of("secrets-dotenv"), 10, 20)));

    assertEquals(2, campaigns.size());
    Campaigns.Campaign kit =
        campaigns.stream().filter(c -> c.rules().equals(KIT)).findFirst().orElseThrow();
    assertEquals(List.of("dialup7.example.ne.jp", "surf.wil.net"), kit.hosts());
    assertEquals("t50", kit.firstSeen());
    assertEquals("t140", kit.lastSeen());
  }

  @Test
  void aCampaignsIdDependsOnItsRulesAlone() {
    String id = Campaigns.group(List.of(member("a", KIT, 1, 2))).get(0).id();
    assertEquals(id, Campaigns.group(List.of(member("b", KIT, 9, 9))).get(0).id());
    assertEquals(id, Campaigns.idOf(String.join(";", KIT)));
    assertNotEquals(id, Campaigns.idOf("cgi-phf"));
    assertEquals(10, id.length(), id);
  }
}
