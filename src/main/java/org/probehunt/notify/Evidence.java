package org.probehunt.notify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A contact's evidence lines, in order, to be read as often as a draft needs them. Lines are held
 * in memory while they are few; past {@link #MEMORY_CHARS} they are spooled to a temporary file, so
 * one contact with millions of lines costs disk, not heap. Close it to remove the file.
 */
public final class Evidence implements Iterable<String>, Closeable {
  /** Characters held in memory before the lines go to a file: 8M characters (16 MiB). */
  static final long MEMORY_CHARS = 8L << 20;

  private final List<String> held = new ArrayList<>();
  private final long memoryChars;
  private long heldChars;
  private long size;
  private Path spool;
  private DataOutputStream writer;

  /** An empty spool, to be filled with {@link #add}. */
  public Evidence() {
    this(MEMORY_CHARS);
  }

  Evidence(long memoryChars) {
    this.memoryChars = memoryChars;
  }

  /** The given lines, held as they are. */
  public static Evidence of(List<String> lines) {
    Evidence evidence = new Evidence(Long.MAX_VALUE);
    lines.forEach(evidence::add);
    return evidence;
  }

  /** Appends a line. */
  public void add(String line) {
    try {
      if (writer == null && heldChars + line.length() > memoryChars) {
        spill();
      }
      if (writer == null) {
        held.add(line);
        heldChars += line.length();
      } else {
        write(line);
      }
      size++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool evidence lines to " + spool, e);
    }
  }

  /** The number of lines. */
  public long size() {
    return size;
  }

  /** The first {@code n} lines (all when there are fewer). */
  public List<String> head(int n) {
    List<String> head = new ArrayList<>();
    Iterator<String> lines = iterator();
    while (head.size() < n && lines.hasNext()) {
      head.add(lines.next());
    }
    release(lines);
    return head;
  }

  /** Every line, in order; reads the spool file again on each call. */
  @Override
  public Iterator<String> iterator() {
    if (spool == null) {
      return held.iterator();
    }
    try {
      writer.flush();
      return new SpoolLines(
          new DataInputStream(new BufferedInputStream(Files.newInputStream(spool), 1 << 16)), size);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spooled evidence lines in " + spool, e);
    }
  }

  /** Closes the file under an iterator left before its end. */
  static void release(Iterator<String> lines) {
    if (lines instanceof SpoolLines spooled) {
      spooled.close();
    }
  }

  /** Removes the spool file, if there is one. */
  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
    if (spool != null) {
      Files.deleteIfExists(spool);
      spool = null;
    }
    held.clear();
  }

  /** Moves the held lines into a new spool file; later lines go there too. */
  private void spill() throws IOException {
    spool = Files.createTempFile("probehunt-evidence-", ".spool");
    writer = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
    for (String line : held) {
      write(line);
    }
    held.clear();
    heldChars = 0;
  }

  /** A line as its length and its UTF-16 units: lossless, whatever the line holds. */
  private void write(String line) throws IOException {
    writer.writeInt(line.length());
    writer.writeChars(line);
  }

  /** Reads a spool file's lines back, closing it after the last one. */
  private static final class SpoolLines implements Iterator<String>, Closeable {
    private final DataInputStream in;
    private long left;

    SpoolLines(DataInputStream in, long count) {
      this.in = in;
      this.left = count;
      if (left == 0) {
        close();
      }
    }

    @Override
    public boolean hasNext() {
      return left > 0;
    }

    @Override
    public String next() {
      if (left <= 0) {
        throw new NoSuchElementException();
      }
      try {
        byte[] units = new byte[in.readInt() * 2];
        in.readFully(units);
        left--;
        if (left == 0) {
          close();
        }
        return ByteBuffer.wrap(units).asCharBuffer().toString();
      } catch (EOFException e) {
        throw new IllegalStateException("the evidence spool file ended early", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read spooled evidence lines", e);
      }
    }

    @Override
    public void close() {
      left = 0;
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
