package org.probehunt.parse;

import java.util.Arrays;
import org.probehunt.parse.JsonKeys.Header;
import org.probehunt.parse.JsonKeys.InRequest;
import org.probehunt.parse.JsonKeys.Top;

/**
 * Reads a line holding one JSON object (RFC 8259) in place, handing {@link JsonEntry} the values it
 * reads: those of the object's own keys, of Caddy's {@code request} object and of its {@code
 * headers}. Everything else is checked and skipped without a copy, nested containers iteratively,
 * so that no line, however deep, can overflow the stack. Keys are looked up in {@link JsonKeys}'
 * tables where they stand in the line, and a value is copied only when the entry reads its key;
 * strings without escapes are substrings of the line. A raw control character inside a string is
 * taken as it is, and so is the {@code \xhh} that the line reader writes for a byte that is not
 * UTF-8. Numbers, {@code true} and {@code false} are passed as they are written; {@code null} is
 * absent.
 *
 * <p>Written for speed: a general parser spent most of a Caddy line's time in its tokens, names and
 * contexts. Every position moves forward only, so a line costs time in its length.
 */
final class JsonScanner {
  /** Containers deeper than this make a line bad JSON, as in common parsers' defaults. */
  static final int MAX_DEPTH = 1_000;

  private final String line;
  private final int end;
  private final JsonEntry entry = new JsonEntry();
  private int pos;

  /** The last key read: {@code keyText}'s characters {@code keyFrom} to {@code keyTo}. */
  private String keyText;

  private int keyFrom;
  private int keyTo;

  /** The last scalar value read, null when absent. */
  private String value;

  private JsonScanner(String line) {
    this.line = line;
    this.end = line.length();
  }

  /** The entry of a line holding one JSON object and white space, or null for anything else. */
  static JsonEntry entry(String line) {
    JsonScanner scanner = new JsonScanner(line);
    return scanner.document() ? scanner.entry : null;
  }

  private boolean document() {
    space();
    if (!take('{') || !object(0)) {
      return false;
    }
    space();
    return pos == end;
  }

  /** The members of an object whose brace was read: 0 the entry, 1 request, 2 headers. */
  private boolean object(int level) {
    space();
    if (take('}')) {
      return true;
    }
    do {
      space();
      if (!key()) {
        return false;
      }
      space();
      if (!take(':')) {
        return false;
      }
      space();
      if (!member(level)) {
        return false;
      }
      space();
    } while (take(','));
    return take('}');
  }

  /**
   * Reads a key into {@link #keyText} from {@link #keyFrom} to {@link #keyTo}: a range of the line,
   * or a copy when the key has escapes; false when there is none or it is bad.
   */
  private boolean key() {
    if (pos < end && line.charAt(pos) == '"') {
      int from = pos + 1;
      int stop = stringStop(from);
      if (stop < end && line.charAt(stop) == '"') {
        pos = stop + 1;
        keyText = line;
        keyFrom = from;
        keyTo = stop;
        return true;
      }
    }
    String key = string();
    keyText = key;
    keyFrom = 0;
    keyTo = key == null ? 0 : key.length();
    return key != null;
  }

  private boolean member(int level) {
    if (pos == end) {
      return false;
    }
    char c = line.charAt(pos);
    if (c == '{') {
      pos++;
      if (level == 0 && JsonKeys.TOP.find(keyText, keyFrom, keyTo) == Top.REQUEST) {
        entry.caddyRequest();
        return object(1);
      }
      if (level == 1 && JsonKeys.IN_REQUEST.find(keyText, keyFrom, keyTo) == InRequest.HEADERS) {
        return object(2);
      }
      return skipContainer('{', level + 1);
    }
    if (c == '[') {
      pos++;
      if (level < 2) {
        return skipContainer('[', level + 1);
      }
      return headerValues(JsonKeys.header(keyText, keyFrom, keyTo));
    }
    return switch (level) {
      case 0 -> topValue();
      case 1 -> requestValue();
      default -> headerValue();
    };
  }

