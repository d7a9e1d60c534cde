package org.probehunt.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration in a form tasks can receive, so that s3a credentials and other
 * {@code spark.hadoop.*} settings reach the FileSystem calls made inside tasks.
 */
final class HadoopConf implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] bytes;
  private transient Configuration conf;

  HadoopConf(Configuration conf) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out)) {
      conf.write(data);
      data.flush();
      this.bytes = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The configuration, rebuilt once per deserialised copy (so once per task). */
  Configuration value() {
    if (conf == null) {
      Configuration c = new Configuration(false);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
        c.readFields(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      conf = c;
    }
    return conf;
  }
}
