package org.sanjeh.warehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * V010 and V011 move the survey answers and alerts to partitions by invitation: rows written in the
 * old, month-partitioned shape survive, and the versions of one answer that the old shape kept
 * apart in two months collapse into the latest (SELECT … FINAL merged them at every query; the
 * merges on disk never did, so every reader without FINAL counted them twice).
 */
@ExtendWith(ClickHouseExtension.class)
class SurveyPartitionsMigrationIT {

  private final Warehouse warehouse;

  SurveyPartitionsMigrationIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void rowsWrittenInTheMonthPartitionedShapeSurviveAndCollapseAcrossMonths() {
    Warehouse old = OlderSchema.scratch(warehouse, "before_v10");
    new MigrationRunner(old).migrate(OlderSchema.upTo(9));
    old.execute(
        "INSERT INTO survey_responses VALUES"
            + " ('inv-a', 'csat', 2, 'slow', ['speed'], '2026-05-31 23:00:00', '2026-05-31 23:00:00', 1780268400000),"
            + " ('inv-a', 'csat', 5, 'slow', ['speed'], '2026-06-01 01:00:00', '2026-06-01 01:00:00', 1780275600000),"
            + " ('inv-b', 'nps', 10, '', [], '2026-04-02 08:00:00', '2026-04-02 08:00:00', 1775116800000)");
    old.execute(
        "INSERT INTO survey_alerts VALUES"
            + " ('inv-a', 'csat', 2, 'slow', 1, '2026-05-31 23:00:00', 1780268400000),"
            + " ('inv-a', 'csat', 5, 'slow', 0, '2026-06-01 01:00:00', 1780275600000),"
            + " ('inv-c', 'nps', 3, 'rude', 1, '2026-03-03 09:00:00', 1772528400000)");
    assertThat(rowsAfterMerges(old, "survey_alerts", "inv-a"))
        .as("the old shape keeps both months' rows: merges never cross partitions")
        .isEqualTo(2);

    MigrationRunner.Report report = new MigrationRunner(old).migrate(Migrations.sanjehSchema());

    assertThat(report.applied())
        .extracting(Migration::version)
        .as("applied after V009; later migrations may follow")
        .startsWith(10, 11);
    assertThat(
            old.query(
                "SELECT invitation_id, score, comment FROM survey_responses FINAL ORDER BY invitation_id",
                row -> row.getString(1) + " " + row.getInt(2) + " " + row.getString(3)))
        .containsExactly("inv-a 5 slow", "inv-b 10 ");
    assertThat(
            old.query(
                "SELECT invitation_id, score, detractor FROM survey_alerts FINAL ORDER BY invitation_id",
                row -> row.getString(1) + " " + row.getInt(2) + " " + row.getInt(3)))
        .containsExactly("inv-a 5 0", "inv-c 3 1");
    assertThat(rowsAfterMerges(old, "survey_alerts", "inv-a")).isEqualTo(1);
    assertThat(rowsAfterMerges(old, "survey_responses", "inv-a")).isEqualTo(1);
    assertThat(old.query("SHOW TABLES", row -> row.getString(1)))
        .noneMatch(table -> table.contains("_v10") || table.contains("_v11"));
  }

  /**
   * The rows an invitation has once every merge ran: what a reader without FINAL (a dashboard, a
   * plain count) sees.
   */
  private static long rowsAfterMerges(Warehouse warehouse, String table, String invitation) {
    warehouse.execute("OPTIMIZE TABLE " + table + " FINAL");
    return warehouse.queryLong(
        "SELECT count() FROM " + table + " WHERE invitation_id = '" + invitation + "'");
  }
}
