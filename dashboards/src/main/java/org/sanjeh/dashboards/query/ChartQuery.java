package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    Dataset dataset = definitions.dataset(chart.dataset());
    Source source = source(chart, dataset, filters, zone);
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

  static Source source(Chart chart, Dataset dataset, Filters filters, ZoneId zone) {
    List<Object> parameters = new ArrayList<>();
    List<String> conditions = conditions(chart, dataset, filters, parameters);
    String sql = "\nFROM (\n" + dataset.sql(zone) + "\n) AS d";
    if (!conditions.isEmpty()) {
      sql += "\nWHERE " + String.join(" AND ", conditions);
    }
    return new Source(sql, Collections.unmodifiableList(parameters), !conditions.isEmpty());
  }

  private static List<String> conditions(
      Chart chart, Dataset dataset, Filters filters, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    String day = dataset.timeColumn().name();
    if (chart.period() == Period.RANGE) {
      conditions.add(day + " >= toDate(?) AND " + day + " <= toDate(?)");
      parameters.add(filters.from().toString());
      parameters.add(filters.to().toString());
    } else if (chart.period() == Period.TODAY_AND_YESTERDAY) {
      LocalDate today = filters.today();
      conditions.add(day + " >= toDate(?) AND " + day + " <= toDate(?)");
      parameters.add(today.minusDays(1).toString());
      parameters.add(today.toString());
    }
    for (String column : Definitions.FILTER_COLUMNS) {
      // sorted, so one filter always gives the same SQL text and parameter order
      TreeSet<String> values = new TreeSet<>(filters.values(column));
      if (!values.isEmpty()) {
        conditions.add(
            column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")");
        parameters.addAll(values);
      }
    }
    chart.where().ifPresent(where -> conditions.add("(" + where + ")"));
    return conditions;
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
