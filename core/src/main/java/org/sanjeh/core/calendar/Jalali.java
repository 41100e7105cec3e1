package org.sanjeh.core.calendar;

import com.github.mfathi91.time.PersianDate;
import java.time.LocalDate;

/** Jalali (Solar Hijri, the Iranian civil calendar) dates, through a maintained library. */
public final class Jalali {

  private Jalali() {}

  /** {@code 1404-01-12}, {@code 1404/1/12} or the same in Persian digits, to a Gregorian date. */
  public static LocalDate toGregorian(String jalaliDate) {
    String[] parts = Digits.toAscii(jalaliDate.strip()).split("[-/]");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "'" + jalaliDate + "' is not a Jalali date like 1404-01-12");
    }
    try {
      return PersianDate.of(
              Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
          .toGregorian();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + jalaliDate + "' is not a valid Jalali date", e);
    }
  }

  /** Jalali year, month (1 = Farvardin) and day to a Gregorian date. */
  public static LocalDate toGregorian(int year, int month, int day) {
    return PersianDate.of(year, month, day).toGregorian();
  }

  /** The Jalali year a Gregorian date falls in. */
  public static int yearOf(LocalDate date) {
    return PersianDate.fromGregorian(date).getYear();
  }

  /** The Jalali date of a Gregorian one, as {@code 1404-01-12}. */
  public static String fromGregorian(LocalDate date) {
    PersianDate persian = PersianDate.fromGregorian(date);
    return "%04d-%02d-%02d"
        .formatted(persian.getYear(), persian.getMonthValue(), persian.getDayOfMonth());
  }
}
