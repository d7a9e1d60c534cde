package org.probehunt.job;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.probehunt.contact.Actor;
import org.probehunt.contact.Actors;
import org.probehunt.contact.Assignment;
import org.probehunt.contact.Contact;
import org.probehunt.contact.ContactGroup;
import org.probehunt.contact.ContactResolver;
import org.probehunt.contact.HostFinding;
import org.probehunt.contact.Reported;
import org.probehunt.detect.Campaigns;
import org.probehunt.report.Columns;
import org.probehunt.report.Ledger;

/**
 * One row per flagged host: hosts.csv's columns, then what grouping and drafting need. Built in the
 * host pass's tasks, each from a flagged host ({@link Rows#FLAGGED}) and its requests seen one at a
 * time, with a resolver, an actor list and a ledger shipped to every task, so that the driver never
 * loops over the hosts.
 */
final class HostTable {
  /** hosts.csv's columns, then the contact's fields and the epochs that order times. */
  static final StructType SCHEMA = schema();

  // Positions in SCHEMA's rows.
  static final int HOST = 0;
  static final int FIRST_SEEN = 2;
  static final int LAST_SEEN = 3;
  static final int PROBES = 4;
  static final int REQUESTS = 5;
  static final int RULES = 6;
  static final int CATEGORIES = 7;
  static final int CAMPAIGN = 8;
  static final int CONTACT = 9;
  static final int COUNTRY = 10;
  static final int REGISTRY = 11;
  static final int NETWORK = 13;
  static final int HOLDER = 14;
  static final int CONTACT_SOURCE = 15;
  static final int ACTOR = 17;
  static final int STATUS = 18;
  static final int FIRST_EPOCH = 19;
  static final int LAST_EPOCH = 20;
  static final int CONTACT_TO = 21;
  static final int CONTACT_NAME = 22;
  static final int LOOKUP_HINT = 23;
  static final int CONTACT_COUNTRY = 24;
  static final int CHECK_URL = 25;
  static final int REPORTED_ON = 26;
  static final int REPORTED_FIRST_SEEN = 27;
  static final int REPORTED_LAST_SEEN = 28;

  private HostTable() {}

  /** What a host's row is made with, shipped to every task of the host pass. */
  record Sources(ContactResolver resolver, Actors actors, Ledger ledger, int quietDays)
      implements Serializable {}

  /**
   * A host's requests as its row needs them, added one at a time: their count, the first and last
   * (by epoch, then time as written), the first actor sign their user agents match, and the newest
   * probe. Each request is reduced to its sign's place in the list, so a host that changes its user
   * agent on every request costs one number, not a set of agents.
   */
  static final class Seen {
    private long requests;
    private long firstEpoch;
    private String firstTime;
    private long lastEpoch;
    private String lastTime;
    private int agentSign = Integer.MAX_VALUE;
    private long newestProbe = Long.MIN_VALUE;
    private boolean probed;

    /** Adds a request ({@link Rows#REQUESTS}' row). */
    void add(Row request, Actors actors) {
      long epoch = request.getLong(Rows.EPOCH);
      String time = request.getString(Rows.TIME);
      if (requests == 0 || before(epoch, time, firstEpoch, firstTime)) {
        firstEpoch = epoch;
        firstTime = time;
      }
      if (requests == 0 || before(lastEpoch, lastTime, epoch, time)) {
        lastEpoch = epoch;
        lastTime = time;
      }
      requests++;
      agentSign = Math.min(agentSign, actors.agentSign(request.getString(Rows.USER_AGENT)));
      if (!request.isNullAt(Rows.PROBE) && request.getBoolean(Rows.PROBE)) {
        probed = true;
        newestProbe = Math.max(newestProbe, epoch);
      }
    }

    /** Whether a probe was among them. */
    boolean probed() {
      return probed;
    }

    /** The number of requests added. */
    long requests() {
      return requests;
    }

    private static boolean before(long epoch, String time, long otherEpoch, String otherTime) {
      return byTime(epoch, time, otherEpoch, otherTime) < 0;
    }
  }

