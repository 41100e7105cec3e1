package org.sanjeh.dashboards.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chart's rows, each a map from output column to value, in the query's column order, and when
 * they were read from a dataset snapshot, the moment that snapshot was last known to match its
 * sources (empty: read from the warehouse's tables now).
 */
public record ChartResult(
    String chartId,
    List<String> columns,
    List<Map<String, Object>> rows,
    Optional<Instant> snapshotTakenAt) {

  /** Rows read from the warehouse's tables now. */
  public ChartResult(String chartId, List<String> columns, List<Map<String, Object>> rows) {
    this(chartId, columns, rows, Optional.empty());
  }
}
