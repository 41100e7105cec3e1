package org.sanjeh.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IranCalendarTest {

  private final BusinessCalendar iran = IranCalendar.standard();

  @Test
  void thursdayIsAHalfDayAndFridayIsClosed() {
    // Thu 2024-05-09 11:00 Tehran (+03:30) plus 2h: 1h on Thursday, Friday closed, 1h on Saturday.
    Instant thursday = tehran("2024-05-09T11:00");

    assertThat(iran.add(thursday, Duration.ofHours(2))).isEqualTo(tehran("2024-05-11T09:00"));
    assertThat(
            IranCalendar.standard(IranCalendar.Thursday.FULL_DAY)
                .add(thursday, Duration.ofHours(2)))
        .isEqualTo(tehran("2024-05-09T13:00"));
    assertThat(
            IranCalendar.standard(IranCalendar.Thursday.CLOSED).add(thursday, Duration.ofHours(2)))
        .isEqualTo(tehran("2024-05-11T10:00"));
  }

  @Test
  void nowruzAndTheLastDaysOfEsfandFollowTheJalaliCalendar() {
    // 1403 is a Jalali leap year: 29 Esfand (holiday) is Wed 2025-03-19, 30 Esfand an ordinary
    // Thursday. Tue 15:00 + 2h: 1h on Tuesday, Wednesday closed, 1h on Thursday morning.
    assertThat(iran.add(tehran("2025-03-18T15:00"), Duration.ofHours(2)))
        .isEqualTo(tehran("2025-03-20T09:00"));
    // Thu 11:00 + 2h: 1h on Thursday, then Friday and Nowruz 1-4 (Fri-Mon) closed, Tue 09:00.
    assertThat(iran.add(tehran("2025-03-20T11:00"), Duration.ofHours(2)))
        .isEqualTo(tehran("2025-03-25T09:00"));
    assertThat(iran.isOpen(tehran("2025-03-22T10:00"))).isFalse();
  }

  @Test
  void theBundledTableHasTheFixedSolarHolidaysOnTheirGregorianDates() {
    assertThat(HolidayFile.dates(IranCalendar.bundledHolidays()))
        .contains(
            LocalDate.parse("2024-03-20"), // 1403-01-01
            LocalDate.parse("2024-04-01"), // 1403-01-13 and the Martyrdom of Imam Ali
            LocalDate.parse("2025-02-10"), // 1403-11-22
            LocalDate.parse("2025-04-02"), // 1404-01-13
            LocalDate.parse("2025-06-04")); // 1404-03-14
  }

  @Test
  void aBadLineInAHolidayFileIsNamed() {
    assertThatThrownBy(
            () ->
                HolidayFile.read(
                    new StringReader("# ok\n2025-03-21 Nowruz\n1404-01-01 wrong\n"),
                    "my-holidays.txt"))
        .hasMessageContaining("my-holidays.txt line 3")
        .hasMessageContaining("looks like a Jalali year; write jalali:1404-01-01");
  }

  private static Instant tehran(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), IranCalendar.TEHRAN)
        .toInstant();
  }
}
