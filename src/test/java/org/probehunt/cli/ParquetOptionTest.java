package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.probehunt.testing.Cli.probehunt;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.Cli.Outcome;
import org.probehunt.testing.FullDiskFileSystem;
import org.probehunt.testing.SparkTestSession;

/**
 * run --parquet from the command line: on a file system other than file:, staged like every report,
 * replaced by --overwrite; and summary.json's rule digest follows the --rules file.
 */
class ParquetOptionTest {
  private static final Pattern DEFAULT = FullDiskFileSystem.failing;

  @TempDir Path tmp;

  @BeforeAll
  static void shareSpark() {
    SparkTestSession.get();
  }

  @AfterEach
  void restore() {
    FullDiskFileSystem.failing = DEFAULT;
  }

  /** Every file under {@code dir}, relative, sorted; Spark's hidden checksums left out. */
  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  @Test
  void aFailedRunLeavesTheEarlierParquetWholeAndOverwriteWithoutItRemovesIt() throws IOException {
    String folder = "full://" + tmp.resolve("out").toAbsolutePath();
    FullDiskFileSystem.failing = Pattern.compile("(?!)");
    Outcome first = probehunt("run", "--parquet", "--out", folder, "data/sample");
    assertEquals(0, first.code(), first.toString());
    Path parquet = tmp.resolve("out/parquet");
    List<String> written = files(parquet);
    assertTrue(written.stream().anyMatch(f -> f.matches("requests/date=1998-11-23/.*\\.parquet")));
    assertTrue(written.stream().anyMatch(f -> f.matches("hosts/[^/]*\\.parquet")), "" + written);

    // The run fails after its Parquet tables are staged, at summary.json.
    FullDiskFileSystem.failing = Pattern.compile("summary\\.json");
    Outcome failed = probehunt("run", "--parquet", "--overwrite", "--out", folder, "data/sample");
    assertEquals(1, failed.code(), failed.toString());
    assertEquals(written, files(parquet), "the earlier run's tables, as they were");
    try (Stream<Path> top = Files.list(tmp.resolve("out"))) {
      assertEquals(
          List.of(),
          top.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
          "no staged half table left behind");
    }

    FullDiskFileSystem.failing = Pattern.compile("(?!)");
    Outcome plain = probehunt("run", "--overwrite", "--out", folder, "data/sample");
    assertEquals(0, plain.code(), plain.toString());
    assertFalse(Files.exists(parquet), "a run without --parquet removes the earlier tables");
    assertTrue(Files.exists(tmp.resolve("out/hosts.csv")));
  }

  private String digest(String out, String... rules) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--quiet", "--out", out));
    for (String r : rules) {
      args.addAll(List.of("--rules", r));
    }
    args.add("data/sample");
    Outcome o = probehunt(args.toArray(String[]::new));
    assertEquals(0, o.code(), o.toString());
    return new ObjectMapper()
        .readTree(Path.of(out).resolve("summary.json").toFile())
        .get("rules_digest")
        .asText();
  }

  @Test
  void theRuleDigestFollowsTheRuleFile() throws IOException {
    Path rules = tmp.resolve("mine.rules");
    Path copy = tmp.resolve("elsewhere/copy.rules");
    Files.copy(Path.of("data/example.rules"), rules);
    Files.createDirectories(copy.getParent());
    Files.copy(rules, copy);

    String mine = digest(tmp.resolve("a").toString(), rules.toString());
    assertEquals(mine, digest(tmp.resolve("b").toString(), copy.toString()), "same rules");
    assertNotEquals(mine, digest(tmp.resolve("c").toString()), "without the file");
    String text = Files.readString(rules);
    Files.writeString(rules, text.replace("pattern      cmd.aspx\n", ""));
    assertNotEquals(text, Files.readString(rules), "the test changes a pattern");
    assertNotEquals(mine, digest(tmp.resolve("d").toString(), rules.toString()), "changed file");
  }
}
