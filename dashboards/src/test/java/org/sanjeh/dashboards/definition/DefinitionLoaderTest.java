package org.sanjeh.dashboards.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionLoaderTest {

  private static final String DATASET =
      """
      id: things
      title: Things
      sql: "SELECT toDate(at, {business_timezone}) AS local_date, team, channel, priority, n FROM t"
      columns:
        - {name: local_date, type: Date, time: true}
        - {name: team, type: String}
        - {name: channel, type: String}
        - {name: priority, type: String}
        - {name: at, type: DateTime}
        - {name: n, type: UInt32}
      metrics:
        - {name: total, title: Total, expression: "sum(n)"}
      """;

  private static final String BOARD =
      """
      id: board
      title: Board
      charts:
        - {id: total_tile, title: Total, kind: big_number, dataset: things, metrics: [total]}
        - {id: total_line, title: Total by day, kind: line, dataset: things, metrics: [total],
           time_column: local_date, time_grain: P1D}
      layout:
        - [total_tile, total_line]
      """;

  @Test
  void theBundledDashboardsLoadWithTheirDatasets() {
    Definitions definitions = DefinitionLoader.bundled();

    assertThat(definitions.dashboards())
        .extracting(Dashboard::id)
        .containsExactly("live_service", "experience", "quality", "churn");
    assertThat(definitions.datasets())
        .containsKeys("tickets", "sla_targets", "volume", "survey_answers", "detractor_followups")
        .containsKeys("kpi_daily", "resolution_times", "ticket_sentiment", "survey_low_scores")
        .containsKeys("dissatisfaction", "churn_customers", "churn_tickets");
    assertThat(definitions.chart("frt_today_vs_yesterday")).isPresent();
  }

  @Test
  void aValidPairOfFilesLoads() {
    Definitions definitions = load(DATASET, BOARD);

    Chart line = definitions.chart("total_line").orElseThrow();
    assertThat(line.kind()).isEqualTo(ChartKind.LINE);
    assertThat(line.timeGrain()).contains(TimeGrain.P1D);
    assertThat(line.period()).isEqualTo(Period.RANGE);
  }

  @Test
  void aChartNamingAMetricTheDatasetLacksIsRefusedWithFileAndField() {
    assertThatThrownBy(() -> load(DATASET, BOARD.replace("metrics: [total]}", "metrics: [totl]}")))
        .isInstanceOf(DefinitionException.class)
        .hasMessage(
            "boards/board.yaml: charts[0].metrics[0]: no metric 'totl' in dataset things"
                + " (datasets/things.yaml)");
  }

  @Test
  void aChartOnAnUnknownDatasetIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    DATASET,
                    BOARD.replace(
                        "dataset: things, metrics: [total]}", "dataset: stuff, metrics: [total]}")))
        .hasMessage(
            "boards/board.yaml: charts[0].dataset: no dataset 'stuff' (is its file listed?)");
  }

  @Test
  void anUnknownKeyIsRefusedRatherThanIgnored() {
    assertThatThrownBy(
            () ->
                load(DATASET, BOARD.replace("kind: big_number,", "kind: big_number, colour: red,")))
        .hasMessageStartingWith(
            "boards/board.yaml: charts[0].colour: unknown key (allowed: columns, dataset,");
  }

  @Test
  void aLineWithoutATimeGrainIsRefused() {
    assertThatThrownBy(() -> load(DATASET, BOARD.replace(", time_grain: P1D", "")))
        .hasMessage("boards/board.yaml: charts[1].time_grain: a line chart needs a time grain");
  }

  @Test
  void aQuarterHourGrainOnADateColumnIsRefused() {
    assertThatThrownBy(() -> load(DATASET, BOARD.replace("time_grain: P1D", "time_grain: PT15M")))
        .hasMessage(
            "boards/board.yaml: charts[1].time_grain: PT15M needs a DateTime column, 'local_date' is a Date");
  }

  @Test
  void aBigNumberWithTwoMetricsIsRefused() {
    assertThatThrownBy(
            () -> load(DATASET, BOARD.replace("metrics: [total]}", "metrics: [total, total]}")))
        .hasMessage("boards/board.yaml: charts[0].metrics: a big_number shows exactly one metric");
  }

  @Test
  void aDatasetWithoutTheFilterColumnsIsRefused() {
    assertThatThrownBy(
            () -> load(DATASET.replace("  - {name: priority, type: String}\n", ""), BOARD))
        .hasMessage(
            "datasets/things.yaml: columns: needs a 'priority' column: every dataset takes the priority filter");
  }

  @Test
  void aDatasetGroupingByUtcDaysIsRefused() {
    assertThatThrownBy(
            () -> load(DATASET.replace("toDate(at, {business_timezone})", "toDate(at)"), BOARD))
        .hasMessageContaining(
            "datasets/things.yaml: sql: must compute its local day with {business_timezone}");
  }

  @Test
  void aDatasetWithPlaceholdersInItsSqlIsRefused() {
    assertThatThrownBy(() -> load(DATASET.replace("FROM t", "FROM t WHERE team = ?"), BOARD))
        .hasMessageStartingWith("datasets/things.yaml: sql: must be one statement without '?'");
  }

  @Test
  void aMetricNamedLikeAColumnIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    DATASET.replace("{name: total,", "{name: n,"), BOARD.replace("[total]", "[n]")))
        .hasMessage(
            "datasets/things.yaml: metrics: metric 'n' has the name of a column or another metric");
  }

  @Test
  void aChartLeftOutOfTheLayoutIsRefused() {
    assertThatThrownBy(
            () -> load(DATASET, BOARD.replace("[total_tile, total_line]", "[total_tile]")))
        .hasMessage("boards/board.yaml: layout: charts not placed: total_line");
  }

  @Test
  void aLayoutNamingAnUnknownChartIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    DATASET,
                    BOARD.replace("[total_tile, total_line]", "[total_tile, total_line, nope]")))
        .hasMessage("boards/board.yaml: layout[0][2]: no chart 'nope' on this dashboard");
  }

  @Test
  void brokenYamlNamesTheFile() {
    assertThatThrownBy(() -> load(DATASET, "id: [unclosed"))
        .hasMessageStartingWith("boards/board.yaml: is not valid YAML:");
  }

  @Test
  void anUnknownChartKindListsTheKnownOnes() {
    assertThatThrownBy(() -> load(DATASET, BOARD.replace("kind: big_number", "kind: pie")))
        .hasMessage(
            "boards/board.yaml: charts[0].kind: unknown kind 'pie': use one of big_number, line, table");
  }

  @Test
  void aMetricCountingRowsNeedsTheDatasetsDrillKey() {
    assertThatThrownBy(
            () ->
                load(
                    DATASET.replace(
                        "expression: \"sum(n)\"}", "expression: \"sum(n)\", counts: \"1\"}"),
                    BOARD))
        .hasMessage(
            "datasets/things.yaml: metrics: metric 'total' counts rows, so the dataset needs a drill_key");
  }

  private static final String FILTERED_INSIDE =
      DATASET
          .replace("FROM t\"", "FROM t FINAL WHERE {inner_filters}\"")
          .replace("metrics:", "inner_filters: {local_date: at, team: team}\nmetrics:");

  @Test
  void aDatasetNamesTheExpressionsItsInnerFiltersApplyTo() {
    Dataset dataset = load(FILTERED_INSIDE, BOARD).dataset("things");

    assertThat(dataset.innerFilters())
        .containsOnly(entry("local_date", "at"), entry("team", "team"));
    assertThat(dataset.innerFilterPlaces()).isEqualTo(1);
    assertThat(dataset.sql(java.time.ZoneId.of("UTC"))).endsWith("FROM t FINAL WHERE 1");
  }

  @Test
  void anInnerFilterOnAColumnThatIsNoFilterIsRefused() {
    assertThatThrownBy(
            () -> load(FILTERED_INSIDE.replace("team: team}", "team: team, n: n}"), BOARD))
        .hasMessage(
            "datasets/things.yaml: inner_filters.n: filters apply to the time column (local_date)"
                + " or to team, channel, priority, not to 'n'");
  }

  @Test
  void innerFiltersWithoutTheirPlaceInTheSqlAreRefused() {
    assertThatThrownBy(() -> load(FILTERED_INSIDE.replace(" WHERE {inner_filters}", ""), BOARD))
        .hasMessageStartingWith(
            "datasets/things.yaml: sql: inner_filters are declared, so the sql must say where");
  }

  @Test
  void anInnerFiltersPlaceWithoutInnerFiltersIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    FILTERED_INSIDE.replace("inner_filters: {local_date: at, team: team}\n", ""),
                    BOARD))
        .hasMessageStartingWith("datasets/things.yaml: inner_filters: the sql has {inner_filters}");
  }

  @Test
  void anInnerFilterExpressionWithAPlaceholderIsRefused() {
    assertThatThrownBy(
            () -> load(FILTERED_INSIDE.replace("team: team}", "team: \"team = ?\"}"), BOARD))
        .hasMessage(
            "datasets/things.yaml: inner_filters.team: must be one expression without '?'"
                + " placeholders");
  }

  @Test
  void aSnapshotPeriodLoadsAsADurationAndTheSqlsTablesAreItsSources() {
    Definitions definitions =
        load(DATASET.replace("title: Things\n", "title: Things\nsnapshot_every: PT2M\n"), BOARD);

    Dataset things = definitions.dataset("things");
    assertThat(things.snapshotEvery()).contains(java.time.Duration.ofMinutes(2));
    assertThat(things.sourceTables()).containsExactly("t");
    assertThat(DefinitionLoader.bundled().dataset("survey_answers").sourceTables())
        .containsExactly(
            "survey_invitations", "survey_responses", "sla_tickets", "sentiment_tickets");
  }

  @Test
  void aSnapshotPeriodThatIsNoDurationOrOutOfRangeIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    DATASET.replace("title: Things\n", "title: Things\nsnapshot_every: 1m\n"),
                    BOARD))
        .hasMessage(
            "datasets/things.yaml: snapshot_every: '1m' is not an ISO-8601 duration such as PT1M");
    assertThatThrownBy(
            () ->
                load(
                    DATASET.replace("title: Things\n", "title: Things\nsnapshot_every: PT1S\n"),
                    BOARD))
        .hasMessage(
            "datasets/things.yaml: snapshot_every: 'PT1S' must be between PT10S and P1D (one day)");
  }

  @Test
  void aSnapshotOfSqlThatReadsTheClockIsRefused() {
    String clocked =
        DATASET
            .replace("title: Things\n", "title: Things\nsnapshot_every: PT1M\n")
            .replace("n FROM t", "toInt64(now()) - toInt64(at) AS n FROM t");

    assertThatThrownBy(() -> load(clocked, BOARD))
        .hasMessageStartingWith(
            "datasets/things.yaml: snapshot_every: the sql reads the clock (now(), today())");
  }

  private static Definitions load(String dataset, String board) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("datasets/things.yaml", dataset);
    files.put("boards/board.yaml", board);
    return DefinitionLoader.load(files);
  }
}
