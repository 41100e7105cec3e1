package org.sanjeh.dashboards.definition;

import java.util.List;
import java.util.Optional;

/**
 * One tile of a dashboard. Aggregate charts group {@code metrics} by {@code dimensions} (and by
 * {@code timeColumn} truncated to {@code timeGrain} for a line); a table with {@code columns} lists
 * the dataset's rows instead. {@code where} is a fixed condition written in the definition, never
 * taken from a request.
 */
public record Chart(
    String id,
    String title,
    ChartKind kind,
    String dataset,
    List<String> metrics,
    List<String> dimensions,
    List<String> columns,
    Optional<String> timeColumn,
    Optional<TimeGrain> timeGrain,
    Optional<String> where,
    Optional<String> orderBy,
    boolean descending,
    int limit,
    Period period) {

  /** A table listing rows rather than aggregates. */
  public boolean raw() {
    return !columns.isEmpty();
  }
}
