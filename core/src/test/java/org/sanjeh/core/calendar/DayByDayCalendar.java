package org.sanjeh.core.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The obvious implementation: walk the local days one by one with {@link ZonedDateTime}. Slow for
 * long spans, but easy to trust, so it is both the property tests' oracle and the benchmark's
 * baseline. Forward arithmetic and between only.
 */
final class DayByDayCalendar {

  private final ZoneId zone;
  private final OpeningHours hours;
  private final Set<LocalDate> holidays;

  DayByDayCalendar(ZoneId zone, OpeningHours hours, List<LocalDate> holidays) {
    this.zone = zone;
    this.hours = hours;
    this.holidays = new HashSet<>(holidays);
  }

  long millisBetween(long from, long to) {
    long open = 0;
    LocalDate last = localDate(to);
    for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
      for (long[] interval : intervals(day)) {
        open += Math.max(0, Math.min(interval[1], to) - Math.max(interval[0], from));
      }
    }
    return open;
  }

  long addMillis(long start, long amount) {
    long remaining = amount;
    for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
      for (long[] interval : intervals(day)) {
        long from = Math.max(interval[0], start);
        long length = interval[1] - from;
        if (length <= 0) {
          continue;
        }
        if (remaining <= length) {
          return from + remaining;
        }
        remaining -= length;
      }
    }
  }

  private List<long[]> intervals(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return hours.on(weekday).stream()
        .map(i -> new long[] {instant(day, i.startSecond()), instant(day, i.endSecond())})
        .toList();
  }

  private long instant(LocalDate day, int secondOfDay) {
    ZonedDateTime local =
        secondOfDay == 86_400
            ? day.plusDays(1).atStartOfDay(zone)
            : ZonedDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay), zone);
    return local.toInstant().toEpochMilli();
  }

  private LocalDate localDate(long at) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(at), zone);
  }
}
