package org.probehunt.contact;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the RPSL objects (RFC 2622) of a registry's bulk whois dump, already decompressed. Objects
 * end at a blank line; {@code name: value} lines start attributes; lines starting with a space, a
 * tab or {@code +} continue the last value; {@code %} and {@code #} lines are comments, as is the
 * rest of a line from a {@code #}. Each line is UTF-8 when it is valid UTF-8, else ISO-8859-1
 * (LACNIC's dump and older RIPE objects). Junk is skipped and counted, never thrown: lines that are
 * neither, and the part of a line beyond 64 KiB. I/O failures surface from {@link #hasNext} as
 * {@link UncheckedIOException}.
 */
public final class RpslReader implements Iterator<RpslObject>, Closeable {
  /** Most attributes kept per object; the largest real aut-num objects hold tens of thousands. */
  static final int MAX_ATTRIBUTES = 50_000;

  private final DumpLines lines;
  private byte[] buf;
  private long skipped;
  private long dropped;

  private final List<RpslObject.Attribute> attributes = new ArrayList<>();
  private final StringBuilder joined = new StringBuilder();
  private final AttributeNames names = new AttributeNames();
  private String name;
  private String value;
  private boolean continued;
  private RpslObject next;
  private boolean finished;

  /** Reads from {@code in}, which {@link #close} closes. */
  public RpslReader(InputStream in) {
    this.lines = new DumpLines(in);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = readObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      finished = next == null;
    }
    return next != null;
  }

  @Override
  public RpslObject next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more objects");
    }
    RpslObject object = next;
    next = null;
    return object;
  }

  /** Lines read so far. */
  public long lines() {
    return lines.count();
  }

  /** Lines skipped as junk: neither attribute, continuation, comment nor blank. */
  public long skippedLines() {
    return skipped;
  }

  /** Lines cut at 64 KiB, plus attributes and continuations dropped beyond the limits. */
  public long cutLines() {
    return lines.cut() + dropped;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  private RpslObject readObject() throws IOException {
    while (lines.next()) {
      buf = lines.bytes();
      int start = lines.start();
      int end = lines.end();
      while (end > start && isSpace(buf[end - 1])) {
        end--;
      }
      byte first = start < end ? buf[start] : 0;
      if (start == end) {
        if (name != null) {
          return build();
        }
      } else if (first == '%' || first == '#') {
        // a comment line
      } else if (first == ' ' || first == '\t' || first == '+') {
        continuation(start + 1, end);
      } else {
        attribute(start, end);
      }
    }
    return name == null ? null : build();
  }

  private void attribute(int start, int end) {
    int colon = start;
    int hash = 0;
    while (colon < end && isNameByte(buf[colon])) {
      hash = 31 * hash + AttributeNames.lower(buf[colon]);
      colon++;
    }
    byte lead = buf[start];
    if (colon == end
        || buf[colon] != ':'
        || !(lead >= 'a' && lead <= 'z' || lead >= 'A' && lead <= 'Z')) {
      skipped++;
      return;
    }
    flush();
    name = names.of(buf, start, colon, hash);
    value = text(colon + 1, end);
    continued = false;
  }

  private void continuation(int start, int end) {
    if (name == null) {
      skipped++;
      return;
    }
    String more = text(start, end);
    if (more.isEmpty()) {
      return;
    }
    if (!continued) {
      joined.setLength(0);
      joined.append(value);
      continued = true;
    }
    if (joined.length() + more.length() >= DumpLines.MAX_LINE_BYTES) {
      dropped++;
    } else {
      joined.append(joined.length() == 0 ? "" : " ").append(more);
    }
  }

  /** The value text of {@code buf[start, end)}: up to any '#', trimmed, decoded. */
  private String text(int start, int end) {
    int stop = start;
    int high = 0;
    while (stop < end && buf[stop] != '#') {
      high |= buf[stop];
      stop++;
    }
    while (start < stop && isSpace(buf[start])) {
      start++;
    }
    while (stop > start && isSpace(buf[stop - 1])) {
      stop--;
    }
    Charset charset =
        high < 0 && Encodings.isUtf8(buf, lines.start(), lines.end())
            ? StandardCharsets.UTF_8
            : StandardCharsets.ISO_8859_1;
    return new String(buf, start, stop - start, charset);
  }

  private void flush() {
    if (name == null) {
      return;
    }
    if (attributes.size() < MAX_ATTRIBUTES) {
      attributes.add(new RpslObject.Attribute(name, continued ? joined.toString() : value));
    } else {
      dropped++;
    }
    name = null;
  }

  private RpslObject build() {
    flush();
    RpslObject object = RpslObject.of(attributes);
    attributes.clear();
    return object;
  }

  private static boolean isNameByte(byte b) {
    return b >= 'a' && b <= 'z'
        || b >= 'A' && b <= 'Z'
        || b >= '0' && b <= '9'
        || b == '-'
        || b == '_';
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
  }
}
