package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The daily backlog (live service's {@code backlog_by_day}) on minute and quarter-hour rows written
 * as the streaming job writes them: the open tickets at the end of each local (Tehran) day, worked
 * out by hand from the deltas. Days are relative to the business's today, as the chart's are.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacklogHistoryIT {

  private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final LocalDate TODAY = LocalDate.now(TEHRAN);

  private DashboardQueries queries;

  @BeforeAll
  void writeMinutes(Warehouse warehouse) {
    // billing/email/normal: +2 three days ago (a stale copy of that minute said +50: FINAL hides
    // it), +1 two days ago at 02:00 Tehran (22:30 UTC the day before), -2 yesterday.
    // tech/chat/high: +3 two days ago, -1 today.
    insert(warehouse, local(3, 10, 0), "billing", "email", "normal", 50, 1);
    insert(warehouse, local(3, 10, 0), "billing", "email", "normal", 2, 2);
    insert(warehouse, local(2, 2, 0), "billing", "email", "normal", 1, 1);
    insert(warehouse, local(1, 15, 0), "billing", "email", "normal", -2, 1);
    insert(warehouse, local(2, 9, 0), "tech", "chat", "high", 3, 1);
    insert(warehouse, local(0, 0, 1), "tech", "chat", "high", -1, 1);
    queries = new DashboardQueries(warehouse, DefinitionLoader.bundled(), TEHRAN);
  }

  @Test
  void theBacklogAtTheEndOfEachLocalDayIsEveryDeltaUpToThatDaysEnd() {
    assertThat(backlog(Filters.days(TODAY.minusDays(3), TODAY, TODAY)))
        .containsExactly(
            Map.entry(TODAY.minusDays(3), 2L),
            Map.entry(TODAY.minusDays(2), 6L),
            Map.entry(TODAY.minusDays(1), 4L),
            Map.entry(TODAY, 3L));
  }

  @Test
  void aLaterDateFilterStillCountsTheTicketsOpenedBeforeIt() {
    assertThat(backlog(Filters.days(TODAY.minusDays(1), TODAY, TODAY)))
        .containsExactly(Map.entry(TODAY.minusDays(1), 4L), Map.entry(TODAY, 3L));
  }

  @Test
  void theTeamFilterKeepsOneTeamsBacklog() {
    assertThat(backlog(Filters.days(TODAY.minusDays(3), TODAY, TODAY).withTeams("billing")))
        .containsExactly(
            Map.entry(TODAY.minusDays(3), 2L),
            Map.entry(TODAY.minusDays(2), 3L),
            Map.entry(TODAY.minusDays(1), 1L),
            Map.entry(TODAY, 1L));
  }

  private Map<LocalDate, Long> backlog(Filters filters) {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    for (Map<String, Object> row : queries.run("backlog_by_day", filters).rows()) {
      days.put(
          (LocalDate) row.get("time_bucket"),
          ((Number) row.get("open_backlog_at_end")).longValue());
    }
    return days;
  }

  /** The UTC minute of {@code daysAgo} at a Tehran wall-clock time. */
  private static LocalDateTime local(int daysAgo, int hour, int minute) {
    return TODAY
        .minusDays(daysAgo)
        .atTime(hour, minute)
        .atZone(TEHRAN)
        .withZoneSameInstant(ZoneOffset.UTC)
        .toLocalDateTime();
  }

  private static void insert(
      Warehouse warehouse,
      LocalDateTime minute,
      String team,
      String channel,
      String priority,
      int delta,
      long version) {
    warehouse.execute(
        "INSERT INTO sla_minute (minute, channel, team, priority, agent_id, backlog_delta, version)"
            + " VALUES (toDateTime(?, 'UTC'), ?, ?, ?, 'a1', ?, ?)",
        List.of(SQL_TIME.format(minute), channel, team, priority, delta, version));
    // each of these minutes is the only one of its quarter hour and dimensions, so its quarter
    // row (what the chart reads) has the same delta and version
    warehouse.execute(
        "INSERT INTO sla_quarter (quarter, channel, team, priority, backlog_delta, version)"
            + " VALUES (toStartOfFifteenMinutes(toDateTime(?, 'UTC')), ?, ?, ?, ?, ?)",
        List.of(SQL_TIME.format(minute), channel, team, priority, delta, version));
  }
}
