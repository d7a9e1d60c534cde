package org.probehunt.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Hosts met with an entry's client hashes are found exactly, whichever side is larger. */
class ClientHashesTest {
  private static String address(SplittableRandom r) {
    return r.nextInt(1, 224) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
  }

  private static List<String> met(ClientHashes hosts, Set<String> clients) {
    long[] sorted = clients.stream().mapToLong(ClientHashes::hash).sorted().toArray();
    List<String> found = new ArrayList<>();
    hosts.forEachIn(sorted, found::add);
    found.sort(null);
    return found;
  }

  @Test
  void findsTheHostsAmongAFilesClientsAndNoOthers() {
    SplittableRandom r = new SplittableRandom(1998);
    Set<String> clients = new HashSet<>();
    while (clients.size() < 160_000) {
      clients.add(address(r));
    }
    Set<String> flagged = new HashSet<>();
    List<String> common = new ArrayList<>(clients).subList(0, 300);
    flagged.addAll(common);
    while (flagged.size() < 20_000) {
      flagged.add(address(r));
    }
    Set<String> expected = new TreeSet<>(flagged);
    expected.retainAll(clients);

    assertEquals(List.copyOf(expected), met(ClientHashes.of(flagged), clients), "merged");
    Set<String> few = new HashSet<>(common.subList(0, 5));
    few.add("192.0.2.1");
    assertEquals(
        new TreeSet<>(common.subList(0, 5)).stream().toList(),
        met(ClientHashes.of(few), clients),
        "looked up one by one");
    assertEquals(List.of(), met(ClientHashes.of(flagged), Set.of()));
  }

  @Test
  void addressesThatStringHashCodeConfusesAreTold() {
    // Two random dotted quads of one String.hashCode: a few thousand addresses find a pair.
    SplittableRandom r = new SplittableRandom(7);
    Map<Integer, String> seen = new HashMap<>();
    String[] pair = null;
    while (pair == null) {
      String a = address(r);
      String b = seen.putIfAbsent(a.hashCode(), a);
      if (b != null && !b.equals(a)) {
        pair = new String[] {a, b};
      }
    }
    assertEquals(pair[0].hashCode(), pair[1].hashCode());
    assertNotEquals(ClientHashes.hash(pair[0]), ClientHashes.hash(pair[1]));
    assertEquals(List.of(), met(ClientHashes.of(List.of(pair[0])), Set.of(pair[1])));
    assertEquals(
        Arrays.asList(pair[0]), met(ClientHashes.of(List.of(pair[0])), Set.of(pair[0], pair[1])));
  }
}
