package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Period;
import org.sanjeh.dashboards.definition.TimeGrain;

/**
 * Builds a chart's query the way Superset builds one over a virtual dataset: the dataset's SQL as a
 * subquery, the filters as bound conditions on its columns, then the chart's grouping. Every name
 * in the SQL text comes from the checked definitions; every filter value is a parameter.
 */
public final class ChartQuery {

  private ChartQuery() {}

  public static BoundQuery build(
      Definitions definitions, Chart chart, Filters filters, ZoneId zone) {
    return build(definitions, chart, filters, zone, SnapshotTables.NONE);
  }

  /**
   * As above, reading the chart's dataset from its snapshot table when {@code snapshots} has one.
   */
  public static BoundQuery build(
      Definitions definitions,
      Chart chart,
      Filters filters,
      ZoneId zone,
      SnapshotTables snapshots) {
    Dataset dataset = definitions.dataset(chart.dataset());
    Source source = source(chart, dataset, filters, zone, snapshots);
    // parameters in the order of their placeholders: the SELECT's (Jalali months) first
    List<Object> parameters = new ArrayList<>();
    List<String> selected = new ArrayList<>();
    List<String> output = new ArrayList<>();
    List<String> groupBy = new ArrayList<>();
    if (chart.raw()) {
      selected.addAll(chart.columns());
      output.addAll(chart.columns());
    } else {
      if (chart.kind() == ChartKind.LINE) {
        String bucket = DefinitionLoader.TIME_BUCKET;
        selected.add(timeBucket(chart, filters, parameters) + " AS " + bucket);
        output.add(bucket);
        groupBy.add(bucket);
      }
      selected.addAll(chart.dimensions());
      output.addAll(chart.dimensions());
      groupBy.addAll(chart.dimensions());
      for (String name : chart.metrics()) {
        selected.add("(" + dataset.metric(name).orElseThrow().expression() + ") AS " + name);
        output.add(name);
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", selected));
    sql.append(source.sql());
    if (!groupBy.isEmpty()) {
      sql.append("\nGROUP BY ").append(String.join(", ", groupBy));
    }
    List<String> order = order(chart, dataset, groupBy);
    if (!order.isEmpty()) {
      sql.append("\nORDER BY ").append(String.join(", ", order));
    }
    sql.append("\nLIMIT ").append(chart.limit());
    parameters.addAll(source.parameters());
    return new BoundQuery(sql.toString(), List.copyOf(parameters), List.copyOf(output));
  }

  /** A line's time bucket: the grain's truncation, or for Jalali months the month's first day. */
  static String timeBucket(Chart chart, Filters filters, List<Object> parameters) {
    String column = chart.timeColumn().orElseThrow();
    TimeGrain grain = chart.timeGrain().orElseThrow();
    if (grain == TimeGrain.P1M && filters.months() == MonthCalendar.JALALI) {
      LocalDate[] days = days(chart, filters);
      return MonthCalendar.jalaliBucket("toDate(" + column + ")", days[0], days[1], parameters);
    }
    return grain.truncate(column);
  }

  /** The local days a chart reads: the filter's, today and yesterday, or (now) the filter's. */
  static LocalDate[] days(Chart chart, Filters filters) {
    if (chart.period() == Period.TODAY_AND_YESTERDAY) {
      return new LocalDate[] {filters.today().minusDays(1), filters.today()};
    }
    return new LocalDate[] {filters.from(), filters.to()};
  }

  /** The {@code FROM (dataset) AS d WHERE filters} part every query of a chart shares. */
  record Source(String sql, List<Object> parameters, boolean filtered) {}

  /**
   * From the dataset's snapshot table if there is one (every row of the dataset, so the filters
   * apply outside only), else from its SQL with the filters also at its inner places.
   */
  static Source source(
      Chart chart, Dataset dataset, Filters filters, ZoneId zone, SnapshotTables snapshots) {
    Optional<String> snapshot = snapshots.tableOf(dataset.id());
    List<Object> parameters = new ArrayList<>();
    String from;
    if (snapshot.isPresent()) {
      from = "\nFROM " + snapshot.get() + " AS d";
    } else {
      // the inner filters' placeholders come first in the text, so their values are bound first
      List<Object> innerParameters = new ArrayList<>();
      String inner = innerCondition(chart, dataset, filters, innerParameters);
      for (int place = 0; place < dataset.innerFilterPlaces(); place++) {
        parameters.addAll(innerParameters);
      }
      from = "\nFROM (\n" + dataset.sql(zone, inner) + "\n) AS d";
    }
    List<String> conditions = conditions(chart, dataset, filters, parameters);
    String sql = from;
    if (!conditions.isEmpty()) {
      sql += "\nWHERE " + String.join(" AND ", conditions);
    }
    return new Source(sql, Collections.unmodifiableList(parameters), !conditions.isEmpty());
  }

  /** The filters outside the dataset: they decide which rows count. */
  private static List<String> conditions(
      Chart chart, Dataset dataset, Filters filters, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    filteredDays(chart, filters)
        .ifPresent(
            days -> {
              String day = dataset.timeColumn().name();
              conditions.add(day + " >= toDate(?) AND " + day + " <= toDate(?)");
              parameters.add(days[0].toString());
              parameters.add(days[1].toString());
            });
    for (String column : Definitions.FILTER_COLUMNS) {
      in(column, filters, parameters).ifPresent(conditions::add);
    }
    chart.where().ifPresent(where -> conditions.add("(" + where + ")"));
    return conditions;
  }

  /**
   * The same filters at the dataset's {@code {inner_filters}}, on the expressions it names there,
   * or {@code 1} when none applies. The local days become a range of instants one day wider on each
   * side (every zone's offset is under a day), so no row of those days is dropped whatever the
   * zone's rules; the outer filter then keeps exactly the days asked for.
   */
  static String innerCondition(
      Chart chart, Dataset dataset, Filters filters, List<Object> parameters) {
    Map<String, String> inner = dataset.innerFilters();
    List<String> conditions = new ArrayList<>();
    String instant = inner.get(dataset.timeColumn().name());
    if (instant != null) {
      filteredDays(chart, filters)
          .ifPresent(
              days -> {
                conditions.add(
                    "("
                        + instant
                        + ") >= toDateTime(?, 'UTC') AND ("
                        + instant
                        + ") < toDateTime(?, 'UTC')");
                parameters.add(days[0].minusDays(1) + " 00:00:00");
                parameters.add(days[1].plusDays(2) + " 00:00:00");
              });
    }
    for (String column : Definitions.FILTER_COLUMNS) {
      String expression = inner.get(column);
      if (expression != null) {
        in("(" + expression + ")", filters.values(column), parameters).ifPresent(conditions::add);
      }
    }
    return conditions.isEmpty() ? "1" : String.join(" AND ", conditions);
  }

  /**
   * The local days a chart's date filter keeps, if it has one (not for charts of the state now).
   */
  private static Optional<LocalDate[]> filteredDays(Chart chart, Filters filters) {
    return chart.period() == Period.NOW ? Optional.empty() : Optional.of(days(chart, filters));
  }

  private static Optional<String> in(String column, Filters filters, List<Object> parameters) {
    return in(column, filters.values(column), parameters);
  }

  private static Optional<String> in(
      String expression, Set<String> chosen, List<Object> parameters) {
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    // sorted, so one filter always gives the same SQL text and parameter order
    TreeSet<String> values = new TreeSet<>(chosen);
    parameters.addAll(values);
    return Optional.of(
        expression + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
  }

  /**
   * The chart's order, then (for ties, so that every server returns the same rows in the same
   * order, also under a limit) its grouping or, for a table of rows, the dataset's ticket column.
   */
  private static List<String> order(Chart chart, Dataset dataset, List<String> groupBy) {
    if (chart.orderBy().isEmpty()) {
      return groupBy;
    }
    String first = chart.orderBy().get();
    List<String> order = new ArrayList<>();
    order.add(first + (chart.descending() ? " DESC" : " ASC"));
    List<String> ties = chart.raw() ? dataset.drillKey().stream().toList() : groupBy;
    ties.stream().filter(name -> !name.equals(first)).forEach(order::add);
    return order;
  }
}
