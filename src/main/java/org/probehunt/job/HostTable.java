package org.probehunt.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import com.google.common.collect.Iterators;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;
import org.probehunt.contact.Actor;
import org.probehunt.contact.Actors;
import org.probehunt.contact.Assignment;
import org.probehunt.contact.Contact;
import org.probehunt.contact.ContactGroup;
import org.probehunt.contact.ContactResolver;
import org.probehunt.detect.Campaigns;
import org.probehunt.report.Columns;
import org.probehunt.report.Ledger;

/**
 * One row per flagged host: hosts.csv's columns, then what grouping and drafting need. Built in the
 * tasks: the counts and user agents come from aggregating the requests, the contact and the actor
 * from a resolver and an actor list shipped to every task, so that the driver never loops over the
 * hosts.
 */
final class HostTable {
  /** hosts.csv's columns, then the contact's fields and the epochs that order times. */
  static final StructType SCHEMA = schema();

  private HostTable() {}

  /**
   * The flagged hosts ({@link Rows#FLAGGED}) joined with their requests' counts, first and last
   * times and the first actor sign their user agents match; a host whose lines vanished between the
   * passes is left out, not guessed at. Each request is reduced to its sign's place in the list, so
   * a host that changes its user agent on every request costs one number, not a set of agents. The
   * status comes from the ledger's reports (small, shipped to every task) and the newest probe.
   */
  static Dataset<Row> build(
      Dataset<Row> flagged,
      Dataset<Row> requests,
      ContactResolver resolver,
      Actors actors,
      Ledger ledger,
      int quietDays) {
    SparkSession spark = flagged.sparkSession();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<ContactResolver> shipped = jsc.broadcast(resolver);
    Broadcast<Actors> shippedActors = jsc.broadcast(actors);
    Broadcast<Ledger> shippedLedger = jsc.broadcast(ledger);
    UserDefinedFunction agentSign =
        udf((UDF1<String, Integer>) agent -> shippedActors.value().agentSign(agent), IntegerType)
            .asNonNullable();
    Dataset<Row> seen =
        requests
            .groupBy("host")
            .agg(
                count(lit(1)).as("requests"),
                min(struct(col("epoch"), col("time"))).as("first"),
                max(struct(col("epoch"), col("time"))).as("last"),
                min(agentSign.apply(col("user_agent"))).as("agent_sign"),
                max(when(col("probe"), col("epoch"))).as("newest_probe"));
    Dataset<Row> joined =
        flagged
            .join(seen, "host")
            .select(
                "host",
                "probes",
                "rules",
                "categories",
                "requests",
                "first",
                "last",
                "agent_sign",
                "newest_probe");
    return joined.mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
            rows ->
                Iterators.transform(
                    rows,
                    r ->
                        row(
                            r,
                            shipped.value(),
                            shippedActors.value(),
                            shippedLedger.value(),
                            quietDays)),
        Encoders.row(SCHEMA));
  }

  private static Row row(
      Row r, ContactResolver resolver, Actors actors, Ledger ledger, int quietDays) {
    String host = r.getString(0);
    String rules = r.getString(2);
    Row first = r.getStruct(5);
    Row last = r.getStruct(6);
    Assignment a = resolver.assign(host);
    Contact c = a.contact();
    int sign = Math.min(r.getInt(7), actors.nameSign(resolver.nameOf(host).orElse(null)));
    Actor actor = actors.actorAt(sign).orElse(null);
    // A flagged host has a probe; its last request stands in should the pass have lost it.
    long newestProbe = r.isNullAt(8) ? last.getLong(0) : r.getLong(8);
    String status = ledger.status(host, newestProbe, quietDays);
    Ledger.Report earlier = status.equals(Ledger.AGAIN) ? ledger.latest(host) : null;
    return RowFactory.create(
        host,
        a.domain(),
        first.getString(1),
        last.getString(1),
        r.getLong(1),
        r.getLong(4),
        rules,
        r.getString(3),
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
        first.getLong(0),
        last.getLong(0),
        c == null ? null : String.join(";", c.to()),
        c == null ? null : c.name(),
        c == null ? null : c.lookupHint(),
        c == null ? null : ContactGroup.country(c).orElse(null),
        c == null ? null : ContactGroup.checkUrl(c).orElse(null),
        earlier == null ? null : earlier.recordedDay(),
        earlier == null ? null : earlier.firstSeen(),
        earlier == null ? null : earlier.lastSeen());
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
