package org.probehunt.parse;

/** What one directive of a compiled log format holds, and so where its value goes. */
enum Directive {
  /** The client's address ({@code %a}, {@code $remote_addr}): preferred as the client. */
  CLIENT_ADDRESS,
  /** The client's name or address ({@code %h}). */
  CLIENT_HOST,
  /**
   * The connection's peer ({@code %{c}a}, {@code $realip_remote_addr}): the client of last resort.
   */
  PEER,
  USER,
  /** {@code [dd/Mon/yyyy:HH:mm:ss +hhmm]} with its brackets ({@code %t}). */
  TIME_BRACKETED,
  /** {@code dd/Mon/yyyy:HH:mm:ss +hhmm} ({@code $time_local}). */
  TIME_LOCAL,
  /** ISO-8601 with offset ({@code $time_iso8601}). */
  TIME_ISO,
  /** A strftime pattern ({@code %{...}t}), compiled to a formatter. */
  TIME_PATTERN,
  /** Seconds since the epoch, with or without a fraction ({@code $msec}, {@code %{sec}t}). */
  TIME_SECONDS,
  TIME_MILLIS,
  TIME_MICROS,
  REQUEST,
  METHOD,
  /** The path without the query ({@code %U}, {@code $uri}). */
  PATH,
  /** The query with its {@code ?}, or empty ({@code %q}). */
  QUERY,
  /** The query without a {@code ?} ({@code $args}). */
  ARGS,
  /** Path and query as sent ({@code $request_uri}). */
  URI,
  PROTOCOL,
  STATUS,
  /** Body bytes ({@code %b}, {@code %B}, {@code $body_bytes_sent}). */
  BYTES,
  /**
   * Bytes sent with headers ({@code %O}, {@code $bytes_sent}): used when no body count is logged.
   */
  BYTES_SENT,
  VHOST,
  PORT,
  REFERER,
  USER_AGENT,
  /** Any other request header: kept in {@link Request#extras()}. */
  HEADER,
  /** X-Forwarded-For: kept in {@link Request#extras()} and {@link Request#forwarding()}. */
  FORWARDED_FOR,
  /** X-Real-IP: kept in {@link Request#extras()} and {@link Request#forwarding()}. */
  REAL_IP,
  /** RFC 7239 Forwarded: kept in {@link Request#extras()} and {@link Request#forwarding()}. */
  FORWARDED,
  /** Logged but not used (identd user, durations, TLS details, ...). */
  IGNORED
}
