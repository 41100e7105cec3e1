package org.sanjeh.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Laws every calendar must obey, checked on random calendars in zones with awkward clock changes
 * (midnight DST in Tehran until 2022 and in São Paulo until 2019, a 30-minute shift on Lord Howe).
 */
class BusinessCalendarProperties {

  private static final long SIXTY_DAYS_MS = 60L * 86_400_000L;
  private static final Instant FROM = Instant.parse("2017-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2025-12-31T00:00:00Z");

  @Property(tries = 400)
  void addThenBetweenGivesBackTheDuration(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 0, max = SIXTY_DAYS_MS) long amount) {
    long end = calendar.addMillis(start, amount);

    assertThat(calendar.millisBetween(start, end)).isEqualTo(amount);
  }

  @Property(tries = 400)
  void subtractThenBetweenGivesBackTheDuration(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 1, max = SIXTY_DAYS_MS) long amount) {
    long earlier = calendar.addMillis(start, -amount);

    assertThat(calendar.millisBetween(earlier, start)).isEqualTo(amount);
  }

  @Property(tries = 400)
  void betweenIsAdditiveOverAdjacentSpansInAnyOrder(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long a,
      @ForAll("instants") long b,
      @ForAll("instants") long c) {
    assertThat(calendar.millisBetween(a, b) + calendar.millisBetween(b, c))
        .isEqualTo(calendar.millisBetween(a, c));
  }

  @Property(tries = 200)
  void anAlwaysOpenCalendarIsWallClockTime(
      @ForAll("zones") ZoneId zone, @ForAll("instants") long a, @ForAll("instants") long b) {
    BusinessCalendar always = BusinessCalendar.always(zone);

    assertThat(always.millisBetween(a, b)).isEqualTo(b - a);
    assertThat(always.addMillis(a, b - a)).isEqualTo(b);
  }

  @Property(tries = 200)
  void aCalendarOpenAroundTheClockIsWallClockTimeToo(
      @ForAll("zones") ZoneId zone, @ForAll("instants") long a, @ForAll("instants") long b) {
    OpeningHours allDay =
        OpeningHours.sameEveryDay(
            List.of(DayOfWeek.values()), OpeningHours.Interval.of("00:00", "24:00"));
    BusinessCalendar calendar = BusinessCalendar.of(zone, allDay, List.of());

    assertThat(calendar.millisBetween(a, b)).isEqualTo(b - a);
  }

  @Property(tries = 400)
  void resultsLandInOpenTimeOrExactlyAtItsEnd(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 1, max = SIXTY_DAYS_MS) long amount) {
    long forward = calendar.addMillis(start, amount);
    long backward = calendar.addMillis(start, -amount);

    assertThat(calendar.isOpenMillis(forward - 1))
        .as("the millisecond before a forward result is open")
        .isTrue();
    assertThat(calendar.isOpenMillis(backward)).as("a backward result is open").isTrue();
  }

  @Property(tries = 300)
  void aForwardResultIsTheEarliestInstantThatReachesTheDuration(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 1, max = SIXTY_DAYS_MS) long amount) {
    long end = calendar.addMillis(start, amount);

    assertThat(calendar.millisBetween(start, end - 1)).isLessThan(amount);
  }

  @Property(tries = 300)
  void addIsMonotonic(
      @ForAll("calendars") BusinessCalendar calendar,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 0, max = SIXTY_DAYS_MS) long a,
      @ForAll @LongRange(min = 0, max = SIXTY_DAYS_MS) long b) {
    long small = Math.min(a, b);
    long large = Math.max(a, b);

    assertThat(calendar.addMillis(start, small))
        .isLessThanOrEqualTo(calendar.addMillis(start, large));
  }

  @Property(tries = 200)
  void nextOpeningAndPreviousClosingAreOpenBoundaries(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") long at) {
    long next = calendar.nextOpeningMillis(at);
    long previous = calendar.previousClosingMillis(at);

    assertThat(next).isGreaterThanOrEqualTo(at);
    assertThat(calendar.isOpenMillis(next)).isTrue();
    assertThat(calendar.millisBetween(at, next)).isZero();
    assertThat(previous).isLessThanOrEqualTo(at);
    assertThat(calendar.millisBetween(previous, at)).isZero();
  }

  @Property(tries = 300)
  void agreesWithWalkingTheDaysOneByOne(
      @ForAll("zones") ZoneId zone,
      @ForAll("weeks") OpeningHours hours,
      @ForAll("holidayLists") List<LocalDate> holidays,
      @ForAll("instants") long start,
      @ForAll @LongRange(min = 1, max = SIXTY_DAYS_MS) long amount) {
    BusinessCalendar fast = BusinessCalendar.of(zone, hours, holidays);
    DayByDayCalendar slow = new DayByDayCalendar(zone, hours, holidays);
    long end = slow.addMillis(start, amount);

    assertThat(fast.addMillis(start, amount)).isEqualTo(end);
    assertThat(fast.millisBetween(start, end + amount))
        .isEqualTo(slow.millisBetween(start, end + amount));
  }

  @Provide
  Arbitrary<OpeningHours> weeks() {
    return day()
        .list()
        .ofSize(7)
        .map(BusinessCalendarProperties::hours)
        .filter(h -> !h.isNeverOpen());
  }

  @Provide
  Arbitrary<List<LocalDate>> holidayLists() {
    return Arbitraries.longs()
        .between(
            LocalDate.parse("2016-12-01").toEpochDay(), LocalDate.parse("2026-03-01").toEpochDay())
        .map(LocalDate::ofEpochDay)
        .list()
        .ofMaxSize(80);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "Europe/Berlin",
            "America/New_York",
            "Asia/Tehran",
            "America/Sao_Paulo",
            "Australia/Lord_Howe",
            "Asia/Kolkata")
        .map(ZoneId::of);
  }

  @Provide
  Arbitrary<Long> instants() {
    return Arbitraries.longs().between(FROM.toEpochMilli(), TO.toEpochMilli());
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return Combinators.combine(zones(), weeks(), holidayLists()).as(BusinessCalendar::of);
  }

  /** Up to three intervals in one day, on 15-minute boundaries. */
  private Arbitrary<List<int[]>> day() {
    return Arbitraries.integers()
        .between(0, 96)
        .list()
        .ofMaxSize(6)
        .map(
            marks -> {
              List<Integer> sorted = marks.stream().distinct().sorted().toList();
              List<int[]> intervals = new ArrayList<>();
              for (int i = 0; i + 1 < sorted.size(); i += 2) {
                intervals.add(new int[] {sorted.get(i) * 900, sorted.get(i + 1) * 900});
              }
              return intervals;
            });
  }

  private static OpeningHours hours(List<List<int[]>> week) {
    OpeningHours.Builder hours = OpeningHours.builder();
    for (DayOfWeek day : DayOfWeek.values()) {
      for (int[] interval : week.get(day.ordinal())) {
        hours.open(day, new OpeningHours.Interval(interval[0], interval[1]));
      }
    }
    return hours.build();
  }
}
