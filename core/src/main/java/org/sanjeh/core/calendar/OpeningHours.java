package org.sanjeh.core.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A week of opening intervals in local wall-clock time: several per day allowed (lunch breaks),
 * start inclusive, end exclusive, {@code 24:00} allowed as an end. Overlapping or touching
 * intervals on one day are merged. Immutable.
 */
public final class OpeningHours {

  static final int SECONDS_PER_DAY = 86_400;

  /** A local interval of one day, in seconds since midnight: [start, end). */
  public record Interval(int startSecond, int endSecond) {
    public Interval {
      if (startSecond < 0 || endSecond > SECONDS_PER_DAY || startSecond >= endSecond) {
        throw new IllegalArgumentException(
            "opening interval %s-%s: the start must come before the end, within 00:00-24:00"
                .formatted(WallClock.format(startSecond), WallClock.format(endSecond)));
      }
    }

    public static Interval of(String start, String end) {
      int from = WallClock.parse(start, false);
      int to = WallClock.parse(end, true);
      return new Interval(from, to);
    }

    int seconds() {
      return endSecond - startSecond;
    }

    @Override
    public String toString() {
      return WallClock.format(startSecond) + "-" + WallClock.format(endSecond);
    }
  }

  private final Map<DayOfWeek, List<Interval>> days;

  private OpeningHours(Map<DayOfWeek, List<Interval>> days) {
    this.days = days;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Open on the given days with the same intervals each day. */
  public static OpeningHours sameEveryDay(List<DayOfWeek> openDays, Interval... intervals) {
    Builder builder = builder();
    for (DayOfWeek day : openDays) {
      for (Interval interval : intervals) {
        builder.open(day, interval);
      }
    }
    return builder.build();
  }

  public List<Interval> on(DayOfWeek day) {
    return days.get(day);
  }

  public boolean isNeverOpen() {
    return days.values().stream().allMatch(List::isEmpty);
  }

  @Override
  public String toString() {
    return days.toString();
  }

  /** Collects intervals per day; {@link #build()} sorts and merges them. */
  public static final class Builder {
    private final Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);

    private Builder() {
      Arrays.stream(DayOfWeek.values()).forEach(day -> days.put(day, new ArrayList<>()));
    }

    public Builder open(DayOfWeek day, Interval interval) {
      days.get(day).add(interval);
      return this;
    }

    public Builder open(DayOfWeek day, String start, String end) {
      return open(day, Interval.of(start, end));
    }

    public OpeningHours build() {
      Map<DayOfWeek, List<Interval>> merged = new EnumMap<>(DayOfWeek.class);
      days.forEach((day, intervals) -> merged.put(day, merge(intervals)));
      return new OpeningHours(merged);
    }

    private static List<Interval> merge(List<Interval> intervals) {
      List<Interval> sorted = new ArrayList<>(intervals);
      sorted.sort(Comparator.comparingInt(Interval::startSecond));
      List<Interval> merged = new ArrayList<>();
      for (Interval next : sorted) {
        Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && next.startSecond() <= last.endSecond()) {
          merged.set(
              merged.size() - 1,
              new Interval(last.startSecond(), Math.max(last.endSecond(), next.endSecond())));
        } else {
          merged.add(next);
        }
      }
      return List.copyOf(merged);
    }
  }
}
