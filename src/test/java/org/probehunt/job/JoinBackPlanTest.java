package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probehunt.detect.HostAllowList;
import org.probehunt.detect.RuleSet;
import org.probehunt.input.ReadOptions;
import org.probehunt.pass.PassSettings;
import org.probehunt.pass.TimeWindow;
import org.probehunt.testing.LogFiles;
import org.probehunt.testing.SparkTestSession;

/** The join back must broadcast the flagged hosts and never shuffle the request table. */
class JoinBackPlanTest {
  @TempDir Path tmp;

  @Test
  void theFlaggedHostsAreBroadcastInALeftSemiJoinWithoutAShuffle() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path log =
        LogFiles.plain(
            tmp.resolve("access_log"),
            List.of(
                "surf.wil.net - - [23/Nov/1998:19:52:17 +0900] \"GET /cgi-bin/phf\" 200 44",
                "ok.example.jp - - [23/Nov/1998:19:52:18 +0900] \"GET / HTTP/1.0\" 200 10"));
    Passes passes =
        new Passes(
            JavaSparkContext.fromSparkContext(spark.sparkContext()),
            List.of(List.of(log.toUri().toString())),
            new HadoopConf(spark.sparkContext().hadoopConfiguration()),
            new PassSettings(
                null,
                ReadOptions.defaults(),
                RuleSet.defaults(),
                HostAllowList.NONE,
                TimeWindow.ALL));
    Dataset<Row> hosts =
        spark.createDataFrame(List.of(RowFactory.create("surf.wil.net")), Rows.HOSTS);

    Dataset<Row> joined =
        ProbeJob.joinBack(passes, Set.of("surf.wil.net"), hosts, passes.counters("test"));

    assertEquals(1, joined.count());
    String plan = joined.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("BroadcastHashJoin") && plan.contains("LeftSemi"), plan);
    assertTrue(plan.contains("BroadcastExchange"), plan);
    assertFalse(plan.contains("Exchange hashpartitioning"), "no shuffle of the requests:\n" + plan);
    assertFalse(plan.contains("SortMergeJoin"), plan);
  }
}
