package org.sanjeh.batch.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sanjeh.batch.testing.SparkTest;

class KpiRollupTest extends SparkTest {

  private static final DailyFacts UTC_DAYS =
      new DailyFacts(
          ZoneOffset.UTC, LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-04"), null);

  /** "day dimension value: created solved solved_tickets fcr zero_reply reopened backlog". */
  private static List<String> rollup(String dimension) {
    return KpiRollup.rollup(KpiRollup.facts(spark, UTC_DAYS, KpiStories.all()), "UTC", 7)
        .collectAsList()
        .stream()
        .filter(r -> r.getAs("dimension").equals(dimension))
        .map(KpiRollupTest::line)
        .sorted()
        .collect(Collectors.toList());
  }

  private static String line(Row r) {
    StringBuilder s =
        new StringBuilder(r.getAs("local_date").toString())
            .append(' ')
            .append((String) r.getAs("dimension_value"))
            .append(':');
    for (String counter : KpiRollup.COUNTERS) {
      s.append(' ').append((long) r.getAs(counter));
    }
    return s.toString();
  }

  @Test
  void totalsPerDayMatchTheHandCountedStories() {
    assertThat(rollup("all"))
        .containsExactly(
            // created solved solved_tickets fcr zero_reply reopened backlog
            "2026-11-02 : 2 1 1 1 0 0 2",
            "2026-11-03 : 0 2 2 0 1 1 1",
            "2026-11-04 : 1 1 0 0 0 0 0");
  }

  @Test
  void perTeamRowsSplitTheSameCounts() {
    assertThat(rollup("team"))
        .containsExactly(
            "2026-11-02 billing: 1 1 1 1 0 0 1",
            "2026-11-02 support: 1 0 0 0 0 0 1",
            "2026-11-03 billing: 0 1 1 0 1 0 0",
            "2026-11-03 support: 0 1 1 0 0 1 1",
            "2026-11-04 support: 1 1 0 0 0 0 0");
  }

  @Test
  void everyRowCarriesTheTimeZoneTheSnapshotInstantAndTheRunVersion() {
    Row row =
        KpiRollup.rollup(KpiRollup.facts(spark, UTC_DAYS, KpiStories.all()), "UTC", 7)
            .filter("dimension = 'all' AND local_date = DATE'2026-11-02'")
            .first();

    assertThat((String) row.getAs("time_zone")).isEqualTo("UTC");
    assertThat(row.getAs("backlog_at").toString()).isEqualTo("2026-11-03T00:00:00Z");
    assertThat((long) row.getAs("version")).isEqualTo(7L);
  }
}
