package org.sanjeh.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Business time: when a support team is open, in its own time zone, and the arithmetic on it that
 * SLA clocks need. A calendar is either {@linkplain #always(ZoneId) always open} (24/7, where
 * business time is wall-clock time) or weekly {@link OpeningHours} minus closed dates (holidays).
 *
 * <p>Semantics (see {@code docs/calendars.md} for the reasoning and the peers that differ):
 *
 * <ul>
 *   <li>Intervals are local wall-clock, start inclusive, end exclusive. On days when the clock
 *       jumps (DST), business time is real elapsed time: a 00:00-24:00 day lasts 23 or 25 hours. A
 *       boundary that falls into a skipped hour moves forward by the gap; one in a repeated hour
 *       means its first occurrence.
 *   <li>{@link #add} of a positive duration returns the earliest instant by which that much
 *       business time has passed: a result that uses up an interval exactly is that interval's
 *       closing instant, not the next opening. Negative durations go backwards symmetrically
 *       (landing on an opening instant). Adding zero returns the next moment business time runs
 *       ({@link #nextOpening}); subtracting zero the last moment it ran ({@link #previousClosing}).
 *   <li>{@link #between} is signed: a reversed span is negative, so spans add up in any order.
 *   <li>A calendar that is never open is refused at construction: every deadline would be infinite.
 *       Use {@link #always} for 24/7.
 *   <li>Resolution is the millisecond.
 * </ul>
 *
 * <p>Cost does not grow with the length of a span: whole weeks are skipped arithmetically (holidays
 * through prefix sums, DST days through the zone's transitions). Immutable and thread-safe.
 */
public final class BusinessCalendar {

  private static final long DAY_MS = 86_400_000L;
  private static final long NO_LIMIT_LOW = Long.MIN_VALUE;
  private static final long NO_LIMIT_HIGH = Long.MAX_VALUE;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final ZoneOffsets offsets;
  private final boolean alwaysOpen;
  private final boolean fixedOffset;
  private final long fixedOffsetMs;
  private final OpeningHours hours;

  /** Per weekday (Monday = 0): interval starts and ends in seconds of the local day. */
  private final int[][] starts = new int[7][];

  private final int[][] ends = new int[7][];

  /** Per weekday: business milliseconds on an ordinary day (no holiday, no clock change). */
  private final long[] weekdayMs = new long[7];

  private final long weekMs;

  /** Closed dates as sorted epoch days, and prefix sums of the business time they remove. */
  private final long[] holidays;

  private final long[] holidayMsPrefix;

  /**
   * The closed dates again, as bits from the first one on: {@link #isHoliday} runs for nearly every
   * day a calculation touches, and a bit test is cheaper than a binary search there.
   */
  private final java.util.BitSet holidayBits = new java.util.BitSet();

  /** Where the closed dates are known to be complete; null when the list does not say. */
  private final HolidayCoverage coverage;

  /** The first instant and the end instant of {@link #coverage}, for a cheap check per call. */
  private final long coveredFromMs;

  private final long coveredUntilMs;

  /** The first local date this calendar was used for outside its coverage, if any. */
  private final AtomicReference<LocalDate> firstUncoveredUse = new AtomicReference<>();

  private BusinessCalendar(
      ZoneId zone,
      boolean alwaysOpen,
      OpeningHours hours,
      Collection<LocalDate> closedDates,
      HolidayCoverage coverage) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.rules = zone.getRules();
    this.alwaysOpen = alwaysOpen;
    this.fixedOffset = rules.isFixedOffset();
    this.offsets = fixedOffset ? null : ZoneOffsets.of(zone);
    this.fixedOffsetMs = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    this.hours = hours;
    long week = 0;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<OpeningHours.Interval> intervals = hours.on(day);
      int i = day.ordinal();
      starts[i] = intervals.stream().mapToInt(OpeningHours.Interval::startSecond).toArray();
      ends[i] = intervals.stream().mapToInt(OpeningHours.Interval::endSecond).toArray();
      weekdayMs[i] = intervals.stream().mapToLong(OpeningHours.Interval::seconds).sum() * 1000L;
      week += weekdayMs[i];
    }
    this.weekMs = week;
    this.holidays =
        closedDates.stream().mapToLong(LocalDate::toEpochDay).sorted().distinct().toArray();
    this.holidayMsPrefix = new long[holidays.length + 1];
    for (int i = 0; i < holidays.length; i++) {
      holidayMsPrefix[i + 1] = holidayMsPrefix[i] + weekdayMs[weekday(holidays[i])];
      holidayBits.set(Math.toIntExact(holidays[i] - holidays[0]));
    }
    this.coverage = alwaysOpen ? null : coverage;
    this.coveredFromMs =
        this.coverage == null || coverage.from().equals(LocalDate.MIN)
            ? Long.MIN_VALUE
            : instant(coverage.from().toEpochDay(), 0);
    this.coveredUntilMs =
        this.coverage == null ? Long.MAX_VALUE : instant(coverage.through().toEpochDay() + 1, 0);
  }

  /** Open 24/7 in {@code zone}: business time is wall-clock time. */
  public static BusinessCalendar always(ZoneId zone) {
    return new BusinessCalendar(zone, true, OpeningHours.builder().build(), List.of(), null);
  }

  /**
   * Open during {@code hours} except on {@code closedDates}.
   *
   * @throws IllegalArgumentException if the hours never open
   */
  public static BusinessCalendar of(
      ZoneId zone, OpeningHours hours, Collection<LocalDate> closedDates) {
    return of(zone, hours, closedDates, null);
  }

  /**
   * Open during {@code hours} except on {@code closedDates}, a list known to be complete only
   * within {@code coverage} (null: complete everywhere). Used outside it, the calendar still counts
   * (a missing holiday as a working day) but says so: {@link #firstUseOutsideHolidayCoverage()} and
   * one warning in the log per list and process.
   *
   * @throws IllegalArgumentException if the hours never open
   */
  public static BusinessCalendar of(
      ZoneId zone,
      OpeningHours hours,
      Collection<LocalDate> closedDates,
      HolidayCoverage coverage) {
    if (hours.isNeverOpen()) {
      throw new IllegalArgumentException(
          "a business calendar must be open at least once a week: with no opening hours every"
              + " deadline would be infinite. Give opening hours, or use \"always\" for 24/7.");
    }
    return new BusinessCalendar(zone, false, hours, closedDates, coverage);
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isAlwaysOpen() {
    return alwaysOpen;
  }

  public OpeningHours hours() {
    return hours;
  }

  public List<LocalDate> closedDates() {
    return Arrays.stream(holidays).mapToObj(LocalDate::ofEpochDay).toList();
  }

  /** The dates the closed dates are known to be complete for; empty when the list does not say. */
  public Optional<HolidayCoverage> holidayCoverage() {
    return Optional.ofNullable(coverage);
  }

  /**
   * The first local date this calendar was asked about (an input or a result of any operation)
   * outside its {@linkplain #holidayCoverage() holiday coverage}, where a holiday missing from the
   * list counted as a working day; empty while every use was covered.
   */
  public Optional<LocalDate> firstUseOutsideHolidayCoverage() {
    return Optional.ofNullable(firstUncoveredUse.get());
  }

  // --- the public operations, on Instant and Duration
  // ---------------------------------------------

  /** The instant {@code amount} of business time after {@code start} (before it, if negative). */
  public Instant add(Instant start, Duration amount) {
    return Instant.ofEpochMilli(addMillis(start.toEpochMilli(), amount.toMillis()));
  }

  /** The instant {@code amount} of business time before {@code start}; zero means look back. */
  public Instant subtract(Instant start, Duration amount) {
    long ms = amount.toMillis();
    long at = start.toEpochMilli();
    return Instant.ofEpochMilli(ms == 0 ? previousClosingMillis(at) : addMillis(at, -ms));
  }

  /** Business time from {@code from} to {@code to}; negative if {@code to} is earlier. */
  public Duration between(Instant from, Instant to) {
    return Duration.ofMillis(millisBetween(from.toEpochMilli(), to.toEpochMilli()));
  }

  public boolean isOpen(Instant at) {
    return isOpenMillis(at.toEpochMilli());
  }

  /** {@code at} itself when open then, otherwise the start of the next open period. */
  public Instant nextOpening(Instant at) {
    return Instant.ofEpochMilli(nextOpeningMillis(at.toEpochMilli()));
  }

  /** {@code at} itself when open then, otherwise the end of the last open period before it. */
  public Instant previousClosing(Instant at) {
    return Instant.ofEpochMilli(previousClosingMillis(at.toEpochMilli()));
  }

  // --- the same on epoch milliseconds, for hot paths ---------------------------------------------

  public long addMillis(long start, long amount) {
    if (alwaysOpen) {
      return start + amount;
    }
    if (amount == 0) {
      return nextOpeningMillis(start);
    }
    checkCoverage(start);
    return checkCoverage(amount > 0 ? forward(start, amount) : backward(start, -amount));
  }

  public long millisBetween(long from, long to) {
    if (alwaysOpen) {
      return to - from;
    }
    checkCoverage(from);
    checkCoverage(to);
    return from <= to ? openMillis(from, to) : -openMillis(to, from);
  }

  public boolean isOpenMillis(long at) {
    if (alwaysOpen) {
      return true;
    }
    checkCoverage(at);
    long day = epochDay(at);
    if (isHoliday(day)) {
      return false;
    }
    int w = weekday(day);
    for (int i = 0; i < starts[w].length; i++) {
      if (at >= instant(day, starts[w][i]) && at < instant(day, ends[w][i])) {
        return true;
      }
    }
    return false;
  }

  public long nextOpeningMillis(long at) {
    if (alwaysOpen) {
      return at;
    }
    checkCoverage(at);
    return checkCoverage(nextOpeningUnchecked(at));
  }

  private long nextOpeningUnchecked(long at) {
    for (long day = epochDay(at); ; day++) {
      if (isHoliday(day)) {
        continue;
      }
      int w = weekday(day);
      for (int i = 0; i < starts[w].length; i++) {
        long start = instant(day, starts[w][i]);
        long end = instant(day, ends[w][i]);
        if (end > start && end > at) {
          return Math.max(start, at);
        }
      }
    }
  }

  public long previousClosingMillis(long at) {
    if (alwaysOpen) {
      return at;
    }
    checkCoverage(at);
    return checkCoverage(previousClosingUnchecked(at));
  }

  private long previousClosingUnchecked(long at) {
    for (long day = epochDay(at); ; day--) {
      if (isHoliday(day)) {
        continue;
      }
      int w = weekday(day);
      for (int i = starts[w].length - 1; i >= 0; i--) {
        long start = instant(day, starts[w][i]);
        long end = instant(day, ends[w][i]);
        if (end > start && start < at) {
          return Math.min(end, at);
        }
        if (end > start && start == at) {
          return at; // an opening instant is open: nothing before it on this interval
        }
      }
    }
  }

  /**
   * The open periods within {@code [from, to)}, in order, as pairs {@code [start, end)} of epoch
   * milliseconds, clipped to the span; periods that touch (an interval ending at midnight and the
   * next day's starting then) are joined. What is between them is closed time (nights, weekends,
   * holidays). Their lengths add up to {@link #millisBetween}: this is the same business time,
   * spelled out for an explanation (a ticket's timeline), not for the hot path: it walks the span
   * day by day.
   */
  public List<long[]> openSpansMillis(long from, long to) {
    List<long[]> spans = new java.util.ArrayList<>();
    if (to <= from) {
      return spans;
    }
    if (alwaysOpen) {
      spans.add(new long[] {from, to});
      return spans;
    }
    checkCoverage(from);
    checkCoverage(to);
    for (long day = epochDay(from), last = epochDay(to); day <= last; day++) {
      if (isHoliday(day)) {
        continue;
      }
      int w = weekday(day);
      for (int i = 0; i < starts[w].length; i++) {
        long start = Math.max(from, instant(day, starts[w][i]));
        long end = Math.min(to, instant(day, ends[w][i]));
        if (end <= start) {
          continue;
        }
        long[] previous = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (previous != null && previous[1] >= start) {
          previous[1] = Math.max(previous[1], end);
        } else {
          spans.add(new long[] {start, end});
        }
      }
    }
    return spans;
  }

  /**
   * Notes a use outside the holiday coverage (two comparisons on the hot path); {@code at} back.
   */
  private long checkCoverage(long at) {
    if (at < coveredFromMs || at >= coveredUntilMs) {
      LocalDate date = LocalDate.ofEpochDay(epochDay(at));
      if (firstUncoveredUse.compareAndSet(null, date)) {
        coverage.warnOnce(date);
      }
    }
    return at;
  }

  // --- the arithmetic ----------------------------------------------------------------------------

  /** Business milliseconds in [from, to), from <= to. */
  private long openMillis(long from, long to) {
    long firstDay = epochDay(from);
    long lastDay = epochDay(to);
    if (firstDay == lastDay) {
      return openWithin(firstDay, from, to);
    }
    return openWithin(firstDay, from, NO_LIMIT_HIGH)
        + daysRange(firstDay + 1, lastDay)
        + openWithin(lastDay, NO_LIMIT_LOW, to);
  }

  private long forward(long start, long amount) {
    long day = epochDay(start);
    long remaining = amount;
    long rest = openWithin(day, start, NO_LIMIT_HIGH);
    if (remaining <= rest) {
      return locateForward(day, start, remaining);
    }
    remaining -= rest;
    day++;
    while (remaining > weekMs) {
      long weeks = remaining / weekMs;
      long skipped = daysRange(day, day + 7 * weeks);
      while (weeks > 0 && skipped >= remaining) {
        weeks--;
        skipped = daysRange(day, day + 7 * weeks);
      }
      if (weeks == 0) {
        break;
      }
      remaining -= skipped;
      day += 7 * weeks;
    }
    for (; ; day++) {
      long open = dayMillis(day);
      if (remaining <= open) {
        return locateForward(day, NO_LIMIT_LOW, remaining);
      }
      remaining -= open;
    }
  }

  private long backward(long start, long amount) {
    long day = epochDay(start);
    long remaining = amount;
    long rest = openWithin(day, NO_LIMIT_LOW, start);
    if (remaining <= rest) {
      return locateBackward(day, start, remaining);
    }
    remaining -= rest;
    day--;
    while (remaining > weekMs) {
      long weeks = remaining / weekMs;
      long skipped = daysRange(day - 7 * weeks + 1, day + 1);
      while (weeks > 0 && skipped >= remaining) {
        weeks--;
        skipped = daysRange(day - 7 * weeks + 1, day + 1);
      }
      if (weeks == 0) {
        break;
      }
      remaining -= skipped;
      day -= 7 * weeks;
    }
    for (; ; day--) {
      long open = dayMillis(day);
      if (remaining <= open) {
        return locateBackward(day, NO_LIMIT_HIGH, remaining);
      }
      remaining -= open;
    }
  }

  /** The instant in {@code day}, at or after {@code from}, once {@code amount} more has passed. */
  private long locateForward(long day, long from, long amount) {
    int w = weekday(day);
    long remaining = amount;
    for (int i = 0; i < starts[w].length; i++) {
      long start = Math.max(instant(day, starts[w][i]), from);
      long end = instant(day, ends[w][i]);
      if (end <= start) {
        continue;
      }
      if (remaining <= end - start) {
        return start + remaining;
      }
      remaining -= end - start;
    }
    throw new IllegalStateException("day " + LocalDate.ofEpochDay(day) + " has less open time");
  }

  private long locateBackward(long day, long until, long amount) {
    int w = weekday(day);
    long remaining = amount;
    for (int i = starts[w].length - 1; i >= 0; i--) {
      long start = instant(day, starts[w][i]);
      long end = Math.min(instant(day, ends[w][i]), until);
      if (end <= start) {
        continue;
      }
      if (remaining <= end - start) {
        return end - remaining;
      }
      remaining -= end - start;
    }
    throw new IllegalStateException("day " + LocalDate.ofEpochDay(day) + " has less open time");
  }

  /** Open milliseconds of {@code day} that lie within [low, high). */
  private long openWithin(long day, long low, long high) {
    if (isHoliday(day)) {
      return 0;
    }
    int w = weekday(day);
    long open = 0;
    for (int i = 0; i < starts[w].length; i++) {
      long start = Math.max(instant(day, starts[w][i]), low);
      long end = Math.min(instant(day, ends[w][i]), high);
      if (end > start) {
        open += end - start;
      }
    }
    return open;
  }

  /** Open milliseconds of a whole day, exact on days when the clock changes. */
  private long dayMillis(long day) {
    if (isHoliday(day)) {
      return 0;
    }
    return fixedOffset ? weekdayMs[weekday(day)] : openWithin(day, NO_LIMIT_LOW, NO_LIMIT_HIGH);
  }

  /** Open milliseconds of the whole days [firstDay, endDay), without walking them. */
  private long daysRange(long firstDay, long endDay) {
    if (endDay <= firstDay) {
      return 0;
    }
    long days = endDay - firstDay;
    long open = (days / 7) * weekMs;
    int w = weekday(firstDay);
    for (int i = 0; i < days % 7; i++) {
      open += weekdayMs[(w + i) % 7];
    }
    open -= holidayMsPrefix[lowerBound(endDay)] - holidayMsPrefix[lowerBound(firstDay)];
    return open + clockChangeCorrection(firstDay, endDay);
  }

  /** What clock changes add to or take from the nominal open time of [firstDay, endDay). */
  private long clockChangeCorrection(long firstDay, long endDay) {
    if (fixedOffset) {
      return 0;
    }
    long rangeEnd = instant(endDay, 0) + DAY_MS;
    long correction = 0;
    long lastDay = Long.MIN_VALUE;
    for (int i = offsets.firstTransitionAfter(instant(firstDay, 0) - DAY_MS);
        i < offsets.transitionCount() && offsets.transitionAt(i) < rangeEnd;
        i++) {
      long day = epochDay(offsets.transitionAt(i));
      for (long d = day - 1; d <= day; d++) {
        if (d > lastDay && d >= firstDay && d < endDay && !isHoliday(d)) {
          correction += openWithin(d, NO_LIMIT_LOW, NO_LIMIT_HIGH) - weekdayMs[weekday(d)];
          lastDay = d;
        }
      }
    }
    return correction;
  }

  // --- time zone and calendar helpers ------------------------------------------------------------

  /**
   * The instant of a local wall-clock second of a local day (gaps move forward, overlaps first).
   */
  private long instant(long day, int secondOfDay) {
    long localSeconds = day * 86_400L + secondOfDay;
    if (fixedOffset) {
      return localSeconds * 1000 - fixedOffsetMs;
    }
    return offsets.utcOfLocal(localSeconds * 1000);
  }

  /** The local date of an instant, as an epoch day. */
  private long epochDay(long at) {
    long offsetMs = fixedOffset ? fixedOffsetMs : offsets.offsetAtUtc(at);
    return Math.floorDiv(at + offsetMs, DAY_MS);
  }

  /** Monday = 0 … Sunday = 6; epoch day 0 (1970-01-01) was a Thursday. */
  private static int weekday(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7L);
  }

  private boolean isHoliday(long day) {
    if (holidays.length == 0 || day < holidays[0] || day > holidays[holidays.length - 1]) {
      return false;
    }
    return holidayBits.get((int) (day - holidays[0]));
  }

  /** Index of the first holiday on or after {@code day}. */
  private int lowerBound(long day) {
    int index = Arrays.binarySearch(holidays, day);
    return index >= 0 ? index : -index - 1;
  }

  @Override
  public String toString() {
    return alwaysOpen
        ? "BusinessCalendar[always, " + zone + "]"
        : "BusinessCalendar["
            + zone
            + ", "
            + hours
            + ", "
            + holidays.length
            + " closed dates"
            + (coverage == null ? "" : ", complete through " + coverage.through())
            + "]";
  }
}
