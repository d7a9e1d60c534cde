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
  /** The words a trace's line begins with where it is not indented: its causes. */
  private static final List<byte[]> CAUSES = List.of(bytes("Caused by: "), bytes("Suppressed: "));

  /** After leading white space, also a frame and the count of frames left out. */
  private static final List<byte[]> INDENTED =
      List.of(bytes("at "), bytes("... "), CAUSES.get(0), CAUSES.get(1));

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
    for (byte[] word : words()) {
      couldBe |= prefixes(held, word);
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
    for (byte[] word : words()) {
      if (held.length - indent >= word.length && prefixes(held, word)) {
        return true;
      }
    }
    return false;
  }

  /** The words a frame line may begin with, after the indent held so far. */
  private List<byte[]> words() {
    return indent > 0 ? INDENTED : CAUSES;
  }

  private static byte[] bytes(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
