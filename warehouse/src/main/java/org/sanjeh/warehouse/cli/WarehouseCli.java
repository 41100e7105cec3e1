package org.sanjeh.warehouse.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sanjeh.core.cli.Commands;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import picocli.CommandLine.Command;

/**
 * {@code ./sanjeh warehouse migrate|counts}. Connection settings come from the {@code
 * SANJEH_CLICKHOUSE_*} environment (see {@link WarehouseConfig#fromEnvironment}).
 */
@Command(
    name = "warehouse",
    description = "The ClickHouse schema and what is stored (ClickHouse must be running).",
    mixinStandardHelpOptions = true,
    subcommands = {WarehouseCli.Migrate.class, WarehouseCli.Counts.class})
public final class WarehouseCli {

  public static void main(String[] args) {
    Commands.main(new WarehouseCli(), args);
  }

  @Command(
      name = "migrate",
      description = "Apply the schema migrations that are not applied yet.",
      mixinStandardHelpOptions = true)
  static final class Migrate implements Callable<Integer> {
    @Override
    public Integer call() {
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
  }

  @Command(
      name = "counts",
      description = "Count the stored events, messages, dead letters and tickets.",
      mixinStandardHelpOptions = true)
  static final class Counts implements Callable<Integer> {
    @Override
    public Integer call() {
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
  }

  static Warehouse connect() {
    return Warehouse.connect(WarehouseConfig.fromEnvironment(System.getenv()));
  }
}
