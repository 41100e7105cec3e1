package org.sanjeh.dashboards.definition;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query over the warehouse that charts select from, with its columns and metrics, and the column
 * naming the ticket behind each row ({@code drillKey}) when its rows are tickets or belong to one.
 * The SQL names the business's time zone as {@code {business_timezone}}; {@link #sql(ZoneId)} fills
 * it in.
 *
 * <p>{@code innerFilters} says where the viewer's filters can also be applied inside the SQL, at
 * its {@code {inner_filters}} placeholder: filter column (the time column, team, channel, priority)
 * to the expression there that holds the same value (for the time column: the instant whose local
 * day it is). They only let ClickHouse skip rows early (partitions, primary key, before a join);
 * the same filters still decide outside, so an inner filter must never keep a row the outer one
 * drops differently: put it after {@code FINAL} (a WHERE there is applied to the latest version)
 * and before joins and aggregations only where dropping a row cannot change another row.
 *
 * <p>{@code snapshotEvery}, when set, lets the viewer read the dataset from a table it refreshes
 * that often ({@code query.DatasetSnapshots}): for datasets whose sources change slowly (surveys,
 * batch scores) and whose SQL joins too much to answer in time at scale. Superset reads the SQL.
 */
public record Dataset(
    String id,
    String title,
    String sql,
    List<Column> columns,
    List<Metric> metrics,
    Optional<String> drillKey,
    Map<String, String> innerFilters,
    Optional<Duration> snapshotEvery,
    String file) {

  /** A table name after FROM or JOIN (a subquery starts with a parenthesis instead). */
  private static final Pattern SOURCE =
      Pattern.compile("\\b(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

  static final String TIMEZONE_PLACEHOLDER = "{business_timezone}";

  /** Where a dataset's SQL takes the viewer's filters itself (see {@code innerFilters}). */
  public static final String INNER_FILTERS_PLACEHOLDER = "{inner_filters}";

  /**
   * The SQL with the business's zone as a string literal (a validated IANA id, never input) and
   * every {@code {inner_filters}} as {@code 1}: every row, for a reader that filters outside (as
   * Superset does).
   */
  public String sql(ZoneId zone) {
    return sql(zone, "1");
  }

  /**
   * The SQL with the zone filled in and every {@code {inner_filters}} as {@code innerCondition}.
   */
  public String sql(ZoneId zone, String innerCondition) {
    String id = zone.getId();
    if (!id.matches("[A-Za-z0-9_/+\\-]+")) {
      throw new IllegalArgumentException("time zone '" + id + "' is not a plain IANA zone id");
    }
    return sql.replace(TIMEZONE_PLACEHOLDER, "'" + id + "'")
        .replace(INNER_FILTERS_PLACEHOLDER, innerCondition)
        .strip();
  }

  /** How many times the SQL takes the filters itself (each occurrence binds its own values). */
  public int innerFilterPlaces() {
    int places = 0;
    for (int at = sql.indexOf(INNER_FILTERS_PLACEHOLDER);
        at >= 0;
        at = sql.indexOf(INNER_FILTERS_PLACEHOLDER, at + 1)) {
      places++;
    }
    return places;
  }

  /** The warehouse tables the SQL reads, in the order it names them first. */
  public Set<String> sourceTables() {
    Set<String> tables = new LinkedHashSet<>();
    Matcher matcher = SOURCE.matcher(sql);
    while (matcher.find()) {
      tables.add(matcher.group(1));
    }
    return tables;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<Metric> metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The business-local day column the date filter applies to. */
  public Column timeColumn() {
    return columns.stream().filter(Column::time).findFirst().orElseThrow();
  }
}
