package org.probehunt.contact;

import java.io.Serializable;

/**
 * A research or measurement scanner that announces itself, as the actors file names it.
 *
 * @param name the name hosts.csv's {@code actor} column gives its hosts, e.g. {@code Censys}
 * @param url where the operator documents its scanning (and, usually, how to opt out)
 */
public record Actor(String name, String url) implements Serializable {}