  /**
   * Orders two times as the host table's first and last are chosen: by epoch second, then by the
   * time as written (the same second in two offsets), as Spark ordered them before.
   */
  static int byTime(long epoch, String time, long otherEpoch, String otherTime) {
    int c = Long.compare(epoch, otherEpoch);
    return c != 0 ? c : Utf8Order.NULLS_FIRST.compare(time, otherTime);
  }

  /**
   * The row of a flagged host ({@link Rows#FLAGGED}'s row) that has requests. The status comes from
   * the ledger's reports and the newest probe.
   */
  static Row row(Row flagged, Seen seen, Sources sources) {
    String host = flagged.getString(0);
    String rules = flagged.getString(2);
    ContactResolver resolver = sources.resolver();
    Actors actors = sources.actors();
    Assignment a = resolver.assign(host);
    Contact c = a.contact();
    int sign = Math.min(seen.agentSign, actors.nameSign(resolver.nameOf(host).orElse(null)));
    Actor actor = actors.actorAt(sign).orElse(null);
    // A flagged host has a probe; its last request stands in should the pass have lost it.
    long newestProbe = seen.probed ? seen.newestProbe : seen.lastEpoch;
    Ledger ledger = sources.ledger();
    String status = ledger.status(host, newestProbe, sources.quietDays());
    Ledger.Report earlier = status.equals(Ledger.AGAIN) ? ledger.latest(host) : null;
    return RowFactory.create(
        host,
        a.domain(),
        seen.firstTime,
        seen.lastTime,
        flagged.getLong(1),
        seen.requests,
        rules,
        flagged.getString(3),
        Campaigns.idOf(rules),
        c == null ? null : c.key(),
        c == null ? null : c.country(),
        c == null ? null : c.registry(),
        a.abuse(),
        a.network(),
        a.holder(),
        a.source().label(),
        a.note(),
        actor == null ? null : actor.name(),
        status,
        seen.firstEpoch,
        seen.lastEpoch,
        c == null ? null : String.join(";", c.to()),
        c == null ? null : c.name(),
        c == null ? null : c.lookupHint(),
        c == null ? null : ContactGroup.country(c).orElse(null),
        c == null ? null : ContactGroup.checkUrl(c).orElse(null),
        earlier == null ? null : earlier.recordedDay(),
        earlier == null ? null : earlier.firstSeen(),
        earlier == null ? null : earlier.lastSeen());
  }

  /** The host as the drafts and abuseipdb.csv tell of it, from its row. */
  static HostFinding finding(Row r) {
    return new HostFinding(
        r.getString(HostTable.HOST),
        r.getString(HostTable.FIRST_SEEN),
        r.getString(HostTable.LAST_SEEN),
        r.getLong(HostTable.PROBES),
        r.getLong(HostTable.REQUESTS),
        Rows.parts(r.getString(HostTable.RULES)),
        Rows.parts(r.getString(HostTable.CATEGORIES)),
        r.getString(HostTable.NETWORK),
        r.getString(HostTable.HOLDER),
        r.isNullAt(HostTable.REPORTED_ON)
            ? null
            : new Reported(
                r.getString(HostTable.REPORTED_ON),
                r.getString(HostTable.REPORTED_FIRST_SEEN),
                r.getString(HostTable.REPORTED_LAST_SEEN)));
  }

  /**
   * Whether the host may be drafted and listed in abuseipdb.csv: all but those the ledger knows
   * ({@code status}) and the research scanners ({@code actor}), unless the plan says to write to
   * them too.
   */
  static boolean drafted(Row host, boolean notifyResearch) {
    return !Ledger.KNOWN.equals(host.getString(STATUS)) && (notifyResearch || host.isNullAt(ACTOR));
  }

  private static StructType schema() {
    StructType s = new StructType();
    for (String column : Columns.HOSTS) {
      boolean count = column.equals("probes") || column.equals("requests");
      s = s.add(column, count ? LongType : StringType, true);
    }
    return s.add("first_epoch", LongType, false)
        .add("last_epoch", LongType, false)
        .add("contact_to", StringType, true)
        .add("contact_name", StringType, true)
        .add("lookup_hint", StringType, true)
        .add("contact_country", StringType, true)
        .add("check_url", StringType, true)
        .add("reported_on", StringType, true)
        .add("reported_first_seen", StringType, true)
        .add("reported_last_seen", StringType, true);
  }
}
