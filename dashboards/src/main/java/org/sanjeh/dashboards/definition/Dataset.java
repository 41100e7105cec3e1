package org.sanjeh.dashboards.definition;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A query over the warehouse that charts select from, with its columns and metrics, and the column
 * naming the ticket behind each row ({@code drillKey}) when its rows are tickets or belong to one.
 * The SQL names the business's time zone as {@code {business_timezone}}; {@link #sql(ZoneId)} fills
 * it in.
 */
public record Dataset(
    String id,
    String title,
    String sql,
    List<Column> columns,
    List<Metric> metrics,
    Optional<String> drillKey,
    String file) {

  static final String TIMEZONE_PLACEHOLDER = "{business_timezone}";

  /** The SQL with the business's zone as a string literal (a validated IANA id, never input). */
  public String sql(ZoneId zone) {
    String id = zone.getId();
    if (!id.matches("[A-Za-z0-9_/+\\-]+")) {
      throw new IllegalArgumentException("time zone '" + id + "' is not a plain IANA zone id");
    }
    return sql.replace(TIMEZONE_PLACEHOLDER, "'" + id + "'").strip();
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
