package org.probehunt.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a logged request into the decoded, lower-cased values that rules compare against. */
final class Normalizer {

  private Normalizer() {}

  /** The values of a request target that rules look at; all null for a "-" request. */
  record Target(String path, String unresolvedPath, String query, String params, String decoded) {
    static final Target NONE = new Target(null, null, null, null, null);
  }

  /** Parameter names of site searches, whose values {@link RequestPart#PARAMS} leaves out. */
  private static final java.util.Set<String> SEARCH_PARAMS =
      java.util.Set.of(
          "q",
          "s",
          "query",
          "search",
          "keyword",
          "keywords",
          "term",
          "text",
          "wd",
          "searchword",
          "search_query",
          "searchterm");

  private static final int LONGEST_SEARCH_PARAM = 12;

  /** Decodes and resolves a request target as logged. */
  static Target target(String target) {
    if (target == null) {
      return Target.NONE;
    }
    int q = target.indexOf('?');
    String rawPath = stripAuthority(q < 0 ? target : target.substring(0, q));
    String query = q < 0 ? null : Decoding.value(target.substring(q + 1), true);
    String params = q < 0 ? null : params(target.substring(q + 1), query);
    String decoded = Decoding.value(target, false);
    if (plain(rawPath)) {
      String path = trimTrailingSlash(rawPath);
      return new Target(path, path, query, params, decoded);
    }
    String[] both = paths(Decoding.value(rawPath, false));
    return new Target(both[0], both[1], query, params, decoded);
  }

  /** The decoded query without search parameters; {@code decodedQuery} itself when it has none. */
  static String params(String rawQuery, String decodedQuery) {
    StringBuilder kept = null;
    int start = 0;
    int n = rawQuery.length();
    for (int i = 0; i <= n; i++) {
      if (i < n && rawQuery.charAt(i) != '&') {
        continue;
      }
      int eq = rawQuery.indexOf('=', start);
      boolean search =
          eq > start
              && eq < i
              && eq - start <= LONGEST_SEARCH_PARAM
              && SEARCH_PARAMS.contains(rawQuery.substring(start, eq).toLowerCase(Locale.ROOT));
      if (search && kept == null) {
        kept = new StringBuilder(rawQuery.length());
        kept.append(rawQuery, 0, Math.max(0, start - 1));
      } else if (!search && kept != null) {
        kept.append(kept.length() == 0 ? "" : "&").append(rawQuery, start, i);
      }
      start = i + 1;
    }
    return kept == null ? decodedQuery : Decoding.value(kept.toString(), true);
  }

  /** Method, target and protocol as one line, the parts that are present joined by spaces. */
  static String requestLine(String method, String target, String protocol) {
    StringBuilder line = new StringBuilder(64);
    for (String part : new String[] {method, target, protocol}) {
      if (part != null) {
        line.append(line.length() == 0 ? "" : " ").append(part);
      }
    }
    return line.toString();
  }

  /**
   * Resolved and unresolved forms of a decoded path: {@code \} is a separator too (IIS), empty
   * segments vanish, {@code ;params} are cut from each segment (servlet containers ignore them,
   * which is what {@code /..;/} tricks rely on), and a NUL ends the path as it does in C code.
   */
  static String[] paths(String decoded) {
    int nul = decoded.indexOf('\0');
    String p = nul < 0 ? decoded : decoded.substring(0, nul);
    List<String> stack = new ArrayList<>();
    StringBuilder kept = new StringBuilder(p.length() + 1);
    int start = 0;
    for (int i = 0; i <= p.length(); i++) {
      if (i < p.length() && p.charAt(i) != '/' && p.charAt(i) != '\\') {
        continue;
      }
      String segment = p.substring(start, i);
      start = i + 1;
      int semicolon = segment.indexOf(';');
      if (semicolon >= 0) {
        segment = segment.substring(0, semicolon);
      }
      if (segment.isEmpty()) {
        continue;
      }
      kept.append('/').append(segment);
      if (segment.equals("..")) {
        // Climbing above the root is dropped here, as RFC 3986 says; UNRESOLVED_PATH keeps the
        // sign.
        if (!stack.isEmpty()) {
          stack.remove(stack.size() - 1);
        }
      } else if (!segment.equals(".")) {
        stack.add(segment);
      }
    }
    String resolved = stack.isEmpty() ? "/" : "/" + String.join("/", stack);
    return new String[] {resolved, kept.length() == 0 ? "/" : kept.toString()};
  }

  /** Whether a raw path needs no decoding or resolving, which is true of most real traffic. */
  static boolean plain(String raw) {
    char previous = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          || c == '\\'
          || c == ';'
          || (c >= 'A' && c <= 'Z')
          || c < ' '
          || c > '~'
          || (previous == '/' && (c == '/' || c == '.'))) {
        return false;
      }
      previous = c;
    }
    return !raw.isEmpty() && raw.charAt(0) == '/';
  }

  /** The path of an absolute-form target ({@code GET http://host/x}) as sent to proxies. */
  private static String stripAuthority(String rawPath) {
    int scheme = rawPath.indexOf("://");
    if (scheme <= 0 || rawPath.charAt(0) == '/') {
      return rawPath;
    }
    int slash = rawPath.indexOf('/', scheme + 3);
    return slash < 0 ? "/" : rawPath.substring(slash);
  }

  private static String trimTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  // The common values come back as constants: lower-casing them anew for every line is waste.
  static String method(String method) {
    return method == null
        ? null
        : switch (method) {
          case "GET" -> "get";
          case "POST" -> "post";
          case "HEAD" -> "head";
          default -> lower(method);
        };
  }

  static String protocol(String protocol) {
    return protocol == null
        ? null
        : switch (protocol) {
          case "HTTP/1.1" -> "http/1.1";
          case "HTTP/1.0" -> "http/1.0";
          case "HTTP/2.0" -> "http/2.0";
          default -> lower(protocol);
        };
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
