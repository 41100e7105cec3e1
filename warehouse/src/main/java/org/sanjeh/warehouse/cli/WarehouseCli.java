package org.sanjeh.warehouse.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.sample.SyntheticEvents;
import org.sanjeh.warehouse.server.ClickHouseServer;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * The warehouse commands behind {@code ./sanjeh}: run a local server, migrate, load a sample,
 * count, benchmark. Connection settings come from the {@code SANJEH_CLICKHOUSE_*} environment (see
 * {@link WarehouseConfig#fromEnvironment}).
 */
public final class WarehouseCli {

  private static final String USAGE =
      """
      usage: warehouse server start|stop|status --home DIR [--http-port N] [--tcp-port N]
             warehouse migrate
             warehouse load-sample [--events N] [--seed S] [--days D]
             warehouse counts
             warehouse bench [--events N] [--batch-size N]
      """;

  private WarehouseCli() {}

  public static void main(String[] args) {
    try {
      System.exit(run(List.of(args)));
    } catch (WarehouseException | IOException | IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  static int run(List<String> args) throws IOException {
    if (args.isEmpty()) {
      System.err.print(USAGE);
      return 2;
    }
    Map<String, String> options = options(args.subList(1, args.size()));
    return switch (args.get(0)) {
      case "server" -> server(args, options);
      case "migrate" -> migrate();
      case "load-sample" -> loadSample(options);
      case "counts" -> counts();
      case "bench" -> WarehouseBench.run(connect(), options);
      default -> {
        System.err.print("unknown command '" + args.get(0) + "'\n" + USAGE);
        yield 2;
      }
    };
  }

  private static int server(List<String> args, Map<String, String> options) throws IOException {
    if (args.size() < 2 || !options.containsKey("home")) {
      System.err.print(USAGE);
      return 2;
    }
    Path home = Path.of(options.get("home"));
    switch (args.get(1)) {
      case "start" -> {
        ClickHouseServer server =
            ClickHouseServer.start(
                home,
                Integer.parseInt(options.getOrDefault("http-port", "0")),
                Integer.parseInt(options.getOrDefault("tcp-port", "0")));
        System.out.printf(
            "ClickHouse running: pid %d, http://127.0.0.1:%d (native port %d), data in %s%n",
            server.pid(), server.httpPort(), server.tcpPort(), server.home().resolve("data"));
        return 0;
      }
      case "stop" -> {
        boolean stopped = ClickHouseServer.stop(home);
        System.out.println(stopped ? "ClickHouse stopped" : "ClickHouse was not running");
        return 0;
      }
      case "status" -> {
        Optional<ClickHouseServer> server = ClickHouseServer.find(home);
        if (server.isEmpty()) {
          System.out.println("ClickHouse is not running under " + home);
          return 3;
        }
        System.out.printf(
            "ClickHouse is running: pid %d, http://127.0.0.1:%d%n",
            server.get().pid(), server.get().httpPort());
        return 0;
      }
      default -> {
        System.err.print(USAGE);
        return 2;
      }
    }
  }

  private static int migrate() {
    Warehouse warehouse = connect();
    MigrationRunner.Report report =
        MigrationRunner.fromEnvironment(warehouse, System.getenv())
            .migrate(Migrations.sanjehSchema());
    report.applied().forEach(m -> System.out.println("applied  " + m.name()));
    System.out.printf(
        "schema up to date in %s: %d applied now, %d already applied%n",
        warehouse.config().describe(), report.applied().size(), report.alreadyApplied().size());
    return 0;
  }

  private static int loadSample(Map<String, String> options) {
    Warehouse warehouse = connect();
    long events = Long.parseLong(options.getOrDefault("events", "20000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "7"));
    int days = Integer.parseInt(options.getOrDefault("days", "30"));
    Instant start =
        Instant.now()
            .minus(java.time.Duration.ofDays(days))
            .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    SyntheticEvents sample = new SyntheticEvents(seed, events, start, days);
    Progress progress = new Progress("loading sample events", events);
    try (EventWriter writer =
        new EventWriter(
            warehouse, BatchedWriter.Settings.DEFAULTS, businessZone(), Clock.systemUTC())) {
      while (sample.hasNext()) {
        writer.add(sample.next());
        progress.step();
      }
    }
    progress.done();
    return 0;
  }

  private static int counts() {
    Warehouse warehouse = connect();
    for (String table : List.of("ticket_events", "ticket_messages", "dead_letters")) {
      String finalClause = table.equals("dead_letters") ? "" : " FINAL";
      System.out.printf(
          "%-16s %,12d rows%n",
          table, warehouse.queryLong("SELECT count() FROM " + table + finalClause));
    }
    System.out.printf(
        "%-16s %,12d%n",
        "tickets", warehouse.queryLong("SELECT uniqExact(ticket_id) FROM ticket_events"));
    return 0;
  }

  static Warehouse connect() {
    return Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv()));
  }

  static ZoneId businessZone() {
    return ZoneId.of(System.getenv().getOrDefault("SANJEH_BUSINESS_TIMEZONE", "UTC"));
  }

  static Map<String, String> options(List<String> args) {
    return CliOptions.parse(args);
  }
}
