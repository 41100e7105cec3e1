package org.sanjeh.dashboards.superset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What Apache Superset 6.x checks when it imports a dashboard bundle, re-declared from its import
 * schemas (ImportV1DatabaseSchema, ImportV1DatasetSchema with its column and metric schemas,
 * ImportV1ChartSchema, ImportV1DashboardSchema: marshmallow refuses keys they do not declare) and
 * from what its importers and viz types read (position CHART nodes need {@code meta.uuid} and an
 * integer {@code meta.chartId}; each viz type's required params; named metrics must exist on the
 * dataset). Returns every problem found, each naming the file.
 */
final class SupersetImportRules {

  record Schema(Set<String> allowed, Set<String> required) {}

  static final Schema DATABASE =
      new Schema(
          Set.of(
              "database_name",
              "sqlalchemy_uri",
              "password",
              "cache_timeout",
              "expose_in_sqllab",
              "allow_run_async",
              "allow_ctas",
              "allow_cvas",
              "allow_dml",
              "allow_csv_upload",
              "impersonate_user",
              "extra",
              "uuid",
              "version",
              "is_managed_externally",
              "external_url",
              "ssh_tunnel"),
          Set.of("database_name", "sqlalchemy_uri", "uuid", "version"));
  static final Schema DATABASE_EXTRA =
      new Schema(
          Set.of(
              "metadata_params",
              "engine_params",
              "metadata_cache_timeout",
              "schemas_allowed_for_csv_upload",
              "cost_estimate_enabled",
              "allows_virtual_table_explore",
              "cancel_query_on_windows_unload",
              "disable_data_preview",
              "disable_drill_to_detail",
              "allow_multi_catalog",
              "version"),
          Set.of());
  static final Schema DATASET =
      new Schema(
          Set.of(
              "table_name",
              "main_dttm_col",
              "description",
              "default_endpoint",
              "offset",
              "cache_timeout",
              "schema",
              "catalog",
              "sql",
              "params",
              "template_params",
              "filter_select_enabled",
              "fetch_values_predicate",
              "extra",
              "uuid",
              "columns",
              "metrics",
              "version",
              "database_uuid",
              "data",
              "normalize_columns",
              "always_filter_main_dttm"),
          Set.of("table_name", "uuid", "version", "database_uuid"));
  static final Schema DATASET_COLUMN =
      new Schema(
          Set.of(
              "column_name",
              "verbose_name",
              "is_dttm",
              "is_active",
              "type",
              "advanced_data_type",
              "groupby",
              "filterable",
              "expression",
              "description",
              "python_date_format",
              "extra"),
          Set.of("column_name"));
  static final Schema DATASET_METRIC =
      new Schema(
          Set.of(
              "metric_name",
              "verbose_name",
              "metric_type",
              "expression",
              "description",
              "d3format",
              "currency",
              "extra",
              "warning_text"),
          Set.of("metric_name", "expression"));
  static final Schema CHART =
      new Schema(
          Set.of(
              "slice_name",
              "description",
              "certified_by",
              "certification_details",
              "viz_type",
              "params",
              "query_context",
              "cache_timeout",
              "uuid",
              "version",
              "dataset_uuid",
              "is_managed_externally",
              "external_url"),
          Set.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"));
  static final Schema DASHBOARD =
      new Schema(
          Set.of(
              "dashboard_title",
              "description",
              "css",
              "slug",
              "uuid",
              "position",
              "metadata",
              "version",
              "is_managed_externally",
              "external_url",
              "certified_by",
              "certification_details",
              "published"),
          Set.of("dashboard_title", "uuid", "version"));

  /** Superset's built-in time grains (superset/db_engine_specs/base.py builtin_time_grains). */
  static final Set<String> TIME_GRAINS =
      Set.of(
          "PT1S",
          "PT5S",
          "PT30S",
          "PT1M",
          "PT5M",
          "PT10M",
          "PT15M",
          "PT30M",
          "PT0.5H",
          "PT1H",
          "PT6H",
          "P1D",
          "P1W",
          "1969-12-28T00:00:00Z/P1W",
          "1969-12-29T00:00:00Z/P1W",
          "P1W/1970-01-03T00:00:00Z",
          "P1W/1970-01-04T00:00:00Z",
          "P1M",
          "P3M",
          "P0.25Y",
          "P1Y");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> problems = new ArrayList<>();
  private final Map<String, Map<String, Object>> datasets = new HashMap<>();
  private final Set<String> databases = new HashSet<>();
  private final Set<String> charts = new HashSet<>();

  /** Every problem with a bundle's entry names and its parsed YAML files (by entry name). */
  static List<String> check(List<String> entryNames, Map<String, Map<String, Object>> files) {
    SupersetImportRules rules = new SupersetImportRules();
    rules.checkEntries(entryNames);
    rules.checkFiles(files);
    return rules.problems;
  }

  private void checkEntries(List<String> names) {
    Set<String> roots = new HashSet<>();
    for (String name : names) {
      int slash = name.indexOf('/');
      if (slash <= 0) {
        problems.add(name + ": outside a root folder (Superset: Missing metadata.yaml)");
        continue;
      }
      roots.add(name.substring(0, slash));
      if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
        problems.add(name + ": not YAML; Superset ignores it");
      }
    }
    if (roots.size() != 1) {
      problems.add("the ZIP must have exactly one root folder, has " + roots);
    } else if (!names.contains(roots.iterator().next() + "/metadata.yaml")) {
      problems.add("no metadata.yaml in the root folder");
    }
  }

