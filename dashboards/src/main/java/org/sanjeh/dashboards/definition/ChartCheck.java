package org.sanjeh.dashboards.definition;

import java.util.List;

/** What each kind of chart needs from its definition and its dataset. */
final class ChartCheck {

  private final Chart chart;
  private final Dataset dataset;
  private final String file;
  private final String at;

  private ChartCheck(Chart chart, Dataset dataset, String file, String at) {
    this.chart = chart;
    this.dataset = dataset;
    this.file = file;
    this.at = at;
  }

  static void check(Chart chart, Dataset dataset, String file, String at) {
    if (dataset == null) {
      throw new DefinitionException(
          file, at + ".dataset", "no dataset '" + chart.dataset() + "' (is its file listed?)");
    }
    new ChartCheck(chart, dataset, file, at).run();
  }

  private void run() {
    names("metrics", chart.metrics(), true);
    names("dimensions", chart.dimensions(), false);
    names("columns", chart.columns(), false);
    chart.orderBy().ifPresent(this::checkOrderBy);
    switch (chart.kind()) {
      case BIG_NUMBER -> {
        require(chart.metrics().size() == 1, "metrics", "a big_number shows exactly one metric");
        require(chart.dimensions().isEmpty(), "dimensions", "a big_number has no dimensions");
        require(chart.columns().isEmpty(), "columns", "a big_number lists no columns");
      }
      case LINE -> checkLine();
      case TABLE ->
          require(
              chart.metrics().isEmpty() != chart.columns().isEmpty(),
              "columns",
              "a table has either metrics (grouped by dimensions) or columns (rows), not both");
    }
    if (chart.kind() != ChartKind.LINE) {
      require(chart.timeColumn().isEmpty(), "time_column", "only a line chart has a time axis");
      require(chart.timeGrain().isEmpty(), "time_grain", "only a line chart has a time grain");
    }
    require(
        chart.raw() || chart.where().isEmpty(),
        "where",
        "a fixed condition goes on a table of rows; aggregate charts filter in their metrics");
    if (chart.where().isPresent()) {
      require(
          !chart.where().get().contains("?") && !chart.where().get().contains(";"),
          "where",
          "must be one condition without '?' placeholders");
    }
  }

  private void checkLine() {
    require(!chart.metrics().isEmpty(), "metrics", "a line chart needs at least one metric");
    require(chart.columns().isEmpty(), "columns", "a line chart lists no columns");
    require(chart.timeGrain().isPresent(), "time_grain", "a line chart needs a time grain");
    require(chart.timeColumn().isPresent(), "time_column", "a line chart needs a time column");
    String name = chart.timeColumn().get();
    Column column =
        dataset
            .column(name)
            .orElseThrow(
                () -> error("time_column", "no column '" + name + "' in dataset " + dataset.id()));
    require(column.temporal(), "time_column", "'" + name + "' is not a Date or DateTime column");
    require(
        !chart.timeGrain().get().needsTimeOfDay() || column.type().equals("DateTime"),
        "time_grain",
        chart.timeGrain().get() + " needs a DateTime column, '" + name + "' is a Date");
  }

  private void checkOrderBy(String name) {
    boolean known =
        chart.raw()
            ? chart.columns().contains(name)
            : chart.metrics().contains(name) || chart.dimensions().contains(name);
    require(known, "order_by", "'" + name + "' is not one of this chart's columns or metrics");
  }

  private void names(String field, List<String> names, boolean metrics) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean exists =
          metrics ? dataset.metric(name).isPresent() : dataset.column(name).isPresent();
      if (!exists) {
        throw error(
            field + "[" + i + "]",
            "no "
                + (metrics ? "metric" : "column")
                + " '"
                + name
                + "' in dataset "
                + dataset.id()
                + " ("
                + dataset.file()
                + ")");
      }
    }
  }

  private void require(boolean condition, String field, String problem) {
    if (!condition) {
      throw error(field, problem);
    }
  }

  private DefinitionException error(String field, String problem) {
    return new DefinitionException(file, at + "." + field, problem);
  }
}
