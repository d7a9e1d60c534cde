package org.probehunt.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the encodings W3C extended logs put on header values: IIS writes a space as {@code +},
 * CloudFront percent-encodes ({@code Mozilla/5.0%20(X11;...)}).
 */
final class W3cText {
  private W3cText() {}

  /** {@code line[from, to)} with each {@code +} read as a space, as IIS writes headers. */
  static String plusDecoded(String line, int from, int to) {
    String text = line.substring(from, to);
    return text.indexOf('+') < 0 ? text : text.replace('+', ' ');
  }

  /**
   * {@code line[from, to)} with its {@code %hh} escapes undone and read as UTF-8. Text whose
   * escapes are not valid UTF-8, or that holds a malformed escape, is kept as logged.
   */
  static String percentDecoded(String line, int from, int to) {
    int percent = line.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return line.substring(from, to);
    }
    byte[] bytes = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (c == '%') {
        int high = i + 2 < to ? Character.digit(line.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(line.charAt(i + 2), 16) : -1;
        if (low < 0) {
          return line.substring(from, to);
        }
        bytes[n++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        return line.substring(from, to); // not what CloudFront writes: keep it as it is
      }
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, n));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return line.substring(from, to);
    }
  }
}
