package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Metric;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * The dataset snapshots against a real ClickHouse holding {@link Seed}'s warehouse and batch
 * tables: every chart over a snapshot dataset, and every list behind its numbers, answers exactly
 * as the dataset's SQL does (which DashboardQueriesIT and BatchDashboardsIT check against answers
 * computed from the seed), until the sources change; then the next refresh catches up.
 */
@ExtendWith(ClickHouseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetSnapshotsIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final List<Filters> FILTERS =
      List.of(
          Filters.days(Seed.FIRST_DAY, TODAY.plusDays(1), TODAY),
          Filters.days(TODAY.minusDays(1), TODAY, TODAY).withTeams("billing"),
          Filters.days(Seed.FIRST_DAY, TODAY, TODAY).withChannels("email", "chat"),
          Filters.days(Seed.FIRST_DAY, TODAY, TODAY)
              .withPriorities("high")
              .withMonths(MonthCalendar.JALALI));

  private final Definitions definitions = DefinitionLoader.bundled();
  private final Seed seed = new Seed();
  private Warehouse warehouse;
  private DatasetSnapshots snapshots;
  private DashboardQueries fromSql;
  private DashboardQueries fromSnapshots;

  @BeforeAll
  void seedAndSnapshot(Warehouse warehouse) {
    this.warehouse = warehouse;
    seed.writeTo(warehouse);
    snapshots = new DatasetSnapshots(warehouse, definitions, Seed.ZONE, Clock.systemUTC());
    for (Dataset dataset : snapshots.datasets()) {
      snapshots.refresh(dataset);
    }
    fromSql = new DashboardQueries(warehouse, definitions, Seed.ZONE);
    fromSnapshots = new DashboardQueries(warehouse, definitions, Seed.ZONE, snapshots);
  }

  @Test
  void theSurveySentimentAndModelDatasetsAreTakenAsSnapshotsAndTheLiveOnesAreNot() {
    assertThat(snapshots.datasets())
        .extracting(Dataset::id)
        .containsExactly(
            "churn_customers",
            "churn_tickets",
            "detractor_followups",
            "dissatisfaction",
            "survey_answers",
            "survey_low_scores",
            "ticket_sentiment");
    for (Dataset dataset : snapshots.datasets()) {
      assertThat(snapshots.taken(dataset.id()).orElseThrow().rows())
          .as(dataset.id())
          .isEqualTo(
              warehouse.queryLong("SELECT count() FROM (" + dataset.sql(Seed.ZONE) + ") AS d"))
          .isPositive();
    }
  }

  @Test
  void everyChartOverASnapshotReadsItsTableAndAnswersAsItsSqlDoes() {
    List<Chart> charts = snapshotCharts();
    assertThat(charts).hasSizeGreaterThan(10);
    for (Chart chart : charts) {
      assertThat(ChartQuery.build(definitions, chart, FILTERS.get(0), Seed.ZONE, snapshots).sql())
          .as(chart.id())
          .contains("FROM " + DatasetSnapshots.TABLE_PREFIX + chart.dataset() + " AS d");
      for (Filters filters : FILTERS) {
        assertSameRows(
            fromSnapshots.run(chart.id(), filters),
            fromSql.run(chart.id(), filters),
            chart.id() + " with " + filters);
      }
    }
  }

  @Test
  void theListsBehindTheNumbersOfASnapshotAreTheSqlsLists() {
    int drilled = 0;
    for (Chart chart : snapshotCharts()) {
      if (chart.raw()) {
        continue;
      }
      Filters filters = FILTERS.get(0);
      for (Map<String, Object> tile : fromSql.run(chart.id(), filters).rows()) {
        for (String name : chart.metrics()) {
          Metric metric = definitions.dataset(chart.dataset()).metric(name).orElseThrow();
          Map<String, Object> key = tileKey(chart, tile);
          if (metric.counts().isPresent()) {
            assertThat(fromSnapshots.drill(chart.id(), name, key, filters).rows())
                .as(chart.id() + " " + name + " at " + key)
                .isEqualTo(fromSql.drill(chart.id(), name, key, filters).rows());
            drilled++;
          }
          if (metric.isRate()) {
            DashboardQueries.RateDrill snapshot =
                fromSnapshots.drillRate(chart.id(), name, key, filters);
            DashboardQueries.RateDrill sql = fromSql.drillRate(chart.id(), name, key, filters);
            assertThat(snapshot.numerator().rows()).isEqualTo(sql.numerator().rows());
            assertThat(snapshot.denominator().rows()).isEqualTo(sql.denominator().rows());
            drilled++;
          }
        }
      }
    }
    assertThat(drilled).isGreaterThan(20);
  }

  @Test
  void aNewAnswerShowsAfterTheNextRefreshAndARefreshWithoutNewDataIsSkipped() {
    // a second set of snapshots over the same tables (the shared one stays as the others expect)
    DatasetSnapshots own =
        new DatasetSnapshots(warehouse, definitions, Seed.ZONE, Clock.systemUTC());
    Dataset answers = definitions.dataset("survey_answers");
    own.refresh(answers);
    DashboardQueries queries = new DashboardQueries(warehouse, definitions, Seed.ZONE, own);
    Filters all = FILTERS.get(0);
    long before = answered(queries, all);
    assertThat(own.refreshIfChanged(answers)).as("nothing new: skipped").isFalse();

    answerAnUnansweredInvitation();

    assertThat(answered(queries, all)).as("until refreshed").isEqualTo(before);
    assertThat(own.refreshIfChanged(answers)).as("a new answer: refreshed").isTrue();
    assertThat(answered(queries, all)).isEqualTo(before + 1);
    assertThat(queries.run("response_rate", all).rows())
        .isEqualTo(fromSql.run("response_rate", all).rows());
    // the shared snapshots catch up too, so the other tests compare them with the SQL of now
    for (Dataset dataset : snapshots.datasets()) {
      snapshots.refresh(dataset);
    }
  }

  @Test
  void untilItsFirstRefreshADatasetsChartsRunItsSql() {
    DatasetSnapshots fresh =
        new DatasetSnapshots(
            warehouse, definitions, Seed.ZONE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    Chart chart = definitions.chart("csat_over_time").orElseThrow();

    assertThat(fresh.tableOf("survey_answers")).isEmpty();
    assertThat(ChartQuery.build(definitions, chart, FILTERS.get(0), Seed.ZONE, fresh).sql())
        .doesNotContain(DatasetSnapshots.TABLE_PREFIX)
        .contains("FROM survey_invitations FINAL");
  }

  @Test
  void aRefreshReplacesASnapshotLeftByAnEarlierRunInPlace() {
    DatasetSnapshots later =
        new DatasetSnapshots(warehouse, definitions, Seed.ZONE, Clock.systemUTC());
    Dataset sentiment = definitions.dataset("ticket_sentiment");

    DatasetSnapshots.Taken taken = later.refresh(sentiment);

    assertThat(taken.table()).isEqualTo(DatasetSnapshots.TABLE_PREFIX + "ticket_sentiment");
    assertThat(warehouse.queryLong("SELECT count() FROM " + taken.table())).isEqualTo(taken.rows());
    assertThat(
            warehouse.queryLong(
                "SELECT count() FROM system.tables WHERE database = currentDatabase()"
                    + " AND name LIKE 'dashboard_snapshot_ticket_sentiment%'"))
        .as("no _next or _old table left")
        .isEqualTo(1);
  }

  @Test
  void aRefreshThatFailsKeepsThePreviousSnapshotAndTheOthersAreStillTaken() {
    warehouse.execute(
        "CREATE TABLE scratch_counts (at DateTime, team String, channel String, priority String,"
            + " n UInt32) ENGINE = MergeTree ORDER BY at");
    warehouse.execute(
        "INSERT INTO scratch_counts VALUES ('2026-11-29 10:00:00', 'billing', 'email', 'high', 3)");
    Definitions scratch = scratchDefinitions();
    DatasetSnapshots own = new DatasetSnapshots(warehouse, scratch, Seed.ZONE, Clock.systemUTC());
    own.refreshDue();
    DashboardQueries queries = new DashboardQueries(warehouse, scratch, Seed.ZONE, own);
    Filters all = FILTERS.get(0);
    List<Map<String, Object>> before = queries.run("total", all).rows();
    String table = own.tableOf("counts").orElseThrow();

    warehouse.execute("DROP TABLE scratch_counts");
    java.util.concurrent.atomic.AtomicReference<RuntimeException> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      own.refresh(scratch.dataset("counts"));
    } catch (RuntimeException e) {
      thrown.set(e);
    }

    assertThat(thrown.get()).as("the refresh of a dataset whose source is gone fails").isNotNull();
    assertThat(own.tableOf("counts")).contains(table);
    assertThat(queries.run("total", all).rows()).isEqualTo(before);
    assertThat(before).extracting(row -> row.get("total")).containsExactly(3L);
  }

  @Test
  void aSourceWithoutPartsHereSuchAsAClustersDistributedTableIsRefreshedEveryPeriod() {
    warehouse.execute(
        "CREATE TABLE scratch_counts_data (at DateTime, team String, channel String,"
            + " priority String, n UInt32) ENGINE = MergeTree ORDER BY at");
    warehouse.execute(
        "INSERT INTO scratch_counts_data VALUES ('2026-11-29 10:00:00', 'tech', 'chat', 'low', 2)");
    // a view keeps no parts, as a cluster's Distributed table keeps none on the server read
    warehouse.execute("CREATE VIEW scratch_counts AS SELECT * FROM scratch_counts_data");
    Definitions scratch = scratchDefinitions();
    DatasetSnapshots own = new DatasetSnapshots(warehouse, scratch, Seed.ZONE, Clock.systemUTC());
    Dataset counts = scratch.dataset("counts");

    own.refresh(counts);

    assertThat(own.sourcesNow(counts)).isEqualTo(DatasetSnapshots.UNKNOWN);
    assertThat(own.refreshIfChanged(counts)).as("changes cannot be seen: refreshed").isTrue();
    warehouse.execute("DROP TABLE scratch_counts");
    warehouse.execute("DROP TABLE scratch_counts_data");
  }

  /** One dataset over a scratch table, snapshot every 10 s, and a board with its total. */
  private static Definitions scratchDefinitions() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "datasets/counts.yaml",
        """
        id: counts
        title: Counts
        snapshot_every: PT10S
        sql: >-
          SELECT toDate(at, {business_timezone}) AS local_date, team, channel, priority, n
          FROM scratch_counts
        columns:
          - {name: local_date, type: Date, time: true}
          - {name: team, type: String}
          - {name: channel, type: String}
          - {name: priority, type: String}
          - {name: n, type: UInt32}
        metrics:
          - {name: total, title: Total, expression: "sum(n)"}
        """);
    files.put(
        "boards/board.yaml",
        """
        id: board
        title: Board
        charts:
          - {id: total, title: Total, kind: big_number, dataset: counts, metrics: [total]}
        layout:
          - [total]
        """);
    return DefinitionLoader.load(files);
  }

  private List<Chart> snapshotCharts() {
    List<Chart> charts = new ArrayList<>();
    for (Dashboard dashboard : definitions.dashboards()) {
      for (Chart chart : dashboard.charts()) {
        if (definitions.dataset(chart.dataset()).snapshotEvery().isPresent()) {
          charts.add(chart);
        }
      }
    }
    return charts;
  }

  /**
   * The same rows in the same order; floating-point figures to 1e-9 of each other (a sum over a
   * table's rows need not add them in the order the SQL's joins produced them).
   */
  private static void assertSameRows(ChartResult actual, ChartResult expected, String what) {
    assertThat(actual.rows()).as(what).hasSameSizeAs(expected.rows());
    for (int i = 0; i < expected.rows().size(); i++) {
      Map<String, Object> want = expected.rows().get(i);
      Map<String, Object> got = actual.rows().get(i);
      assertThat(got.keySet()).as(what).isEqualTo(want.keySet());
      for (Map.Entry<String, Object> value : want.entrySet()) {
        Object other = got.get(value.getKey());
        String where = what + ", row " + i + ", " + value.getKey();
        if (value.getValue() instanceof Double d && other instanceof Double o && !d.isNaN()) {
          assertThat(o).as(where).isCloseTo(d, within(1e-9 * Math.max(1, Math.abs(d))));
        } else {
          assertThat(other).as(where).isEqualTo(value.getValue());
        }
      }
    }
  }

  /** The tile's key as the viewer sends it: its time bucket and dimension values. */
  private static Map<String, Object> tileKey(Chart chart, Map<String, Object> row) {
    Map<String, Object> key = new LinkedHashMap<>();
    if (row.containsKey(DefinitionLoader.TIME_BUCKET)) {
      key.put(DefinitionLoader.TIME_BUCKET, row.get(DefinitionLoader.TIME_BUCKET));
    }
    for (String dimension : chart.dimensions()) {
      key.put(dimension, row.get(dimension));
    }
    return key;
  }

  /** The answered invitations behind the response rate: its numerator's list. */
  private static long answered(DashboardQueries queries, Filters filters) {
    return queries
        .drillRate("response_rate", "response_rate", Map.of(), filters)
        .numerator()
        .rows()
        .size();
  }

  private void answerAnUnansweredInvitation() {
    List<String> open =
        warehouse.query(
            "SELECT invitation_id FROM survey_invitations FINAL"
                + " WHERE invitation_id NOT IN (SELECT invitation_id FROM survey_responses)"
                + " ORDER BY invitation_id LIMIT 1",
            row -> row.getString(1));
    assertThat(open).as("the seed has an unanswered invitation").hasSize(1);
    warehouse.execute(
        "INSERT INTO survey_responses (invitation_id, kind, score, comment, reasons,"
            + " first_answered_at, answered_at, version)"
            + " SELECT invitation_id, kind, 5, '', [], invited_at + 3600, invited_at + 3600,"
            + " toUInt64(invited_at + 3600) * 1000 FROM survey_invitations FINAL"
            + " WHERE invitation_id = ?",
        List.of(open.get(0)));
  }
}
