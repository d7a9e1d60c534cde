package org.probehunt.parse;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An access-log layout: one of the built-in ones below, detected per file or forced with --format,
 * or one compiled from an Apache {@code LogFormat} or nginx {@code log_format} string (see {@link
 * FormatLanguage}).
 *
 * <p>The built-ins, each with an example line:
 *
 * <ul>
 *   <li>{@code common}: {@code %h %l %u %t "%r" %>s %b} — {@code surf.wil.net - -
 *       [23/Nov/1998:19:52:17 +0900] "GET /cgi-bin/phf" 200 44}. {@code %h} client, {@code %l}
 *       identd user (ignored), {@code %u} authenticated user, {@code %t} time with offset, {@code
 *       %r} request line, {@code %>s} final status, {@code %b} bytes ("-" for none).
 *   <li>{@code combined}: common plus {@code "%{Referer}i" "%{User-Agent}i"} — {@code 203.0.113.9 -
 *       - [02/Mar/2025:10:00:01 +0000] "GET /x HTTP/1.1" 404 196 "-" "curl/8.0"}.
 *   <li>{@code vhost_combined}: {@code %v:%p} before a combined line (Apache's
 *       other_vhosts_access.log) — {@code www.example.com:443 203.0.113.9 - - [...] "GET /
 *       HTTP/1.1" 200 512 "-" "curl/8.0"}; the port is kept as {@link Request#port()}.
 *   <li>{@code vhost}: {@code %v} without a port before a common or combined line — {@code
 *       www.example.com 203.0.113.9 - - [...] "GET / HTTP/1.1" 200 512}.
 *   <li>{@code nginx_combined}: nginx's combined, told apart by its {@code \xHH} escaping of quotes
 *       — {@code 198.51.100.4 - - [...] "GET /?q=\x22x HTTP/1.1" 404 153 "-" "Go"}; parsed like
 *       combined.
 *   <li>{@code combined_extra}: combined followed by more fields, quoted or bare — {@code ... "-"
 *       "curl/8.0" "198.51.100.7, 10.0.0.1" 0.123}; they are kept in {@link Request#extras()}
 *       without their quotes.
 *   <li>{@code ssl_request_log}: Apache mod_ssl's {@code %t %h %{SSL_PROTOCOL}x %{SSL_CIPHER}x "%r"
 *       %b} — {@code [02/Mar/2025:10:00:01 +0000] 203.0.113.9 TLSv1.3 TLS_AES_256_GCM_SHA384 "GET /
 *       HTTP/1.1" 512}; it has no status.
 *   <li>{@code w3c_iis}: W3C extended logs as IIS writes them ({@code u_ex251001.log}), whose
 *       {@code #Fields:} directive names the columns, separated by spaces — {@code 2025-10-01
 *       00:00:01 10.0.0.5 GET /default.aspx id=3 443 - 203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) -
 *       200 0 0 15}. {@code date time} in UTC, {@code c-ip} client, {@code cs-method}, {@code
 *       cs-uri-stem} and {@code cs-uri-query} the request, {@code sc-status}, {@code sc-bytes},
 *       {@code cs-username}, {@code cs(User-Agent)} and {@code cs(Referer)} with {@code +} for
 *       spaces, {@code cs-host} the virtual host, {@code s-port} the port, other {@code cs(...)}
 *       headers and {@code x-forwarded-for} to {@link Request#extras()}; {@code -} for none.
 *   <li>{@code cloudfront}: W3C extended logs as CloudFront writes them, tab-separated, with
 *       percent-encoded header values — {@code 2025-10-01 00:00:01 NRT57 512 203.0.113.9 GET
 *       d111.cloudfront.net /index.html 200 - Mozilla/5.0%20(X11) - ...}; {@code x-host-header}
 *       (the Host the viewer sent) is the virtual host when logged.
 *   <li>{@code aws_alb}: AWS Application Load Balancer logs — {@code https
 *       2025-10-01T00:00:01.123456Z app/web/50dc6c495c0c9188 203.0.113.9:52110 10.0.1.7:80 0.001
 *       0.020 0.000 404 404 230 512 "GET https://www.example.jp:443/.env HTTP/1.1" "curl/8.0" ...}:
 *       type, time (UTC), balancer, {@code client:port}, target, three durations, the balancer's
 *       status, the target's, bytes received and sent, request, user agent, and more that is not
 *       read. See {@link ElbLayout}.
 *   <li>{@code aws_elb}: AWS Classic Load Balancer logs, the same without the leading type.
 *   <li>{@code caddy_json}, {@code nginx_json}, {@code traefik_json}: one JSON object per line —
 *       {@code {"level":"info","ts":1759276801.5,"logger":"http.log.access","request":
 *       {"client_ip":"203.0.113.9","method":"GET","uri":"/.env","proto":"HTTP/1.1",
 *       "headers":{"User-Agent":["curl/8.0"]}},"status":404,"size":0}}, {@code
 *       {"remote_addr":"203.0.113.9","time_local":"01/Oct/2025:10:00:01 +0900","request":"GET /
 *       HTTP/1.1","status":"200","body_bytes_sent":"512","http_user_agent":"curl/8.0"}}. See {@link
 *       JsonLayout}; all three read the same keys and differ only in their label.
 * </ul>
 *
 * <p>A W3C file is read with the columns of its latest {@code #Fields:} directive (see {@link
 * W3cFile}); its directive lines are rejected as {@code w3c directive}.
 *
 * <p>Instances are compared by identity for the built-ins, which stay unique when Spark ships them
 * to tasks.
 */
public final class LogFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * How a format reads its lines: the hand-written line cursor, with or without a vhost, or a
   * {@link LineLayout} (a compiled format string, or a layout of its own such as W3C's).
   */
  enum Reader {
    PLAIN,
    VHOST,
    COMPILED
  }

  public static final LogFormat COMMON = new LogFormat("common", Reader.PLAIN, null, null);
  public static final LogFormat COMBINED = new LogFormat("combined", Reader.PLAIN, null, null);
  public static final LogFormat VHOST_COMBINED =
      new LogFormat("vhost_combined", Reader.VHOST, null, null);
  public static final LogFormat VHOST = new LogFormat("vhost", Reader.VHOST, null, null);
  public static final LogFormat NGINX_COMBINED =
      new LogFormat("nginx_combined", Reader.PLAIN, null, null);
  public static final LogFormat COMBINED_EXTRA =
      new LogFormat("combined_extra", Reader.PLAIN, null, null);
  public static final LogFormat SSL_REQUEST_LOG =
      FormatLanguage.compile("ssl_request_log", "%t %h %{SSL_PROTOCOL}x %{SSL_CIPHER}x \"%r\" %b");

  public static final LogFormat W3C_IIS =
      new LogFormat("w3c_iis", Reader.COMPILED, null, W3cLayout.IIS);
  public static final LogFormat CLOUDFRONT =
      new LogFormat("cloudfront", Reader.COMPILED, null, W3cLayout.CLOUDFRONT);
  public static final LogFormat AWS_ALB =
      new LogFormat("aws_alb", Reader.COMPILED, null, ElbLayout.APPLICATION);
  public static final LogFormat AWS_ELB =
      new LogFormat("aws_elb", Reader.COMPILED, null, ElbLayout.CLASSIC);
  public static final LogFormat CADDY_JSON =
      new LogFormat("caddy_json", Reader.COMPILED, null, JsonLayout.INSTANCE);
  public static final LogFormat NGINX_JSON =
      new LogFormat("nginx_json", Reader.COMPILED, null, JsonLayout.INSTANCE);
  public static final LogFormat TRAEFIK_JSON =
      new LogFormat("traefik_json", Reader.COMPILED, null, JsonLayout.INSTANCE);

  private static final List<LogFormat> BUILT_INS =
      List.of(
          COMMON,
          COMBINED,
          VHOST_COMBINED,
          VHOST,
          NGINX_COMBINED,
          COMBINED_EXTRA,
          SSL_REQUEST_LOG,
          W3C_IIS,
          CLOUDFRONT,
          AWS_ALB,
          AWS_ELB,
          CADDY_JSON,
          NGINX_JSON,
          TRAEFIK_JSON);

  private final String label;
  private final Reader reader;
  private final String spec;
  private final transient LineLayout compiled;

  LogFormat(String label, Reader reader, String spec, LineLayout compiled) {
    this.label = label;
    this.reader = reader;
    this.spec = spec;
    this.compiled = compiled;
  }

  /**
   * The format a --log-format value names: a built-in's label, or else an Apache or nginx format
   * string compiled under the label {@code custom}.
   *
   * @throws FormatException naming the unknown directive
   */
  public static LogFormat of(String nameOrSpec) {
    Optional<LogFormat> known = byLabel(nameOrSpec.strip());
    return known.isPresent() ? known.get() : FormatLanguage.compile("custom", nameOrSpec);
  }

  /** The name used in reports and by --format. */
  public String label() {
    return label;
  }

  /** The format string this format was compiled from, or null for a hand-written built-in. */
  public String spec() {
    return spec;
  }

  /** The built-in formats, in the order reports list them. */
  public static List<LogFormat> values() {
    return BUILT_INS;
  }

  /** The built-in format with this label, ignoring case. */
  public static Optional<LogFormat> byLabel(String label) {
    String wanted = label.toLowerCase(Locale.ROOT);
    for (LogFormat f : BUILT_INS) {
      if (f.label.equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  Reader reader() {
    return reader;
  }

  LineLayout compiled() {
    return compiled;
  }

  /** A copy of this compiled format under another label, for named formats. */
  LogFormat named(String name) {
    return new LogFormat(name, reader, spec, compiled);
  }

  @Override
  public String toString() {
    return label;
  }

  /** Built-ins come back as the same constants; compiled formats are compiled again. */
  private Object readResolve() throws ObjectStreamException {
    Optional<LogFormat> builtIn = byLabel(label);
    if (builtIn.isPresent() && Objects.equals(builtIn.get().spec, spec)) {
      return builtIn.get();
    }
    return FormatLanguage.compile(label, spec);
  }
}
