package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.contact.Actors;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * Research scanners in a real run: hosts.csv names them in its last column, and they get neither a
 * draft nor an abuseipdb.csv row unless --notify-research.
 */
class ResearchActorsTest {
  private static final String CENSYS = "11.0.1.5";
  private static final String SCANNER = "11.0.2.7";
  private static final String LAB = "11.0.3.9";
  private static final String SHODAN = "census2.shodan.io";

  private static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.get();
  }

  private static String line(String host, String second, String path, String agent) {
    return host
        + " - - [01/Oct/2025:10:00:"
        + second
        + " +0900] \"GET "
        + path
        + " HTTP/1.1\" 404 9 \"-\" \""
        + agent
        + "\"";
  }

  private Path logs() throws Exception {
    return LogFiles.plain(
        tmp.resolve("logs/access_log"),
        List.of(
            line(CENSYS, "01", "/", "-"),
            line(
                CENSYS,
                "02",
                "/cgi-bin/phf",
                "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)"),
            line(SCANNER, "03", "/cgi-bin/phf", "Mozilla/5.0 zgrab/0.x"),
            line(SCANNER, "04", "/cgi-bin/test-cgi", "Mozilla/5.0 zgrab/0.x"),
            line(SHODAN, "05", "/cgi-bin/test-cgi", "Mozilla/5.0"),
            line(LAB, "06", "/cgi-bin/phf", "CampusSurveyBot/2.0"),
            line("ok.example.jp", "07", "/index.html", "Mozilla/5.0")));
  }

  private Path run(Path logs, String name, boolean notifyResearch) throws Exception {
    Path out = tmp.resolve(name);
    JobSettings plain = TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString());
    NoticePlan p = plain.notices();
    Actors actors =
        Actors.load(
                new StringReader(
                    "Campus Survey,agent,CampusSurveyBot,https://survey.example.ac.jp/\n"),
                "mine.csv")
            .then(Actors.defaults());
    JobSettings settings =
        new JobSettings(
            plain.paths(),
            plain.out(),
            plain.overwrite(),
            plain.strict(),
            plain.pass(),
            plain.minProbes(),
            plain.byteOrderMark(),
            new NoticePlan(
                p.notices(),
                p.contacts(),
                p.rir(),
                p.whoisFiles(),
                p.rdap(),
                p.country(),
                p.resolve(),
                actors,
                notifyResearch));
    ProbeJob.run(spark, settings, new PrintWriter(new StringWriter()));
    return out;
  }

  private static Map<String, String> actors(Path out) throws Exception {
    Map<String, String> actors = new TreeMap<>();
    for (Map<String, String> r : CsvFiles.rows(out.resolve("hosts.csv"))) {
      actors.put(r.get("host"), r.get("actor"));
    }
    return actors;
  }

  private static List<String> abuseIpdb(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("abuseipdb.csv")).stream().map(r -> r.get("IP")).toList();
  }

  /** The hosts each drafted contact covers, as notices/index.csv counts them. */
  private static long draftedHosts(Path out) throws Exception {
    return CsvFiles.rows(out.resolve("notices/index.csv")).stream()
        .mapToLong(r -> Long.parseLong(r.get("hosts")))
        .sum();
  }

  @Test
  void researchHostsAreNamedInHostsCsvButNotDrafted() throws Exception {
    Path out = run(logs(), "out", false);

    List<String> header = CsvFiles.header(out.resolve("hosts.csv"));
    assertEquals(
        "actor",
        header.get(header.indexOf("contact_note") + 1),
        "actor follows contact_note: " + header);
    assertEquals(
        new TreeMap<>(
            Map.of(CENSYS, "Censys", SCANNER, "", SHODAN, "Shodan", LAB, "Campus Survey")),
        actors(out));
    assertEquals(List.of(SCANNER), abuseIpdb(out), "only the ordinary scanner is reported");
    assertEquals(1, draftedHosts(out), "only the ordinary scanner is drafted");
    assertEquals(
        List.of("1"),
        CsvFiles.rows(out.resolve("domains.csv")).stream().map(r -> r.get("hosts")).toList(),
        "domains.csv lists the one contact written to");
  }

  @Test
  void notifyResearchDraftsThemToo() throws Exception {
    Path out = run(logs(), "out", true);

    assertEquals("Censys", actors(out).get(CENSYS));
    assertEquals(List.of(CENSYS, SCANNER, LAB), abuseIpdb(out));
    assertEquals(4, draftedHosts(out), "every flagged host is drafted: " + actors(out));
  }
}
