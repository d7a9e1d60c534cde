package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HadoopSettingsTest {
  private static final String KEY = "fs.s3a.endpoint.probehunt-test";

  @AfterEach
  void clear() {
    System.clearProperty("spark.hadoop." + KEY);
    System.clearProperty(KEY);
  }

  @Test
  void sparkHadoopPropertiesReachTheDriversConfiguration() {
    System.setProperty("spark.hadoop." + KEY, "http://127.0.0.1:9300");
    Configuration conf = HadoopSettings.driver();
    assertEquals("http://127.0.0.1:9300", conf.get(KEY));
  }

  @Test
  void otherPropertiesDoNot() {
    System.setProperty(KEY, "http://127.0.0.1:9300");
    assertNull(HadoopSettings.driver().get(KEY));
    assertNull(HadoopSettings.driver().get("spark.hadoop." + KEY));
  }
}
