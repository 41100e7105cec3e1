package org.sanjeh.streaming.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.streaming.metrics.Dimensions;
import org.sanjeh.streaming.metrics.FrtHistogram;
import org.sanjeh.streaming.metrics.MinuteAggregate;
import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.sla.TargetRow;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;

/** Each output row type round-trips through its ClickHouse table; the newest version wins. */
@ExtendWith(ClickHouseExtension.class)
class SlaTablesIT {

  static final long AT = 1_767_600_000_000L; // 2026-01-05T08:00:00Z

  @Test
  void ticketRowsKeepTheNewestVersion(Warehouse warehouse) {
    write(
        warehouse,
        SlaTables.Tickets.ROWS.tables(),
        List.of(update(AT, "running"), update(AT + 60_000, "achieved")));

    assertThat(
            warehouse.query(
                "SELECT fr_status, toUnixTimestamp(fr_due_at), fr_business_s, nr_longest_s"
                    + " FROM sla_tickets FINAL",
                row ->
                    row.getString(1)
                        + " "
                        + row.getLong(2)
                        + " "
                        + row.getDouble(3)
                        + " "
                        + row.getDouble(4)))
        .containsExactly("achieved " + (AT / 1000 + 3600) + " 90.5 -0.0".replace("-0.0", "0.0"));
  }

  @Test
  void alertsAndMinutesRoundTrip(Warehouse warehouse) {
    SlaAlert alert = new SlaAlert();
    alert.alertId = "a1";
    alert.ticketId = "T-1";
    alert.target = "first_response";
    alert.kind = SlaAlert.BREACHED;
    alert.at = AT + 123;
    alert.dueAt = AT;
    alert.policy = "p";
    alert.dimensions = Dimensions.of("chat", "billing", "high", "A-1");
    write(warehouse, SlaTables.Alerts.ROWS.tables(), List.of(alert, alert));

    MinuteAggregate minute = new MinuteAggregate();
    minute.minute = AT;
    minute.dimensions = Dimensions.of("chat", "", "", "");
    minute.firstResponses = 2;
    minute.frtHistogram[FrtHistogram.bucket(30_000)] = 2;
    minute.backlogDelta = -3;
    minute.version = 2;
    write(warehouse, SlaTables.Aggregates.MINUTES.tables(), List.of(minute));

    assertThat(
            warehouse.query(
                "SELECT kind, at_ms, team FROM sla_alerts FINAL",
                row -> row.getString(1) + " " + row.getInt(2) + " " + row.getString(3)))
        .containsExactly("breached 123 billing");
    assertThat(
            warehouse.query(
                "SELECT first_responses, arraySum(frt_counts), toString(frt_buckets), backlog_delta FROM sla_minute FINAL",
                row ->
                    row.getInt(1)
                        + " "
                        + row.getInt(2)
                        + " "
                        + row.getString(3)
                        + " "
                        + row.getInt(4)))
        .containsExactly("2 2 [" + FrtHistogram.bucket(30_000) + "] -3");
  }

  @Test
  void quarterHourRowsHaveNoAgentAndKeepTheNewestVersion(Warehouse warehouse) {
    MinuteAggregate older = quarter(1, 1);
    MinuteAggregate newer = quarter(3, 2);
    newer.frtSumMs = 150_500;
    newer.frtHistogram[FrtHistogram.bucket(30_000)] = 1;
    newer.frtHistogram[FrtHistogram.bucket(120_500)] = 1;
    write(warehouse, SlaTables.Aggregates.QUARTERS.tables(), List.of(newer));
    write(warehouse, SlaTables.Aggregates.QUARTERS.tables(), List.of(older));

    assertThat(
            warehouse.query(
                "SELECT toUnixTimestamp(quarter), channel, team, priority, created, frt_sum_s,"
                    + " toString(frt_buckets), toString(frt_counts), backlog_delta, version"
                    + " FROM sla_quarter FINAL",
                row ->
                    String.join(
                        " ",
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getString(8),
                        row.getString(9),
                        row.getString(10))))
        .containsExactly(
            "%d chat billing high 3 150.5 [%d,%d] [1,1] -3 2"
                .formatted(AT / 1000, FrtHistogram.bucket(30_000), FrtHistogram.bucket(120_500)));
  }

  static MinuteAggregate quarter(int created, long version) {
    MinuteAggregate q = new MinuteAggregate();
    q.minute = AT;
    q.dimensions = Dimensions.of("chat", "billing", "high", "");
    q.created = created;
    q.backlogDelta = -3;
    q.version = version;
    return q;
  }

  static SlaUpdate update(long asOf, String status) {
    SlaUpdate u = new SlaUpdate();
    u.ticketId = "T-1";
    u.asOf = asOf;
    u.version = asOf * 1000;
    u.policy = "p";
    u.dimensions = Dimensions.of("chat", "", "", "");
    u.customerTier = "";
    u.ticketStatus = "open";
    u.firstResponse = target(status);
    u.nextResponse = target("not_started");
    u.resolution = target("running");
    return u;
  }

  static TargetRow target(String status) {
    TargetRow t = new TargetRow();
    t.status = status;
    t.targetSeconds = 3600;
    t.startedAt = AT;
    t.dueAt = AT + 3_600_000;
    t.businessMs = 90_500;
    t.calendarMs = 90_500;
    return t;
  }

  static <T> void write(Warehouse warehouse, List<BatchedWriter.Table<T>> tables, List<T> rows) {
    try (BatchedWriter<T> writer =
        new BatchedWriter<>(
            warehouse,
            tables,
            row -> java.util.Optional.empty(),
            (row, reason) -> {
              throw new AssertionError(reason);
            },
            new BatchedWriter.Settings(100, Duration.ZERO, 1000))) {
      rows.forEach(writer::add);
    }
  }
}
