package org.probehunt.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A method and target logged apart read as the field that joins them would be. */
class RequestLineTest {
  @Test
  void aMethodAndTargetReadAsTheirJoinedField() {
    List<String> methods =
        List.of("GET", "get", "M-SEARCH", "SSH-2.0-Go", "\\x16\\x03", "GE T", "G\\x45T", "-", "A");
    List<String> targets =
        List.of(
            "/",
            "/cgi-bin/phf?Qalias=x%0a/bin/cat",
            "/a b",
            "/a HTTP/1.1",
            "/a\\x20b",
            "\\\"",
            "*",
            "http://example.jp:80/x",
            " ",
            "/x ");
    int split = 0;
    for (String method : methods) {
      for (String target : targets) {
        RequestLine apart = RequestLine.of(method, target);
        RequestLine joined = RequestLine.of(method + " " + target);
        String name = method + " | " + target;
        assertEquals(joined.method(), apart.method(), name);
        assertEquals(joined.target(), apart.target(), name);
        assertEquals(joined.protocol(), apart.protocol(), name);
        assertEquals(joined.raw(), apart.raw(), name);
        split += apart.method() != null ? 1 : 0;
      }
      RequestLine alone = RequestLine.of(method, null);
      assertEquals(RequestLine.of(method).raw(), alone.raw(), method);
      assertEquals(RequestLine.of(method).method(), alone.method(), method);
    }
    // Both kinds of pair are there: those read as a request and those kept whole.
    assertEquals(true, split > 20 && split < methods.size() * targets.size(), "split " + split);
  }
}
