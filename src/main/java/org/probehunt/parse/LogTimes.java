package org.probehunt.parse;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads the access-log time {@code dd/MMM/yyyy:HH:mm:ss +hhmm} by hand, with no formatter. */
final class LogTimes {
  /** Characters between the brackets: {@code 23/Nov/1998:19:52:17 +0900}. */
  static final int LENGTH = 26;

  private static final int MAX_OFFSET_MINUTES = 18 * 60;

  /**
   * One slot per possible offset in minutes; a file almost always shares one offset, so this saves
   * a lookup and an allocation per line. Filled racily on purpose: ZoneOffset is immutable with
   * final fields, so a thread sees either null or a complete instance.
   */
  private static final ZoneOffset[] OFFSETS = new ZoneOffset[2 * MAX_OFFSET_MINUTES + 1];

  private LogTimes() {}

  /** The time at {@code text[from, from + LENGTH)}, or null when it is malformed or impossible. */
  static OffsetDateTime parse(String text, int from) {
    if (from < 0 || from + LENGTH > text.length()) {
      return null;
    }
    int day = twoDigits(text, from);
    int month = month(text, from + 3);
    int year = fourDigits(text, from + 7);
    int hour = twoDigits(text, from + 12);
    int minute = twoDigits(text, from + 15);
    int second = twoDigits(text, from + 18);
    ZoneOffset offset = offset(text, from + 21);
    if (text.charAt(from + 2) != '/'
        || text.charAt(from + 6) != '/'
        || text.charAt(from + 11) != ':'
        || text.charAt(from + 14) != ':'
        || text.charAt(from + 17) != ':'
        || text.charAt(from + 20) != ' '
        || month < 1
        || year < 0
        || day < 1
        || day > daysIn(month, year)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || offset == null) {
      return null;
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, offset);
  }

  /** The offset {@code +hhmm} or {@code -hhmm} at {@code from}, or null. */
  private static ZoneOffset offset(String text, int from) {
    char sign = text.charAt(from);
    int hours = twoDigits(text, from + 1);
    int minutes = twoDigits(text, from + 3);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || minutes > 59) {
      return null;
    }
    int total = hours * 60 + minutes;
    if (total > MAX_OFFSET_MINUTES) {
      return null;
    }
    int signed = sign == '-' ? -total : total;
    int slot = signed + MAX_OFFSET_MINUTES;
    ZoneOffset cached = OFFSETS[slot];
    if (cached == null) {
      cached = ZoneOffset.ofTotalSeconds(signed * 60);
      OFFSETS[slot] = cached;
    }
    return cached;
  }

  /** 1 to 12 for an English three-letter month name in any case, else -1. */
  private static int month(String text, int from) {
    char a = text.charAt(from);
    char b = text.charAt(from + 1);
    char c = text.charAt(from + 2);
    if ((a | b | c) > 0x7f) {
      return -1; // wider characters would overlap in the packed key below
    }
    // Setting bit 0x20 lower-cases ASCII letters; other ASCII characters cannot form a match.
    int key = (a | 0x20) << 16 | (b | 0x20) << 8 | (c | 0x20);
    return switch (key) {
      case 'j' << 16 | 'a' << 8 | 'n' -> 1;
      case 'f' << 16 | 'e' << 8 | 'b' -> 2;
      case 'm' << 16 | 'a' << 8 | 'r' -> 3;
      case 'a' << 16 | 'p' << 8 | 'r' -> 4;
      case 'm' << 16 | 'a' << 8 | 'y' -> 5;
      case 'j' << 16 | 'u' << 8 | 'n' -> 6;
      case 'j' << 16 | 'u' << 8 | 'l' -> 7;
      case 'a' << 16 | 'u' << 8 | 'g' -> 8;
      case 's' << 16 | 'e' << 8 | 'p' -> 9;
      case 'o' << 16 | 'c' << 8 | 't' -> 10;
      case 'n' << 16 | 'o' << 8 | 'v' -> 11;
      case 'd' << 16 | 'e' << 8 | 'c' -> 12;
      default -> -1;
    };
  }

  private static int daysIn(int month, int year) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int fourDigits(String text, int from) {
    int high = twoDigits(text, from);
    int low = twoDigits(text, from + 2);
    return high < 0 || low < 0 ? -1 : high * 100 + low;
  }

  private static int twoDigits(String text, int from) {
    int tens = text.charAt(from) - '0';
    int units = text.charAt(from + 1) - '0';
    return tens < 0 || tens > 9 || units < 0 || units > 9 ? -1 : tens * 10 + units;
  }
}
