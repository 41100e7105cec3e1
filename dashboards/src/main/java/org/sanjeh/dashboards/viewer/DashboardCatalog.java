package org.sanjeh.dashboards.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.ChartKind;
import org.sanjeh.dashboards.definition.Column;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Metric;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The definitions as the pages and the API see them: a dashboard and its charts by id (404 problems
 * for unknown ones), and each chart described for the browser in the reader's language.
 */
public final class DashboardCatalog {

  private final Definitions definitions;
  private final Labels labels;
  private final ValueTitles valueTitles;

  public DashboardCatalog(Definitions definitions, Labels labels, ValueTitles valueTitles) {
    this.definitions = definitions;
    this.labels = labels;
    this.valueTitles = valueTitles;
  }

  public List<Dashboard> dashboards() {
    return definitions.dashboards();
  }

  public Dashboard dashboard(String id) {
    return definitions.dashboard(id).orElseThrow(() -> notFound("dashboard", id));
  }

  /** A chart of that dashboard: a chart of another dashboard is not found here either. */
  public Chart chart(String dashboardId, String chartId) {
    return dashboard(dashboardId).charts().stream()
        .filter(c -> c.id().equals(chartId))
        .findFirst()
        .orElseThrow(() -> notFound("chart", chartId + "' on dashboard '" + dashboardId));
  }

  public Dataset dataset(Chart chart) {
    return definitions.dataset(chart.dataset());
  }

  public Labels labels() {
    return labels;
  }

  public DashboardView view(Dashboard dashboard, Language language) {
    List<ChartView> charts = new ArrayList<>();
    Map<String, String> columnTitles = new TreeMap<>();
    for (Chart chart : dashboard.charts()) {
      charts.add(view(chart, language));
      for (Column column : dataset(chart).columns()) {
        columnTitles.put(column.name(), labels.column(column.name(), language));
      }
    }
    return new DashboardView(
        dashboard.id(),
        labels.dashboard(dashboard, language),
        dashboard.layout(),
        charts,
        columnTitles,
        valueTitles.forColumns(columnTitles.keySet(), language));
  }

  private ChartView view(Chart chart, Language language) {
    Dataset dataset = dataset(chart);
    List<FieldView> metrics = new ArrayList<>();
    for (String name : chart.metrics()) {
      Metric metric = dataset.metric(name).orElseThrow();
      boolean drills =
          (metric.counts().isPresent() || metric.isRate()) && dataset.drillKey().isPresent();
      metrics.add(new FieldView(name, labels.metric(metric, language), "Float64", drills));
    }
    List<FieldView> dimensions = fields(dataset, chart.dimensions(), language);
    List<FieldView> columns = fields(dataset, chart.columns(), language);
    return new ChartView(
        chart.id(),
        labels.chart(chart, language),
        chart.kind().name().toLowerCase(java.util.Locale.ROOT),
        chart.kind() == ChartKind.LINE ? chart.timeGrain().orElseThrow().name() : null,
        metrics,
        dimensions,
        columns,
        dataset.drillKey().orElse(null));
  }

  private List<FieldView> fields(Dataset dataset, List<String> names, Language language) {
    List<FieldView> fields = new ArrayList<>();
    for (String name : names) {
      Column column = dataset.column(name).orElseThrow();
      fields.add(new FieldView(name, labels.column(name, language), column.type(), false));
    }
    return fields;
  }

  private static ErrorResponseException notFound(String what, String id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + what + " '" + id + "'");
    problem.setTitle("Not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  /**
   * A dashboard for the browser: its charts, their rows of the layout, and the titles of its
   * datasets' columns (a drill-down list shows columns the chart itself does not), and how to show
   * the stored values of those columns that hold a fixed vocabulary ({@link ValueTitles}).
   */
  public record DashboardView(
      String id,
      String title,
      List<List<String>> layout,
      List<ChartView> charts,
      Map<String, String> columnTitles,
      Map<String, Map<String, String>> valueTitles) {}

  /**
   * A chart for the browser. {@code timeGrain} only for a line; {@code ticketKey} names the column
   * holding the ticket id when the chart's rows belong to tickets.
   */
  public record ChartView(
      String id,
      String title,
      String kind,
      String timeGrain,
      List<FieldView> metrics,
      List<FieldView> dimensions,
      List<FieldView> columns,
      String ticketKey) {}

  /** A metric or column: {@code drills} when its number opens the list of tickets it counts. */
  public record FieldView(String name, String title, String type, boolean drills) {}
}
