package org.sanjeh.dashboards.superset;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Period;

/**
 * A chart definition as a Superset chart file: the viz type and the form-data {@code params} that
 * viz type reads. The date filter is a TEMPORAL_RANGE filter on the dataset's local day (set by the
 * dashboard's time filter); "today and yesterday" is a SQL condition on the business's today, so it
 * does not depend on Superset's own time zone.
 */
final class Charts {

  static final Map<ChartKind, String> VIZ_TYPES =
      Map.of(
          ChartKind.BIG_NUMBER, "big_number_total",
          ChartKind.LINE, "echarts_timeseries_line",
          ChartKind.TABLE, "table");

  private final Definitions definitions;
  private final ZoneId zone;

  Charts(Definitions definitions, ZoneId zone) {
    this.definitions = definitions;
    this.zone = zone;
  }

  Map<String, Object> chart(Chart chart) {
    Dataset dataset = definitions.dataset(chart.dataset());
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("slice_name", chart.title());
    file.put("description", null);
    file.put("certified_by", null);
    file.put("certification_details", null);
    file.put("viz_type", VIZ_TYPES.get(chart.kind()));
    file.put("params", params(chart, dataset));
    file.put("query_context", null);
    file.put("cache_timeout", null);
    file.put("uuid", SupersetBundle.uuid("chart", chart.id()).toString());
    file.put("version", SupersetBundle.VERSION);
    file.put("dataset_uuid", SupersetBundle.uuid("dataset", dataset.id()).toString());
    return file;
  }

  private Map<String, Object> params(Chart chart, Dataset dataset) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("viz_type", VIZ_TYPES.get(chart.kind()));
    switch (chart.kind()) {
      case BIG_NUMBER -> {
        params.put("metric", chart.metrics().get(0));
        params.put("header_font_size", 0.4);
      }
      case LINE -> {
        params.put("x_axis", chart.timeColumn().orElseThrow());
        params.put("time_grain_sqla", chart.timeGrain().orElseThrow().name());
        params.put("metrics", chart.metrics());
        params.put("groupby", chart.dimensions());
        params.put("x_axis_sort_asc", true);
        params.put("rich_tooltip", true);
        params.put("show_legend", true);
      }
      case TABLE -> {
        if (chart.raw()) {
          params.put("query_mode", "raw");
          params.put("all_columns", chart.columns());
          params.put(
              "order_by_cols",
              chart
                  .orderBy()
                  .map(c -> List.of("[\"" + c + "\", " + !chart.descending() + "]"))
                  .orElse(List.of()));
          params.put("groupby", List.of());
          params.put("metrics", List.of());
        } else {
          params.put("query_mode", "aggregate");
          params.put("groupby", chart.dimensions());
          params.put("metrics", chart.metrics());
          params.put("all_columns", List.of());
          chart.orderBy().ifPresent(c -> params.put("timeseries_limit_metric", c));
          params.put("order_desc", chart.descending());
        }
      }
    }
    params.put("adhoc_filters", filters(chart, dataset));
    params.put("row_limit", chart.limit());
    params.put("extra_form_data", Map.of());
    return params;
  }

  private List<Map<String, Object>> filters(Chart chart, Dataset dataset) {
    List<Map<String, Object>> filters = new ArrayList<>();
    String day = dataset.timeColumn().name();
    if (chart.period() == Period.RANGE) {
      Map<String, Object> range = new LinkedHashMap<>();
      range.put("clause", "WHERE");
      range.put("subject", day);
      range.put("operator", "TEMPORAL_RANGE");
      range.put("comparator", "No filter");
      range.put("expressionType", "SIMPLE");
      filters.add(range);
    } else if (chart.period() == Period.TODAY_AND_YESTERDAY) {
      String today = "toDate(now(), '" + zone.getId() + "')";
      filters.add(
          sql(chart.id() + "_today", day + " >= " + today + " - 1 AND " + day + " <= " + today));
    }
    chart.where().ifPresent(where -> filters.add(sql(chart.id() + "_where", where)));
    return filters;
  }

  private static Map<String, Object> sql(String name, String expression) {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("clause", "WHERE");
    filter.put("expressionType", "SQL");
    filter.put("sqlExpression", expression);
    filter.put("filterOptionName", name);
    return filter;
  }
}
