package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.testing.CsvFiles;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.Mails;
import org.probehunt.testing.SparkTestSession;
import org.probehunt.testing.TestSettings;

/**
 * Reports and drafts are written by the tasks, hosts and contacts in ranges: the same files
 * whatever the number of tasks, an index row per contact, and nothing half-written when a task
 * fails.
 */
class NoticeStageTest {
  @TempDir Path tmp;

  /** 120 scanners in 40 networks (one draft per /24, no registry data), and two named hosts. */
  private Path logs() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String ip = "11.0." + (i % 40) + "." + (1 + i);
      lines.add(
          ip
              + " - - [01/Oct/2025:10:00:0"
              + (i % 10)
              + " +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 1");
      lines.add(ip + " - - [01/Oct/2025:10:01:00 +0900] \"GET / HTTP/1.0\" 200 9");
    }
    lines.add("surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44");
    lines.add("www.wil.net - - [23/Nov/1998:19:53:17 +0900] \"GET /cgi-bin/test-cgi\" 404 -");
    lines.add("10.0.0.9 - - [01/Oct/2025:10:00:00 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 1");
    return LogFiles.plain(tmp.resolve("logs/access_log"), lines);
  }

  private Path run(Path logs, String name, int tasks) throws Exception {
    return run(logs, name, tasks, Tuning.DEFAULT_KEPT_EVIDENCE);
  }

  /** A run whose host pass tasks keep up to {@code keptChars} characters of evidence each. */
  private Path run(Path logs, String name, int tasks, long keptChars) throws Exception {
    SparkSession spark = SparkTestSession.get();
    spark.conf().set(Tuning.DRAFT_TASKS, Integer.toString(tasks));
    spark.conf().set(Tuning.HOST_TASKS, Integer.toString(tasks));
    spark.conf().set(Tuning.KEPT_EVIDENCE, Long.toString(keptChars));
    try {
      Path out = tmp.resolve(name);
      ProbeJob.run(
          spark,
          TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
          new PrintWriter(new StringWriter()));
      return out;
    } finally {
      spark.conf().unset(Tuning.DRAFT_TASKS);
      spark.conf().unset(Tuning.HOST_TASKS);
      spark.conf().unset(Tuning.KEPT_EVIDENCE);
    }
  }

  private static Map<String, byte[]> files(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void oneTaskOrManyWriteTheSameDraftsAndReports() throws Exception {
    Path logs = logs();
    Map<String, byte[]> one = files(run(logs, "one", 1));
    Map<String, byte[]> many = files(run(logs, "many", 7));
    assertEquals(one.keySet(), many.keySet());
    for (String name : one.keySet()) {
      assertArrayEquals(one.get(name), many.get(name), name + " differs between 1 and 7 tasks");
    }
    // 40 networks and one domain, each an English and a Japanese draft; 10.0.0.9 none.
    assertEquals(
        82, one.keySet().stream().filter(n -> n.endsWith(".eml")).count(), one.keySet().toString());
    assertTrue(one.keySet().stream().noneMatch(n -> n.contains(".tmp")), one.keySet().toString());
  }

  /**
   * The contact pass takes its records from the host pass's tasks, or, when a task met more lines
   * than it may keep, from the host pass's input read again: the same drafts and reports whether
   * every task kept its records, none did, or one did and the other did not.
   */
  @Test
  void theDraftsAreTheSameFromKeptRecordsAsFromTheInputReadAgain() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(logs()));
    // The last host by name but the two named ones, in the second of two host tasks: 40 lines of
    // about 2,070 characters, past 20,000; the first task's 60-odd hosts have far fewer.
    for (int i = 0; i < 40; i++) {
      lines.add(
          String.format(
              "99.0.0.1 - - [01/Oct/2025:11:00:%02d +0900] \"GET /cgi-bin/phf?q=%s HTTP/1.0\" 404 1",
              i, "y".repeat(2_000)));
    }
    Path logs = LogFiles.plain(tmp.resolve("kept/access_log"), lines);
    Map<String, byte[]> kept = files(run(logs, "all-kept", 2, Long.MAX_VALUE));
    assertTrue(kept.containsKey("notices/net_99-0-0-0_24.en.eml"), kept.keySet().toString());
    for (long bound : List.of(1L, 20_000L)) {
      Map<String, byte[]> other = files(run(logs, "kept-" + bound, 2, bound));
      assertEquals(kept.keySet(), other.keySet());
      for (String name : kept.keySet()) {
        assertArrayEquals(kept.get(name), other.get(name), name + " differs, bound " + bound);
      }
    }
  }

  @Test
  void theIndexNamesEveryDraftWithItsHostsAndCounts() throws Exception {
    Path out = run(logs(), "index", 3);
    List<Map<String, String>> index = CsvFiles.rows(out.resolve("notices/index.csv"));
    assertEquals(41, index.size());
    Map<String, String> wil =
        index.stream().filter(r -> r.get("contact").equals("wil.net")).findFirst().orElseThrow();
    assertEquals("postmaster@wil.net;abuse@wil.net", wil.get("to"));
    assertEquals("2", wil.get("hosts"));
    assertEquals("2", wil.get("probes"));
    assertEquals("wil.net.en.eml", wil.get("en"));
    for (Map<String, String> row : index) {
      for (String lang : List.of("en", "ja")) {
        Path draft = out.resolve("notices").resolve(row.get(lang));
        assertTrue(Files.isRegularFile(draft), row.toString());
      }
    }
    Map<String, String> net =
        index.stream()
            .filter(r -> r.get("contact").equals("net_11-0-7-0_24"))
            .findFirst()
            .orElseThrow();
    assertEquals("3", net.get("hosts"), net.toString());
    String body = Mails.body(Mails.read(out.resolve("notices/net_11-0-7-0_24.en.eml")));
    for (String host : List.of("11.0.7.8", "11.0.7.48", "11.0.7.88")) {
      assertTrue(body.contains(host + " - - "), "the /24's draft quotes " + host + ":\n" + body);
    }
    List<Map<String, String>> hosts = CsvFiles.rows(out.resolve("hosts.csv"));
    Map<String, String> special =
        hosts.stream().filter(r -> r.get("host").equals("10.0.0.9")).findFirst().orElseThrow();
    assertEquals("special-use", special.get("contact_source"));
    assertEquals("", special.get("contact"));
    String abuse = Files.readString(out.resolve("abuseipdb.csv"));
    assertTrue(!abuse.contains("10.0.0.9") && abuse.contains("11.0.7.8"), abuse);
  }

  @Test
  void hostsWithTheSameProbesShareOneCampaign() throws Exception {
    Path out = run(logs(), "campaigns", 2);
    Map<String, Map<String, String>> campaigns = new TreeMap<>();
    for (Map<String, String> row : CsvFiles.rows(out.resolve("campaigns.csv"))) {
      campaigns.put(row.get("rules"), row);
    }
    assertEquals(List.of("cgi-phf", "cgi-test-cgi"), List.copyOf(campaigns.keySet()));
    Map<String, String> phf = campaigns.get("cgi-phf");
    assertEquals(org.probehunt.detect.Campaigns.idOf("cgi-phf"), phf.get("campaign"));
    assertEquals("122", phf.get("hosts"), "120 scanners, surf.wil.net and 10.0.0.9");
    assertEquals("1998-11-23T19:52:17+09:00", phf.get("first_seen"));
    assertEquals("2025-10-01T10:01:00+09:00", phf.get("last_seen"));
    List<String> hosts = List.of(phf.get("host_list").split(";"));
    assertEquals(hosts.stream().sorted().toList(), hosts, "hosts sorted");
    assertTrue(hosts.contains("surf.wil.net") && hosts.contains("11.0.7.48"), hosts.toString());
    Map<String, String> hostRow =
        CsvFiles.rows(out.resolve("hosts.csv")).stream()
            .filter(r -> r.get("host").equals("www.wil.net"))
            .findFirst()
            .orElseThrow();
    assertEquals(campaigns.get("cgi-test-cgi").get("campaign"), hostRow.get("campaign"));
  }

  /**
   * A contact's lines travel to its task a few at a time: a host with more lines than a record
   * holds, some long enough to close a record early, and another host of the same network still
   * give an attachment with every line once, hosts in order and each host's lines in time order,
   * whatever the number of tasks.
   */
  @Test
  void aBusyHostsLinesComeInOrderWhateverTheirRecords() throws Exception {
    List<String> busy = new ArrayList<>();
    for (int i = 0; i < 3 * EvidenceRecords.CHUNK_LINES + 20; i++) {
      String target = i % 7 == 3 ? "/search?q=" + "x".repeat(6_000) + i : "/page" + i;
      busy.add(
          String.format(
              "11.0.99.5 - - [01/Oct/2025:%02d:%02d:%02d +0900] \"GET %s HTTP/1.0\" 404 1",
              i / 3600, i / 60 % 60, i % 60, i % 5 == 0 ? "/cgi-bin/phf" : target));
    }
    List<String> other =
        List.of(
            "11.0.99.77 - - [02/Oct/2025:10:00:00 +0900] \"GET /cgi-bin/phf HTTP/1.0\" 404 1",
            "11.0.99.77 - - [02/Oct/2025:10:00:01 +0900] \"GET / HTTP/1.0\" 200 9");
    List<String> lines = new ArrayList<>(other);
    lines.addAll(busy);
    Path logs = LogFiles.plain(tmp.resolve("busy/access_log"), lines);
    String expected = String.join("\r\n", busy) + "\r\n" + String.join("\r\n", other) + "\r\n";
    for (int tasks : List.of(1, 5)) {
      Path draft = run(logs, "busy" + tasks, tasks).resolve("notices/net_11-0-99-0_24.en.eml");
      Multipart parts = (Multipart) Mails.read(draft).getContent();
      BodyPart log = parts.getBodyPart(parts.getCount() - 1);
      assertEquals("evidence.log", log.getFileName());
      try (InputStream in = log.getInputStream()) {
        assertEquals(expected, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aTaskThatFailsLeavesNoHalfWrittenDraft() throws Exception {
    Path logs = logs();
    Path out = tmp.resolve("failing");
    // The drafts are written where the run stages its reports until all are written.
    Path notices = out.resolve(OutputDir.STAGING).resolve("notices");
    Path blocked = notices.resolve("net_11-0-20-0_24.ja.eml/blocker");
    // As soon as the run makes notices/, a folder takes the place of one Japanese draft: moving
    // the draft there fails, and its task with it, long before the tasks start drafting.
    Thread blocker =
        new Thread(
            () -> {
              for (int i = 0;
                  i < 60_000 && !Files.isDirectory(blocked.getParent().getParent());
                  i++) {
                pause();
              }
              try {
                Files.createDirectories(blocked);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    blocker.start();
    assertThrows(
        Exception.class,
        () ->
            ProbeJob.run(
                SparkTestSession.get(),
                TestSettings.of(List.of(logs.toUri().toString()), out.toUri().toString()),
                new PrintWriter(new StringWriter())));
    blocker.join();
    assertTrue(Files.isDirectory(blocked), "the blocker was in place");
    assertFalse(Files.exists(out.resolve("notices")), "nothing of the failed run is in place");
    try (Stream<Path> all = Files.walk(notices)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        assertTrue(!name.contains(".tmp"), "a temporary file is left: " + p);
        if (name.endsWith(".eml")) {
          // A whole draft ends with the letter's signature: the server's name.
          assertTrue(
              Mails.body(Mails.read(p)).stripTrailing().endsWith("www.myname.co.jp"),
              "whole draft: " + p);
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
