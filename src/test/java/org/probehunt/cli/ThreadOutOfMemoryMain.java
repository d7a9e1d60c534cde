package org.probehunt.cli;

import java.util.concurrent.CountDownLatch;

/**
 * A command that never ends after one of its threads ran out of memory, as a Spark job waits for a
 * task whose thread died before it could report its failure: run by OutOfMemoryExitTest.
 */
public final class ThreadOutOfMemoryMain {
  private ThreadOutOfMemoryMain() {}

  public static void main(String[] args) throws InterruptedException {
    OutOfMemory.watchThreads();
    Thread task =
        new Thread(
            () -> {
              throw new OutOfMemoryError("Java heap space");
            },
            "Executor task launch worker for task 0.0 in stage 0.0 (TID 0)");
    task.start();
    task.join();
    new CountDownLatch(1).await(); // the job that waits for the task's report
  }
}
