package org.sanjeh.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * add and between on a calendar with two intervals a day and 30 holidays a year, for spans from
 * minutes to 60 days, against the day-by-day walk as the baseline. Run with {@code ./sanjeh bench
 * calendar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

  @Param({"Europe/Berlin", "Asia/Tehran"})
  public String zone;

  /** The business time added, and the wall-clock span measured by between, in minutes. */
  @Param({"30", "1440", "14400", "86400"})
  public long spanMinutes;

  private BusinessCalendar calendar;
  private DayByDayCalendar baseline;
  private final long[] starts = new long[1024];
  private int next;

  @Setup
  public void setUp() {
    ZoneId zoneId = ZoneId.of(zone);
    OpeningHours hours =
        OpeningHours.sameEveryDay(
            List.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY),
            OpeningHours.Interval.of("08:00", "12:00"),
            OpeningHours.Interval.of("13:00", "17:00"));
    SplittableRandom random = new SplittableRandom(42);
    List<LocalDate> holidays = new ArrayList<>();
    for (int year = 2023; year <= 2027; year++) {
      for (int i = 0; i < 30; i++) {
        holidays.add(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)));
      }
    }
    calendar = BusinessCalendar.of(zoneId, hours, holidays);
    baseline = new DayByDayCalendar(zoneId, hours, holidays);
    long from = LocalDate.parse("2024-01-01").atStartOfDay(zoneId).toInstant().toEpochMilli();
    for (int i = 0; i < starts.length; i++) {
      starts[i] = from + random.nextLong(365L * 86_400_000L);
    }
  }

  private long start() {
    next = (next + 1) & (starts.length - 1);
    return starts[next];
  }

  @Benchmark
  public long add() {
    return calendar.addMillis(start(), spanMinutes * 60_000);
  }

  @Benchmark
  public long between() {
    long from = start();
    return calendar.millisBetween(from, from + spanMinutes * 60_000);
  }

  @Benchmark
  public long addBaselineDayByDay() {
    return baseline.addMillis(start(), spanMinutes * 60_000);
  }

  @Benchmark
  public long betweenBaselineDayByDay() {
    long from = start();
    return baseline.millisBetween(from, from + spanMinutes * 60_000);
  }
}
