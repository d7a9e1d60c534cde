package org.probehunt.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.RuleSet;
import org.probehunt.parse.LineParser;
import org.probehunt.parse.LogFormat;
import org.probehunt.parse.ParseResult;
import org.probehunt.parse.Request;

class CorpusGeneratorTest {
  private static final CorpusSpec BUSY = new CorpusSpec(30_000, 4, 7, 400);

  /** What one drive-by address did in the corpus, as the default rules see it. */
  private static final class Seen {
    int probes;
    int others;
    final Set<String> files = new HashSet<>();
  }

  @Test
  void aBusyMonthKeepsItsLineCountAndEachScannerVisitsOnce(@TempDir Path dir) throws Exception {
    CorpusGenerator.generate(BUSY, dir);
    List<String> listed = Files.readAllLines(dir.resolve(CorpusGenerator.SCANNERS));
    assertEquals(BUSY.driveBys(), listed.size(), "addresses in scanners.txt");
    List<String> sorted = new ArrayList<>(listed);
    sorted.sort(null);
    assertEquals(sorted, listed, "scanners.txt must be sorted");
    assertEquals(listed.size(), new HashSet<>(listed).size(), "scanners.txt repeats an address");

    Map<String, Seen> seen = new HashMap<>();
    listed.forEach(a -> seen.put(a, new Seen()));
    Set<String> filesWithDriveBys = new HashSet<>();
    long lines = 0;
    for (int f = 0; f < BUSY.files(); f++) {
      String name = BUSY.fileName(f);
      for (String line : lines(dir.resolve(name))) {
        lines++;
        ParseResult parsed = LineParser.parse(line, LogFormat.COMBINED);
        if (!(parsed instanceof Request request) || !seen.containsKey(request.host())) {
          continue;
        }
        Seen s = seen.get(request.host());
        if (RuleSet.defaults().match(request).probe()) {
          s.probes++;
        } else {
          s.others++;
        }
        s.files.add(name);
        filesWithDriveBys.add(name);
      }
    }
    assertEquals(BUSY.lines(), lines, "lines over all files");
    assertEquals(BUSY.files(), filesWithDriveBys.size(), "files with drive-by scanners");
    for (Map.Entry<String, Seen> e : seen.entrySet()) {
      Seen s = e.getValue();
      String what =
          e.getKey() + ": " + s.probes + " probes, " + s.others + " other requests in " + s.files;
      assertTrue(s.probes >= 1 && s.probes <= DriveBys.MAX_PROBES, what);
      // A visitor with the same address would show up here as more ordinary requests.
      assertTrue(s.others >= 1 && s.others <= DriveBys.MAX_FETCHES, what);
      assertEquals(1, s.files.size(), what);
    }
  }

  @Test
  void returningDriveBysComeBackInAnotherFileWithoutProbing(@TempDir Path dir) throws Exception {
    CorpusSpec spec = new CorpusSpec(30_000, 4, 7, 400, 25);
    CorpusGenerator.generate(spec, dir);
    List<String> listed = Files.readAllLines(dir.resolve(CorpusGenerator.SCANNERS));
    Map<String, Map<String, Seen>> byFile = new HashMap<>();
    long lines = 0;
    for (int f = 0; f < spec.files(); f++) {
      String name = spec.fileName(f);
      for (String line : lines(dir.resolve(name))) {
        lines++;
        if (LineParser.parse(line, LogFormat.COMBINED) instanceof Request request
            && listed.contains(request.host())) {
          Seen s =
              byFile
                  .computeIfAbsent(request.host(), h -> new HashMap<>())
                  .computeIfAbsent(name, n -> new Seen());
          if (RuleSet.defaults().match(request).probe()) {
            s.probes++;
          } else {
            s.others++;
          }
        }
      }
    }
    assertEquals(spec.lines(), lines, "lines over all files");
    int returned = 0;
    // scanners.txt is sorted; the generator numbers the drive-bys in its own order.
    List<String> numbered =
        new Clients(spec.seed(), spec.visitors(), spec.scanners(), spec.driveBys())
            .driveByAddresses();
    for (int d = 0; d < numbered.size(); d++) {
      String address = numbered.get(d);
      Map<String, Seen> files = byFile.get(address);
      int back = DriveBys.returnFile(spec, d);
      assertEquals(back < 0 ? 1 : 2, files.size(), address + " in " + files.keySet());
      if (back >= 0) {
        returned++;
        Seen again = files.get(spec.fileName(back));
        assertEquals(0, again.probes, address + " probed when it came back");
        assertTrue(again.others >= 1 && again.others <= DriveBys.MAX_RETURN, address);
      }
    }
    // 25 in a hundred, give or take what 400 draws give.
    assertTrue(returned > 60 && returned < 140, returned + " of 400 came back");
  }

  @Test
  void theSameSpecGivesTheSameBytes(@TempDir Path one, @TempDir Path two) throws Exception {
    CorpusSpec spec = new CorpusSpec(5_000, 2, 11, 60);
    CorpusGenerator.generate(spec, one);
    CorpusGenerator.generate(spec, two);
    for (String name : List.of(spec.fileName(0), spec.fileName(1), CorpusGenerator.SCANNERS)) {
      assertArrayEquals(
          Files.readAllBytes(one.resolve(name)),
          Files.readAllBytes(two.resolve(name)),
          name + " differs between two runs of the same spec");
    }
  }

  @Test
  void scannersAddToTheMarkerSoAQuietCorpusIsNotReused() {
    String quiet = new CorpusSpec(5_000, 2, 11, 0).marker();
    String busy = new CorpusSpec(5_000, 2, 11, 60).marker();
    assertFalse(quiet.equals(busy), "markers of a quiet and a busy corpus must differ:\n" + quiet);
    assertTrue(busy.contains("scanners=60"), busy);
  }

  @Test
  void moreScannersThanTheFilesHoldAreRefused() {
    // 4 files of 250 lines hold at most 20 visits of 12 lines each.
    new CorpusSpec(1_000, 4, 1, 80);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CorpusSpec(1_000, 4, 1, 84));
    assertTrue(
        e.getMessage().contains("84 scanners") && e.getMessage().contains("1000 lines"),
        e.getMessage());
  }

  private static List<String> lines(Path gzip) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gzip)), StandardCharsets.US_ASCII))) {
      return in.lines().toList();
    }
  }
}
