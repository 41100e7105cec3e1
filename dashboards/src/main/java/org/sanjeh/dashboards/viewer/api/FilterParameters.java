package org.sanjeh.dashboards.viewer.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanjeh.dashboards.query.Filters;
import org.sanjeh.dashboards.query.MonthCalendar;

/**
 * Reads a dashboard's filters from request parameters: {@code from} and {@code to} (local days,
 * yyyy-MM-dd, inclusive; the last {@code defaultDays} days when absent) and {@code team}, {@code
 * channel}, {@code priority}, each repeatable. Anything else that looks like a filter is refused,
 * so a typo never silently means "everything".
 */
final class FilterParameters {

  static final Set<String> NAMES = Set.of("from", "to", "team", "channel", "priority");

  private final Clock clock;
  private final ZoneId zone;
  private final int defaultDays;

  FilterParameters(Clock clock, ZoneId zone, int defaultDays) {
    this.clock = clock;
    this.zone = zone;
    this.defaultDays = defaultDays;
  }

  /** The marker in {@code others} of an endpoint that takes a tile's place ({@code at.NAME}). */
  static final String TILE = "at.*";

  /** {@code others}: the parameter names the endpoint itself takes besides the filters. */
  Filters read(Map<String, String[]> parameters, Set<String> others) {
    for (String name : parameters.keySet()) {
      boolean tile = name.startsWith("at.") && others.contains(TILE);
      if (!NAMES.contains(name) && !others.contains(name) && !tile) {
        throw new BadRequestValue(
            name, "", "unknown parameter; filters are from, to, team, channel, priority");
      }
    }
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate to = day(parameters, "to", today);
    LocalDate from = day(parameters, "from", to.minusDays(defaultDays - 1L));
    Set<String> teams = values(parameters, "team");
    Set<String> channels = values(parameters, "channel");
    Set<String> priorities = values(parameters, "priority");
    // a Persian reader's monthly lines group by Jalali months
    MonthCalendar months =
        "fa".equals(single(parameters, "lang")) ? MonthCalendar.JALALI : MonthCalendar.GREGORIAN;
    try {
      return new Filters(from, to, teams, channels, priorities, today, months);
    } catch (IllegalArgumentException e) {
      throw refusal(e.getMessage(), parameters);
    }
  }

  private static LocalDate day(Map<String, String[]> parameters, String name, LocalDate absent) {
    String value = single(parameters, name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestValue(name, value, "'" + value + "' is not a day (yyyy-MM-dd)");
    }
  }

  static String single(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    if (values == null || values.length == 0) {
      return null;
    }
    if (values.length > 1) {
      throw new BadRequestValue(name, String.join(",", values), "give it once");
    }
    return values[0];
  }

  private static Set<String> values(Map<String, String[]> parameters, String name) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : parameters.getOrDefault(name, new String[0])) {
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  /** Filters' own checks name the filter first ("team filter: …"): point at that parameter. */
  private static BadRequestValue refusal(String message, Map<String, String[]> parameters) {
    for (String name : List.of("team", "channel", "priority")) {
      if (message.startsWith(name + " filter")) {
        return new BadRequestValue(name, String.join(",", parameters.get(name)), message);
      }
    }
    String range = single(parameters, "from") + ".." + single(parameters, "to");
    return new BadRequestValue("from", range, message);
  }
}
