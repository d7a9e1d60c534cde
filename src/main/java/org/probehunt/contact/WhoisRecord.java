package org.probehunt.contact;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probehunt.parse.AddressRange;

/**
 * What one object of a registry's whois dump contributes to finding an abuse mailbox offline: a
 * network holding a flagged address, or a contact object such a network may name. Handles are upper
 * case (RPSL handles are case-insensitive); registries are named as in the delegation statistics
 * (ripencc, apnic, afrinic, lacnic, arin), null when {@code source:} names none.
 */
public sealed interface WhoisRecord extends Serializable
    permits WhoisRecord.Network, WhoisRecord.Organisation, WhoisRecord.AbuseMailbox {

  /** The registry whose dump held the object, or null. */
  String registry();

  /** The handle other objects name this one by; for a network, its range as text. */
  String handle();

  /** The handles this object names: a network's abuse-c, org and mnt-irt; an org's abuse-c. */
  Set<String> named();

  /**
   * The record for {@code object}, or empty when it does not matter: a network ({@code inetnum},
   * {@code inet6num}) only when its range holds a flagged address and it is no placeholder block; a
   * {@code role}, {@code person} or {@code irt} only with a usable {@code abuse-mailbox} (never
   * {@code e-mail}); an {@code organisation} only with an {@code abuse-c} or an {@code org-name}.
   */
  static Optional<WhoisRecord> of(RpslObject object, FlaggedAddresses flagged) {
    return WhoisRecords.of(object, flagged);
  }

  /**
   * An {@code inetnum} or {@code inet6num}. LACNIC's dump writes both as {@code inetnum}, names no
   * netname, and gives the holder as {@code owner} and {@code owner-id}, the parent block as {@code
   * inetnum-up}.
   *
   * @param netname nullable, as are status, org, owner, ownerId and inetnumUp
   */
  record Network(
      AddressRange range,
      String netname,
      String status,
      String registry,
      List<String> abuseC,
      String org,
      List<String> mntIrt,
      String owner,
      String ownerId,
      AddressRange inetnumUp)
      implements WhoisRecord {
    /** Copies the handle lists. */
    public Network {
      abuseC = List.copyOf(abuseC);
      mntIrt = List.copyOf(mntIrt);
    }

    @Override
    public String handle() {
      return range.toString();
    }

    @Override
    public Set<String> named() {
      Set<String> handles = new LinkedHashSet<>(abuseC);
      if (org != null) {
        handles.add(org);
      }
      handles.addAll(mntIrt);
      return handles;
    }
  }

  /** An {@code organisation}: its name (nullable) and the abuse-c roles it names. */
  record Organisation(String handle, String name, List<String> abuseC, String registry)
      implements WhoisRecord {
    /** Copies the handle list. */
    public Organisation {
      abuseC = List.copyOf(abuseC);
    }

    @Override
    public Set<String> named() {
      return new LinkedHashSet<>(abuseC);
    }
  }

  /** A {@code role} or {@code person} by nic-hdl, or an {@code irt}, with its abuse mailbox. */
  record AbuseMailbox(Kind kind, String handle, String mailbox, String registry)
      implements WhoisRecord {
    /** Which handles name it: abuse-c names roles and persons, mnt-irt names irts. */
    public enum Kind {
      ROLE,
      IRT
    }

    @Override
    public Set<String> named() {
      return Set.of();
    }
  }
}
