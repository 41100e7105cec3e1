package org.sanjeh.dashboards.viewer.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Metric;
import org.sanjeh.dashboards.query.ChartResult;
import org.sanjeh.dashboards.query.DashboardQueries;
import org.sanjeh.dashboards.query.DashboardQueries.RateDrill;
import org.sanjeh.dashboards.query.DrillQuery;
import org.sanjeh.dashboards.query.Filters;
import org.sanjeh.dashboards.viewer.DashboardCatalog;
import org.sanjeh.dashboards.viewer.DashboardCatalog.DashboardView;
import org.sanjeh.dashboards.viewer.Language;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API behind the pages. It runs the defined charts' queries and their drill-downs, and
 * nothing else: the browser names a dashboard, a chart and filter values, never SQL, and every
 * value is bound.
 */
@RestController
@RequestMapping("/api/dashboards")
class DashboardApiController {

  /** The column a rate's list adds: whether the rate counts the row above the line. */
  static final String COUNTED = "counted";

  private static final Set<String> LANG = Set.of("lang");
  private static final Set<String> DRILL = Set.of("lang", "metric", FilterParameters.TILE);

  private final DashboardCatalog catalog;
  private final DashboardQueries queries;
  private final FilterParameters filters;

  DashboardApiController(
      DashboardCatalog catalog, DashboardQueries queries, FilterParameters filters) {
    this.catalog = catalog;
    this.queries = queries;
    this.filters = filters;
  }

  @GetMapping
  List<DashboardSummary> dashboards(HttpServletRequest request) {
    Language language = Language.of(request.getParameter("lang"));
    return catalog.dashboards().stream()
        .map(d -> new DashboardSummary(d.id(), catalog.labels().dashboard(d, language)))
        .toList();
  }

  @GetMapping("/{dashboardId}")
  DashboardView dashboard(@PathVariable String dashboardId, HttpServletRequest request) {
    Dashboard dashboard = catalog.dashboard(dashboardId);
    return catalog.view(dashboard, Language.of(request.getParameter("lang")));
  }

  @GetMapping("/{dashboardId}/charts/{chartId}")
  ChartData chart(
      @PathVariable String dashboardId, @PathVariable String chartId, HttpServletRequest request) {
    Chart chart = catalog.chart(dashboardId, chartId);
    Filters chosen = filters.read(request.getParameterMap(), LANG);
    ChartResult result = queries.run(chart.id(), chosen);
    return new ChartData(
        chart.id(),
        chosen.from().toString(),
        chosen.to().toString(),
        result.columns(),
        JsonValues.finiteRows(result.rows()),
        result.snapshotTakenAt().map(Object::toString).orElse(null));
  }

  @GetMapping("/{dashboardId}/charts/{chartId}/csv")
  ResponseEntity<byte[]> csv(
      @PathVariable String dashboardId, @PathVariable String chartId, HttpServletRequest request) {
    Chart chart = catalog.chart(dashboardId, chartId);
    ChartResult result = queries.run(chart.id(), filters.read(request.getParameterMap(), LANG));
    // a byte-order mark, so spreadsheets read Persian text as UTF-8
    byte[] body =
        ("\uFEFF" + Csv.write(result.columns(), result.rows())).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(chart.id() + ".csv").build().toString())
        .body(body);
  }

  /**
   * The tickets behind one number: {@code metric} names a counting metric or a rate of the chart,
   * {@code at.DIMENSION} (and {@code at.time_bucket} on a line) the number's place.
   */
  @GetMapping("/{dashboardId}/charts/{chartId}/tickets")
  TicketList tickets(
      @PathVariable String dashboardId, @PathVariable String chartId, HttpServletRequest request) {
    Chart chart = catalog.chart(dashboardId, chartId);
    Map<String, String[]> parameters = request.getParameterMap();
    String metric = FilterParameters.single(parameters, "metric");
    if (metric == null || !chart.metrics().contains(metric)) {
      throw new BadRequestValue(
          "metric",
          metric == null ? "" : metric,
          "give one of the chart's metrics " + chart.metrics());
    }
    Metric definition = catalog.dataset(chart).metric(metric).orElseThrow();
    if (definition.counts().isEmpty() && !definition.isRate()) {
      throw new BadRequestValue(
          "metric",
          metric,
          metric + " is not a count or a rate of tickets, so no list is behind it");
    }
    if (catalog.dataset(chart).drillKey().isEmpty()) {
      throw new BadRequestValue(
          "metric", metric, "the rows of " + chart.dataset() + " are not tickets");
    }
    Map<String, Object> tile = TileParameters.read(chart, catalog.dataset(chart), parameters);
    Filters chosen = filters.read(parameters, DRILL);
    if (definition.isRate()) {
      return rateList(chart, metric, queries.drillRate(chart.id(), metric, tile, chosen));
    }
    ChartResult rows = queries.drill(chart.id(), metric, tile, chosen);
    return new TicketList(
        chart.id(),
        metric,
        rows.columns(),
        JsonValues.finiteRows(rows.rows()),
        rows.rows().size() >= DrillQuery.MAX_ROWS,
        null);
  }

  /**
   * A rate's list: the rows it divides by, each marked {@code counted} when the rate counts it
   * above the line too; {@code numerator} says how many are.
   */
  private static TicketList rateList(Chart chart, String metric, RateDrill drill) {
    Set<Map<String, Object>> counted = new HashSet<>(drill.numerator().rows());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : drill.denominator().rows()) {
      Map<String, Object> marked = new LinkedHashMap<>(row);
      marked.put(COUNTED, counted.contains(row));
      rows.add(marked);
    }
    List<String> columns = new ArrayList<>(drill.denominator().columns());
    columns.add(COUNTED);
    return new TicketList(
        chart.id(),
        metric,
        columns,
        JsonValues.finiteRows(rows),
        rows.size() >= DrillQuery.MAX_ROWS,
        (long) drill.numerator().rows().size());
  }

  record DashboardSummary(String id, String title) {}

  /** A chart's rows for the filters as applied (the days the range came out as). */
  /**
   * {@code snapshotAt}: the rows come from a dataset snapshot last known to match its sources at
   * this instant (ISO-8601, UTC); null when they were read from the tables now.
   */
  record ChartData(
      String chart,
      String from,
      String to,
      List<String> columns,
      List<Map<String, Object>> rows,
      String snapshotAt) {}

  /**
   * {@code truncated}: the list stops at its limit, the number says how many there are. {@code
   * numerator}: for a rate, how many of the rows it counts above the line (else null).
   */
  record TicketList(
      String chart,
      String metric,
      List<String> columns,
      List<Map<String, Object>> rows,
      boolean truncated,
      Long numerator) {}
}
