package org.probehunt.contact;

import java.io.Serializable;

/** The registry (apnic, arin, ripencc, lacnic, afrinic) and country code of an address block. */
public record RirInfo(String registry, String country) implements Serializable {}
