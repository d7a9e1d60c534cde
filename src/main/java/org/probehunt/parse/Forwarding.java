package org.probehunt.parse;

import java.io.Serializable;

/**
 * The request headers a proxy or CDN puts the client behind it in, as one line logged them; read
 * only for lines whose logged client is a trusted proxy (see {@link TrustedProxies}).
 *
 * @param forwardedFor {@code X-Forwarded-For}: {@code client, proxy1, proxy2}; null when not logged
 * @param realIp {@code X-Real-IP}: one address; null when not logged
 * @param forwarded RFC 7239 {@code Forwarded}: {@code for=192.0.2.60;proto=http, for=...}; null
 *     when not logged
 */
public record Forwarding(String forwardedFor, String realIp, String forwarded)
    implements Serializable {

  /** The headers, or null when the line logs none of them. */
  static Forwarding of(String forwardedFor, String realIp, String forwarded) {
    return forwardedFor == null && realIp == null && forwarded == null
        ? null
        : new Forwarding(forwardedFor, realIp, forwarded);
  }
}
