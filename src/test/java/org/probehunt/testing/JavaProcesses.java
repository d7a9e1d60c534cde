package org.probehunt.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.probehunt.cli.Main;

/** Runs a main class of the test classpath in a JVM of its own, e.g. with a small heap. */
public final class JavaProcesses {
  /** A finished process: its exit code and what it wrote. */
  public record Outcome(int code, String out, String err) {}

  private JavaProcesses() {}

  /**
   * Runs probehunt's command line with {@code args} in a heap of {@code heap} (e.g. {@code 320m})
   * smaller than the 450 MiB Spark asks for before any work, which it is let start in; no web UI,
   * and the launcher's logging and loopback address, as jobs/probehunt runs it. Waits at most ten
   * minutes.
   */
  public static Outcome probehunt(Path dir, String heap, String... args)
      throws IOException, InterruptedException {
    List<String> options =
        List.of(
            "-Xmx" + heap,
            "-Dspark.testing.memory=536870912",
            "-Dspark.ui.enabled=false",
            "-Dlog4j.configurationFile=jobs/conf/log4j2.properties");
    return run(dir, options, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), 600, Main.class, args);
  }

  /**
   * Runs {@code main} with {@code jvmOptions} after this JVM's own options but its heap size (the
   * module flags Spark needs), waiting at most {@code seconds}; output goes through files in {@code
   * dir}.
   */
  public static Outcome run(
      Path dir, List<String> jvmOptions, long seconds, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return run(dir, jvmOptions, Map.of(), seconds, main, args);
  }

  private static Outcome run(
      Path dir,
      List<String> jvmOptions,
      Map<String, String> environment,
      long seconds,
      Class<?> main,
      String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-Xmx") && !option.startsWith("-Xms")) {
        command.add(option);
      }
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Path out = dir.resolve("process.out");
    Path err = dir.resolve("process.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(main.getName() + " did not end within " + seconds + " s");
    }
    return new Outcome(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
