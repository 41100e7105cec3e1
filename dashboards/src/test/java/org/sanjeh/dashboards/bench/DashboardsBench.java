package org.sanjeh.dashboards.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanjeh.dashboards.definition.Chart;
import org.sanjeh.dashboards.definition.Dashboard;
import org.sanjeh.dashboards.definition.Dataset;
import org.sanjeh.dashboards.definition.DefinitionLoader;
import org.sanjeh.dashboards.definition.Definitions;
import org.sanjeh.dashboards.query.BoundQuery;
import org.sanjeh.dashboards.query.ChartQuery;
import org.sanjeh.dashboards.query.DatasetSnapshots;
import org.sanjeh.dashboards.query.Filters;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.migrate.SqlScript;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * The dashboards' speed: generated events loaded into a ClickHouse of the benchmark's own (its own
 * data folder, free ports, database {@value #DATABASE}), the dashboards' source tables derived from
 * them ({@code bench/derive.sql}, and the batch jobs' tables by {@code bench/derive-batch.sql}),
 * then every chart query of every dashboard run repeatedly, printing p50 and p95 per query; in the
 * same run, for the live figures that raw events can give, the same figure computed from {@code
 * ticket_events} by plain SQL (the baseline).
 */
public final class DashboardsBench {

  static final String DATABASE = "sanjeh_dashboards_bench";
  static final Instant START = Instant.parse("2026-10-02T00:00:00Z");
  static final int DAYS = 60;
  static final ZoneId ZONE = ZoneId.of("Asia/Tehran");
  private static final Pattern INSERT_INTO = Pattern.compile("INSERT INTO (\\w+)");

  /** The batch jobs' tables, filled by {@code bench/derive-batch.sql}. */
  static final List<String> BATCH_TABLES =
      List.of(
          "sentiment_messages",
          "sentiment_tickets",
          "churn_scores",
          "dissatisfaction_scores",
          "kpi_daily");

  /** Baselines: the same figure as the chart, from raw events by plain SQL. */
  static final Map<String, String> BASELINES =
      Map.of(
          "open_backlog",
          """
          SELECT count() FROM
          (SELECT ticket_id, argMaxIf(status, occurred_at, status != '') AS s
           FROM ticket_events GROUP BY ticket_id)
          WHERE s NOT IN ('solved', 'closed')""",
          "frt_today_vs_yesterday",
          """
          SELECT day, quantileExact(0.5)(frt), quantileExact(0.9)(frt), count() FROM
          (SELECT ticket_id, toDate(min(occurred_at), '%1$s') AS day,
                  minIf(occurred_at, event_type = 'agent_reply' AND author_role = 'agent')
                    - min(occurred_at) AS frt,
                  countIf(event_type = 'agent_reply' AND author_role = 'agent') AS replies
           FROM ticket_events GROUP BY ticket_id)
          WHERE replies > 0 AND day IN (toDate('%2$s') - 1, toDate('%2$s'))
          GROUP BY day ORDER BY day""",
          "volume_by_channel",
          """
          SELECT toStartOfFifteenMinutes(toDateTime(toString(occurred_at, '%1$s'))) AS b, channel,
                 count()
          FROM ticket_events
          WHERE event_type = 'ticket_created' AND local_date BETWEEN toDate('%3$s') AND toDate('%2$s')
          GROUP BY b, channel ORDER BY b, channel""",
          "team_and_agent",
          """
          SELECT team, agent_id, count(), countIf(s NOT IN ('solved', 'closed')) FROM
          (SELECT ticket_id, argMaxIf(team, occurred_at, team != '') AS team,
                  argMaxIf(agent_id, occurred_at, agent_id != '') AS agent_id,
                  argMaxIf(status, occurred_at, status != '') AS s,
                  toDate(min(occurred_at), '%1$s') AS day
           FROM ticket_events GROUP BY ticket_id)
          WHERE day BETWEEN toDate('%3$s') AND toDate('%2$s')
          GROUP BY team, agent_id ORDER BY team, agent_id""");

  private final Warehouse warehouse;
  private final Definitions definitions = DefinitionLoader.bundled();

  DashboardsBench(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** What {@link BenchCommand} asks for. */
  record Settings(Path home, long events, int runs, int days, boolean reuse) {}

  static int run(Settings settings) throws IOException {
    ClickHouseServer server = ClickHouseServer.start(settings.home(), 0, 0);
    try {
      Warehouse root = Warehouse.connect(ClickHouseExtension.config(server, "default"));
      root.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE);
      Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, DATABASE));
      DashboardsBench bench = new DashboardsBench(warehouse);
      bench.prepare(settings);
      bench.measure(settings);
      return 0;
    } finally {
      server.stop();
    }
  }

  void prepare(Settings settings) {
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    long stored = warehouse.queryLong("SELECT count() FROM ticket_events");
    if (settings.reuse() && stored == settings.events()) {
      System.out.printf(
          "reusing %,d events and their derived tables in %s (%s)%n",
          stored, DATABASE, settings.home());
      derive(true);
      return;
    }
    for (String table :
        List.of(
            "ticket_events",
            "ticket_messages",
            "sla_tickets",
            "sla_alerts",
            "sla_minute",
            "sla_quarter",
            "survey_invitations",
            "survey_responses",
            "survey_alerts")) {
      warehouse.execute("TRUNCATE TABLE " + table);
    }
    for (String table : BATCH_TABLES) {
      warehouse.execute("TRUNCATE TABLE " + table);
    }
    long began = System.nanoTime();
    SyntheticEvents events = new SyntheticEvents(14, settings.events(), START, DAYS);
    try (EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(100_000, Duration.ZERO, 400_000),
            ZONE,
            Clock.systemUTC())) {
      while (events.hasNext()) {
        writer.add(events.next());
      }
    }
    System.out.printf(
        "loaded %,d generated events in %.0f s%n",
        warehouse.queryLong("SELECT count() FROM ticket_events"), seconds(began));
    derive(false);
  }

  /**
   * Fills the dashboards' tables from the events with {@code bench/derive.sql}; with {@code
   * onlyEmpty}, only the tables still empty (a reused database from before a table was added).
   */
  private void derive(boolean onlyEmpty) {
    long began = System.nanoTime();
    long now = warehouse.queryLong("SELECT toUInt32(max(occurred_at)) FROM ticket_events");
    for (String statement : SqlScript.statements(resource("dashboards/bench/derive.sql"))) {
      Matcher insert = INSERT_INTO.matcher(statement);
      if (onlyEmpty
          && insert.find()
          && warehouse.queryLong("SELECT count() FROM " + insert.group(1)) > 0) {
        continue;
      }
      warehouse.execute(statement.replace("{now}", Long.toString(now)));
    }
    System.out.printf(
        "derived in %.0f s: %,d SLA rows, %,d alerts, %,d minute rows, %,d quarter-hour rows, %,d"
            + " invitations, %,d answers%n",
        seconds(began),
        warehouse.queryLong("SELECT count() FROM sla_tickets"),
        warehouse.queryLong("SELECT count() FROM sla_alerts"),
        warehouse.queryLong("SELECT count() FROM sla_minute"),
        warehouse.queryLong("SELECT count() FROM sla_quarter"),
        warehouse.queryLong("SELECT count() FROM survey_invitations"),
        warehouse.queryLong("SELECT count() FROM survey_responses"));
    // reused events whose batch tables are all empty (loaded before derive-batch.sql existed)
    if (!onlyEmpty
        || BATCH_TABLES.stream()
            .allMatch(t -> warehouse.queryLong("SELECT count() FROM " + t) == 0)) {
      deriveBatch();
    }
  }

  /**
   * What the batch jobs would write for the same data ({@code bench/derive-batch.sql}): without it
   * the Quality and Churn boards would be timed over empty tables. Also run on reused events whose
   * batch tables are all empty (a database loaded before the script existed).
   */
  private void deriveBatch() {
    long began = System.nanoTime();
    long now = warehouse.queryLong("SELECT toUInt32(max(occurred_at)) FROM ticket_events");
    for (String statement : SqlScript.statements(resource("dashboards/bench/derive-batch.sql"))) {
      warehouse.execute(
          statement.replace("{now}", Long.toString(now)).replace("{zone}", ZONE.getId()));
    }
    System.out.printf(
        "derived the batch tables in %.0f s: %,d sentiment messages, %,d sentiment tickets, %,d"
            + " churn scores, %,d dissatisfaction scores, %,d kpi_daily rows%n",
        seconds(began),
        warehouse.queryLong("SELECT count() FROM sentiment_messages"),
        warehouse.queryLong("SELECT count() FROM sentiment_tickets"),
        warehouse.queryLong("SELECT count() FROM churn_scores"),
        warehouse.queryLong("SELECT count() FROM dissatisfaction_scores"),
        warehouse.queryLong("SELECT count() FROM kpi_daily"));
  }

  private void measure(Settings settings) {
    LocalDate today =
        LocalDate.ofInstant(
            Instant.ofEpochSecond(
                warehouse.queryLong("SELECT toUInt32(max(occurred_at)) FROM ticket_events")),
            ZONE);
    LocalDate from = today.minusDays(settings.days() - 1L);
    Filters filters = Filters.days(from, today, today);
    System.out.printf(
        "%d runs per query after 2 warm-ups; filters: %s to %s (today %s, %s)%n",
        settings.runs(), from, today, today, ZONE);
    DatasetSnapshots snapshots =
        new DatasetSnapshots(warehouse, definitions, ZONE, Clock.systemUTC());
    for (Dataset dataset : snapshots.datasets()) {
      DatasetSnapshots.Taken taken = snapshots.refresh(dataset);
      System.out.printf(
          "snapshot of %-20s %,10d rows in %6.2f s (refreshed every %s while its sources change)%n",
          dataset.id(),
          taken.rows(),
          taken.took().toMillis() / 1000.0,
          dataset.snapshotEvery().orElseThrow());
    }
    System.out.printf(
        "%-28s %9s %9s   %-19s   %-34s%n",
        "query", "p50 ms", "p95 ms", "its SQL p50/p95", "baseline from raw events p50/p95");
    List<String> slow = new ArrayList<>();
    for (Dashboard dashboard : definitions.dashboards()) {
      for (Chart chart : dashboard.charts()) {
        BoundQuery query = ChartQuery.build(definitions, chart, filters, ZONE, snapshots);
        double[] times = time(query.sql(), query.parameters(), settings.runs());
        // a chart read from a snapshot: also its dataset's SQL, what a refresh or Superset runs
        String withoutSnapshot = "";
        if (snapshots.tableOf(chart.dataset()).isPresent()) {
          BoundQuery sql = ChartQuery.build(definitions, chart, filters, ZONE);
          double[] direct = time(sql.sql(), sql.parameters(), settings.runs());
          withoutSnapshot = "%9.1f %9.1f".formatted(percentile(direct, 50), percentile(direct, 95));
        }
        String baseline = "";
        String raw = BASELINES.get(chart.id());
        if (raw != null) {
          double[] base =
              time(raw.formatted(ZONE.getId(), today, from), List.of(), settings.runs());
          baseline = "%9.1f %9.1f".formatted(percentile(base, 50), percentile(base, 95));
        }
        double p95 = percentile(times, 95);
        System.out.printf(
            "%-28s %9.1f %9.1f   %-19s   %s%n",
            chart.id(), percentile(times, 50), p95, withoutSnapshot, baseline);
        if (p95 >= 300) {
          slow.add(chart.id());
        }
      }
    }
    System.out.println(
        slow.isEmpty()
            ? "every dashboard query: p95 < 300 ms"
            : "p95 >= 300 ms: " + String.join(", ", slow));
  }

  private double[] time(String sql, List<?> parameters, int runs) {
    for (int i = 0; i < 2; i++) {
      warehouse.query(sql, parameters, row -> null);
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      warehouse.query(sql, parameters, row -> null);
      times[i] = (System.nanoTime() - began) / 1e6;
    }
    return times;
  }

  static double percentile(double[] values, int percent) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double seconds(long began) {
    return (System.nanoTime() - began) / 1e9;
  }

  private static String resource(String name) {
    try (InputStream in = DashboardsBench.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
