package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClusterDeployTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static Properties deployMode(String mode) {
    Properties p = new Properties();
    if (mode != null) {
      p.setProperty(ClusterDeploy.DEPLOY_MODE, mode);
    }
    return p;
  }

  private String err() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void clusterModeSuccessReturnsWithoutExit() {
    assertTrue(ClusterDeploy.returns(ExitCodes.DONE, deployMode("cluster"), err));
    assertEquals("", err());
  }

  @Test
  void clusterModeTellsEveryOtherCodeInTheDriverLogAndExits() {
    for (int code : new int[] {ExitCodes.FAILURE, ExitCodes.USAGE, ExitCodes.DAMAGED_INPUT}) {
      bytes.reset();
      assertFalse(ClusterDeploy.returns(code, deployMode("cluster"), err), "code " + code);
      assertEquals("probehunt: exit code " + code + System.lineSeparator(), err());
    }
  }

  @Test
  void clientAndLocalModeExitSilently() {
    for (String mode : new String[] {"client", null}) {
      for (int code : new int[] {ExitCodes.DONE, ExitCodes.DAMAGED_INPUT}) {
        assertFalse(ClusterDeploy.returns(code, deployMode(mode), err), mode + ", code " + code);
      }
    }
    assertEquals("", err());
  }
}
