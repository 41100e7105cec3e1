package org.sanjeh.dashboards.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a chart takes the dashboard's date filter. */
public enum Period {
  /** The local days the filter names. */
  RANGE,
  /** The business's today and yesterday, whatever the filter says. */
  TODAY_AND_YESTERDAY,
  /** No date filter: the state as it is now. */
  NOW;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Period fromWire(String value) {
    for (Period period : values()) {
      if (period.wire().equals(value)) {
        return period;
      }
    }
    throw new IllegalArgumentException(
        "unknown period '"
            + value
            + "': use one of "
            + Arrays.stream(values()).map(Period::wire).collect(Collectors.joining(", ")));
  }
}
