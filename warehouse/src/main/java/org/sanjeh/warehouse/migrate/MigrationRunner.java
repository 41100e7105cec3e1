package org.sanjeh.warehouse.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;

/**
 * Applies versioned migrations in order and records each in {@code schema_migrations}.
 *
 * <p>Idempotent: an applied migration is skipped. A migration whose text changed after it was
 * applied is refused: schema changes go into a new migration. A migration that fails half-way is
 * not recorded and runs again from its first statement next time, so every statement must be safe
 * to repeat ({@code CREATE … IF NOT EXISTS}, {@code ADD COLUMN IF NOT EXISTS}).
 *
 * <p>On a cluster ({@link ClusterLayout}) the same files are applied in their cluster form ({@link
 * ClusterTranslation}): replicated tables on every server and a {@code Distributed} table in front
 * of each, under the names the single-server schema uses.
 */
public final class MigrationRunner {

  static final String HISTORY_TABLE = "schema_migrations";

  private static final String HISTORY_COLUMNS =
      "(version UInt32, name String, checksum String, applied_at DateTime)";

  private final Warehouse warehouse;
  private final Optional<ClusterLayout> cluster;

  /** For one server. */
  public MigrationRunner(Warehouse warehouse) {
    this(warehouse, Optional.empty());
  }

  /** For the servers of {@code cluster}, reached through {@code warehouse} (any one of them). */
  public MigrationRunner(Warehouse warehouse, Optional<ClusterLayout> cluster) {
    this.warehouse = warehouse;
    this.cluster = cluster;
  }

  /**
   * One server, or the cluster named by {@code SANJEH_CLICKHOUSE_CLUSTER} (see {@link
   * ClusterLayout}).
   */
  public static MigrationRunner fromEnvironment(Warehouse warehouse, Map<String, String> env) {
    return new MigrationRunner(warehouse, ClusterLayout.fromEnvironment(env));
  }

  /** What a run did. */
  public record Report(List<Migration> applied, List<Migration> alreadyApplied) {}

  public Report migrate(List<Migration> migrations) {
    Optional<ClusterTranslation> translation =
        cluster.map(layout -> new ClusterTranslation(layout, warehouse.config().database()));
    translation.ifPresent(this::prepareCluster);
    createHistoryTable(translation);
    Map<Integer, AppliedMigration> history = history();
    refuseChangedMigrations(migrations, history);
    List<Migration> applied = new ArrayList<>();
    List<Migration> skipped = new ArrayList<>();
    for (Migration migration : migrations) {
      // Translated even when applied: the translation learns the tables' sharding keys.
      List<String> statements =
          translation.isPresent()
              ? translation.get().translate(migration)
              : SqlScript.statements(migration.script());
      if (history.containsKey(migration.version())) {
        skipped.add(migration);
      } else {
        apply(migration, statements);
        applied.add(migration);
      }
    }
    return new Report(applied, skipped);
  }

  private void prepareCluster(ClusterTranslation translation) {
    new ClusterCheck(warehouse, cluster.orElseThrow()).refuseMismatch();
    warehouse.execute(translation.createDatabase());
  }

  private void apply(Migration migration, List<String> statements) {
    for (int i = 0; i < statements.size(); i++) {
      try {
        warehouse.execute(statements.get(i));
      } catch (WarehouseException e) {
        throw new WarehouseException(
            "migration %s failed at statement %d of %d; nothing was recorded, fix the file and run again: %s"
                .formatted(migration.name(), i + 1, statements.size(), e.getMessage()),
            e);
      }
    }
    warehouse.execute(
        "INSERT INTO %s (version, name, checksum, applied_at) VALUES (%d, '%s', '%s', now())"
            .formatted(HISTORY_TABLE, migration.version(), migration.name(), migration.checksum()));
  }

  private void refuseChangedMigrations(
      List<Migration> migrations, Map<Integer, AppliedMigration> history) {
    for (Migration migration : migrations) {
      AppliedMigration applied = history.get(migration.version());
      if (applied != null && !applied.checksum().equals(migration.checksum())) {
        throw new WarehouseException(
            ("migration %s was changed after it was applied to %s (applied as %s). Applied"
                    + " migrations are history: restore the file and put the change in a new"
                    + " migration with a higher version.")
                .formatted(migration.name(), warehouse.config().describe(), applied.name()));
      }
    }
  }

  private void createHistoryTable(Optional<ClusterTranslation> translation) {
    warehouse.execute(
        translation.isPresent()
            ? translation.get().historyTable(HISTORY_TABLE, HISTORY_COLUMNS, "version")
            : "CREATE TABLE IF NOT EXISTS "
                + HISTORY_TABLE
                + " "
                + HISTORY_COLUMNS
                + " ENGINE = MergeTree ORDER BY version");
  }

  private Map<Integer, AppliedMigration> history() {
    return warehouse
        .query(
            "SELECT version, name, checksum FROM " + HISTORY_TABLE + " ORDER BY version",
            row -> new AppliedMigration(row.getInt(1), row.getString(2), row.getString(3)))
        .stream()
        .collect(Collectors.toMap(AppliedMigration::version, Function.identity(), (a, b) -> a));
  }

  private record AppliedMigration(int version, String name, String checksum) {}
}