  /** A scalar of the entry object: read when its key is one the entry reads, else passed. */
  private boolean topValue() {
    Top key = JsonKeys.TOP.find(keyText, keyFrom, keyTo);
    if (key == null && !JsonEntry.isHeader(keyText, keyFrom, keyTo)) {
      return skipScalar();
    }
    if (!value()) {
      return false;
    }
    if (value != null && key != null) {
      entry.top(key, value);
    } else if (value != null) {
      entry.other(keyText.substring(keyFrom, keyTo), value);
    }
    return true;
  }

  /** A scalar of Caddy's request object: read when its key is one the entry reads, else passed. */
  private boolean requestValue() {
    InRequest key = JsonKeys.IN_REQUEST.find(keyText, keyFrom, keyTo);
    if (key == null) {
      return skipScalar();
    }
    if (!value()) {
      return false;
    }
    if (value != null) {
      entry.request(key, value);
    }
    return true;
  }

  /** A header written as one scalar rather than an array. */
  private boolean headerValue() {
    if (!value()) {
      return false;
    }
    if (value != null) {
      entry.header(JsonKeys.header(keyText, keyFrom, keyTo), value);
    }
    return true;
  }

  /**
   * Reads the scalar at the position into {@link #value}, null when it is {@code null}, empty or
   * {@code "-"}; false when it is bad.
   */
  private boolean value() {
    char c = line.charAt(pos);
    int from = pos;
    String text = c == '"' ? string() : scalar() ? line.substring(from, pos) : null;
    value = text != null && c != 'n' && !text.isEmpty() && !text.equals("-") ? text : null;
    return text != null;
  }

  /**
   * A header's array, whose {@code [} was read: its strings joined by ", " go to the entry when it
   * has any; other values are checked and left out.
   */
  private boolean headerValues(Header name) {
    String first = null; // most headers have one value: no builder for them
    StringBuilder joined = null;
    space();
    if (!take(']')) {
      do {
        space();
        if (pos < end && line.charAt(pos) == '"') {
          String value = string();
          if (value == null) {
            return false;
          } else if (first == null) {
            first = value;
          } else {
            joined = (joined == null ? new StringBuilder(first) : joined).append(", ");
            joined.append(value);
          }
        } else if (!skipValue(3)) {
          return false;
        }
        space();
      } while (take(','));
      if (!take(']')) {
        return false;
      }
    }
    String values = joined != null ? joined.toString() : first;
    if (values != null) {
      entry.header(name, values);
    }
    return true;
  }

  private boolean skipValue(int depth) {
    if (pos < end && (line.charAt(pos) == '{' || line.charAt(pos) == '[')) {
      return skipContainer(line.charAt(pos++), depth + 1);
    }
    return skipScalar();
  }

  /** Passes a string, number, {@code true}, {@code false} or {@code null}. */
  private boolean skipScalar() {
    return pos < end && line.charAt(pos) == '"' ? skipString() : scalar();
  }

  /**
   * Checks and passes an object or array whose opening {@code open} was read, {@code depth} deep,
   * and all it holds, keeping the kinds of the open containers on a stack of its own.
   */
  private boolean skipContainer(char open, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    char[] kinds = new char[8];
    int top = 0;
    kinds[0] = open;
    boolean first = true;
    while (true) {
      // A value, or the end of a container that has none.
      space();
      if (first && take(kinds[top] == '{' ? '}' : ']')) {
        top--;
      } else {
        if (kinds[top] == '{') {
          if (!skipString()) {
            return false;
          }
          space();
          if (!take(':')) {
            return false;
          }
          space();
        }
        if (pos < end && (line.charAt(pos) == '{' || line.charAt(pos) == '[')) {
          if (depth + top + 1 > MAX_DEPTH) {
            return false;
          }
          if (++top == kinds.length) {
            kinds = Arrays.copyOf(kinds, kinds.length * 2);
          }
          kinds[top] = line.charAt(pos++);
          first = true;
          continue;
        }
        if (!skipScalar()) {
          return false;
        }
      }
      // After a value: the next one, or the ends of containers.
      while (true) {
        if (top < 0) {
          return true;
        }
        space();
        if (take(',')) {
          first = false;
          break;
        }
        if (!take(kinds[top] == '{' ? '}' : ']')) {
          return false;
        }
        top--;
      }
    }
  }

