package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.core.calendar.Jalali;

/**
 * Which months a monthly line groups by: Gregorian ({@code toStartOfMonth}) or Jalali, the Iranian
 * civil calendar, whose months start on other days (1 Azar 1405 is 22 November 2026). ClickHouse
 * has no Jalali calendar, so a Jalali month is found by comparing the day with the month starts of
 * the filter's range, computed here by core's {@link Jalali} and bound as parameters.
 */
public enum MonthCalendar {
  GREGORIAN,
  JALALI;

  /** The first day of the Jalali month holding {@code day}, as a Gregorian date. */
  static LocalDate jalaliMonthStart(LocalDate day) {
    String[] parts = Jalali.fromGregorian(day).split("-");
    return Jalali.toGregorian(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
  }

  /** The first day of the Jalali month after the one starting on {@code start}. */
  static LocalDate nextJalaliMonthStart(LocalDate start) {
    // every Jalali month has 29 to 31 days: 32 days on is always in the next one
    return jalaliMonthStart(start.plusDays(32));
  }

  /** The starts of the Jalali months that overlap {@code from}..{@code to}, oldest first. */
  static List<LocalDate> jalaliMonthStarts(LocalDate from, LocalDate to) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate start = jalaliMonthStart(from);
        !start.isAfter(to);
        start = nextJalaliMonthStart(start)) {
      starts.add(start);
    }
    return starts;
  }

  /**
   * The Jalali month start of {@code day} (an SQL Date expression) among the months of the range:
   * {@code multiIf(day >= toDate(?), toDate(?), ...)}, newest first, values bound.
   */
  static String jalaliBucket(String day, LocalDate from, LocalDate to, List<Object> parameters) {
    List<LocalDate> starts = jalaliMonthStarts(from, to);
    StringBuilder sql = new StringBuilder("multiIf(");
    for (int i = starts.size() - 1; i > 0; i--) {
      sql.append(day).append(" >= toDate(?), toDate(?), ");
      parameters.add(starts.get(i).toString());
      parameters.add(starts.get(i).toString());
    }
    parameters.add(starts.get(0).toString());
    // multiIf needs a condition: with one month, every row of the range is in it
    return starts.size() == 1 ? "toDate(?)" : sql.append("toDate(?))").toString();
  }

  /** The rows of one Jalali month: {@code day >= start AND day < next start}, bound. */
  static String jalaliMonth(String day, LocalDate start, List<Object> parameters) {
    if (!jalaliMonthStart(start).equals(start)) {
      throw new IllegalArgumentException(
          "time_bucket " + start + " is not the first day of a Jalali month");
    }
    parameters.add(start.toString());
    parameters.add(nextJalaliMonthStart(start).toString());
    return day + " >= toDate(?) AND " + day + " < toDate(?)";
  }
}
