package org.probehunt.notify;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A single-part text draft, written straight to bytes. The mail library's message object encodes a
 * body one byte at a time through three layers of streams, which was most of a draft's cost on a
 * busy month; this writer gives the very bytes the library writes for the same headers and text
 * (NoticesTest holds it to that), so a reader cannot tell which wrote a draft. NoticeFixtures with
 * attachments still go through the library.
 */
final class PlainNotice {
  /** RFC 5322's limit on a line, without its CRLF. */
  private static final int MAX_LINE = 998;

  /** RFC 2045's limit on an encoded line. */
  private static final int ENCODED_LINE = 76;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private PlainNotice() {}

  /**
   * The draft: {@code envelope}'s headers in their order (values ready to write: encoded and
   * folded), then the MIME headers and the body in {@code charset}; with {@code sevenBit}, the
   * body's bytes are declared 7bit as they are (ISO-2022-JP), else the encoding is chosen as the
   * library chooses it.
   */
  static byte[] write(Map<String, String> envelope, String body, String charset, boolean sevenBit) {
    byte[] text = body.getBytes(Charset.forName(charset));
    String encoding = sevenBit ? "7bit" : encoding(text);
    GrowingBytes out = new GrowingBytes(text.length + text.length / 2 + 512);
    envelope.forEach((name, value) -> line(out, name + ": " + value));
    line(out, "MIME-Version: 1.0");
    line(out, "Content-Type: text/plain; charset=" + charset);
    line(out, "Content-Transfer-Encoding: " + encoding);
    line(out, "X-Unsent: 1");
    line(out, "");
    switch (encoding) {
      case "quoted-printable" -> quotedPrintable(text, out);
      case "base64" -> base64(text, out);
      default -> out.write(text, 0, text.length);
    }
    return out.toByteArray();
  }

  /**
   * The transfer encoding of a text body: 7bit when every byte is printable ASCII (or CR, LF, TAB)
   * and no line is longer than RFC 5322 allows; quoted-printable when such bytes are most of it (or
   * only a line is too long); base64 otherwise.
   */
  static String encoding(byte[] text) {
    int plain = 0;
    int other = 0;
    int lineLength = 0;
    boolean longLine = false;
    for (byte value : text) {
      int b = value & 0xff;
      if (b == '\r' || b == '\n') {
        lineLength = 0;
      } else if (++lineLength > MAX_LINE) {
        longLine = true;
      }
      if (b >= 0x7f || (b < 0x20 && b != '\r' && b != '\n' && b != '\t')) {
        other++;
      } else {
        plain++;
      }
    }
    if (other == 0) {
      return longLine ? "quoted-printable" : "7bit";
    }
    return plain > other ? "quoted-printable" : "base64";
  }

  /**
   * RFC 2045 quoted-printable: lines of at most 76 characters with soft breaks, every line end
   * written as CRLF, a space encoded only before a line end or at the very end, a TAB always.
   */
  private static void quotedPrintable(byte[] text, GrowingBytes out) {
    int column = 0;
    boolean space = false; // a space waits: it is encoded only if a line end follows
    for (int i = 0; i < text.length; i++) {
      int b = text[i] & 0xff;
      if (space) {
        column = qpByte(' ', b == '\r' || b == '\n', column, out);
        space = false;
      }
      if (b == '\r' || (b == '\n' && (i == 0 || text[i - 1] != '\r'))) {
        out.write('\r');
        out.write('\n');
        column = 0;
      } else if (b == ' ') {
        space = true;
      } else if (b != '\n') {
        column = qpByte(b, b < 0x20 || b >= 0x7f || b == '=', column, out);
      }
    }
    if (space) {
      qpByte(' ', true, column, out);
    }
  }

  /** Writes one byte, encoded or not, after a soft line break if the line is full. */
  private static int qpByte(int b, boolean encode, int column, GrowingBytes out) {
    int width = encode ? 3 : 1;
    if (column + width > ENCODED_LINE - 1) {
      out.write('=');
      out.write('\r');
      out.write('\n');
      column = 0;
    }
    if (encode) {
      out.write('=');
      out.write(HEX[b >> 4]);
      out.write(HEX[b & 0xf]);
    } else {
      out.write(b);
    }
    return column + width;
  }

  /** RFC 2045 base64: lines of 76 characters, each full line ended by CRLF. */
  private static void base64(byte[] text, GrowingBytes out) {
    byte[] encoded = Base64.getEncoder().encode(text);
    for (int start = 0; start < encoded.length; start += ENCODED_LINE) {
      int end = Math.min(encoded.length, start + ENCODED_LINE);
      out.write(encoded, start, end - start);
      if (end - start == ENCODED_LINE) {
        out.write('\r');
        out.write('\n');
      }
    }
  }

  private static void line(GrowingBytes out, String line) {
    for (int i = 0; i < line.length(); i++) {
      out.write(line.charAt(i));
    }
    out.write('\r');
    out.write('\n');
  }
}