  /** A string starting at the position, unescaped; null when there is none or it is bad. */
  private String string() {
    if (pos == end || line.charAt(pos) != '"') {
      return null;
    }
    int from = ++pos;
    int stop = stringStop(from);
    if (stop == end) {
      return null;
    } else if (line.charAt(stop) == '"') {
      pos = stop + 1;
      return line.substring(from, stop);
    }
    StringBuilder out = new StringBuilder(stop - from + 16);
    out.append(line, from, stop);
    pos = stop;
    while (pos < end) {
      char c = line.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
      } else if (!escape(out)) {
        return null;
      }
    }
    return null;
  }

  /** Passes a string without making it; false when there is none or it is bad. */
  private boolean skipString() {
    if (pos == end || line.charAt(pos) != '"') {
      return false;
    }
    pos++;
    while (true) {
      int stop = stringStop(pos);
      if (stop == end) {
        return false;
      }
      pos = stop + 1;
      if (line.charAt(stop) == '"') {
        return true;
      }
      if (!escape(null)) {
        return false;
      }
    }
  }

  /**
   * The index of the first quote or backslash at or after {@code from}, or the line's end. A loop
   * of its own: most strings of a line are a few characters long, for which {@code indexOf} costs
   * more in its call than in its search.
   */
  private int stringStop(int from) {
    int i = from;
    while (i < end) {
      char c = line.charAt(i);
      if (c == '"' || c == '\\') {
        return i;
      }
      i++;
    }
    return end;
  }

  /**
   * The escape after a backslash, appended to {@code out} unless it is null; false when it is none
   * of JSON's. {@code \x} stays as it is written: the line reader's mark of a raw byte.
   */
  private boolean escape(StringBuilder out) {
    if (pos == end) {
      return false;
    }
    char c = line.charAt(pos++);
    char decoded;
    switch (c) {
      case '"', '\\', '/' -> decoded = c;
      case 'b' -> decoded = '\b';
      case 'f' -> decoded = '\f';
      case 'n' -> decoded = '\n';
      case 'r' -> decoded = '\r';
      case 't' -> decoded = '\t';
      case 'x' -> {
        if (out != null) {
          out.append('\\');
        }
        decoded = 'x';
      }
      case 'u' -> {
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int digit = pos < end ? Character.digit(line.charAt(pos++), 16) : -1;
          if (digit < 0) {
            return false;
          }
          code = code * 16 + digit;
        }
        decoded = (char) code;
      }
      default -> {
        return false;
      }
    }
    if (out != null) {
      out.append(decoded);
    }
    return true;
  }

  /** A number, {@code true}, {@code false} or {@code null} starting at the position. */
  private boolean scalar() {
    if (pos == end) {
      return false;
    }
    return switch (line.charAt(pos)) {
      case 't' -> word("true");
      case 'f' -> word("false");
      case 'n' -> word("null");
      default -> number();
    };
  }

  private boolean word(String word) {
    if (!line.startsWith(word, pos)) {
      return false;
    }
    pos += word.length();
    return true;
  }

  /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?} */
  private boolean number() {
    take('-');
    // After a 0 no digit may come: JSON has no leading zeros.
    if (!take('0') && digits() == 0) {
      return false;
    }
    if (take('.') && digits() == 0) {
      return false;
    }
    if (take('e') || take('E')) {
      if (!take('+')) {
        take('-');
      }
      return digits() > 0;
    }
    return true;
  }

  private int digits() {
    int from = pos;
    while (pos < end && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
      pos++;
    }
    return pos - from;
  }

  private boolean take(char c) {
    if (pos < end && line.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** JSON's white space: space, tab, line feed and carriage return. */
  private void space() {
    while (pos < end) {
      char c = line.charAt(pos);
      // Most calls find a token at once: every character of JSON's white space is below '!'.
      if (c > ' ' || (c != ' ' && c != '\t' && c != '\n' && c != '\r')) {
        return;
      }
      pos++;
    }
  }
}