  private void checkFiles(Map<String, Map<String, Object>> files) {
    // first the things others point at, then the pointers
    files.forEach(
        (name, file) -> {
          String path = name.substring(name.indexOf('/') + 1);
          if (path.equals("metadata.yaml")) {
            checkMetadata(name, file);
          } else if (path.startsWith("databases/")) {
            checkDatabase(name, file);
          } else if (path.startsWith("datasets/")) {
            checkDataset(name, file);
          } else if (!path.startsWith("charts/") && !path.startsWith("dashboards/")) {
            problems.add(
                name + ": not in metadata.yaml, databases/, datasets/, charts/ or dashboards/");
          }
        });
    files.forEach(
        (name, file) -> {
          if (name.contains("/datasets/")) {
            reference(name, "database_uuid", file.get("database_uuid"), databases);
          }
        });
    files.forEach(
        (name, file) -> {
          if (name.contains("/charts/")) {
            checkChart(name, file);
          }
        });
    files.forEach(
        (name, file) -> {
          if (name.contains("/dashboards/")) {
            checkDashboard(name, file);
          }
        });
  }

  private void checkMetadata(String name, Map<String, Object> file) {
    if (!"1.0.0".equals(file.get("version"))) {
      problems.add(name + ": version must be 1.0.0, is " + file.get("version"));
    }
    if (!"Dashboard".equals(file.get("type"))) {
      problems.add(name + ": type must be Dashboard, is " + file.get("type"));
    }
    if (!(file.get("timestamp") instanceof String)) {
      problems.add(name + ": timestamp missing");
    }
  }

  private void checkDatabase(String name, Map<String, Object> file) {
    keys(name, file, DATABASE);
    if (file.get("extra") instanceof Map<?, ?> extra) {
      keys(name + " extra", cast(extra), DATABASE_EXTRA);
    }
    String uri = String.valueOf(file.get("sqlalchemy_uri"));
    if (!uri.startsWith("clickhousedb://")) {
      problems.add(name + ": sqlalchemy_uri must use the clickhousedb engine, is " + uri);
    }
    uuid(name, "uuid", file.get("uuid")).ifPresent(databases::add);
  }

  private void checkDataset(String name, Map<String, Object> file) {
    keys(name, file, DATASET);
    Set<String> columns = new HashSet<>();
    for (Map<String, Object> column : list(name, file, "columns")) {
      keys(name + " column " + column.get("column_name"), column, DATASET_COLUMN);
      columns.add(String.valueOf(column.get("column_name")));
    }
    for (Map<String, Object> metric : list(name, file, "metrics")) {
      keys(name + " metric " + metric.get("metric_name"), metric, DATASET_METRIC);
    }
    if (file.get("main_dttm_col") != null && !columns.contains(file.get("main_dttm_col"))) {
      problems.add(name + ": main_dttm_col " + file.get("main_dttm_col") + " is not a column");
    }
    uuid(name, "uuid", file.get("uuid")).ifPresent(uuid -> datasets.put(uuid, file));
  }

