package org.sanjeh.warehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * V020 creates {@code sla_quarter} and fills it from what the streaming job had written into {@code
 * sla_minute} before: without that, an upgraded warehouse's volume chart would start empty and its
 * daily backlog (a running sum from the first day) would count only the tickets moved after the
 * upgrade.
 */
@ExtendWith(ClickHouseExtension.class)
class SlaQuarterMigrationIT {

  private final Warehouse warehouse;

  SlaQuarterMigrationIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void theNewestMinuteRowsWrittenBeforeAreSummedPerQuarterHourWithoutTheAgent() {
    Warehouse old = OlderSchema.scratch(warehouse, "before_v20");
    new MigrationRunner(old).migrate(OlderSchema.upTo(19));
    old.execute(
        "INSERT INTO sla_minute (minute, channel, team, priority, agent_id, created,"
            + " first_responses, frt_sum_s, frt_buckets, frt_counts, solved, backlog_delta, version)"
            + " VALUES"
            + " ('2026-06-01 10:00:00', 'chat', 'billing', 'high', 'a1', 50, 0, 0, [], [], 0, 50, 1),"
            + " ('2026-06-01 10:00:00', 'chat', 'billing', 'high', 'a1', 2, 0, 0, [], [], 0, 2, 2),"
            + " ('2026-06-01 10:07:00', 'chat', 'billing', 'high', 'a2', 1, 1, 30.5, [21], [1], 0, 1, 2),"
            + " ('2026-06-01 10:14:00', 'chat', 'billing', 'high', 'a2', 0, 2, 60, [21, 30], [1, 1], 1, -1, 3),"
            + " ('2026-06-01 10:14:00', 'chat', 'tech', 'high', 'a3', 1, 0, 0, [], [], 0, 1, 1),"
            + " ('2026-06-01 10:15:00', 'chat', 'billing', 'high', 'a1', 1, 0, 0, [], [], 0, 1, 1)");

    MigrationRunner.Report report = new MigrationRunner(old).migrate(Migrations.sanjehSchema());

    assertThat(report.applied()).extracting(Migration::version).startsWith(20);
    assertThat(
            old.query(
                "SELECT toString(quarter), team, created, first_responses, frt_sum_s,"
                    + " toString(frt_buckets), toString(frt_counts), solved, backlog_delta, version"
                    + " FROM sla_quarter FINAL ORDER BY quarter, team",
                row -> {
                  StringBuilder text = new StringBuilder();
                  for (int i = 1; i <= 10; i++) {
                    text.append(i == 1 ? "" : " ").append(row.getString(i));
                  }
                  return text.toString();
                }))
        .containsExactly(
            "2026-06-01 10:00:00 billing 3 3 90.5 [21,30] [2,1] 1 2 7",
            "2026-06-01 10:00:00 tech 1 0 0 [] [] 0 1 1",
            "2026-06-01 10:15:00 billing 1 0 0 [] [] 0 1 1");
  }
}
