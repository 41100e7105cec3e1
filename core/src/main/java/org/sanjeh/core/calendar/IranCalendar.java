package org.sanjeh.core.calendar;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/**
 * The usual Iranian working week, ready to use: Saturday to Wednesday 08:00-16:00, Thursday a half
 * day (or a full day, or closed), Friday closed, in Asia/Tehran, closed on the official holidays of
 * the bundled table ({@code iran-holidays.txt}, which says where its dates come from).
 */
public final class IranCalendar {

  public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

  /** How Thursday is worked. */
  public enum Thursday {
    FULL_DAY,
    HALF_DAY,
    CLOSED
  }

  private static final List<DayOfWeek> SATURDAY_TO_WEDNESDAY =
      List.of(
          DayOfWeek.SATURDAY,
          DayOfWeek.SUNDAY,
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY);

  private IranCalendar() {}

  /** Saturday-Wednesday 08:00-16:00, Thursday 08:00-12:00, with the bundled holidays. */
  public static BusinessCalendar standard() {
    return standard(Thursday.HALF_DAY);
  }

  public static BusinessCalendar standard(Thursday thursday) {
    return withHolidays(thursday, bundledHolidays());
  }

  /** The same week with your own holiday table (see {@link HolidayFile}). */
  public static BusinessCalendar withHolidays(
      Thursday thursday, List<HolidayFile.Holiday> holidays) {
    return BusinessCalendar.of(TEHRAN, week(thursday), HolidayFile.dates(holidays));
  }

  public static OpeningHours week(Thursday thursday) {
    OpeningHours.Builder hours = OpeningHours.builder();
    SATURDAY_TO_WEDNESDAY.forEach(day -> hours.open(day, "08:00", "16:00"));
    switch (thursday) {
      case FULL_DAY -> hours.open(DayOfWeek.THURSDAY, "08:00", "16:00");
      case HALF_DAY -> hours.open(DayOfWeek.THURSDAY, "08:00", "12:00");
      case CLOSED -> {
        // a five-day week
      }
    }
    return hours.build();
  }

  public static List<HolidayFile.Holiday> bundledHolidays() {
    return HolidayFile.readResource("iran-holidays.txt");
  }
}
