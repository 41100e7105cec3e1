package org.sanjeh.dashboards.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the definition files and checks them against each other: every chart's dataset, metrics,
 * dimensions and columns exist, each kind gets what it needs, every chart is placed once. Errors
 * name the file and the field.
 */
public final class DefinitionLoader {

  /** Where the bundled definitions live on the classpath, listed in {@code definitions.txt}. */
  public static final String RESOURCE_FOLDER = "dashboards/";

  private static final Pattern NOW =
      Pattern.compile("\\b(now|today|yesterday)\\s*\\(", Pattern.CASE_INSENSITIVE);
  private static final Duration MIN_SNAPSHOT_EVERY = Duration.ofSeconds(10);
  private static final Duration MAX_SNAPSHOT_EVERY = Duration.ofDays(1);

  private static final Set<String> DATASET_KEYS =
      Set.of(
          "id",
          "title",
          "description",
          "sql",
          "columns",
          "metrics",
          "drill_key",
          "inner_filters",
          "snapshot_every");
  private static final Set<String> COLUMN_KEYS = Set.of("name", "type", "time");
  private static final Set<String> METRIC_KEYS =
      Set.of("name", "title", "expression", "counts", "numerator", "denominator");
  private static final Set<String> DASHBOARD_KEYS = Set.of("id", "title", "charts", "layout");
  private static final Set<String> CHART_KEYS =
      Set.of(
          "id",
          "title",
          "kind",
          "dataset",
          "metrics",
          "dimensions",
          "columns",
          "time_column",
          "time_grain",
          "where",
          "order_by",
          "descending",
          "limit",
          "period");
  private static final Set<String> COLUMN_TYPES =
      Set.of(
          "String",
          "Date",
          "DateTime",
          "UInt8",
          "UInt16",
          "UInt32",
          "UInt64",
          "Int32",
          "Int64",
          "Float64");
  private static final int MAX_LIMIT = 10_000;

  /** The alias of a line chart's time bucket in generated queries. */
  public static final String TIME_BUCKET = "time_bucket";

  private static final YAMLMapper YAML = new YAMLMapper();

  private DefinitionLoader() {}

