package org.probehunt.job;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.KnownSizeEstimation;
import org.probehunt.report.Columns;
import scala.Tuple2;

/**
 * The hosts that share one rule set, one row per campaign: campaigns.csv's figures and
 * report.html's largest campaigns. A combine by rule set over the host table: each campaign gathers
 * its hosts' names, sorted once it has them all.
 */
final class CampaignTable {
  /** campaigns.csv's columns. */
  static final StructType SCHEMA = schema();

  /** Largest first: most hosts, then most probes, then by id. */
  static final Comparator<Campaign> LARGEST = new Largest();

  private CampaignTable() {}

  /** A campaign's hosts, so far: how many, their probes, first and last times, and names. */
  static final class Campaign implements Serializable, KnownSizeEstimation {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String rules;
    private final HostTotals.Part totals = new HostTotals.Part();
    private final ArrayList<String> names = new ArrayList<>();
    private long namesSize; // the names and their places in the list, as Footprint weighs them

    private Campaign(Row host) {
      id = host.getString(HostTable.CAMPAIGN);
      rules = host.getString(HostTable.RULES);
      add(host);
    }

    private Campaign add(Row host) {
      totals.add(host);
      String name = host.getString(HostTable.HOST);
      names.add(name);
      namesSize += 4 + Footprint.string(name);
      return this;
    }

    private Campaign add(Campaign o) {
      totals.add(o.totals);
      names.addAll(o.names);
      namesSize += o.namesSize;
      return this;
    }

    /**
     * The campaign, its totals and its list of names ({@link Footprint}), the names' share kept as
     * the list grows: a large campaign has thousands.
     */
    @Override
    public long estimatedSize() {
      return 40 // a header, four pointers and a long
          + Footprint.string(id)
          + Footprint.string(rules)
          + totals.footprint()
          + 24 // the list, and its array's header: the names count their places in it
          + Footprint.array(0)
          + namesSize;
    }

    private Campaign sorted() {
      names.sort(Utf8Order.STRINGS);
      return this;
    }

    String id() {
      return id;
    }

    String rules() {
      return rules;
    }

    long hosts() {
      return totals.hosts();
    }

    long probes() {
      return totals.probes();
    }

    /** The hosts' names, sorted. */
    List<String> names() {
      return names;
    }

    /** campaigns.csv's row. */
    Row row() {
      return RowFactory.create(
          id,
          rules,
          totals.hosts(),
          totals.firstSeen(),
          totals.lastSeen(),
          String.join(";", names));
    }
  }

  /** The campaigns of {@code hosts} (host table rows), in {@code partitions} tasks. */
  static JavaRDD<Campaign> of(JavaRDD<Row> hosts, int partitions) {
    return hosts
        .mapToPair(
            h ->
                new Tuple2<>(
                    new Tuple2<>(h.getString(HostTable.CAMPAIGN), h.getString(HostTable.RULES)), h))
        .combineByKey(Campaign::new, Campaign::add, Campaign::add, partitions)
        .values()
        .map(Campaign::sorted);
  }

  private static final class Largest implements Comparator<Campaign>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Campaign a, Campaign b) {
      int c = Long.compare(b.hosts(), a.hosts());
      if (c == 0) {
        c = Long.compare(b.probes(), a.probes());
      }
      return c != 0 ? c : Utf8Order.NULLS_FIRST.compare(a.id(), b.id());
    }
  }

  private static StructType schema() {
    StructType s = new StructType();
    for (String column : Columns.CAMPAIGNS) {
      s = s.add(column, column.equals("hosts") ? LongType : StringType, true);
    }
    return s;
  }
}
