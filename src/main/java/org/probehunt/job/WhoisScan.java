package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.probehunt.contact.FlaggedAddresses;
import org.probehunt.contact.NetworkContact;
import org.probehunt.contact.NetworkDirectory;
import org.probehunt.contact.RpslObject;
import org.probehunt.contact.RpslReader;
import org.probehunt.contact.WhoisDirectory;
import org.probehunt.contact.WhoisRecord;
import org.probehunt.input.Compression;

/**
 * {@code --whois-db}: the registries' dumps streamed once, one task per file, keeping only the
 * networks that hold a flagged address and the organisations, roles and irts those networks name.
 * What reaches the driver grows with the flagged hosts, not with the dumps.
 */
final class WhoisScan {
  private WhoisScan() {}

  /** The directory of the flagged addresses' networks; NONE when no dump is given. */
  static NetworkDirectory directory(
      JavaSparkContext jsc,
      List<String> files,
      List<String> hosts,
      HadoopConf conf,
      PrintWriter console) {
    if (files.isEmpty()) {
      return NetworkDirectory.NONE;
    }
    Broadcast<FlaggedAddresses> flagged = jsc.broadcast(FlaggedAddresses.of(hosts));
    LongAccumulator objects = jsc.sc().longAccumulator("whois objects read");
    JavaRDD<WhoisRecord> kept =
        jsc.parallelize(files, files.size())
            .flatMap(file -> records(file, conf, flagged.value(), objects))
            .persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      List<WhoisRecord> found =
          new ArrayList<>(kept.filter(r -> r instanceof WhoisRecord.Network).collect());
      Set<String> named = new HashSet<>();
      found.forEach(r -> r.named().forEach(h -> named.add(WhoisDirectory.key(r.registry(), h))));
      List<WhoisRecord> orgs = keep(jsc, kept, named, WhoisRecord.Organisation.class);
      found.addAll(orgs);
      orgs.forEach(r -> r.named().forEach(h -> named.add(WhoisDirectory.key(r.registry(), h))));
      found.addAll(keep(jsc, kept, named, WhoisRecord.AbuseMailbox.class));
      WhoisDirectory directory = WhoisDirectory.of(found);
      console.printf(
          "contacts: %d whois objects read in %d dumps: %d networks hold flagged addresses%n",
          objects.value(), files.size(), directory.networks());
      console.flush();
      return (ip, registry) -> directory.abuseOf(ip, registry).map(WhoisScan::contact);
    } finally {
      kept.unpersist();
      flagged.destroy();
    }
  }

  private static NetworkContact contact(org.probehunt.contact.WhoisAnswer a) {
    return new NetworkContact(
        a.mailbox(), a.network().toString(), a.holder(), a.holderId(), a.registry());
  }

  /** The records of one kind whose handle is named. */
  private static List<WhoisRecord> keep(
      JavaSparkContext jsc, JavaRDD<WhoisRecord> records, Set<String> named, Class<?> kind) {
    Broadcast<Set<String>> handles = jsc.broadcast(Set.copyOf(named));
    try {
      return records
          .filter(
              r ->
                  kind.isInstance(r)
                      && handles.value().contains(WhoisDirectory.key(r.registry(), r.handle())))
          .collect();
    } finally {
      handles.destroy();
    }
  }

  /** One dump's useful records, streamed: the file is never held whole. */
  private static Iterator<WhoisRecord> records(
      String file, HadoopConf conf, FlaggedAddresses flagged, LongAccumulator objects)
      throws IOException {
    Path path = new Path(file);
    InputStream raw = path.getFileSystem(conf.value()).open(path);
    RpslReader reader = new RpslReader(Compression.decoded(raw));
    return new Iterator<>() {
      private WhoisRecord next;

      @Override
      public boolean hasNext() {
        while (next == null && reader.hasNext()) {
          RpslObject object = reader.next();
          objects.add(1);
          next = WhoisRecord.of(object, flagged).orElse(null);
        }
        if (next == null) {
          close();
        }
        return next != null;
      }

      @Override
      public WhoisRecord next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        WhoisRecord r = next;
        next = null;
        return r;
      }

      private void close() {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
