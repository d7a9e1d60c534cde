package org.probehunt.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Keeps stack frames off the console. Some of Spark's and Scala's threads print an exception
 * straight to standard error (Scala's default reporter does, for a task its pool refused while
 * Spark shut down after a failure), past the logging layout that leaves traces out. This stream
 * passes every line but the frames: the exception's own line stays, and "at", "... N more", "Caused
 * by:" and "Suppressed:" lines go, as the log layout does, unless --verbose asks for them. Lines
 * are told apart by their first bytes alone, so text passes as it is written.
 */
final class StackFrames extends FilterOutputStream {
  /** After leading white space only: a frame, or the count of frames left out. */
  private static final List<byte[]> INDENTED = List.of(bytes("at "), bytes("... "));

  /** With or without leading white space. */
  private static final List<byte[]> CAUSES = List.of(bytes("Caused by: "), bytes("Suppressed: "));

  private static volatile boolean verbose;

  private enum State {
    /** The start of a line: its first bytes are held until they decide. */
    DECIDING,
    PASSING,
    DROPPING
  }

  private final BooleanSupplier shown;
  private final ByteArrayOutputStream start = new ByteArrayOutputStream();
  private State state = State.DECIDING;
  private int indent;

  /** The console's filter: frames pass once --verbose is seen. */
  StackFrames(OutputStream console) {
    this(console, () -> verbose);
  }

  StackFrames(OutputStream console, BooleanSupplier shown) {
    super(console);
    this.shown = shown;
  }

  /** --verbose: frames pass from now on. */
  static void show() {
    verbose = true;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (shown.getAsBoolean() && state == State.DECIDING && start.size() == 0) {
      out.write(b);
      return;
    }
    switch (state) {
      case PASSING -> out.write(b);
      case DROPPING -> {}
      case DECIDING -> decide(b);
    }
    if (b == '\n') {
      state = State.DECIDING;
      indent = 0;
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (state == State.DECIDING) {
      start.writeTo(out);
      start.reset();
    }
    super.close();
  }

  private void decide(int b) throws IOException {
    start.write(b);
    byte[] held = start.toByteArray();
    if (indent == held.length - 1 && (b == ' ' || b == '\t')) {
      indent++;
      return;
    }
    boolean couldBe = false;
    for (byte[] frame : indent > 0 ? INDENTED : List.<byte[]>of()) {
      couldBe |= prefixes(held, frame);
    }
    for (byte[] cause : CAUSES) {
      couldBe |= prefixes(held, cause);
    }
    if (b != '\n' && couldBe && !ends(held)) {
      return;
    }
    start.reset();
    if (b != '\n' && couldBe) {
      state = State.DROPPING;
    } else {
      out.write(held);
      state = State.PASSING;
    }
  }

  /** Whether the held bytes after the indent and {@code word} agree as far as both go. */
  private boolean prefixes(byte[] held, byte[] word) {
    for (int i = indent, j = 0; i < held.length && j < word.length; i++, j++) {
      if (held[i] != word[j]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the held bytes after the indent begin with a whole frame word. */
  private boolean ends(byte[] held) {
    for (byte[] word : indent > 0 ? INDENTED : List.<byte[]>of()) {
      if (held.length - indent >= word.length && prefixes(held, word)) {
        return true;
      }
    }
    for (byte[] word : CAUSES) {
      if (held.length - indent >= word.length && prefixes(held, word)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
