package org.sanjeh.core.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses and writes the event contract's timestamps ({@code 2024-01-17T12:00:00.250Z}, {@code
 * 2024-01-17T15:30:00+03:30}).
 *
 * <p>Why not just {@link OffsetDateTime#parse}: it was a fifth of the streaming job's decoding time
 * in a profile. The common shapes (four-digit year, seconds, zero to nine fraction digits, {@code
 * Z} or {@code ±HH:MM}) are read here by hand; anything else, including every invalid text, goes to
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so the accepted texts, the results and the error
 * messages stay exactly those of the JDK parser.
 *
 * <p>Writing by hand too: {@link DateTimeFormatter#ISO_INSTANT} was a tenth of a million-event
 * import's time. Years 0000 to 9999 are written here, any other goes to the JDK formatter.
 */
final class IsoTimestamps {

  private static final int SECONDS_PER_DAY = 86_400;
  private static final long YEAR_0 = -62_167_219_200L;
  private static final long YEAR_10000 = 253_402_300_800L;

  private IsoTimestamps() {}

  static Instant parse(String text) throws DateTimeParseException {
    Instant fast = parseCommonShape(text);
    return fast != null
        ? fast
        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /**
   * The text {@link DateTimeFormatter#ISO_INSTANT} (and {@link Instant#toString}) writes: UTC, a
   * {@code Z}, the fraction of a second in groups of three digits, as many as it needs.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < YEAR_0 || seconds >= YEAR_10000) {
      return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    int nanos = instant.getNano();
    char[] text = new char[30];
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    put(text, 11, secondOfDay / 3600, 2);
    text[13] = ':';
    put(text, 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    put(text, 17, secondOfDay % 60, 2);
    int end = 19;
    if (nanos > 0) {
      text[end++] = '.';
      if (nanos % 1_000_000 == 0) {
        put(text, end, nanos / 1_000_000, 3);
        end += 3;
      } else if (nanos % 1_000 == 0) {
        put(text, end, nanos / 1_000, 6);
        end += 6;
      } else {
        put(text, end, nanos, 9);
        end += 9;
      }
    }
    text[end++] = 'Z';
    return new String(text, 0, end);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void put(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The instant, or null when the text is not in a common shape or not a valid date and time. */
  static Instant parseCommonShape(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offsetSeconds(s, i);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    long epochSecond =
        epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** {@code Z} or {@code ±HH:MM} (hours up to 17) ending the text, else {@code MIN_VALUE}. */
  private static int offsetSeconds(String s, int at) {
    int rest = s.length() - at;
    if (rest == 1 && s.charAt(at) == 'Z') {
      return 0;
    }
    if (rest != 6 || s.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = s.charAt(at);
    int hours = digits(s, at + 1, 2);
    int minutes = digits(s, at + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 17 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  /** The number in {@code s[from, from+count)}, or -1 if any of those is not an ASCII digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
