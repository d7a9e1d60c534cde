package org.probehunt.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.json's nested counts: valid JSON, keys sorted and escaped, in place after the others. */
class SummaryTest {
  @Test
  void countsAreAnObjectSortedByKeyAfterTheKeysBefore() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("zz-last", 2L);
    counts.put("cgi-phf", 5L);
    counts.put("odd \"id\"\\\n", 1L);
    byte[] json =
        new Summary().put("probes", 8).put("probes_by_rule", counts).put("after", 1).toJson();

    JsonNode root = new ObjectMapper().readTree(json);
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("probes", "probes_by_rule", "after"), keys);
    JsonNode byRule = root.get("probes_by_rule");
    List<String> ruleIds = new ArrayList<>();
    byRule.fieldNames().forEachRemaining(ruleIds::add);
    assertEquals(List.of("cgi-phf", "odd \"id\"\\\n", "zz-last"), ruleIds, "sorted, unescaped");
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      assertEquals(e.getValue().longValue(), byRule.get(e.getKey()).asLong(), e.getKey());
    }
  }

  @Test
  void noCountsIsAnEmptyObject() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(new Summary().put("probes_by_rule", Map.of()).toJson());
    assertEquals(0, root.get("probes_by_rule").size());
    assertEquals(
        "{\n  \"probes_by_rule\": {}\n}\n",
        new String(new Summary().put("probes_by_rule", Map.of()).toJson(), StandardCharsets.UTF_8));
  }
}
