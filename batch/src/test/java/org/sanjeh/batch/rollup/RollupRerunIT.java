package org.sanjeh.batch.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.batch.testing.Tickets.ticket;
import static org.sanjeh.batch.testing.Warehouses.command;
import static org.sanjeh.batch.testing.Warehouses.concat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.batch.BatchCommand;
import org.sanjeh.batch.testing.SparkTest;
import org.sanjeh.batch.testing.Warehouses;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import picocli.CommandLine;

/**
 * The rollup against the real ClickHouse: written once per key, and a re-run replaces the period.
 */
@ExtendWith(ClickHouseExtension.class)
class RollupRerunIT extends SparkTest {

  private static final String ROWS = "SELECT count() FROM kpi_daily";
  private static final String KEYS =
      "SELECT uniqExact(local_date, time_zone, dimension, dimension_value) FROM kpi_daily";

  private final Warehouse warehouse;

  RollupRerunIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  private int rollups(String from, String to) {
    return new CommandLine(new BatchCommand())
        .execute(
            concat(
                command(warehouse, "rollups"), "--from=" + from, "--to=" + to, "--time-zone=UTC"));
  }

  private long total(String counter, String day) {
    return warehouse.queryLong(
        "SELECT sum(%s) FROM kpi_daily FINAL WHERE dimension = 'all' AND local_date = '%s'"
            .formatted(counter, day));
  }

  @Test
  void reRunningAPeriodReplacesItsRowsAndNeverDuplicatesThem() {
    Warehouses.store(warehouse, KpiStories.all());
    assertThat(rollups("2026-11-02", "2026-11-04")).isZero();
    long rows = warehouse.queryLong(ROWS);
    assertThat(rows).isEqualTo(warehouse.queryLong(KEYS)).isPositive();
    assertThat(total("created", "2026-11-02")).isEqualTo(2);
    assertThat(total("backlog", "2026-11-02")).isEqualTo(2);

    // the same data again: the same rows, not twice as many (read without FINAL)
    assertThat(rollups("2026-11-02", "2026-11-04")).isZero();
    assertThat(warehouse.queryLong(ROWS)).isEqualTo(rows);

    // the history changes (t1 turns out to be spam, a new ticket arrives): the re-run's rows are
    // the whole truth for the period, and agent a1's rows, which it no longer has, are gone
    Warehouses.store(
        warehouse,
        List.of(
            ticket("t1").deleted("2026-11-05T08:00:00Z").events(),
            ticket("t9").team("sales").agent("a9").created("2026-11-03T09:00:00Z").events()));
    assertThat(rollups("2026-11-02", "2026-11-04")).isZero();
    assertThat(warehouse.queryLong(ROWS)).isEqualTo(warehouse.queryLong(KEYS));
    assertThat(total("created", "2026-11-02")).isEqualTo(1);
    assertThat(total("created", "2026-11-03")).isEqualTo(1);
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM kpi_daily WHERE dimension = 'agent' AND dimension_value = 'a1'"))
        .isZero();
  }

  @Test
  void aRunLeavesOtherPeriodsAlone() {
    Warehouses.store(warehouse, KpiStories.all());
    assertThat(rollups("2026-11-02", "2026-11-02")).isZero();
    long createdOnTheSecond = total("created", "2026-11-02");

    assertThat(rollups("2026-11-03", "2026-11-04")).isZero();

    assertThat(total("created", "2026-11-02")).isEqualTo(createdOnTheSecond).isPositive();
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM kpi_daily WHERE dimension = 'all' AND local_date = '2026-11-02'"))
        .isEqualTo(1);
  }
}
