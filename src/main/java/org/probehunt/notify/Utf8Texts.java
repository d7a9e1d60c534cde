package org.probehunt.notify;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of the user's text files: a byte that is not UTF-8 is an error naming the
 * file, line and byte, where the usual lenient decoding would quietly put U+FFFD into every draft.
 */
final class Utf8Texts {
  private Utf8Texts() {}

  /** The text of {@code bytes}; throws IllegalArgumentException at the first byte not UTF-8. */
  static String decode(String file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = Math.min(in.position(), bytes.length - 1);
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new IllegalArgumentException(
          String.format(
              "%s:%d: not valid UTF-8 (byte 0x%02x at offset %d); save the file as UTF-8",
              file, line, bytes[at] & 0xff, at));
    }
    return out.flip().toString();
  }
}
