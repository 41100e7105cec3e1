package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The live list of targets at risk and breached ({@code open_sla_targets}) over ticket rows
 * rewritten between open and solved: only each ticket's latest row decides, although the dataset
 * narrows what FINAL merges to the tickets with any open row (its PREWHERE on the sorting key).
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSlaTargetsIT {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final long NOW = Instant.now().getEpochSecond();
  private static final long HOUR = 3600;

  private DashboardQueries queries;

  @BeforeAll
  void writeTicketRows(Warehouse warehouse) {
    // solved-now: open with a breached first response, then solved (the breach stays, the
    // ticket is no longer open)
    ticket(warehouse, "solved-now", "open", "breached", NOW - 5 * HOUR, "running", NOW + HOUR, 1);
    ticket(warehouse, "solved-now", "solved", "breached", NOW - 5 * HOUR, "achieved", 0, 2);
    // reopened: solved, then reopened with its resolution running and at risk for this deadline
    ticket(warehouse, "reopened", "solved", "achieved", 0, "achieved", 0, 1);
    ticket(warehouse, "reopened", "open", "achieved", 0, "running", NOW + 2 * HOUR, 2);
    alert(warehouse, "reopened", "resolution", NOW + 2 * HOUR);
    // breached-open: one row, open, first response breached
    ticket(warehouse, "breached-open", "open", "breached", NOW - HOUR, "running", NOW + HOUR, 1);
    // moved-deadline: the at-risk alert was for an earlier deadline of its running resolution
    ticket(warehouse, "moved-deadline", "open", "achieved", 0, "running", NOW + 3 * HOUR, 2);
    alert(warehouse, "moved-deadline", "resolution", NOW + HOUR);
    queries = new DashboardQueries(warehouse, DefinitionLoader.bundled(), TEHRAN);
  }

  @Test
  void onlyTheLatestRowOfATicketDecidesWhetherItsTargetsAreListedNow() {
    LocalDate today = LocalDate.now(TEHRAN);

    ChartResult result =
        queries.run("at_risk_and_breached", Filters.days(today.minusDays(1), today, today));

    assertThat(result.rows())
        .extracting(r -> r.get("ticket_id") + "/" + r.get("target") + "/" + r.get("state"))
        .containsExactly("breached-open/first_response/breached", "reopened/resolution/at_risk");
  }

  private static void ticket(
      Warehouse warehouse,
      String id,
      String status,
      String frStatus,
      long frDue,
      String resStatus,
      long resDue,
      long version) {
    long started = NOW - 10 * HOUR;
    // a target met before its deadline has no stored deadline, only its fulfilment
    long frFulfilled = frStatus.equals("achieved") ? started + 60 : 0;
    long resFulfilled = resStatus.equals("achieved") ? NOW - HOUR : 0;
    warehouse.execute(
        "INSERT INTO sla_tickets (ticket_id, policy, channel, team, priority, agent_id,"
            + " ticket_status, fr_status, fr_target_s, fr_started_at, fr_due_at, fr_fulfilled_at,"
            + " res_status, res_target_s, res_started_at, res_due_at, res_fulfilled_at, version)"
            + " VALUES (?, 'policy', 'chat', 'billing', 'high', 'a1', ?, ?, 3600, toDateTime(?),"
            + " toDateTime(?), toDateTime(?), ?, 86400, toDateTime(?), toDateTime(?),"
            + " toDateTime(?), ?)",
        List.of(
            id,
            status,
            frStatus,
            started,
            frDue,
            frFulfilled,
            resStatus,
            started,
            resDue,
            resFulfilled,
            version));
  }

  private static void alert(Warehouse warehouse, String ticket, String target, long due) {
    warehouse.execute(
        "INSERT INTO sla_alerts (alert_id, ticket_id, target, kind, at, due_at, policy, channel,"
            + " team, priority, agent_id) VALUES (?, ?, ?, 'at_risk', toDateTime(?),"
            + " toDateTime(?), 'policy', 'chat', 'billing', 'high', 'a1')",
        List.of(ticket + "-" + due, ticket, target, due - 1800, due));
  }
}
