package org.sanjeh.dashboards.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The benchmark's derived batch tables ({@code bench/derive-batch.sql}) at a small scale: the row
 * counts the batch jobs would write for the same generated events, each counted here from {@code
 * ticket_events} (not from the tables the script reads), and the reuse path that fills them when a
 * database loaded earlier has none.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsBenchIT {

  private static final long EVENTS = 20_000;

  private Warehouse warehouse;

  @BeforeAll
  void loadAndDerive(Warehouse warehouse) {
    this.warehouse = warehouse;
    new DashboardsBench(warehouse).prepare(new DashboardsBench.Settings(null, EVENTS, 1, 30, true));
  }

  @Test
  void sentimentHasARowPerCustomerMessageAndPerTicketWithOne() {
    String customerMessages =
        "FROM ticket_events WHERE author_role = 'customer'"
            + " AND event_type IN ('ticket_created', 'customer_message') AND has_message = 1";

    assertThat(count("sentiment_messages")).isEqualTo(one("SELECT count() " + customerMessages));
    assertThat(count("sentiment_tickets"))
        .isEqualTo(one("SELECT uniqExact(ticket_id) " + customerMessages))
        .isPositive();
    assertThat(
            one(
                "SELECT countIf(label NOT IN ('negative', 'neutral', 'positive')) FROM sentiment_tickets"))
        .isZero();
  }

  @Test
  void everyCustomerIsScoredForChurnOnEachOfThreeDaysWithAboutATenthHighRisk() {
    long customers =
        one("SELECT uniqExact(customer_id) FROM ticket_events WHERE customer_id != ''");

    assertThat(count("churn_scores")).isEqualTo(3 * customers);
    assertThat(one("SELECT uniqExact(as_of) FROM churn_scores")).isEqualTo(3);
    assertThat(one("SELECT uniqExact(customer_id, as_of) FROM churn_scores"))
        .isEqualTo(3 * customers);
    double high = one("SELECT countIf(risk_band = 'high') FROM churn_scores") / (3.0 * customers);
    assertThat(high).isBetween(0.05, 0.15);
  }

  @Test
  void dissatisfactionScoresTheTicketsOpenAtEachScoringDayOrSolvedInTheWeekBefore() {
    // the scoring days: the UTC days of the last event and the two before it
    LocalDate today =
        LocalDate.ofInstant(
            Instant.ofEpochSecond(one("SELECT toUInt32(max(occurred_at)) FROM ticket_events")),
            ZoneOffset.UTC);
    long expected = 0;
    for (LocalDate day : List.of(today.minusDays(2), today.minusDays(1), today)) {
      long start = day.toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
      expected +=
          one(
              """
              SELECT count() FROM
              (SELECT min(occurred_at) AS created,
                      maxIf(occurred_at, event_type IN ('resolved', 'closed')) AS solved
               FROM ticket_events GROUP BY ticket_id) AS t
              WHERE created < toDateTime(%1$d)
                AND (toUInt32(solved) = 0 OR solved >= toDateTime(%1$d - 7 * 86400))"""
                  .formatted(start));
    }

    assertThat(count("dissatisfaction_scores")).isEqualTo(expected).isPositive();
    assertThat(one("SELECT uniqExact(as_of) FROM dissatisfaction_scores")).isEqualTo(3);
  }

  @Test
  void theRollupsCountEveryTicketOnceInEachDimension() {
    long tickets = one("SELECT uniqExact(ticket_id) FROM ticket_events");
    long solves = one("SELECT countIf(event_type IN ('resolved', 'closed')) FROM ticket_events");

    for (String dimension : new String[] {"all", "channel", "team", "agent"}) {
      String where = " FROM kpi_daily FINAL WHERE dimension = '" + dimension + "'";
      assertThat(one("SELECT sum(created)" + where)).as(dimension).isEqualTo(tickets);
      assertThat(one("SELECT sum(solved)" + where)).as(dimension).isEqualTo(solves);
    }
    assertThat(one("SELECT uniqExact(dimension_value) FROM kpi_daily WHERE dimension = 'all'"))
        .isEqualTo(1);
  }

  @Test
  void reusedEventsWithoutBatchTablesGetThemWithoutReloading() {
    long sentiment = count("sentiment_tickets");
    long events = count("ticket_events");
    for (String table : DashboardsBench.BATCH_TABLES) {
      warehouse.execute("TRUNCATE TABLE " + table);
    }

    new DashboardsBench(warehouse).prepare(new DashboardsBench.Settings(null, events, 1, 30, true));

    assertThat(count("sentiment_tickets")).isEqualTo(sentiment);
    for (String table : DashboardsBench.BATCH_TABLES) {
      assertThat(count(table)).as(table).isPositive();
    }
  }

  private long count(String table) {
    return one("SELECT count() FROM " + table);
  }

  private long one(String sql) {
    return warehouse.queryLong(sql);
  }
}
