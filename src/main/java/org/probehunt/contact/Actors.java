package org.probehunt.contact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.probehunt.detect.ValueCache;

/**
 * The research and measurement scanners that announce themselves (Censys, Shodan, Shadowserver and
 * the like), recognised by user agent or reverse name: their hosts are reported but, unless asked,
 * not written to. The built-in list ships as a resource; {@code --actors FILE} adds the user's own
 * lines, which are tried first.
 */
public final class Actors implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String RESOURCE = "actors.csv";

  /** No actor at all. */
  public static final Actors NONE = new Actors(List.of());

  private final List<ActorSign> signs;

  // User agents whose place is remembered: flagged hosts send a few agents over thousands of
  // requests, or a new (or very long) one with each request, which the cache's bounds keep from
  // filling memory. Made on first use in each JVM the list is shipped to; never sent along.
  private transient volatile ValueCache<Integer> agentPlaces;

  Actors(List<ActorSign> signs) {
    this.signs = List.copyOf(signs);
  }

  /**
   * Reads an actors file: {@code name,agent|rdns,text,url} per line, {@code #} comments and blank
   * lines. Errors read {@code actors.csv:7: ...}.
   */
  public static Actors load(Reader reader, String sourceName) throws ContactException {
    return new Actors(ActorFile.read(reader, sourceName));
  }

  /** The built-in list. */
  public static Actors defaults() {
    try (InputStream in = Actors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ContactException e) {
      throw new IllegalStateException("built-in " + e.getMessage(), e);
    }
  }

  /** These actors' signs, then {@code later}'s. */
  public Actors then(Actors later) {
    List<ActorSign> all = new ArrayList<>(signs);
    all.addAll(later.signs);
    return new Actors(all);
  }

  /**
   * The actor a host is, from its user agents and its name ({@code name}: the host's own name or
   * its reverse name, may be null): the first sign in the list that any of them matches.
   */
  public Optional<Actor> recognise(Collection<String> agents, String name) {
    int first = nameSign(name);
    for (String agent : agents) {
      first = Math.min(first, agentSign(agent));
    }
    return actorAt(first);
  }

  /**
   * The place in the list of the first sign that {@code agent} matches, or {@link
   * Integer#MAX_VALUE} for none. A host's actor is the sign at the least place over its agents and
   * its name, so that tasks can reduce a host's requests to one number instead of gathering their
   * user agents.
   */
  public int agentSign(String agent) {
    if (agent == null || agent.isEmpty() || signs.isEmpty()) {
      return Integer.MAX_VALUE;
    }
    ValueCache<Integer> places = agentPlaces();
    Integer known = places.get(agent);
    if (known != null) {
      return known;
    }
    int place = firstAgentSign(ActorSign.lowered(agent));
    places.put(agent, place, 0);
    return place;
  }

  /** The place of the first sign that the lower-cased agent matches, or MAX. */
  private int firstAgentSign(String lowered) {
    for (int i = 0; i < signs.size(); i++) {
      if (signs.get(i).matchesAgent(lowered)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private ValueCache<Integer> agentPlaces() {
    ValueCache<Integer> places = agentPlaces;
    if (places == null) {
      synchronized (this) {
        places = agentPlaces;
        if (places == null) {
          places = new ValueCache<>();
          agentPlaces = places;
        }
      }
    }
    return places;
  }

  /** The place of the first sign that the host name {@code name} (may be null) matches, or MAX. */
  public int nameSign(String name) {
    String normalised = name == null ? null : Domains.normalise(name).orElse(null);
    if (normalised == null) {
      return Integer.MAX_VALUE;
    }
    for (int i = 0; i < signs.size(); i++) {
      if (signs.get(i).matchesName(normalised)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The actor of the sign at {@code place} ({@link #agentSign}, {@link #nameSign}), if any. */
  public Optional<Actor> actorAt(int place) {
    return place >= 0 && place < signs.size()
        ? Optional.of(signs.get(place).actor())
        : Optional.empty();
  }

  /** Number of signs, for messages. */
  public int size() {
    return signs.size();
  }
}
