package org.probehunt.contact;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep the JVM alive: the lookups of the contact finders and the job's helpers
 * (progress line, parallel removal) end with the run, whatever state they are left in.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads, each called {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
