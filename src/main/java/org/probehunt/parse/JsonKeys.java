package org.probehunt.parse;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The keys of JSON access logs that {@link JsonEntry} reads, each with the names Caddy, nginx and
 * Traefik give it, and the tables {@link JsonScanner} finds them in without copying a key.
 */
final class JsonKeys {
  /** Keys of the entry object itself. */
  enum Top {
    LOGGER("logger"),
    MESSAGE("msg", "level"),
    TIME("ts", "time", "time_local", "time_iso8601", "msec", "timestamp", "@timestamp", "StartUTC"),
    CLIENT("remote_addr", "client_ip", "remote_ip"),
    TRAEFIK_CLIENT("ClientHost"),
    USER("remote_user"),
    /** nginx's request line; in Caddy's entries, an object of its own. */
    REQUEST("request"),
    METHOD("request_method", "RequestMethod"),
    TARGET("request_uri", "RequestPath"),
    PROTOCOL("server_protocol", "RequestProtocol"),
    STATUS("status", "DownstreamStatus"),
    BYTES("body_bytes_sent", "size", "DownstreamContentSize"),
    BYTES_SENT("bytes_sent"),
    VHOST("host", "server_name", "RequestHost"),
    PORT("server_port"),
    USER_AGENT("http_user_agent", "request_User-Agent"),
    REFERER("http_referer", "request_Referer");

    final ImmutableList<String> names;

    Top(String... names) {
      this.names = ImmutableList.copyOf(names);
    }
  }

  /** Keys of Caddy's {@code request} object. */
  enum InRequest {
    CLIENT_IP("client_ip"),
    REMOTE_IP("remote_ip"),
    METHOD("method"),
    URI("uri"),
    PROTO("proto"),
    HOST("host"),
    HEADERS("headers");

    final String name;

    InRequest(String name) {
      this.name = name;
    }
  }

  /** Request headers read apart from the others, named in any case. */
  enum Header {
    USER_AGENT("user-agent"),
    REFERER("referer"),
    FORWARDED_FOR("x-forwarded-for"),
    REAL_IP("x-real-ip"),
    FORWARDED("forwarded"),
    /** Any other header: its value is one of the request's extras. */
    OTHER("other");

    final String name;

    Header(String name) {
      this.name = name;
    }
  }

  static final KeyTable<Top> TOP = table(Top.values(), top -> top.names, false);
  static final KeyTable<InRequest> IN_REQUEST =
      table(InRequest.values(), key -> List.of(key.name), false);
  private static final KeyTable<Header> HEADERS =
      table(
          Header.values(),
          header -> header == Header.OTHER ? List.of() : List.of(header.name),
          true);

  private JsonKeys() {}

  /** The header named by {@code text}'s characters {@code from} to {@code to}. */
  static Header header(String text, int from, int to) {
    Header header = HEADERS.find(text, from, to);
    return header == null ? Header.OTHER : header;
  }

  private static <E> KeyTable<E> table(
      E[] keys, Function<E, List<String>> names, boolean ignoreCase) {
    Map<String, E> entries = new LinkedHashMap<>();
    for (E key : keys) {
      for (String name : names.apply(key)) {
        if (entries.put(name, key) != null) {
          throw new IllegalStateException("a JSON key given twice: " + name);
        }
      }
    }
    return new KeyTable<>(entries, ignoreCase);
  }
}
