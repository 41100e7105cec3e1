package org.sanjeh.dashboards.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Period;

/**
 * A dashboard definition as a Superset dashboard file: its {@code position} tree (ROOT → GRID → one
 * ROW per layout row → CHART, widths sharing Superset's 12-column grid) and native filters for the
 * local days, team, channel and priority.
 */
final class Layout {

  private static final int GRID_COLUMNS = 12;
  private static final int CHART_HEIGHT = 50;

  private final ChartIds chartIds;

  Layout(ChartIds chartIds) {
    this.chartIds = chartIds;
  }

  Map<String, Object> dashboard(Dashboard dashboard) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("dashboard_title", dashboard.title());
    file.put("description", null);
    file.put("css", "");
    file.put("slug", dashboard.id().replace('_', '-'));
    file.put("certified_by", "");
    file.put("certification_details", "");
    file.put("published", true);
    file.put("uuid", SupersetBundle.uuid("dashboard", dashboard.id()).toString());
    file.put("position", position(dashboard));
    file.put("metadata", metadata(dashboard));
    file.put("version", SupersetBundle.VERSION);
    return file;
  }

  private Map<String, Object> position(Dashboard dashboard) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("DASHBOARD_VERSION_KEY", "v2");
    position.put("ROOT_ID", node("ROOT", "ROOT_ID", List.of("GRID_ID"), List.of(), null));
    position.put("HEADER_ID", headerNode(dashboard.title()));
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < dashboard.layout().size(); r++) {
      List<String> row = dashboard.layout().get(r);
      String rowId = "ROW-" + dashboard.id() + "-" + r;
      rows.add(rowId);
      List<String> cells = new ArrayList<>();
      int width = Math.max(1, GRID_COLUMNS / row.size());
      for (String chartId : row) {
        Chart chart = chart(dashboard, chartId);
        String cellId = "CHART-" + chartId;
        cells.add(cellId);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("chartId", chartIds.of(chartId));
        meta.put("height", CHART_HEIGHT);
        meta.put("sliceName", chart.title());
        meta.put("uuid", SupersetBundle.uuid("chart", chartId).toString());
        meta.put("width", width);
        position.put(
            cellId, node("CHART", cellId, List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
      }
      position.put(
          rowId,
          node(
              "ROW",
              rowId,
              cells,
              List.of("ROOT_ID", "GRID_ID"),
              Map.of("background", "BACKGROUND_TRANSPARENT")));
    }
    position.put("GRID_ID", node("GRID", "GRID_ID", rows, List.of("ROOT_ID"), null));
    return position;
  }

  private Map<String, Object> metadata(Dashboard dashboard) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("color_scheme", "");
    metadata.put("refresh_frequency", 60);
    metadata.put("expanded_slices", Map.of());
    metadata.put("label_colors", Map.of());
    metadata.put("timed_refresh_immune_slices", List.of());
    metadata.put("cross_filters_enabled", false);
    metadata.put("default_filters", "{}");
    List<Integer> all = dashboard.charts().stream().map(c -> chartIds.of(c.id())).toList();
    List<Integer> notByDay =
        dashboard.charts().stream()
            .filter(c -> c.period() != Period.RANGE)
            .map(c -> chartIds.of(c.id()))
            .toList();
    List<Map<String, Object>> filters = new ArrayList<>();
    filters.add(
        nativeFilter(dashboard, "local_days", "Local days", "filter_time", null, all, notByDay));
    String firstDataset = dashboard.charts().get(0).dataset();
    for (String column : Definitions.FILTER_COLUMNS) {
      filters.add(
          nativeFilter(
              dashboard,
              column,
              capitalised(column),
              "filter_select",
              firstDataset,
              all,
              List.of()));
    }
    metadata.put("native_filter_configuration", filters);
    return metadata;
  }

  private static Map<String, Object> nativeFilter(
      Dashboard dashboard,
      String key,
      String name,
      String type,
      String dataset,
      List<Integer> all,
      List<Integer> excluded) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("id", "NATIVE_FILTER-" + dashboard.id() + "-" + key);
    filter.put("name", name);
    filter.put("filterType", type);
    filter.put("type", "NATIVE_FILTER");
    if (dataset == null) {
      filter.put("targets", List.of(Map.of()));
      filter.put("controlValues", Map.of("enableEmptyFilter", false));
    } else {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("column", Map.of("name", key));
      target.put("datasetUuid", SupersetBundle.uuid("dataset", dataset).toString());
      filter.put("targets", List.of(target));
      filter.put(
          "controlValues",
          Map.of("enableEmptyFilter", false, "multiSelect", true, "searchAllOptions", false));
    }
    filter.put(
        "defaultDataMask",
        Map.of("extraFormData", Map.of(), "filterState", Map.of(), "ownState", Map.of()));
    filter.put("cascadeParentIds", List.of());
    filter.put("scope", Map.of("rootPath", List.of("ROOT_ID"), "excluded", excluded));
    filter.put("chartsInScope", all.stream().filter(id -> !excluded.contains(id)).toList());
    filter.put("tabsInScope", List.of());
    filter.put("description", "");
    return filter;
  }

  private Chart chart(Dashboard dashboard, String id) {
    return dashboard.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Object> node(
      String type,
      String id,
      List<String> children,
      List<String> parents,
      Map<String, Object> meta) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", type);
    node.put("id", id);
    node.put("children", children);
    if (!parents.isEmpty()) {
      node.put("parents", parents);
    }
    if (meta != null) {
      node.put("meta", meta);
    }
    return node;
  }

  private static Map<String, Object> headerNode(String title) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", "HEADER");
    node.put("id", "HEADER_ID");
    node.put("meta", Map.of("text", title));
    return node;
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
