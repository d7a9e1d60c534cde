package org.probehunt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StackFramesTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final AtomicBoolean verbose = new AtomicBoolean();
  private final PrintStream err =
      new PrintStream(new StackFrames(console, verbose::get), true, StandardCharsets.UTF_8);

  @Test
  void aPrintedExceptionKeepsItsOwnLinesAndLosesItsFrames() {
    Exception e =
        new RejectedExecutionException("pool shutting down", new IllegalStateException("stopped"));
    e.addSuppressed(new IOException("also"));
    err.println("12:00:00 ERROR Utils: uncaught error in thread cleaner");
    e.printStackTrace(err);
    err.println("probehunt: out of memory in thread cleaner");
    err.close();
    assertEquals(
        """
        12:00:00 ERROR Utils: uncaught error in thread cleaner
        java.util.concurrent.RejectedExecutionException: pool shutting down
        probehunt: out of memory in thread cleaner
        """,
        console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void linesThatOnlyBeginLikeFramesPass() {
    err.print("at last\n\tat\n\tattic\n  ...\nCaused\nCaused by:x\n\n\t\n");
    err.print("Caus");
    err.flush();
    assertEquals(
        "at last\n\tat\n\tattic\n  ...\nCaused\nCaused by:x\n\n\t\n",
        console.toString(StandardCharsets.UTF_8));
    err.print("e of the failure: ünïcode\n");
    assertEquals(
        "at last\n\tat\n\tattic\n  ...\nCaused\nCaused by:x\n\n\t\nCause of the failure: ünïcode\n",
        console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aLineIsPassedAsItIsWrittenOnceItsStartDecides() {
    err.print("probehunt: reading");
    err.flush();
    assertEquals("probehunt: reading", console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void underVerboseFramesPass() {
    verbose.set(true);
    new IllegalStateException("shown").printStackTrace(err);
    String shown = console.toString(StandardCharsets.UTF_8);
    assertEquals("java.lang.IllegalStateException: shown", shown.lines().findFirst().orElseThrow());
    assertEquals(true, shown.contains("\tat org.probehunt.cli.StackFramesTest."), shown);
  }
}
