package org.probehunt.input;

import java.util.Locale;

/** The archive format wrapped around log files, detected from the (decompressed) bytes. */
public enum Container {
  NONE,
  TAR,
  ZIP;

  /** Bytes needed to tell the containers apart: the tar magic sits at offset 257. */
  static final int HEAD_BYTES = 512;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Detects the container from the first bytes of a stream; NONE for anything else. */
  static Container detect(byte[] head, int length) {
    if (length >= 4
        && head[0] == 'P'
        && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
      return ZIP;
    }
    if (length >= 262
        && head[257] == 'u'
        && head[258] == 's'
        && head[259] == 't'
        && head[260] == 'a'
        && head[261] == 'r') {
      return TAR;
    }
    return NONE;
  }
}
