package org.sanjeh.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a calendar from its JSON form, the one users write and the conformance cases use:
 *
 * <pre>{@code
 * {"timezone": "Asia/Tehran",
 *  "hours": {"sat": [["08:00","12:00"], ["13:00","16:00"]], "thu": [["08:00","12:00"]], "fri": []},
 *  "holidays": ["2025-03-21", "jalali:1404-01-12"]}
 * }</pre>
 *
 * {@code "hours": "always"} means 24/7. Days left out are closed. Holidays are whole local dates,
 * Gregorian ISO or Jalali with a {@code jalali:} prefix; Persian digits are accepted everywhere.
 * {@code "holidays_complete_through": "jalali:1406-12-29"} says the list is complete only through
 * that date (a calendar used past it says so). The string {@code "iran"} instead of an object is
 * the {@linkplain IranCalendar#standard() Iran preset}.
 */
public final class CalendarJson {

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);

  /** The calendar's JSON form that means the Iran preset. */
  public static final String IRAN_PRESET = "iran";

  private CalendarJson() {}

  public static BusinessCalendar read(JsonNode calendar) {
    if (calendar != null && calendar.isTextual() && calendar.textValue().equals(IRAN_PRESET)) {
      return IranCalendar.standard();
    }
    if (calendar == null || !calendar.isObject()) {
      throw new IllegalArgumentException("calendar: expected an object with timezone and hours");
    }
    ZoneId zone = zone(calendar.path("timezone"));
    JsonNode hours = calendar.path("hours");
    if (hours.isTextual() && hours.textValue().equals("always")) {
      return BusinessCalendar.always(zone);
    }
    return BusinessCalendar.of(
        zone, openingHours(hours), holidays(calendar.path("holidays")), coverage(calendar));
  }

  private static HolidayCoverage coverage(JsonNode calendar) {
    JsonNode through = calendar.path("holidays_complete_through");
    if (through.isMissingNode() || through.isNull()) {
      return null;
    }
    try {
      return new HolidayCoverage("calendar.holidays", LocalDate.MIN, date(through.asText()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "calendar.holidays_complete_through: " + e.getMessage(), e);
    }
  }

  private static ZoneId zone(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(
          "calendar.timezone: required, an IANA time zone such as Asia/Tehran");
    }
    try {
      return ZoneId.of(node.textValue());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "calendar.timezone=\""
              + node.textValue()
              + "\": not an IANA time zone such as Asia/Tehran",
          e);
    }
  }

  private static OpeningHours openingHours(JsonNode hours) {
    if (!hours.isObject()) {
      throw new IllegalArgumentException(
          "calendar.hours: expected \"always\" or an object of days like {\"mon\": [[\"09:00\",\"17:00\"]]}");
    }
    OpeningHours.Builder builder = OpeningHours.builder();
    hours
        .fields()
        .forEachRemaining(
            day -> {
              DayOfWeek dayOfWeek = DAYS.get(day.getKey().toLowerCase(Locale.ROOT));
              if (dayOfWeek == null) {
                throw new IllegalArgumentException(
                    "calendar.hours."
                        + day.getKey()
                        + ": not a day; use mon, tue, wed, thu, fri, sat, sun");
              }
              for (JsonNode interval : day.getValue()) {
                if (!interval.isArray() || interval.size() != 2) {
                  throw new IllegalArgumentException(
                      "calendar.hours."
                          + day.getKey()
                          + ": each interval is [\"HH:MM\", \"HH:MM\"], got "
                          + interval);
                }
                try {
                  builder.open(dayOfWeek, interval.get(0).asText(), interval.get(1).asText());
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "calendar.hours." + day.getKey() + ": " + e.getMessage(), e);
                }
              }
            });
    return builder.build();
  }

  private static List<LocalDate> holidays(JsonNode node) {
    List<LocalDate> dates = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return dates;
    }
    for (JsonNode date : node) {
      dates.add(date(date.asText()));
    }
    return dates;
  }

  /** A Gregorian ISO date, or a Jalali one written {@code jalali:1404-01-12} (or with slashes). */
  public static LocalDate date(String text) {
    String ascii = Digits.toAscii(text.strip());
    try {
      if (ascii.startsWith("jalali:")) {
        return Jalali.toGregorian(ascii.substring("jalali:".length()));
      }
      LocalDate date = LocalDate.parse(ascii);
      if (date.getYear() < 1900) {
        throw new IllegalArgumentException(
            "holiday \"%s\": year %d looks like a Jalali year; write jalali:%s"
                .formatted(text, date.getYear(), ascii));
      }
      return date;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().contains("looks like a Jalali year")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "holiday \"" + text + "\": expected 2025-03-21 or jalali:1404-01-01", e);
    }
  }
}
