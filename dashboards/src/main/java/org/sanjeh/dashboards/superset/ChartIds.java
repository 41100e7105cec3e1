package org.sanjeh.dashboards.superset;

import java.util.HashMap;
import java.util.Map;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Definitions;

/**
 * The integer {@code chartId} Superset's dashboard import needs on every chart of a layout (it
 * remaps them to the ids it assigns): 1, 2, 3… in definition order.
 */
final class ChartIds {

  private final Map<String, Integer> ids = new HashMap<>();

  ChartIds(Definitions definitions) {
    for (Dashboard dashboard : definitions.dashboards()) {
      dashboard.charts().forEach(chart -> ids.put(chart.id(), ids.size() + 1));
    }
  }

  int of(String chartId) {
    return ids.get(chartId);
  }
}
