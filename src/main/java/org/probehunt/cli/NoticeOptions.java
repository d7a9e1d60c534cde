package org.probehunt.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.probehunt.contact.Actors;
import org.probehunt.contact.ContactBook;
import org.probehunt.contact.ContactException;
import org.probehunt.job.NoticePlan;
import org.probehunt.notify.NoticeSettings;
import org.probehunt.notify.TemplateSet;
import org.probehunt.notify.XarfVersion;
import picocli.CommandLine.Option;

/** Who writes the notices, to whom, and how they are encoded. */
final class NoticeOptions {
  @Option(
      names = "--server-name",
      paramLabel = "NAME",
      description =
          "The attacked server as the notices name it (default: this machine's host name)."
              + " Absolute-URL requests naming it (as varnishncsa logs every request) are not"
              + " taken for open-proxy probes.")
  String serverName;

  @Option(names = "--admin", paramLabel = "NAME", description = "Who signs the notices.")
  String admin;

  @Option(
      names = "--contacts",
      paramLabel = "FILE",
      description =
          "CSV of CIDR-or-domain, address[, name]: who to write to for address ranges and domains.")
  String contactsFile;

  @Option(
      names = "--rir-stats",
      paramLabel = "FILE",
      arity = "1",
      split = ",",
      description =
          "The registries' delegated-*-extended files, for the registry, country and holder of"
              + " each address (repeat the option, or give a comma list).")
  List<String> rirFiles = new ArrayList<>();

  @Option(
      names = "--whois-db",
      paramLabel = "FILE",
      arity = "1",
      split = ",",
      description =
          "The registries' whois dumps (RPSL, gzipped or not), for the abuse mailbox of each"
              + " address's network, offline (repeat the option, or give a comma list).")
  List<String> whoisFiles = new ArrayList<>();

  @Option(
      names = "--rdap",
      description =
          "Ask the registries' RDAP servers for the abuse mailbox of addresses the files leave"
              + " without one (off: batch runs are offline).")
  boolean rdap;

  @Option(
      names = "--rdap-cache",
      paramLabel = "FILE",
      description =
          "Keep RDAP answers in FILE, one line per network, for later runs (entries older than"
              + " 30 days are asked again).")
  String rdapCache;

  @Option(
      names = "--rdap-bootstrap",
      paramLabel = "FILE",
      arity = "1",
      split = ",",
      description =
          "RDAP bootstrap files (IANA's ipv4.json, ipv6.json format) that replace the built-in"
              + " copy (repeat the option, or give a comma list).")
  List<String> rdapBootstrap = new ArrayList<>();

  @Option(
      names = "--country",
      paramLabel = "CC",
      description = "Draft notices only for hosts of this country (e.g. JP).")
  String country;

  @Option(
      names = "--resolve",
      description =
          "Look up IP hosts in reverse DNS to find their domain (off: batch runs are offline).")
  boolean resolve;

  @Option(
      names = "--actors",
      paramLabel = "FILE",
      description =
          "CSV of name, agent|rdns, text, url: research scanners to recognise besides the"
              + " built-in list (Censys, Shodan, Shadowserver...), tried first.")
  String actorsFile;

  @Option(
      names = "--notify-research",
      description =
          "Draft notices (and abuseipdb.csv rows) for the hosts of research scanners too; by"
              + " default they are reported in hosts.csv's actor column only.")
  boolean notifyResearch;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Notice templates that replace the built-in ones: files named like them"
              + " (notice.en.txt, subject.ja.txt, ...), UTF-8; any other name is an error.")
  String templatesDir;

  @Option(
      names = "--ja-charset",
      paramLabel = "CHARSET",
      defaultValue = "UTF-8",
      description =
          "Charset of the Japanese drafts: UTF-8 or ISO-2022-JP (default: ${DEFAULT-VALUE}).")
  String jaCharset;

  @Option(
      names = "--max-lines",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Log lines quoted in a letter; all of them go in an attachment past that (default:"
              + " ${DEFAULT-VALUE}).")
  int maxLines;

  @Option(
      names = "--xarf",
      paramLabel = "VERSION",
      arity = "0..1",
      fallbackValue = "4",
      converter = XarfVersions.class,
      preprocessor = XarfVersions.class,
      description =
          "Add a machine-readable X-ARF report to each draft: 4 (the default) for the XARF v4"
              + " JSON report, 0.2 for the retired X-ARF 0.2 YAML.")
  XarfVersion xarf;

  /** The plan, with {@code from} (may be null) as the drafts' From and Reply-To. */
  NoticePlan plan(String from) throws IOException, ContactException {
    if (maxLines < 1) {
      throw new UsageException("--max-lines: must be at least 1, not " + maxLines);
    }
    if (country != null && !country.matches("[A-Za-z]{2}")) {
      throw new UsageException(
          "--country: expected a two-letter country code such as JP, not '" + country + "'");
    }
    NoticeSettings settings;
    try {
      settings =
          new NoticeSettings(serverName(), admin, from, jaCharset, maxLines, xarf, templates());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    RegistryFiles.checkWhois(whoisFiles);
    return new NoticePlan(
        settings,
        contacts(),
        RegistryFiles.rirStats(rirFiles),
        whoisFiles,
        RegistryFiles.rdap(rdap, rdapCache, rdapBootstrap),
        country,
        resolve,
        actors(),
        notifyResearch);
  }

  /** Whether the drafts name a server the user chose, rather than this machine. */
  boolean serverNamed() {
    return serverName != null;
  }

  private String serverName() {
    if (serverName != null) {
      return serverName;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private ContactBook contacts() throws IOException, ContactException {
    if (contactsFile == null) {
      return ContactBook.EMPTY;
    }
    try (Reader reader = ConfigFiles.open("--contacts", contactsFile)) {
      return ContactBook.load(reader, contactsFile);
    }
  }

  private Actors actors() throws IOException, ContactException {
    if (actorsFile == null) {
      return Actors.defaults();
    }
    try (Reader reader = ConfigFiles.open("--actors", actorsFile)) {
      return Actors.load(reader, actorsFile).then(Actors.defaults());
    }
  }

  private TemplateSet templates() throws IOException {
    return templatesDir == null ? TemplateSet.defaults() : TemplateFolder.load(templatesDir);
  }
}