  /** The definitions shipped in this module's resources. */
  public static Definitions bundled() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String line : resource("definitions.txt").split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        files.put(name, resource(name));
      }
    }
    return load(files);
  }

  /**
   * Loads files given by name (relative to the definitions folder, e.g. {@code
   * datasets/tickets.yaml}); the names decide the kind: {@code datasets/…} or {@code boards/…}.
   */
  public static Definitions load(Map<String, String> files) {
    Map<String, Dataset> datasets = new LinkedHashMap<>();
    List<Dashboard> dashboards = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      JsonNode tree = parse(file.getKey(), file.getValue());
      if (file.getKey().startsWith("datasets/")) {
        Dataset dataset = dataset(Fields.root(file.getKey(), tree, DATASET_KEYS));
        if (datasets.putIfAbsent(dataset.id(), dataset) != null) {
          throw new DefinitionException(
              file.getKey(),
              "id",
              "dataset '"
                  + dataset.id()
                  + "' is also defined in "
                  + datasets.get(dataset.id()).file());
        }
      } else if (file.getKey().startsWith("boards/")) {
        dashboards.add(dashboard(Fields.root(file.getKey(), tree, DASHBOARD_KEYS)));
      } else {
        throw new DefinitionException(
            file.getKey(), "", "definition files go under datasets/ or boards/");
      }
    }
    Definitions definitions = new Definitions(Map.copyOf(datasets), List.copyOf(dashboards));
    check(definitions);
    return definitions;
  }

  private static Dataset dataset(Fields fields) {
    String id = fields.identifier("id");
    String sql = fields.string("sql");
    if (sql.contains("?") || sql.contains(";")) {
      throw fields.error(
          "sql", "must be one statement without '?' placeholders (filters are bound outside it)");
    }
    List<Column> columns =
        fields.mappings(
            "columns",
            COLUMN_KEYS,
            column -> {
              String type = column.string("type");
              if (!COLUMN_TYPES.contains(type)) {
                throw column.error(
                    "type", "unknown type '" + type + "': use one of " + COLUMN_TYPES);
              }
              return new Column(column.identifier("name"), type, column.flag("time"));
            });
    List<Metric> metrics =
        fields.mappings(
            "metrics",
            METRIC_KEYS,
            metric -> {
              Optional<String> counts = condition(metric, "counts");
              Optional<String> numerator = condition(metric, "numerator");
              Optional<String> denominator = condition(metric, "denominator");
              if (numerator.isPresent() != denominator.isPresent()) {
                throw metric.error(
                    numerator.isPresent() ? "denominator" : "numerator",
                    "a rate needs both its numerator and its denominator condition");
              }
              if (numerator.isPresent() && counts.isPresent()) {
                throw metric.error(
                    "counts", "a rate (numerator, denominator) is not itself a count of rows");
              }
              return new Metric(
                  metric.identifier("name"),
                  metric.string("title"),
                  metric.string("expression"),
                  counts,
                  numerator,
                  denominator);
            });
    Optional<String> drillKey = fields.optionalString("drill_key");
    drillKey.ifPresent(key -> fields.checkIdentifier("drill_key", key));
    Map<String, String> innerFilters = fields.texts("inner_filters");
    innerFilters.forEach(
        (column, expression) -> {
          if (expression.contains("?") || expression.contains(";")) {
            throw fields.error(
                "inner_filters." + column, "must be one expression without '?' placeholders");
          }
        });
    Dataset dataset =
        new Dataset(
            id,
            fields.string("title"),
            sql,
            List.copyOf(columns),
            List.copyOf(metrics),
            drillKey,
            Map.copyOf(innerFilters),
            snapshotEvery(fields),
            fields.file());
    checkDataset(dataset, fields);
    checkInnerFilters(dataset, fields);
    checkSnapshot(dataset, fields);
    return dataset;
  }

  /** How often the viewer refreshes the dataset's snapshot: ISO-8601, 10 seconds to a day. */
  private static Optional<Duration> snapshotEvery(Fields fields) {
    Optional<String> text = fields.optionalString("snapshot_every");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Duration every;
    try {
      every = Duration.parse(text.get());
    } catch (DateTimeParseException e) {
      throw fields.error(
          "snapshot_every", "'" + text.get() + "' is not an ISO-8601 duration such as PT1M");
    }
    if (every.compareTo(MIN_SNAPSHOT_EVERY) < 0 || every.compareTo(MAX_SNAPSHOT_EVERY) > 0) {
      throw fields.error(
          "snapshot_every", "'" + text.get() + "' must be between PT10S and P1D (one day)");
    }
    return Optional.of(every);
  }

  /** A snapshot keeps the values of the moment it was taken: a clock in the SQL would stop. */
  private static void checkSnapshot(Dataset dataset, Fields fields) {
    if (dataset.snapshotEvery().isPresent() && NOW.matcher(dataset.sql()).find()) {
      throw fields.error(
          "snapshot_every",
          "the sql reads the clock (now(), today()), which a snapshot would stop at the moment"
              + " it was taken: compute that part in the charts, or leave this dataset live");
    }
  }

  private static Optional<String> condition(Fields metric, String key) {
    Optional<String> condition = metric.optionalString(key);
    if (condition.isPresent() && (condition.get().contains("?") || condition.get().contains(";"))) {
      throw metric.error(key, "must be one condition without '?' placeholders");
    }
    return condition;
  }

  private static void checkDataset(Dataset dataset, Fields fields) {
    Set<String> names = new HashSet<>();
    for (Column column : dataset.columns()) {
      if (!names.add(column.name())) {
        throw fields.error("columns", "column '" + column.name() + "' is listed twice");
      }
    }
    if (names.contains(TIME_BUCKET)) {
      throw fields.error("columns", "'" + TIME_BUCKET + "' is reserved for time buckets");
    }
    for (Metric metric : dataset.metrics()) {
      if (!names.add(metric.name())) {
        throw fields.error(
            "metrics", "metric '" + metric.name() + "' has the name of a column or another metric");
      }
    }
    List<Column> time = dataset.columns().stream().filter(Column::time).toList();
    if (time.size() != 1 || !time.get(0).type().equals("Date")) {
      throw fields.error(
          "columns", "exactly one column must be the business-local day (type: Date, time: true)");
    }
    for (String filter : Definitions.FILTER_COLUMNS) {
      if (dataset.column(filter).isEmpty()) {
        throw fields.error(
            "columns",
            "needs a '" + filter + "' column: every dataset takes the " + filter + " filter");
      }
    }
    if (dataset.drillKey().isPresent() && dataset.column(dataset.drillKey().get()).isEmpty()) {
      throw fields.error("drill_key", "no column '" + dataset.drillKey().get() + "'");
    }
    for (Metric metric : dataset.metrics()) {
      if ((metric.counts().isPresent() || metric.isRate()) && dataset.drillKey().isEmpty()) {
        throw fields.error(
            "metrics",
            "metric '" + metric.name() + "' counts rows, so the dataset needs a drill_key");
      }
    }
    if (!dataset.sql().contains(Dataset.TIMEZONE_PLACEHOLDER)) {
      throw fields.error(
          "sql",
          "must compute its local day with "
              + Dataset.TIMEZONE_PLACEHOLDER
              + " (dashboards group by the business's day, not UTC's)");
    }
  }

  /**
   * Inner filters apply to the time column or a filter column, and the SQL says where they go
   * exactly when it declares some: a placeholder nobody fills, or filters with nowhere to go, is a
   * mistake in the file.
   */
  private static void checkInnerFilters(Dataset dataset, Fields fields) {
    String time = dataset.timeColumn().name();
    for (String column : dataset.innerFilters().keySet()) {
      if (!column.equals(time) && !Definitions.FILTER_COLUMNS.contains(column)) {
        throw fields.error(
            "inner_filters." + column,
            "filters apply to the time column ("
                + time
                + ") or to "
                + String.join(", ", Definitions.FILTER_COLUMNS)
                + ", not to '"
                + column
                + "'");
      }
    }
    boolean placed = dataset.innerFilterPlaces() > 0;
    if (placed && dataset.innerFilters().isEmpty()) {
      throw fields.error(
          "inner_filters",
          "the sql has "
              + Dataset.INNER_FILTERS_PLACEHOLDER
              + ", so inner_filters must say which filter applies to which expression there");
    }
    if (!placed && !dataset.innerFilters().isEmpty()) {
      throw fields.error(
          "sql",
          "inner_filters are declared, so the sql must say where they go with "
              + Dataset.INNER_FILTERS_PLACEHOLDER);
    }
  }

  private static Dashboard dashboard(Fields fields) {
    List<Chart> charts = fields.mappings("charts", CHART_KEYS, DefinitionLoader::chart);
    return new Dashboard(
        fields.identifier("id"),
        fields.string("title"),
        List.copyOf(charts),
        fields.rows("layout"),
        fields.file());
  }

  private static Chart chart(Fields fields) {
    ChartKind kind =
        parse(fields, "kind", ChartKind::fromWire)
            .orElseThrow(() -> fields.error("kind", "is required"));
    int limit = fields.optionalInt("limit").orElse(MAX_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw fields.error("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    Optional<String> orderBy = fields.optionalString("order_by");
    orderBy.ifPresent(name -> fields.checkIdentifier("order_by", name));
    Optional<String> timeColumn = fields.optionalString("time_column");
    timeColumn.ifPresent(name -> fields.checkIdentifier("time_column", name));
    return new Chart(
        fields.identifier("id"),
        fields.string("title"),
        kind,
        fields.identifier("dataset"),
        fields.identifiers("metrics"),
        fields.identifiers("dimensions"),
        fields.identifiers("columns"),
        timeColumn,
        parse(fields, "time_grain", TimeGrain::fromWire),
        fields.optionalString("where"),
        orderBy,
        fields.flag("descending"),
        limit,
        parse(fields, "period", Period::fromWire).orElse(Period.RANGE));
  }

  private static <T> Optional<T> parse(
      Fields fields, String key, java.util.function.Function<String, T> parser) {
    try {
      return fields.optionalString(key).map(parser);
    } catch (IllegalArgumentException e) {
      throw fields.error(key, e.getMessage());
    }
  }

  private static void check(Definitions definitions) {
    Set<String> chartIds = new HashSet<>();
    Set<String> dashboardIds = new HashSet<>();
    for (Dashboard dashboard : definitions.dashboards()) {
      if (!dashboardIds.add(dashboard.id())) {
        throw new DefinitionException(
            dashboard.file(), "id", "dashboard '" + dashboard.id() + "' is defined twice");
      }
      for (int i = 0; i < dashboard.charts().size(); i++) {
        Chart chart = dashboard.charts().get(i);
        String at = "charts[" + i + "]";
        if (!chartIds.add(chart.id())) {
          throw new DefinitionException(
              dashboard.file(), at + ".id", "chart id '" + chart.id() + "' is used twice");
        }
        ChartCheck.check(chart, definitions.datasets().get(chart.dataset()), dashboard.file(), at);
      }
      checkLayout(dashboard);
    }
  }

  private static void checkLayout(Dashboard dashboard) {
    Set<String> charts = new HashSet<>();
    dashboard.charts().forEach(c -> charts.add(c.id()));
    Set<String> placed = new HashSet<>();
    for (int r = 0; r < dashboard.layout().size(); r++) {
      for (int c = 0; c < dashboard.layout().get(r).size(); c++) {
        String id = dashboard.layout().get(r).get(c);
        String at = "layout[" + r + "][" + c + "]";
        if (!charts.contains(id)) {
          throw new DefinitionException(
              dashboard.file(), at, "no chart '" + id + "' on this dashboard");
        }
        if (!placed.add(id)) {
          throw new DefinitionException(dashboard.file(), at, "chart '" + id + "' is placed twice");
        }
      }
    }
    charts.removeAll(placed);
    if (!charts.isEmpty()) {
      throw new DefinitionException(
          dashboard.file(), "layout", "charts not placed: " + String.join(", ", charts));
    }
  }

  private static JsonNode parse(String file, String text) {
    try {
      JsonNode tree = YAML.readTree(text);
      if (tree == null) {
        throw new DefinitionException(file, "", "is empty");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new DefinitionException(file, "", "is not valid YAML: " + e.getOriginalMessage());
    }
  }

  private static String resource(String name) {
    String path = RESOURCE_FOLDER + name;
    try (InputStream in = DefinitionLoader.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new DefinitionException(path, "", "is listed in definitions.txt but missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
