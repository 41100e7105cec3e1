package org.sanjeh.dashboards.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.warehouse.Warehouse;

/**
 * Runs the defined charts' queries, and only those, with bound filter values. Values come back as
 * Java types: {@code LocalDate} for Date, {@code LocalDateTime} (UTC, or the business's wall clock
 * where the dataset says so) for DateTime, {@code Long} for integers, {@code Double} for floats.
 */
public final class DashboardQueries {

  private final Warehouse warehouse;
  private final Definitions definitions;
  private final ZoneId zone;
  private final SnapshotTables snapshots;

  /** Every query runs its dataset's SQL. */
  public DashboardQueries(Warehouse warehouse, Definitions definitions, ZoneId zone) {
    this(warehouse, definitions, zone, SnapshotTables.NONE);
  }

  /** Queries of datasets that {@code snapshots} has a table for read that table. */
  public DashboardQueries(
      Warehouse warehouse, Definitions definitions, ZoneId zone, SnapshotTables snapshots) {
    this.warehouse = warehouse;
    this.definitions = definitions;
    this.zone = zone;
    this.snapshots = snapshots;
  }

  public ChartResult run(String chartId, Filters filters) {
    Chart chart =
        definitions
            .chart(chartId)
            .orElseThrow(() -> new IllegalArgumentException("no chart '" + chartId + "'"));
    // the snapshot looked up once: the rows and the moment they are as of belong together
    Optional<SnapshotTables.Snapshot> snapshot = snapshots.snapshotOf(chart.dataset());
    SnapshotTables thisOne = id -> id.equals(chart.dataset()) ? snapshot : Optional.empty();
    BoundQuery query = ChartQuery.build(definitions, chart, filters, zone, thisOne);
    List<Map<String, Object>> rows =
        warehouse.query(query.sql(), query.parameters(), row -> read(row, query.outputColumns()));
    return new ChartResult(
        chartId, query.outputColumns(), rows, snapshot.map(SnapshotTables.Snapshot::takenAt));
  }

  /**
   * The rows counted by one number of a chart: {@code tile} names it by the chart's dimension
   * values (and {@code time_bucket} for a line), as {@link #run} returned them.
   */
  public ChartResult drill(
      String chartId, String metric, Map<String, Object> tile, Filters filters) {
    Chart chart =
        definitions
            .chart(chartId)
            .orElseThrow(() -> new IllegalArgumentException("no chart '" + chartId + "'"));
    BoundQuery query = DrillQuery.build(definitions, chart, metric, tile, filters, zone, snapshots);
    List<Map<String, Object>> rows =
        warehouse.query(query.sql(), query.parameters(), row -> read(row, query.outputColumns()));
    return new ChartResult(chartId, query.outputColumns(), rows);
  }

  /**
   * The two lists behind one rate of a chart (compliance, response rate, CSAT): the rate is the
   * numerator list's length over the denominator list's. {@code tile} as for {@link #drill}.
   */
  public RateDrill drillRate(
      String chartId, String metric, Map<String, Object> tile, Filters filters) {
    Chart chart =
        definitions
            .chart(chartId)
            .orElseThrow(() -> new IllegalArgumentException("no chart '" + chartId + "'"));
    return new RateDrill(
        rows(
            chartId,
            DrillQuery.rate(definitions, chart, metric, tile, filters, zone, snapshots, true)),
        rows(
            chartId,
            DrillQuery.rate(definitions, chart, metric, tile, filters, zone, snapshots, false)));
  }

  /** The rows a rate divides: {@code numerator.rows().size() / denominator.rows().size()}. */
  public record RateDrill(ChartResult numerator, ChartResult denominator) {}

  private ChartResult rows(String chartId, BoundQuery query) {
    List<Map<String, Object>> rows =
        warehouse.query(query.sql(), query.parameters(), row -> read(row, query.outputColumns()));
    return new ChartResult(chartId, query.outputColumns(), rows);
  }

  private static Map<String, Object> read(ResultSet row, List<String> columns) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      values.put(columns.get(i), value(row, i + 1));
    }
    return values;
  }

  private static Object value(ResultSet row, int index) throws SQLException {
    String type = row.getMetaData().getColumnTypeName(index);
    // the driver's Timestamp/Date would pass through the JVM's zone: read the wall clock as stored
    if (type.startsWith("DateTime")) {
      return row.getObject(index, LocalDateTime.class);
    }
    if (type.equals("Date")) {
      return row.getObject(index, LocalDate.class);
    }
    Object value = row.getObject(index);
    if (value instanceof BigInteger
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigDecimal || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    return value;
  }
}