  private void checkChart(String name, Map<String, Object> file) {
    keys(name, file, CHART);
    uuid(name, "uuid", file.get("uuid")).ifPresent(charts::add);
    Map<String, Object> dataset = datasets.get(String.valueOf(file.get("dataset_uuid")));
    reference(name, "dataset_uuid", file.get("dataset_uuid"), datasets.keySet());
    if (!(file.get("params") instanceof Map<?, ?> rawParams) || dataset == null) {
      problems.add(name + ": params missing or dataset unknown");
      return;
    }
    Map<String, Object> params = cast(rawParams);
    Set<String> metrics = names(dataset, "metrics", "metric_name");
    Set<String> columns = names(dataset, "columns", "column_name");
    String viz = String.valueOf(file.get("viz_type"));
    switch (viz) {
      case "echarts_timeseries_line" -> {
        need(name, params, "x_axis");
        need(name, params, "time_grain_sqla");
        nonEmpty(name, params, "metrics");
        if (params.get("time_grain_sqla") != null
            && !TIME_GRAINS.contains(params.get("time_grain_sqla"))) {
          problems.add(
              name
                  + ": time_grain_sqla "
                  + params.get("time_grain_sqla")
                  + " is not a Superset grain");
        }
        columnsExist(name, "x_axis", List.of(String.valueOf(params.get("x_axis"))), columns);
      }
      case "big_number_total" -> need(name, params, "metric");
      case "table" -> {
        Object mode = params.get("query_mode");
        if ("raw".equals(mode)) {
          nonEmpty(name, params, "all_columns");
        } else if ("aggregate".equals(mode)) {
          if (strings(params.get("groupby")).isEmpty()
              && strings(params.get("metrics")).isEmpty()) {
            problems.add(name + ": an aggregate table needs groupby or metrics");
          }
        } else {
          problems.add(name + ": table needs query_mode raw or aggregate, has " + mode);
        }
      }
      default -> problems.add(name + ": viz_type " + viz + " is not one this check knows");
    }
    List<String> named = new ArrayList<>(strings(params.get("metrics")));
    if (params.get("metric") != null) {
      named.add(String.valueOf(params.get("metric")));
    }
    for (String metric : named) {
      if (!metrics.contains(metric)) {
        problems.add(
            name
                + ": metric "
                + metric
                + " is not defined on dataset "
                + dataset.get("table_name"));
      }
    }
    columnsExist(name, "groupby", strings(params.get("groupby")), columns);
    columnsExist(name, "all_columns", strings(params.get("all_columns")), columns);
    for (String order : strings(params.get("order_by_cols"))) {
      try {
        List<?> pair = JSON.readValue(order, List.class);
        columnsExist(name, "order_by_cols", List.of(String.valueOf(pair.get(0))), columns);
        if (!(pair.get(1) instanceof Boolean)) {
          problems.add(name + ": order_by_cols entry " + order + " needs a boolean");
        }
      } catch (Exception e) {
        problems.add(name + ": order_by_cols entry " + order + " is not a JSON pair");
      }
    }
    if (params.get("adhoc_filters") instanceof List<?> filters) {
      for (Object f : filters) {
        Map<String, Object> filter = cast((Map<?, ?>) f);
        if ("SIMPLE".equals(filter.get("expressionType"))) {
          columnsExist(
              name, "adhoc_filters", List.of(String.valueOf(filter.get("subject"))), columns);
        } else if (!"SQL".equals(filter.get("expressionType"))
            || filter.get("sqlExpression") == null) {
          problems.add(name + ": adhoc filter " + filter + " is neither SIMPLE nor SQL");
        }
      }
    }
  }

