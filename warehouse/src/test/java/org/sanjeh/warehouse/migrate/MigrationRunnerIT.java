package org.sanjeh.warehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

@ExtendWith(ClickHouseExtension.class)
class MigrationRunnerIT {

  private final Warehouse warehouse;

  MigrationRunnerIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void sanjehSchemaAppliesTwiceWithoutChange() {
    // The extension applied the schema once already; a second and third run change nothing.
    String before = schemaFingerprint();

    MigrationRunner.Report second =
        new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    MigrationRunner.Report third =
        new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());

    assertThat(second.applied()).isEmpty();
    assertThat(third.applied()).isEmpty();
    assertThat(second.alreadyApplied()).hasSameSizeAs(Migrations.sanjehSchema());
    assertThat(schemaFingerprint()).isEqualTo(before);
    assertThat(warehouse.queryLong("SELECT count() FROM schema_migrations"))
        .isEqualTo(Migrations.sanjehSchema().size());
  }

  @Test
  void createsTheTablesTheContractNeeds() {
    assertThat(tables()).contains("ticket_events", "ticket_messages", "dead_letters");
  }

  @Test
  void runsEveryStatementOfAMultiStatementFile() {
    Warehouse scratch = scratch("multi");
    Migration twoTables =
        Migration.of(
            "V1__two.sql",
            "CREATE TABLE a (x UInt8) ENGINE = MergeTree ORDER BY x;\n"
                + "-- a comment; with a semicolon\n"
                + "CREATE TABLE b (y String) ENGINE = MergeTree ORDER BY y;");

    new MigrationRunner(scratch).migrate(List.of(twoTables));

    assertThat(scratch.query("SHOW TABLES", row -> row.getString(1))).contains("a", "b");
  }

  @Test
  void refusesAMigrationThatChangedAfterItWasApplied() {
    Warehouse scratch = scratch("changed");
    new MigrationRunner(scratch)
        .migrate(
            List.of(
                Migration.of(
                    "V1__t.sql", "CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x")));

    Migration edited =
        Migration.of("V1__t.sql", "CREATE TABLE t (x UInt16) ENGINE = MergeTree ORDER BY x");

    assertThatThrownBy(() -> new MigrationRunner(scratch).migrate(List.of(edited)))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("V1__t.sql was changed after it was applied")
        .hasMessageContaining("new migration");
  }

  @Test
  void aFailingMigrationIsNotRecordedAndNamesTheStatement() {
    Warehouse scratch = scratch("failing");
    Migration broken =
        Migration.of(
            "V1__broken.sql",
            "CREATE TABLE IF NOT EXISTS ok (x UInt8) ENGINE = MergeTree ORDER BY x;"
                + "CREATE TABLE bad (x NoSuchType) ENGINE = MergeTree ORDER BY x;");

    assertThatThrownBy(() -> new MigrationRunner(scratch).migrate(List.of(broken)))
        .hasMessageContaining("V1__broken.sql failed at statement 2 of 2")
        .hasMessageContaining("NoSuchType");
    assertThat(scratch.queryLong("SELECT count() FROM schema_migrations")).isZero();
  }

  private Warehouse scratch(String name) {
    Warehouse scratch =
        Warehouse.connect(
            warehouse.config().withDatabase(warehouse.config().database() + "_" + name));
    scratch.execute("DROP TABLE IF EXISTS schema_migrations");
    return scratch;
  }

  private List<String> tables() {
    return warehouse.query("SHOW TABLES", row -> row.getString(1));
  }

  private String schemaFingerprint() {
    return String.join(
        "\n",
        warehouse.query(
            "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() ORDER BY name",
            row -> row.getString(1) + " " + row.getString(2)));
  }
}
