package org.sanjeh.core.calendar;

/**
 * Parses and formats local wall-clock times such as {@code 09:30}, {@code 24:00}, {@code ۰۹:۳۰}.
 */
final class WallClock {

  private WallClock() {}

  /**
   * Seconds since midnight. Accepts Persian (۰-۹) and Arabic-Indic (٠-٩) digits, {@code H:MM},
   * {@code HH:MM} and {@code HH:MM:SS}; {@code 24:00} only where {@code endOfDayAllowed}.
   */
  static int parse(String text, boolean endOfDayAllowed) {
    String ascii = Digits.toAscii(text.strip());
    String[] parts = ascii.split(":");
    try {
      if (parts.length < 2 || parts.length > 3) {
        throw new NumberFormatException();
      }
      int hours = Integer.parseInt(parts[0]);
      int minutes = Integer.parseInt(parts[1]);
      int seconds = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
      int total = hours * 3600 + minutes * 60 + seconds;
      boolean endOfDay = hours == 24 && minutes == 0 && seconds == 0;
      if (minutes > 59 || seconds > 59 || hours < 0 || (hours > 23 && !endOfDay)) {
        throw new NumberFormatException();
      }
      if (endOfDay && !endOfDayAllowed) {
        throw new IllegalArgumentException(
            "'" + text + "': 24:00 can only end an interval; start it at 00:00");
      }
      return total;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a wall-clock time like 09:00 or 24:00", e);
    }
  }

  static String format(int secondOfDay) {
    int hours = secondOfDay / 3600;
    int minutes = secondOfDay / 60 % 60;
    int seconds = secondOfDay % 60;
    return seconds == 0
        ? "%02d:%02d".formatted(hours, minutes)
        : "%02d:%02d:%02d".formatted(hours, minutes, seconds);
  }
}
