package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * What a dashboard's viewer chose: a range of the business's local days (inclusive) and, for team,
 * channel and priority, the values to keep (empty: all). {@code today} is the business's local
 * today, for charts that compare today with yesterday; {@code months} the calendar whose months a
 * monthly line groups by. Values are bound as query parameters, never spliced into SQL; the limits
 * keep one request's query bounded.
 */
public record Filters(
    LocalDate from,
    LocalDate to,
    Set<String> teams,
    Set<String> channels,
    Set<String> priorities,
    LocalDate today,
    MonthCalendar months) {

  static final int MAX_DAYS = 1_000;
  static final int MAX_VALUES = 100;
  static final int MAX_VALUE_LENGTH = 200;

  public Filters {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("date filter: from " + from + " is after to " + to);
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException(
          "date filter: " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
    }
    teams = checked("team", teams);
    channels = checked("channel", channels);
    priorities = checked("priority", priorities);
    months = months == null ? MonthCalendar.GREGORIAN : months;
  }

  /** Gregorian months. */
  public Filters(
      LocalDate from,
      LocalDate to,
      Set<String> teams,
      Set<String> channels,
      Set<String> priorities,
      LocalDate today) {
    this(from, to, teams, channels, priorities, today, MonthCalendar.GREGORIAN);
  }

  /** The same filters, monthly lines grouped by the months of {@code calendar}. */
  public Filters withMonths(MonthCalendar calendar) {
    return new Filters(from, to, teams, channels, priorities, today, calendar);
  }

  /** Every team, channel and priority over the given days. */
  public static Filters days(LocalDate from, LocalDate to, LocalDate today) {
    return new Filters(from, to, Set.of(), Set.of(), Set.of(), today);
  }

  public Filters withTeams(String... values) {
    return new Filters(from, to, Set.of(values), channels, priorities, today, months);
  }

  public Filters withChannels(String... values) {
    return new Filters(from, to, teams, Set.of(values), priorities, today, months);
  }

  public Filters withPriorities(String... values) {
    return new Filters(from, to, teams, channels, Set.of(values), today, months);
  }

  Set<String> values(String column) {
    return switch (column) {
      case "team" -> teams;
      case "channel" -> channels;
      case "priority" -> priorities;
      default -> throw new IllegalArgumentException("no filter on '" + column + "'");
    };
  }

  private static Set<String> checked(String name, Set<String> values) {
    if (values.size() > MAX_VALUES) {
      throw new IllegalArgumentException(
          name + " filter: " + values.size() + " values, at most " + MAX_VALUES);
    }
    for (String value : values) {
      if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            name + " filter: values must have 1 to " + MAX_VALUE_LENGTH + " characters");
      }
    }
    return Set.copyOf(values);
  }
}
