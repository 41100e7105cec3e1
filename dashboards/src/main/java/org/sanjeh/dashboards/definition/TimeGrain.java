package org.sanjeh.dashboards.definition;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The bucket of a time axis, named as ISO 8601 durations (Superset's {@code time_grain_sqla} uses
 * the same names), with the ClickHouse function that portably truncates to it.
 */
public enum TimeGrain {
  PT15M("toStartOfFifteenMinutes"),
  PT1H("toStartOfHour"),
  P1D("toDate"),
  P1W("toMonday"),
  P1M("toStartOfMonth");

  private final String function;

  TimeGrain(String function) {
    this.function = function;
  }

  public String truncate(String column) {
    return function + "(" + column + ")";
  }

  /** Grains finer than a day need a DateTime column. */
  public boolean needsTimeOfDay() {
    return this == PT15M || this == PT1H;
  }

  static TimeGrain fromWire(String value) {
    try {
      return valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown time grain '"
              + value
              + "': use one of "
              + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
