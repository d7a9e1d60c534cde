package org.probehunt.contact;

/**
 * What RDAP said about one address: the network holding it ({@code first}..{@code last}, its
 * handle, its holder), the abuse mailbox (null when none was found), the registry that answered,
 * and, when the lookup did not yield a mailbox, a short reason ({@code timeout}, {@code http 404},
 * {@code no abuse contact}, ...); {@code failure} is null on success. Unknown parts are null.
 */
public record RdapAnswer(
    String ip,
    String first,
    String last,
    String mailbox,
    String holder,
    String handle,
    String registry,
    String failure) {

  /** An answer taken from a network found online or in the cache. */
  static RdapAnswer of(String ip, RdapNetwork network) {
    return new RdapAnswer(
        ip,
        network.first(),
        network.last(),
        network.mailbox(),
        network.holder(),
        network.handle(),
        network.registry(),
        network.mailbox() == null ? "no abuse contact" : null);
  }

  /** An address nothing is known about, with the reason. */
  static RdapAnswer failed(String ip, String registry, String reason) {
    return new RdapAnswer(ip, null, null, null, null, null, registry, reason);
  }

  /** True when a mailbox was found. */
  public boolean found() {
    return mailbox != null;
  }
}
