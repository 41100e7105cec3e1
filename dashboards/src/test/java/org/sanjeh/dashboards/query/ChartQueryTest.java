package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;

class ChartQueryTest {

  private static final Definitions DEFINITIONS = DefinitionLoader.bundled();
  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

  @Test
  void filterValuesBecomeParametersInAStableOrder() {
    Filters filters =
        Filters.days(DAY.minusDays(6), DAY, DAY).withTeams("tech", "billing").withChannels("chat");

    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("team_and_agent").orElseThrow(),
            filters,
            ZoneId.of("Asia/Tehran"));

    assertThat(query.sql())
        .contains("local_date >= toDate(?) AND local_date <= toDate(?)")
        .contains("team IN (?, ?)")
        .contains("channel IN (?)")
        .contains("toDate(fr_started_at, 'Asia/Tehran')")
        .doesNotContain("billing")
        .doesNotContain("tech'");
    // the same values twice: inside the dataset (its inner_filters) first, then outside
    assertThat(query.parameters())
        .containsExactly(
            "2026-11-23 00:00:00",
            "2026-12-02 00:00:00",
            "billing",
            "tech",
            "chat",
            "2026-11-24",
            "2026-11-30",
            "billing",
            "tech",
            "chat");
    assertThat(query.outputColumns()).startsWith("team", "agent_id");
  }

  @Test
  void tiesInAChartsOrderAreBrokenByItsGroupingOrItsTicketSoEveryServerAnswersAlike() {
    Filters filters = Filters.days(DAY.minusDays(6), DAY, DAY);
    ZoneId zone = ZoneId.of("Asia/Tehran");

    BoundQuery grouped =
        ChartQuery.build(
            DEFINITIONS, DEFINITIONS.chart("churn_drivers").orElseThrow(), filters, zone);
    BoundQuery rows =
        ChartQuery.build(
            DEFINITIONS, DEFINITIONS.chart("tickets_to_rescue").orElseThrow(), filters, zone);

    assertThat(grouped.sql())
        .endsWith("ORDER BY at_risk_customers_with_driver DESC, driver\nLIMIT 20");
    assertThat(rows.sql()).endsWith("ORDER BY probability DESC, ticket_id\nLIMIT 50");
  }

  @Test
  void todayAndYesterdayIgnoresTheFilterDays() {
    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("frt_today_vs_yesterday").orElseThrow(),
            Filters.days(DAY.minusDays(30), DAY.minusDays(20), DAY),
            ZoneId.of("UTC"));

    assertThat(query.parameters())
        .containsExactly("2026-11-28 00:00:00", "2026-12-02 00:00:00", "2026-11-29", "2026-11-30");
  }

  @Test
  void aChartOfTheStateNowTakesNoDateFilter() {
    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("open_backlog").orElseThrow(),
            Filters.days(DAY, DAY, DAY),
            ZoneId.of("UTC"));

    assertThat(query.parameters()).isEmpty();
    assertThat(query.sql()).doesNotContain("toDate(?)");
  }

  @Test
  void aDatasetTakesTheFiltersInsideTooBoundBeforeTheOuterOnes() {
    Filters filters =
        Filters.days(DAY.minusDays(6), DAY, DAY).withTeams("tech").withPriorities("high", "low");

    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("volume_by_channel").orElseThrow(),
            filters,
            ZoneId.of("Asia/Tehran"));

    // inside: the quarter hours of those local days, a day wider each side, and the same values
    assertThat(query.sql())
        .contains(
            "FROM sla_quarter FINAL\nWHERE (quarter) >= toDateTime(?, 'UTC')"
                + " AND (quarter) < toDateTime(?, 'UTC') AND (team) IN (?) AND (priority) IN (?, ?)")
        .contains("WHERE local_date >= toDate(?) AND local_date <= toDate(?)");
    assertThat(query.parameters())
        .containsExactly(
            "2026-11-23 00:00:00",
            "2026-12-02 00:00:00",
            "tech",
            "high",
            "low",
            "2026-11-24",
            "2026-11-30",
            "tech",
            "high",
            "low");
  }

  @Test
  void aDatasetWithoutAFilterInsideGetsEveryRowThere() {
    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("open_backlog").orElseThrow(),
            Filters.days(DAY, DAY, DAY),
            ZoneId.of("UTC"));

    assertThat(query.sql()).contains("WHERE toUInt32(fr_started_at) > 0 AND 1\n");
    assertThat(query.sql()).doesNotContain("{inner_filters}");
  }

  @Test
  void theBacklogsRunningSumTakesNoDaysInside() {
    BoundQuery query =
        ChartQuery.build(
            DEFINITIONS,
            DEFINITIONS.chart("backlog_by_day").orElseThrow(),
            Filters.days(DAY.minusDays(6), DAY, DAY).withChannels("chat"),
            ZoneId.of("UTC"));

    assertThat(query.sql()).contains("FROM sla_quarter FINAL\n        WHERE (channel) IN (?)\n");
    assertThat(query.parameters()).containsExactly("chat", "2026-11-24", "2026-11-30", "chat");
  }

  @Test
  void aDrillDownTakesTheSameInnerFiltersAsItsNumber() {
    Filters filters = Filters.days(DAY.minusDays(6), DAY, DAY).withTeams("tech");
    var chart = DEFINITIONS.chart("team_and_agent").orElseThrow();

    BoundQuery drill =
        DrillQuery.build(
            DEFINITIONS,
            chart,
            "tickets",
            java.util.Map.of("team", "tech", "agent_id", "a-1"),
            filters,
            ZoneId.of("UTC"),
            SnapshotTables.NONE);

    assertThat(drill.sql()).contains("AND (fr_started_at) >= toDateTime(?, 'UTC')");
    assertThat(drill.parameters())
        .startsWith("2026-11-23 00:00:00", "2026-12-02 00:00:00", "tech", "2026-11-24");
  }

  @Test
  void filtersRefuseReversedOrEndlessRangesAndTooManyValues() {
    assertThatThrownBy(() -> Filters.days(DAY, DAY.minusDays(1), DAY))
        .hasMessage("date filter: from 2026-11-30 is after to 2026-11-29");
    assertThatThrownBy(() -> Filters.days(DAY.minusDays(1000), DAY, DAY))
        .hasMessage("date filter: 2024-03-05 to 2026-11-30 is longer than 1000 days");
    Set<String> many = new HashSet<>();
    for (int i = 0; i < 101; i++) {
      many.add("team" + i);
    }
    assertThatThrownBy(() -> new Filters(DAY, DAY, many, Set.of(), Set.of(), DAY))
        .hasMessage("team filter: 101 values, at most 100");
    assertThatThrownBy(
            () ->
                Filters.days(DAY, DAY, DAY)
                    .withChannels(String.join("", Collections.nCopies(201, "x"))))
        .hasMessage("channel filter: values must have 1 to 200 characters");
  }
}
