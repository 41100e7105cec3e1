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
    assertThat(query.parameters())
        .containsExactly("2026-11-24", "2026-11-30", "billing", "tech", "chat");
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

    assertThat(query.parameters()).containsExactly("2026-11-29", "2026-11-30");
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
