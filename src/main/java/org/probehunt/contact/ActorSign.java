package org.probehunt.contact;

import java.io.Serializable;
import java.util.Locale;

/**
 * One way of recognising an actor: a text its user agent contains (any case), or a domain its
 * reverse name lies in (the domain itself or a name under it, so that {@code shodan.io} takes
 * {@code census1.shodan.io} but not {@code notshodan.io}).
 *
 * @param kind which field is compared
 * @param text the user-agent text (lower-cased) or the domain (normalised)
 * @param actor who it recognises
 */
record ActorSign(Kind kind, String text, Actor actor) implements Serializable {
  /** Which field of a host a sign is compared with. */
  enum Kind {
    AGENT,
    RDNS
  }

  /** Whether {@code agent} (lower-cased) names this sign's actor. */
  boolean matchesAgent(String agent) {
    return kind == Kind.AGENT && agent.contains(text);
  }

  /** The form of a user agent that {@link #matchesAgent} compares. */
  static String lowered(String agent) {
    return agent.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code name} (normalised, may be null) lies in this sign's domain. */
  boolean matchesName(String name) {
    return kind == Kind.RDNS && name != null && (name.equals(text) || name.endsWith("." + text));
  }
}
