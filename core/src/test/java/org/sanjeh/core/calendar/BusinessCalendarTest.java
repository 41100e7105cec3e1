package org.sanjeh.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final List<DayOfWeek> WEEKDAYS =
      List.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  /** Mon-Fri 09:00-12:00 and 13:00-17:00 (a lunch break), Berlin, closed on 2024-12-25. */
  static BusinessCalendar berlinOffice() {
    return BusinessCalendar.of(
        BERLIN,
        OpeningHours.sameEveryDay(
            WEEKDAYS,
            OpeningHours.Interval.of("09:00", "12:00"),
            OpeningHours.Interval.of("13:00", "17:00")),
        List.of(LocalDate.parse("2024-12-25")));
  }

  @Test
  void openSpansSkipTheLunchBreakTheNightAndAHolidayAndAddUpToTheBusinessTime() {
    // Tue 2024-12-24 16:00 CET (15:00Z) to Thu 2024-12-26 10:00 CET (09:00Z), the 25th closed:
    // Tue 16:00-17:00, then Thu 09:00-10:00.
    long from = at("2024-12-24T15:00:00Z").toEpochMilli();
    long to = at("2024-12-26T09:00:00Z").toEpochMilli();
    List<long[]> spans = berlinOffice().openSpansMillis(from, to);
    assertThat(spans)
        .extracting(span -> Instant.ofEpochMilli(span[0]) + "/" + Instant.ofEpochMilli(span[1]))
        .containsExactly(
            "2024-12-24T15:00:00Z/2024-12-24T16:00:00Z",
            "2024-12-26T08:00:00Z/2024-12-26T09:00:00Z");
    long mid = at("2024-01-15T10:30:00Z").toEpochMilli(); // Mon 11:30 CET
    List<long[]> lunch = berlinOffice().openSpansMillis(mid, mid + 3 * 3_600_000L);
    assertThat(lunch).hasSize(2);
    assertThat(lunch.stream().mapToLong(span -> span[1] - span[0]).sum())
        .isEqualTo(berlinOffice().millisBetween(mid, mid + 3 * 3_600_000L));
  }

  @Test
  void openSpansOfAnAlwaysOpenCalendarAreTheWholeSpanAndNoneForAnEmptyOne() {
    BusinessCalendar always = BusinessCalendar.always(BERLIN);
    assertThat(always.openSpansMillis(10, 20)).containsExactly(new long[] {10, 20});
    assertThat(berlinOffice().openSpansMillis(20, 20)).isEmpty();
  }

  @Test
  void addingSkipsTheLunchBreak() {
    // Mon 2024-01-15 11:00 CET = 10:00Z; 2h of business time: 11-12, then 13-14.
    assertThat(berlinOffice().add(at("2024-01-15T10:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(at("2024-01-15T13:00:00Z"));
  }

  @Test
  void addingThatUsesUpADayExactlyEndsAtItsClosingNotTheNextOpening() {
    // Fri 2024-01-19 16:00 CET + 1h = Fri 17:00 CET (16:00Z), not Mon 09:00.
    assertThat(berlinOffice().add(at("2024-01-19T15:00:00Z"), Duration.ofHours(1)))
        .isEqualTo(at("2024-01-19T16:00:00Z"));
  }

  @Test
  void addingOverAWeekendAndAHolidaySkipsBoth() {
    // Tue 2024-12-24 16:00 CET + 2h: 1h on Tuesday, Wednesday is a holiday, 1h on Thursday.
    assertThat(berlinOffice().add(at("2024-12-24T15:00:00Z"), Duration.ofHours(2)))
        .isEqualTo(at("2024-12-26T09:00:00Z")); // Thu 10:00 CET
  }

  @Test
  void subtractingGoesBackAndLandsOnAnOpeningInstant() {
    // Mon 2024-01-15 10:00 CET minus 1h = Mon 09:00 CET, not Friday 17:00.
    assertThat(berlinOffice().subtract(at("2024-01-15T09:00:00Z"), Duration.ofHours(1)))
        .isEqualTo(at("2024-01-15T08:00:00Z"));
    assertThat(berlinOffice().add(at("2024-01-15T09:00:00Z"), Duration.ofHours(-2)))
        .isEqualTo(at("2024-01-12T15:00:00Z")); // Fri 16:00 CET
  }

  @Test
  void zeroMovesToWhereBusinessTimeRuns() {
    BusinessCalendar office = berlinOffice();
    Instant saturday = at("2024-01-20T12:00:00Z");

    assertThat(office.add(saturday, Duration.ZERO)).isEqualTo(at("2024-01-22T08:00:00Z"));
    assertThat(office.subtract(saturday, Duration.ZERO)).isEqualTo(at("2024-01-19T16:00:00Z"));
    Instant mondayMorning = at("2024-01-22T09:30:00Z");
    assertThat(office.add(mondayMorning, Duration.ZERO)).isEqualTo(mondayMorning);
  }

  @Test
  void betweenCountsOnlyOpenTimeAndIsSigned() {
    BusinessCalendar office = berlinOffice();
    Instant fridayNoon = at("2024-01-19T11:00:00Z");
    Instant mondayNoon = at("2024-01-22T11:00:00Z");

    // Fri 12:00-17:00 CET minus lunch = 4h; Mon 09:00-12:00 = 3h.
    assertThat(office.between(fridayNoon, mondayNoon)).isEqualTo(Duration.ofHours(7));
    assertThat(office.between(mondayNoon, fridayNoon)).isEqualTo(Duration.ofHours(-7));
  }

  @Test
  void businessTimeIsRealElapsedTimeAcrossDaylightSavingChanges() {
    BusinessCalendar allDay =
        BusinessCalendar.of(
            BERLIN,
            OpeningHours.sameEveryDay(
                List.of(DayOfWeek.values()), OpeningHours.Interval.of("00:00", "24:00")),
            List.of());
    // 2024-03-31 is 23 hours long in Berlin, 2024-10-27 is 25.
    Instant springStart = at("2024-03-30T23:00:00Z");
    Instant autumnStart = at("2024-10-26T22:00:00Z");

    assertThat(allDay.between(springStart, at("2024-03-31T22:00:00Z")))
        .isEqualTo(Duration.ofHours(23));
    assertThat(allDay.between(autumnStart, at("2024-10-27T23:00:00Z")))
        .isEqualTo(Duration.ofHours(25));
    assertThat(allDay.add(springStart, Duration.ofDays(30)))
        .isEqualTo(springStart.plus(Duration.ofDays(30)));
  }

  @Test
  void anOpeningInsideTheSkippedHourMovesForwardByTheGap() {
    // Open Sundays 02:30-04:00; on 2024-03-31 02:00-03:00 does not exist in Berlin.
    BusinessCalendar nightShift =
        BusinessCalendar.of(
            BERLIN,
            OpeningHours.builder().open(DayOfWeek.SUNDAY, "02:30", "04:00").build(),
            List.of());

    assertThat(nightShift.nextOpening(at("2024-03-30T12:00:00Z")))
        .isEqualTo(at("2024-03-31T01:30:00Z")); // 03:30 CEST
    assertThat(nightShift.between(at("2024-03-31T00:00:00Z"), at("2024-03-31T03:00:00Z")))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void weeksAreSkippedWithTheSameResultAsWalkingDayByDay() {
    BusinessCalendar office = berlinOffice();
    Instant start = at("2024-01-03T10:17:00Z");
    Instant walked = start;
    for (int i = 0; i < 60; i++) {
      walked = office.add(walked, Duration.ofHours(7));
    }

    assertThat(office.add(start, Duration.ofHours(420))).isEqualTo(walked);
    assertThat(office.between(start, walked)).isEqualTo(Duration.ofHours(420));
  }

  @Test
  void alwaysOpenIsWallClockTime() {
    BusinessCalendar always = BusinessCalendar.always(BERLIN);
    Instant start = at("2024-03-30T12:00:00Z");

    assertThat(always.add(start, Duration.ofDays(3))).isEqualTo(start.plus(Duration.ofDays(3)));
    assertThat(always.between(start, start.plusSeconds(61))).isEqualTo(Duration.ofSeconds(61));
    assertThat(always.isOpen(start)).isTrue();
  }

  @Test
  void isOpenRespectsEndExclusiveIntervalsAndHolidays() {
    BusinessCalendar office = berlinOffice();

    assertThat(office.isOpen(at("2024-01-15T08:00:00Z"))).isTrue(); // 09:00
    assertThat(office.isOpen(at("2024-01-15T10:59:59Z"))).isTrue(); // 11:59:59
    assertThat(office.isOpen(at("2024-01-15T11:00:00Z"))).isFalse(); // 12:00, lunch
    assertThat(office.isOpen(at("2024-12-25T10:00:00Z"))).isFalse(); // holiday
  }

  @Test
  void refusesACalendarThatIsNeverOpen() {
    assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, OpeningHours.builder().build(), List.of()))
        .hasMessageContaining("open at least once a week")
        .hasMessageContaining("always");
  }

  @Test
  void openingHoursMergeOverlapsAndRejectBadTimes() {
    OpeningHours hours =
        OpeningHours.builder()
            .open(DayOfWeek.MONDAY, "13:00", "17:00")
            .open(DayOfWeek.MONDAY, "09:00", "13:00")
            .build();

    assertThat(hours.on(DayOfWeek.MONDAY))
        .containsExactly(OpeningHours.Interval.of("09:00", "17:00"));
    assertThatThrownBy(() -> OpeningHours.Interval.of("17:00", "09:00"))
        .hasMessageContaining("the start must come before the end");
    assertThatThrownBy(() -> OpeningHours.Interval.of("24:00", "24:00"))
        .hasMessageContaining("24:00 can only end an interval");
    assertThatThrownBy(() -> OpeningHours.Interval.of("9h", "17:00"))
        .hasMessageContaining("'9h' is not a wall-clock time");
  }

  @Test
  void readsPersianDigitsAndJalaliHolidays() {
    assertThat(OpeningHours.Interval.of("۰۸:۰۰", "۱۶:۳۰"))
        .isEqualTo(OpeningHours.Interval.of("08:00", "16:30"));
    assertThat(CalendarJson.date("jalali:۱۴۰۳/۰۱/۰۱")).isEqualTo(LocalDate.parse("2024-03-20"));
    assertThat(CalendarJson.date("jalali:1404-01-01")).isEqualTo(LocalDate.parse("2025-03-21"));
    assertThat(Jalali.fromGregorian(LocalDate.parse("2025-03-21"))).isEqualTo("1404-01-01");
    assertThatThrownBy(() -> CalendarJson.date("jalali:1404-13-01"))
        .hasMessageContaining("expected 2025-03-21 or jalali:1404-01-01");
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
