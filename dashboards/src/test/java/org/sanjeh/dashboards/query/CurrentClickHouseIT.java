package org.sanjeh.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.definition.Metric;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.Migration;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.migrate.SqlScript;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * Portability: every migration (as the runner splits them, in migrations.txt order, so new ones are
 * covered by themselves) and every dashboard query (each chart under two filter sets, each
 * drill-down list of each tile, both lists of each rate) runs on a current ClickHouse (chdb, 26.x),
 * and on {@link Seed}'s data it answers what ClickHouse 18.16 answers with bound parameters.
 * Skipped, saying so, only when npm cannot reach its registry to install chdb.
 */
@ExtendWith(ClickHouseExtension.class)
class CurrentClickHouseIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final List<Filters> FILTERS =
      List.of(
          Filters.days(Seed.FIRST_DAY, TODAY, TODAY),
          Filters.days(TODAY.minusDays(1), TODAY, TODAY)
              .withTeams("billing")
              .withChannels("email", "chat")
              .withPriorities("normal", "high"));

  /** seconds_to_due is measured from now(): the two servers run it moments apart. */
  private static final double NOW_SLACK_SECONDS = 600;

  private static final java.util.Comparator<List<String>> ROWS =
      java.util.Comparator.comparing(row -> String.join("\t", row));

  @Test
  void everyMigrationAndDashboardQueryRunsOnCurrentClickHouseWithTheAnswersOf18_16(
      Warehouse warehouse) throws Exception {
    CurrentClickHouse chdb = CurrentClickHouse.installed(Path.of("target", "chdb"));
    Seed seed = new Seed();
    seed.writeTo(warehouse);
    DashboardQueries queries =
        new DashboardQueries(warehouse, DefinitionLoader.bundled(), Seed.ZONE);

    List<Map.Entry<String, String>> statements = new ArrayList<>();
    for (Migration migration : Migrations.sanjehSchema()) {
      List<String> parts = SqlScript.statements(migration.script());
      for (int i = 0; i < parts.size(); i++) {
        statements.add(entry(migration.name() + " statement " + (i + 1), parts.get(i)));
      }
    }
    int migrationStatements = statements.size();
    List<String> inserts = seed.inserts();
    for (int i = 0; i < inserts.size(); i++) {
      statements.add(entry("seed " + (i + 1), inserts.get(i)));
    }
    Map<String, List<List<String>>> expected = new LinkedHashMap<>();
    collectQueries(warehouse, queries, statements, expected);
    collectSnapshots(warehouse, statements, expected);

    Map<String, CurrentClickHouse.Result> results = chdb.run(statements);

    assertThat(results.get("version()").text()).as("chdb's ClickHouse").startsWith("26.");
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> statement : statements) {
      CurrentClickHouse.Result result = results.get(statement.getKey());
      if (result == null || !result.ok()) {
        failures.add(
            statement.getKey()
                + ": "
                + (result == null ? "no result" : result.error())
                + "\n  SQL: "
                + statement.getValue().replace("\n", "\n       "));
      }
    }
    assertThat(failures).as("statements failing on ClickHouse 26.x").isEmpty();
    assertThat(migrationStatements).isGreaterThan(30);
    assertThat(expected).hasSizeGreaterThan(50);
    for (Map.Entry<String, List<List<String>>> query : expected.entrySet()) {
      List<List<String>> current = CurrentClickHouse.rows(results.get(query.getKey()).text());
      if (!query.getKey().startsWith("chart ")) {
        // a list is ordered by ticket only: rows of one ticket may come in any order
        current.sort(ROWS);
        query.getValue().sort(ROWS);
      }
      assertSameAnswer(query.getKey(), query.getValue(), current);
    }
  }

  /** Every chart, drill-down and rate list: its inlined SQL to run and 18.16's answer to match. */
  private static void collectQueries(
      Warehouse warehouse,
      DashboardQueries queries,
      List<Map.Entry<String, String>> statements,
      Map<String, List<List<String>>> expected) {
    Definitions definitions = DefinitionLoader.bundled();
    for (int f = 0; f < FILTERS.size(); f++) {
      Filters filters = FILTERS.get(f);
      for (Dashboard dashboard : definitions.dashboards()) {
        for (Chart chart : dashboard.charts()) {
          String id = "chart " + chart.id() + " filters " + f;
          BoundQuery query = ChartQuery.build(definitions, chart, filters, Seed.ZONE);
          add(warehouse, id, query, statements, expected);
          if (chart.raw()) {
            continue;
          }
          Dataset dataset = definitions.dataset(chart.dataset());
          for (Map<String, Object> row : queries.run(chart.id(), filters).rows()) {
            Map<String, Object> tile = new LinkedHashMap<>();
            chart.dimensions().forEach(d -> tile.put(d, row.get(d)));
            if (row.containsKey(DefinitionLoader.TIME_BUCKET)) {
              tile.put(DefinitionLoader.TIME_BUCKET, row.get(DefinitionLoader.TIME_BUCKET));
            }
            for (String name : chart.metrics()) {
              Metric metric = dataset.metric(name).orElseThrow();
              String tileId = id + " " + name + " at " + tile;
              if (metric.counts().isPresent()) {
                add(
                    warehouse,
                    "drill " + tileId,
                    DrillQuery.build(
                        definitions, chart, name, tile, filters, Seed.ZONE, SnapshotTables.NONE),
                    statements,
                    expected);
              }
              if (metric.isRate()) {
                for (boolean numerator : new boolean[] {true, false}) {
                  add(
                      warehouse,
                      (numerator ? "numerator " : "denominator ") + tileId,
                      DrillQuery.rate(
                          definitions,
                          chart,
                          name,
                          tile,
                          filters,
                          Seed.ZONE,
                          SnapshotTables.NONE,
                          numerator),
                      statements,
                      expected);
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * Every dataset snapshot taken (twice: the second replaces the first in one RENAME), and every
   * chart over it with the first filters, 18.16's answers from its own snapshots.
   */
  private static void collectSnapshots(
      Warehouse warehouse,
      List<Map.Entry<String, String>> statements,
      Map<String, List<List<String>>> expected) {
    Definitions definitions = DefinitionLoader.bundled();
    DatasetSnapshots snapshots =
        new DatasetSnapshots(warehouse, definitions, Seed.ZONE, java.time.Clock.systemUTC());
    for (Dataset dataset : snapshots.datasets()) {
      for (boolean exists : new boolean[] {false, true}) {
        List<String> refresh = DatasetSnapshots.refreshStatements(dataset, Seed.ZONE, exists);
        for (int i = 0; i < refresh.size(); i++) {
          statements.add(
              entry("snapshot " + dataset.id() + " " + exists + " " + (i + 1), refresh.get(i)));
        }
      }
      snapshots.refresh(dataset);
    }
    for (Dashboard dashboard : definitions.dashboards()) {
      for (Chart chart : dashboard.charts()) {
        if (snapshots.tableOf(chart.dataset()).isPresent()) {
          add(
              warehouse,
              "chart " + chart.id() + " from its snapshot",
              ChartQuery.build(definitions, chart, FILTERS.get(0), Seed.ZONE, snapshots),
              statements,
              expected);
        }
      }
    }
  }

  private static void add(
      Warehouse warehouse,
      String id,
      BoundQuery query,
      List<Map.Entry<String, String>> statements,
      Map<String, List<List<String>>> expected) {
    statements.add(entry(id, CurrentClickHouse.inline(query.sql(), query.parameters())));
    int columns = query.outputColumns().size();
    expected.put(
        id,
        warehouse.query(
            query.sql(),
            query.parameters(),
            row -> {
              List<String> fields = new ArrayList<>();
              for (int i = 1; i <= columns; i++) {
                fields.add(row.getString(i));
              }
              return fields;
            }));
  }

  private static void assertSameAnswer(
      String id, List<List<String>> old, List<List<String>> current) {
    assertThat(current).as(id + ": rows").hasSameSizeAs(old);
    for (int r = 0; r < old.size(); r++) {
      List<String> a = old.get(r);
      List<String> b = current.get(r);
      assertThat(b).as(id + ": row " + r + " columns").hasSameSizeAs(a);
      for (int c = 0; c < a.size(); c++) {
        String where = id + ": row " + r + " column " + c + " (18.16 " + a + ", 26.x " + b + ")";
        assertThat(sameValue(a.get(c), b.get(c), id.contains("at_risk_and_breached")))
            .as(where)
            .isTrue();
      }
    }
  }

  /** Equal text, or equal numbers (float printing differs between versions; nan is nan). */
  private static boolean sameValue(String a, String b, boolean measuredFromNow) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    if (a.equals(b)) {
      return true;
    }
    try {
      double x = Double.parseDouble(a);
      double y = Double.parseDouble(b);
      double slack = measuredFromNow ? NOW_SLACK_SECONDS : 1e-9 * Math.max(1, Math.abs(x));
      return Math.abs(x - y) <= slack;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map.Entry<String, String> entry(String id, String sql) {
    return new AbstractMap.SimpleImmutableEntry<>(id, sql);
  }
}
