package org.probehunt.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The names that are taken as access logs, archives and hidden files. */
class LogNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "access_log",
        "access.log",
        "ACCESS_LOG",
        "ssl_access_log",
        "other_vhosts_access.log",
        "other_vhosts_access.log.1",
        "access_log.1",
        "access.log.2.gz",
        "access_log-20251001",
        "access_log-20251001.gz",
        "access_log_2025-10-01",
        "access.log.2025-10-01.bz2",
        "access_log.20251001",
        "example.com-access.log",
        "www.example.com_access_log.xz",
        "example.com-access.2025-10-01.log",
        "foo_access_ssl.log.1.zst",
        "accesslog",
        "u_ex251001.log",
        "U_EX251001.LOG",
        "ex251001.log",
        "u_ex25100113.log",
        "u_ex251001_x.log",
        "u_ex2510.log.gz",
        "E2EXAMPLE.2025-10-01-00.a1b2c3d4.gz",
        "E2EXAMPLE.2025-10-01-23.0f9e8d7c",
        "123456789012_elasticloadbalancing_ap-northeast-1_app.web.50dc6c495c0c9188_20251001T0000Z"
            + "_10.0.1.5_2et2e1mx.log.gz",
        "123456789012_elasticloadbalancing_us-east-1_my-elb_20251001T0005Z_192.0.2.1_a1b2.log",
        "access.json",
        "site-access.json.1",
        "access.json.gz",
        "www_access.2025-10-01.json",
        "ssl_request_log",
        "ssl_request_log.1",
        "ssl_request_log-20251001.gz",
      })
  void accessLogNames(String name) {
    assertTrue(LogNames.looksLikeAccessLog(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "error_log",
        "error.log.1",
        "index.html",
        ".DS_Store",
        "access",
        "access_logger.py",
        "access_log.html",
        "access_log.php",
        "messages",
        "README",
        "access.log.swp",
        "backlog",
        "index.ex251001.log",
        "u_ex.log",
        "u_ex251001.log.html",
        "index.2025-10-01-00.html",
        "E2EXAMPLE.2025-10-01.a1b2c3d4.gz",
        "123456789012_elasticloadbalancing_us-east-1_app.web.json",
        "accessibility.json",
        "ssl_request_logger",
        "access.json.swp",
      })
  void otherNames(String name) {
    assertFalse(LogNames.looksLikeAccessLog(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "logs.tar",
        "logs.tar.gz",
        "LOGS.TGZ",
        "a.tar.bz2",
        "a.tbz2",
        "a.tar.xz",
        "a.txz",
        "a.tar.zst",
        "a.zip",
      })
  void archiveNames(String name) {
    assertTrue(LogNames.isArchive(name), name);
  }

  @Test
  void notArchives() {
    assertFalse(LogNames.isArchive("access_log.gz"));
    assertFalse(LogNames.isArchive("access_log.tarball"));
  }

  @Test
  void hiddenAndBaseNames() {
    assertTrue(LogNames.isHidden("_SUCCESS"));
    assertTrue(LogNames.isHidden(".access_log.crc"));
    assertFalse(LogNames.isHidden("access_log"));
    assertEquals("access_log", LogNames.baseName("a/b/access_log"));
    assertEquals("access_log", LogNames.baseName("a\\b\\access_log"));
    assertEquals("b", LogNames.baseName("a/b/"));
    assertEquals("x", LogNames.baseName("x"));
  }
}
