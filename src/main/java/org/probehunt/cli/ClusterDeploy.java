package org.probehunt.cli;

import java.io.PrintStream;
import java.util.Properties;

/**
 * The end of a run whose driver spark-submit started in cluster deploy mode, on a cluster node,
 * where no shell sees the exit code: the cluster shows only a final status.
 */
final class ClusterDeploy {
  /** The Spark property spark-submit sets on the driver: "client" or "cluster". */
  static final String DEPLOY_MODE = "spark.submit.deployMode";

  private ClusterDeploy() {}

  /**
   * Whether main should return instead of calling System.exit with {@code code}. In cluster deploy
   * mode a run that succeeded returns, because YARN's application master takes any System.exit,
   * even of 0, for a failure (final status FAILED, exit code 16). Any other code ends the driver
   * with that code, which makes the final status FAILED, and is told in the driver's log first,
   * since the status does not say which code it was.
   */
  static boolean returns(int code, Properties system, PrintStream err) {
    if (!"cluster".equals(system.getProperty(DEPLOY_MODE))) {
      return false;
    }
    if (code == 0) {
      return true;
    }
    err.println("probehunt: exit code " + code);
    err.flush();
    return false;
  }
}
