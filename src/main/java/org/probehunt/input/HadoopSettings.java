package org.probehunt.input;

import java.util.Properties;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration of the driver's own file system calls (output checks, run lock, ledger),
 * made as Spark makes the job's: the *-site.xml files plus every {@code spark.hadoop.*} setting.
 * spark-submit passes {@code --conf} settings to a client-mode driver as system properties, so
 * s3a:// endpoints and keys given that way reach these calls too.
 */
public final class HadoopSettings {
  private static final String PREFIX = "spark.hadoop.";

  private HadoopSettings() {}

  /** A new configuration with the {@code spark.hadoop.*} system properties applied. */
  public static Configuration driver() {
    Configuration conf = new Configuration();
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PREFIX) && name.length() > PREFIX.length()) {
        conf.set(name.substring(PREFIX.length()), properties.getProperty(name));
      }
    }
    return conf;
  }
}