  private void checkDashboard(String name, Map<String, Object> file) {
    keys(name, file, DASHBOARD);
    uuid(name, "uuid", file.get("uuid"));
    if (!(file.get("position") instanceof Map<?, ?> rawPosition)) {
      problems.add(name + ": position missing");
      return;
    }
    Map<String, Object> position = cast(rawPosition);
    Set<Integer> chartIds = new HashSet<>();
    for (Map.Entry<String, Object> entry : position.entrySet()) {
      if (!(entry.getValue() instanceof Map<?, ?> rawNode)) {
        continue; // DASHBOARD_VERSION_KEY
      }
      Map<String, Object> node = cast(rawNode);
      for (String child : strings(node.get("children"))) {
        if (!position.containsKey(child)) {
          problems.add(
              name + ": " + entry.getKey() + " has a child " + child + " that is not in position");
        }
      }
      if (!"CHART".equals(node.get("type"))) {
        continue;
      }
      Map<String, Object> meta = node.get("meta") instanceof Map<?, ?> m ? cast(m) : Map.of();
      if (!(meta.get("chartId") instanceof Integer id)) {
        problems.add(
            name
                + ": "
                + entry.getKey()
                + " needs an integer meta.chartId, has "
                + meta.get("chartId"));
      } else {
        chartIds.add(id);
      }
      reference(name, entry.getKey() + " meta.uuid", meta.get("uuid"), charts);
    }
    if (!position.containsKey("ROOT_ID") || !position.containsKey("GRID_ID")) {
      problems.add(name + ": position needs ROOT_ID and GRID_ID");
    }
    Map<String, Object> metadata = file.get("metadata") instanceof Map<?, ?> m ? cast(m) : Map.of();
    for (Map<String, Object> filter : list(name, metadata, "native_filter_configuration")) {
      for (Object t : (List<?>) filter.getOrDefault("targets", List.of())) {
        Map<String, Object> target = cast((Map<?, ?>) t);
        if (target.containsKey("datasetUuid")) {
          reference(
              name,
              "native filter " + filter.get("id"),
              target.get("datasetUuid"),
              datasets.keySet());
        }
      }
      Map<String, Object> scope = filter.get("scope") instanceof Map<?, ?> s ? cast(s) : Map.of();
      for (Object id : (List<?>) scope.getOrDefault("excluded", List.of())) {
        if (!chartIds.contains(id)) {
          problems.add(
              name + ": native filter " + filter.get("id") + " excludes unknown chartId " + id);
        }
      }
      for (Object id : (List<?>) filter.getOrDefault("chartsInScope", List.of())) {
        if (!chartIds.contains(id)) {
          problems.add(
              name + ": native filter " + filter.get("id") + " scopes unknown chartId " + id);
        }
      }
    }
  }

  private void keys(String name, Map<String, Object> file, Schema schema) {
    for (String key : file.keySet()) {
      if (!schema.allowed().contains(key)) {
        problems.add(name + ": unknown key " + key + " (Superset refuses it)");
      }
    }
    for (String key : schema.required()) {
      if (file.get(key) == null) {
        problems.add(name + ": required key " + key + " missing");
      }
    }
  }

  private java.util.Optional<String> uuid(String name, String key, Object value) {
    try {
      return java.util.Optional.of(UUID.fromString(String.valueOf(value)).toString());
    } catch (IllegalArgumentException e) {
      problems.add(name + ": " + key + " is not a UUID: " + value);
      return java.util.Optional.empty();
    }
  }

  private void reference(String name, String what, Object uuid, Set<String> known) {
    if (!known.contains(String.valueOf(uuid))) {
      problems.add(name + ": " + what + " " + uuid + " is not in the bundle");
    }
  }

  private void need(String name, Map<String, Object> params, String key) {
    if (params.get(key) == null) {
      problems.add(name + ": params." + key + " is required for this viz type");
    }
  }

  private void nonEmpty(String name, Map<String, Object> params, String key) {
    if (strings(params.get(key)).isEmpty()) {
      problems.add(name + ": params." + key + " must not be empty for this viz type");
    }
  }

  private void columnsExist(String name, String field, List<String> used, Set<String> columns) {
    for (String column : used) {
      if (!columns.contains(column)) {
        problems.add(name + ": " + field + " names column " + column + " that the dataset lacks");
      }
    }
  }

  private List<Map<String, Object>> list(String name, Map<String, Object> file, String key) {
    Object value = file.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      problems.add(name + ": " + key + " must be a list");
      return List.of();
    }
    return items.stream().map(item -> cast((Map<?, ?>) item)).toList();
  }

  private static Set<String> names(Map<String, Object> dataset, String list, String key) {
    Set<String> names = new HashSet<>();
    for (Object item : (List<?>) dataset.getOrDefault(list, List.of())) {
      names.add(String.valueOf(((Map<?, ?>) item).get(key)));
    }
    return names;
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List<?> items)) {
      return List.of();
    }
    return items.stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
