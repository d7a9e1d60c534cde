package org.probehunt.contact;

import java.io.Serializable;

/**
 * An earlier report of a host, as the ledger recorded it: the day it was drafted ({@code
 * 2026-12-03}) and the first and last request of the period it covered, as the logs gave them.
 */
public record Reported(String on, String firstSeen, String lastSeen) implements Serializable {}
