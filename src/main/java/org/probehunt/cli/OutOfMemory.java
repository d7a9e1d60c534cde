package org.probehunt.cli;

import java.util.IdentityHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Out of memory, on the driver or in a Spark task: told in one line with the settings that raise
 * the heap. A task's error reaches the driver inside a SparkException, often only as text.
 */
final class OutOfMemory {
  private static final Pattern TASK = Pattern.compile("Lost task ([0-9.]+ in stage [0-9.]+)");

  /** The first thread other than the command's that ran out of memory, if any did. */
  private static volatile String thread;

  /**
   * Seconds the command may go on after another thread ran out of memory. A Spark task whose thread
   * runs out may die before it can report its failure (reporting takes memory too), and the job
   * then waits for it for ever; Spark ends an executor that meets the error, and in local mode this
   * JVM is the executor. A failure that is reported ends the run well within this.
   */
  static final long GRACE_SECONDS = 20;

  private static final CountDownLatch RAN_OUT = new CountDownLatch(1);

  /** Whether the one line was told: it is told once. */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private OutOfMemory() {}

  /**
   * Makes an out-of-memory error in a thread of Spark's or ours (a heartbeat, a timer) no stack
   * trace on the console but a fact the failure's one line tells; other errors keep the JVM's
   * handling. Such a thread's death may also be what fails the run, with a message of its own.
   */
  static void watchThreads() {
    // Made now: once memory has run out, a new thread may not be.
    Thread watchdog = new Thread(OutOfMemory::endAfterGrace, "probehunt-out-of-memory");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          if (e instanceof OutOfMemoryError) {
            if (thread == null) {
              thread = t.getName();
            }
            RAN_OUT.countDown();
          } else if (previous != null) {
            previous.uncaughtException(t, e);
          } else {
            t.getThreadGroup().uncaughtException(t, e);
          }
        });
  }

  /**
   * Waits for a thread to run out of memory, then gives the command {@link #GRACE_SECONDS} to end;
   * if it has not, tells the one line (unless the failure handler has) and ends the JVM with exit
   * code 1, without the shutdown hooks, which may wait on what will never come.
   */
  private static void endAfterGrace() {
    try {
      RAN_OUT.await();
      TimeUnit.SECONDS.sleep(GRACE_SECONDS);
    } catch (InterruptedException e) {
      return;
    }
    try {
      if (TOLD.compareAndSet(false, true)) {
        System.err.println("probehunt: " + describe(null));
        System.err.flush();
      }
    } finally {
      Runtime.getRuntime().halt(ExitCodes.FAILURE);
    }
  }

  /**
   * The one line for {@code e}, for the failure handler to tell; the watchdog will not repeat it.
   */
  static String tell(Throwable e) {
    TOLD.set(true);
    return describe(e);
  }

  /** The driver ran out of memory: an Error, carried as an exception to the failure handler. */
  static final class OnDriver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OnDriver(OutOfMemoryError cause) {
      super("out of memory", cause);
    }
  }

  /** Whether {@code e} or one of its causes is an out-of-memory error, or a thread ran out. */
  static boolean isCause(Throwable e) {
    return cause(e) != null || thread != null;
  }

  /** The one line: where memory ran out, and how to raise the heap. */
  static String describe(Throwable e) {
    Throwable cause = cause(e);
    String where = "the driver";
    Matcher task = TASK.matcher(String.valueOf(cause == null ? null : cause.getMessage()));
    if (cause == null) {
      where = "thread " + thread;
    } else if (!(cause instanceof OutOfMemoryError) && task.find()) {
      where = "Spark task " + task.group(1);
    } else if (!(cause instanceof OutOfMemoryError)) {
      where = "a Spark task";
    }
    return "out of memory in "
        + where
        + " (raise the heap: spark-submit --driver-memory, or PROBEHUNT_JAVA_OPTS=-Xmx4g for"
        + " jobs/probehunt)";
  }

  /**
   * The error itself, or the exception whose text names one (a task's failure as Spark reports it);
   * null when memory is not the cause.
   */
  private static Throwable cause(Throwable e) {
    IdentityHashMap<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return t;
      }
      String message = t.getMessage();
      if (message != null && message.contains("OutOfMemoryError")) {
        return t;
      }
    }
    return null;
  }
}
