package org.sanjeh.dashboards.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a chart draws its numbers. */
public enum ChartKind {
  /** One number: one metric, no dimensions. */
  BIG_NUMBER,
  /** Metrics over time (a time column and grain), one line per metric and dimension value. */
  LINE,
  /** Rows: metrics grouped by dimensions, or (with columns) the dataset's rows themselves. */
  TABLE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ChartKind fromWire(String value) {
    for (ChartKind kind : values()) {
      if (kind.wire().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '"
            + value
            + "': use one of "
            + Arrays.stream(values()).map(ChartKind::wire).collect(Collectors.joining(", ")));
  }
}
