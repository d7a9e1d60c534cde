package org.probehunt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Campaign ids; the grouping itself is tested on a real Spark session in job/DraftingTest. */
class CampaignsTest {
  private static final String KIT = "cgi-handler;cgi-phf;cgi-test-cgi";

  @Test
  void aCampaignsIdDependsOnItsRulesAlone() {
    String id = Campaigns.idOf(KIT);
    assertEquals(id, Campaigns.idOf(new String(KIT.toCharArray())));
    assertNotEquals(id, Campaigns.idOf("cgi-phf"));
    assertEquals(10, id.length(), id);
    assertTrue(id.matches("c-[0-9a-f]{8}"), id);
  }
}
