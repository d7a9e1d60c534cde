package org.probehunt.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class CompilerHintsTest {
  @Test
  void theDirectivesParseAndNameThePlannerButNotTheScan() throws JMException {
    Optional<String> answer = CompilerHints.install();
    try {
      assertEquals(Optional.of("1 compiler directives added"), answer);
      String installed = command("compilerDirectivesPrint");
      assertTrue(installed.contains("org/apache/spark/*.*"), installed);
      assertTrue(installed.contains("org/codehaus/*.*"), installed);
      assertTrue(installed.contains("org/probehunt/shaded/guava/net/InetAddresses.*"), installed);
      // The scan's own code is not named: of the jar's classes, only a shaded library's are.
      assertTrue(
          !installed.replace("org/probehunt/shaded/", "").contains("org/probehunt"), installed);
    } finally {
      if (answer.isPresent()) {
        command("compilerDirectivesRemove");
      }
    }
  }

  @Test
  void theSwitchLeavesTheCompilersAlone() throws JMException {
    String before = command("compilerDirectivesPrint");
    System.setProperty(CompilerHints.SWITCH, "false");
    try {
      assertEquals(Optional.empty(), CompilerHints.install());
    } finally {
      System.clearProperty(CompilerHints.SWITCH);
    }
    assertEquals(before, command("compilerDirectivesPrint"));
  }

  private static String command(String name) throws JMException {
    return String.valueOf(
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                name,
                new Object[] {new String[0]},
                new String[] {String[].class.getName()}));
  }
}
