package org.probehunt.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One spreadsheet-safe CSV report: RFC 4180 (CRLF, quotes as needed), UTF-8 with an optional
 * byte-order mark, text cells neutralised against formulas, numbers as numbers, null as empty.
 */
public final class CsvWriter implements Closeable {
  /** Excel needs the byte-order mark to read UTF-8 rather than the local code page. */
  private static final char BOM = '\uFEFF';

  private final CSVPrinter printer;
  private final int columns;
  private long rows;

  private CsvWriter(Writer writer, int columns) {
    try {
      this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    } catch (IOException e) {
      throw new IllegalStateException("a CSVPrinter without a header does not write", e);
    }
    this.columns = columns;
  }

  /** Starts a report on {@code out} (closed with the report) and writes the header row. */
  public static CsvWriter open(OutputStream out, List<String> header, boolean byteOrderMark)
      throws IOException {
    Writer writer = writer(out);
    if (byteOrderMark) {
      writer.write(BOM);
    }
    CsvWriter report = new CsvWriter(writer, header.size());
    report.printer.printRecord(header);
    return report;
  }

  /**
   * Continues a report on {@code out}: rows only, no mark and no header, for the pieces of a large
   * report that are written apart and joined after a piece that has them.
   */
  public static CsvWriter continuation(OutputStream out, int columns) {
    return new CsvWriter(writer(out), columns);
  }

  /**
   * UTF-8 through a buffer of characters: the printer writes a cell in several small pieces (a
   * quote, the text, a comma, often a character at a time), and each went through the encoder on
   * its own.
   */
  private static Writer writer(OutputStream out) {
    return new CharBlocks(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /**
   * Characters gathered in blocks for the writer behind: one thread writes a report, so, unlike
   * {@link java.io.BufferedWriter}, no lock is taken for each character, and a piece of a string is
   * copied, not made into a new string first.
   */
  private static final class CharBlocks extends Writer {
    private final Writer out;
    private final char[] block = new char[1 << 13];
    private int size;

    CharBlocks(Writer out) {
      this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
      if (size == block.length) {
        flushBlock();
      }
      block[size++] = (char) c;
    }

    @Override
    public void write(char[] chars, int from, int length) throws IOException {
      while (length > 0) {
        if (size == block.length) {
          flushBlock();
        }
        int n = Math.min(length, block.length - size);
        System.arraycopy(chars, from, block, size, n);
        size += n;
        from += n;
        length -= n;
      }
    }

    @Override
    public void write(String text, int from, int length) throws IOException {
      while (length > 0) {
        if (size == block.length) {
          flushBlock();
        }
        int n = Math.min(length, block.length - size);
        text.getChars(from, from + n, block, size);
        size += n;
        from += n;
        length -= n;
      }
    }

    @Override
    public Writer append(CharSequence text, int start, int end) throws IOException {
      CharSequence chars = text == null ? "null" : text; // as Writer does
      if (chars instanceof String s) {
        write(s, start, end - start);
      } else {
        for (int i = start; i < end; i++) {
          write(chars.charAt(i));
        }
      }
      return this;
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
      String s = String.valueOf(text);
      write(s, 0, s.length());
      return this;
    }

    @Override
    public Writer append(char c) throws IOException {
      write(c);
      return this;
    }

    private void flushBlock() throws IOException {
      out.write(block, 0, size);
      size = 0;
    }

    @Override
    public void flush() throws IOException {
      flushBlock();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        flushBlock();
      } finally {
        out.close();
      }
    }
  }

  /** Writes one row; it must have as many cells as the header. */
  public void row(Object... cells) throws IOException {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells, the header " + columns);
    }
    print(printer, cells);
    rows++;
  }

  /**
   * One row as text, with its line break, for a caller that measures rows before it writes them: a
   * writer of its own per row would make buffers of some kilobytes for a line of a hundred bytes.
   */
  public static String line(Object... cells) {
    StringBuilder text = new StringBuilder(128);
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      print(printer, cells);
    } catch (IOException e) {
      throw new IllegalStateException("a StringBuilder does not fail", e);
    }
    return text.toString();
  }

  /**
   * Prints a row's cells and its line break, cell by cell: printRecord goes through a stream of
   * functions per row, a tenth of a busy month's report writing, for the same bytes.
   */
  private static void print(CSVPrinter printer, Object[] cells) throws IOException {
    for (Object c : cells) {
      printer.print(cell(c));
    }
    printer.println();
  }

  /** Writes out what is buffered, e.g. before more bytes are added to the same stream. */
  public void flush() throws IOException {
    printer.flush();
  }

  /** Rows written so far, header excluded. */
  public long rows() {
    return rows;
  }

  private static Object cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return CsvCells.neutralise(value.toString());
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
