package org.sanjeh.dashboards.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Column;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Metric;
import org.sanjeh.dashboards.definition.TimeGrain;

/**
 * The rows behind one number of a chart: the chart's own query with the tile's dimension values
 * (and time bucket) as further bound conditions and the metric's {@code counts} condition instead
 * of the aggregate. So the list is exactly what the number counted: the same SQL decides both.
 */
public final class DrillQuery {

  /** At most this many rows come back; a tile counting more says so by its own number. */
  public static final int MAX_ROWS = 10_000;

  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private DrillQuery() {}

  public static BoundQuery build(
      Definitions definitions,
      Chart chart,
      String metricName,
      Map<String, Object> tile,
      Filters filters,
      ZoneId zone,
      SnapshotTables snapshots) {
    Metric metric = metric(definitions, chart, metricName);
    String counts =
        metric
            .counts()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "metric "
                            + metricName
                            + (metric.isRate()
                                ? " is a rate: its lists are its numerator's and denominator's"
                                : " is not a count of rows, so it has no list behind it")));
    return rows(definitions, chart, tile, filters, zone, snapshots, counts);
  }

  /**
   * The rows behind one side of a rate: its numerator's ({@code numerator} true) or its
   * denominator's; the rate is the first list's length over the second's.
   */
  public static BoundQuery rate(
      Definitions definitions,
      Chart chart,
      String metricName,
      Map<String, Object> tile,
      Filters filters,
      ZoneId zone,
      SnapshotTables snapshots,
      boolean numerator) {
    Metric metric = metric(definitions, chart, metricName);
    if (!metric.isRate()) {
      throw new IllegalArgumentException("metric " + metricName + " is not a rate");
    }
    String condition = (numerator ? metric.numerator() : metric.denominator()).orElseThrow();
    return rows(definitions, chart, tile, filters, zone, snapshots, condition);
  }

  private static Metric metric(Definitions definitions, Chart chart, String metricName) {
    if (chart.raw()) {
      throw new IllegalArgumentException("chart " + chart.id() + " lists its rows already");
    }
    if (!chart.metrics().contains(metricName)) {
      throw new IllegalArgumentException(
          "chart " + chart.id() + " has no metric '" + metricName + "'");
    }
    return definitions.dataset(chart.dataset()).metric(metricName).orElseThrow();
  }

  private static BoundQuery rows(
      Definitions definitions,
      Chart chart,
      Map<String, Object> tile,
      Filters filters,
      ZoneId zone,
      SnapshotTables snapshots,
      String counts) {
    Dataset dataset = definitions.dataset(chart.dataset());
    // the chart's own source and filters, so the list is cut exactly as the number was
    ChartQuery.Source source = ChartQuery.source(chart, dataset, filters, zone, snapshots);
    List<Object> parameters = new ArrayList<>(source.parameters());
    List<String> conditions = new ArrayList<>();
    checkTileKeys(chart, tile);
    boolean jalaliMonths =
        chart.timeGrain().orElse(null) == TimeGrain.P1M && filters.months() == MonthCalendar.JALALI;
    if (chart.kind() == ChartKind.LINE && jalaliMonths) {
      if (!(tile.get(DefinitionLoader.TIME_BUCKET) instanceof LocalDate start)) {
        throw new IllegalArgumentException("time_bucket must be a Jalali month's first day");
      }
      conditions.add(
          MonthCalendar.jalaliMonth(
              "toDate(" + chart.timeColumn().orElseThrow() + ")", start, parameters));
    } else if (chart.kind() == ChartKind.LINE) {
      String column = chart.timeColumn().orElseThrow();
      conditions.add(
          chart.timeGrain().orElseThrow().truncate(column)
              + " = "
              + bind(
                  dataset.column(column).orElseThrow(),
                  tile.get(DefinitionLoader.TIME_BUCKET),
                  parameters));
    }
    for (String dimension : chart.dimensions()) {
      conditions.add(
          dimension
              + " = "
              + bind(dataset.column(dimension).orElseThrow(), tile.get(dimension), parameters));
    }
    conditions.add("(" + counts + ")");
    Set<String> columns = new LinkedHashSet<>();
    columns.add(dataset.drillKey().orElseThrow());
    columns.add(dataset.timeColumn().name());
    columns.addAll(Definitions.FILTER_COLUMNS);
    columns.addAll(chart.dimensions());
    String sql =
        "SELECT "
            + String.join(", ", columns)
            + source.sql()
            + (source.filtered() ? " AND " : "\nWHERE ")
            + String.join(" AND ", conditions)
            // every column, ticket first: rows of one ticket (one per target, per driver) come in
            // the same order from every server and every source, also where the limit cuts
            + "\nORDER BY "
            + String.join(", ", columns)
            + "\nLIMIT "
            + MAX_ROWS;
    return new BoundQuery(sql, List.copyOf(parameters), List.copyOf(columns));
  }

  private static void checkTileKeys(Chart chart, Map<String, Object> tile) {
    Set<String> expected = new HashSet<>(chart.dimensions());
    if (chart.kind() == ChartKind.LINE) {
      expected.add(DefinitionLoader.TIME_BUCKET);
    }
    if (!tile.keySet().equals(expected)) {
      throw new IllegalArgumentException(
          "a tile of chart " + chart.id() + " is named by " + expected + ", got " + tile.keySet());
    }
  }

  private static String bind(Column column, Object value, List<Object> parameters) {
    switch (column.type()) {
      case "String" -> {
        if (!(value instanceof String text) || text.length() > Filters.MAX_VALUE_LENGTH) {
          throw new IllegalArgumentException(
              column.name()
                  + " must be a text of at most "
                  + Filters.MAX_VALUE_LENGTH
                  + " characters");
        }
        parameters.add(text);
        return "?";
      }
      case "Date" -> {
        if (!(value instanceof LocalDate day)) {
          throw new IllegalArgumentException(column.name() + " must be a date, got " + value);
        }
        parameters.add(day.toString());
        return "toDate(?)";
      }
      case "DateTime" -> {
        if (value instanceof LocalDate day) {
          parameters.add(day.toString());
          return "toDate(?)";
        }
        if (!(value instanceof LocalDateTime time)) {
          throw new IllegalArgumentException(
              column.name() + " must be a date and time, got " + value);
        }
        parameters.add(SQL_TIME.format(time));
        return "toDateTime(?)";
      }
      default ->
          throw new IllegalArgumentException(
              "no drill-down by " + column.type() + " column " + column.name());
    }
  }
}
