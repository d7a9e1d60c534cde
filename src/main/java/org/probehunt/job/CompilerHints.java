package org.probehunt.job;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler off the code a run needs only for a while (the list and the
 * reason are in compiler-directives.json), through the JVM's own diagnostic command.
 */
final class CompilerHints {
  /** {@code -Dprobehunt.compilerHints=false} leaves the JVM's compilers as they are. */
  static final String SWITCH = "probehunt.compilerHints";

  private static final String RESOURCE = "compiler-directives.json";

  /** The JVM keeps a stack of at most 50 directives: a JVM that starts Spark often adds one. */
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private CompilerHints() {}

  /** {@link #install}, the first time this JVM asks. */
  static void installOnce() {
    if (INSTALLED.compareAndSet(false, true)) {
      install();
    }
  }

  /**
   * Adds the directives unless {@link #SWITCH} is false; returns the JVM's answer, or empty when
   * they were not added. A JVM without HotSpot's diagnostic commands runs as it would have anyway,
   * only with more compiling: that is no reason to stop or to warn on every run.
   */
  static Optional<String> install() {
    if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
      return Optional.empty();
    }
    Path file = null;
    try (InputStream in = CompilerHints.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      // The command reads a file; the JVM has parsed it by the time the call returns.
      file = Files.createTempFile("probehunt-", ".json");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      Object answer =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "compilerDirectivesAdd",
                  new Object[] {new String[] {file.toString()}},
                  new String[] {String[].class.getName()});
      return Optional.of(String.valueOf(answer).strip());
    } catch (IOException | JMException | RuntimeException e) {
      return Optional.empty();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A file of a few hundred bytes in the temporary folder: the run goes on.
        }
      }
    }
  }
}
