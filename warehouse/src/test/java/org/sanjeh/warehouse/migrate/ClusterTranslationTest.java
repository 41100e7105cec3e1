package org.sanjeh.warehouse.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClusterTranslationTest {

  private static final ClusterLayout CLUSTER = new ClusterLayout("sanjeh", 2, 2);

  private static final Pattern CREATE_ANY =
      Pattern.compile(
          "CREATE TABLE (?:IF NOT EXISTS )?db\\.(\\w+) ON CLUSTER sanjeh (.*)", Pattern.DOTALL);
  private static final Pattern DISTRIBUTED =
      Pattern.compile("AS db\\.(\\w+) ENGINE = Distributed\\(sanjeh, db, (\\w+), (.+)\\)");
  private static final Pattern DROP =
      Pattern.compile("DROP TABLE (?:IF EXISTS )?db\\.(\\w+) ON CLUSTER sanjeh");
  private static final Pattern RENAME_PAIR = Pattern.compile("db\\.(\\w+) TO db\\.(\\w+)");

  @Test
  void everyShippedMigrationHasAClusterFormWhoseStatementsAllRunOnTheCluster() {
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    for (Migration migration : Migrations.sanjehSchema()) {
      List<String> statements = translation.translate(migration);

      assertThat(statements).as(migration.name()).isNotEmpty();
      assertThat(statements)
          .as(migration.name() + ": DDL runs ON CLUSTER, inserts go through Distributed tables")
          .allMatch(s -> s.startsWith("INSERT INTO") || s.contains(" ON CLUSTER sanjeh"));
      assertThat(statements)
          .as(migration.name() + ": no table keeps a single-server engine")
          .noneMatch(s -> s.matches("(?s).*ENGINE = (Replacing)?MergeTree.*"));
    }
  }

  @Test
  void theClusterSchemaEndsWithADistributedTableInFrontOfEveryTableOfTheSingleServerSchema() {
    Map<String, String> singleServer = singleServerTables();
    Map<String, String> cluster = clusterTables();

    Map<String, String> distributedTargets = new TreeMap<>();
    Map<String, String> localEngines = new TreeMap<>();
    cluster.forEach(
        (table, definition) -> {
          Matcher distributed = DISTRIBUTED.matcher(definition);
          if (distributed.find()) {
            distributedTargets.put(table, distributed.group(2));
          } else {
            localEngines.put(table, definition);
          }
        });

    assertThat(distributedTargets.keySet()).isEqualTo(singleServer.keySet());
    distributedTargets.forEach(
        (table, target) -> {
          assertThat(target).isEqualTo(table + "_local");
          assertThat(localEngines).containsKey(target);
          String singleEngine = engine(singleServer.get(table));
          assertThat(engine(localEngines.get(target)))
              .as(table)
              .isEqualTo("Replicated" + singleEngine);
        });
    assertThat(localEngines.keySet()).allMatch(name -> name.endsWith("_local"));
  }

  @Test
  void shardsEachTableByTheFirstColumnOfTheKeyItCollapsesOn() {
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    Map<String, String> keys = new LinkedHashMap<>();
    for (Migration migration : Migrations.sanjehSchema()) {
      for (String statement : translation.translate(migration)) {
        Matcher create = CREATE_ANY.matcher(statement);
        Matcher distributed = DISTRIBUTED.matcher(statement);
        if (create.matches() && distributed.find()) {
          keys.put(create.group(1), distributed.group(3));
        }
      }
    }

    assertThat(keys)
        .containsEntry("ticket_events", "cityHash64(ticket_id)")
        .containsEntry("ticket_messages", "cityHash64(ticket_id)")
        .containsEntry("sla_tickets", "cityHash64(ticket_id)")
        .containsEntry("sla_alerts", "cityHash64(ticket_id)")
        .containsEntry("survey_responses", "cityHash64(invitation_id)")
        .containsEntry("customer_identities", "cityHash64(identity)")
        .containsEntry("sla_minute", "cityHash64(minute)")
        .containsEntry("sla_quarter", "cityHash64(quarter)");
  }

  @Test
  void aReplacingTableBecomesReplicatedWithItsVersionColumnAndAPathPerShard() {
    List<String> statements =
        new ClusterTranslation(CLUSTER, "db")
            .translate(
                "CREATE TABLE IF NOT EXISTS t (id String, v UInt64) ENGINE = ReplacingMergeTree(v)"
                    + " PARTITION BY cityHash64(id) % 4 ORDER BY (id, v)");

    assertThat(statements)
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS db.t_local ON CLUSTER sanjeh (id String, v UInt64) ENGINE ="
                + " ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/db/t_local',"
                + " '{replica}', v) PARTITION BY cityHash64(id) % 4 ORDER BY (id, v)",
            "CREATE TABLE IF NOT EXISTS db.t ON CLUSTER sanjeh AS db.t_local ENGINE ="
                + " Distributed(sanjeh, db, t_local, cityHash64(id))");
  }

  @Test
  void aNewColumnReachesTheShardsBeforeTheDistributedTableIsMadeAgainButADeleteOnlyTheShards() {
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    translation.translate("CREATE TABLE t (id String, y UInt8) ENGINE = MergeTree ORDER BY id");

    assertThat(translation.translate("ALTER TABLE t ADD COLUMN x UInt8 AFTER y"))
        .containsExactly(
            "ALTER TABLE db.t_local ON CLUSTER sanjeh ADD COLUMN x UInt8 AFTER y",
            "DROP TABLE IF EXISTS db.t ON CLUSTER sanjeh",
            "CREATE TABLE IF NOT EXISTS db.t ON CLUSTER sanjeh AS db.t_local ENGINE ="
                + " Distributed(sanjeh, db, t_local, cityHash64(id))");
    assertThat(translation.translate("ALTER TABLE t DELETE WHERE source = 'web-form'"))
        .containsExactly(
            "ALTER TABLE db.t_local ON CLUSTER sanjeh DELETE WHERE source = 'web-form'");
  }

  @Test
  void aSwapOfTablesRenamesTheShardsTablesAndPutsNewDistributedTablesInFrontWithTheMovedKeys() {
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    translation.translate("CREATE TABLE old (a String) ENGINE = MergeTree ORDER BY a");
    translation.translate("CREATE TABLE fresh (b String) ENGINE = MergeTree ORDER BY (b, a)");

    List<String> statements = translation.translate("RENAME TABLE old TO before, fresh TO old");

    assertThat(statements)
        .containsExactly(
            "DROP TABLE IF EXISTS db.old ON CLUSTER sanjeh",
            "DROP TABLE IF EXISTS db.fresh ON CLUSTER sanjeh",
            "RENAME TABLE db.old_local TO db.before_local, db.fresh_local TO db.old_local ON CLUSTER sanjeh",
            "CREATE TABLE IF NOT EXISTS db.before ON CLUSTER sanjeh AS db.before_local ENGINE ="
                + " Distributed(sanjeh, db, before_local, cityHash64(a))",
            "CREATE TABLE IF NOT EXISTS db.old ON CLUSTER sanjeh AS db.old_local ENGINE ="
                + " Distributed(sanjeh, db, old_local, cityHash64(b))");
  }

  @Test
  void refusesAStatementItHasNoClusterFormForNamingTheMigration() {
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    Migration view =
        Migration.of(
            "V099__view.sql",
            "CREATE MATERIALIZED VIEW v TO t AS SELECT ticket_id FROM ticket_events");

    assertThatThrownBy(() -> translation.translate(view))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("V099__view.sql")
        .hasMessageContaining("cluster sanjeh")
        .hasMessageContaining("CREATE MATERIALIZED VIEW v");
  }

  @Test
  void refusesATableWithoutASortingColumnToShardBy() {
    assertThatThrownBy(
            () ->
                new ClusterTranslation(CLUSTER, "db")
                    .translate("CREATE TABLE t (a String) ENGINE = MergeTree ORDER BY tuple()"))
        .hasMessageContaining("table t has no ORDER BY starting with a column");
  }

  @Test
  void readsTheClusterFromTheEnvironmentAndDefaultsToOneServer() {
    assertThat(ClusterLayout.fromEnvironment(Map.of())).isEmpty();
    assertThat(
            ClusterLayout.fromEnvironment(
                Map.of(
                    "SANJEH_CLICKHOUSE_CLUSTER", "cx",
                    "SANJEH_CLICKHOUSE_CLUSTER_SHARDS", "3",
                    "SANJEH_CLICKHOUSE_CLUSTER_REPLICAS", "2")))
        .contains(new ClusterLayout("cx", 3, 2));
    assertThatThrownBy(
            () ->
                ClusterLayout.fromEnvironment(
                    Map.of(
                        "SANJEH_CLICKHOUSE_CLUSTER",
                        "cx",
                        "SANJEH_CLICKHOUSE_CLUSTER_SHARDS",
                        "two")))
        .hasMessageContaining("SANJEH_CLICKHOUSE_CLUSTER_SHARDS='two'");
    assertThatThrownBy(
            () -> ClusterLayout.fromEnvironment(Map.of("SANJEH_CLICKHOUSE_CLUSTER", "a-b")))
        .hasMessageContaining("SANJEH_CLICKHOUSE_CLUSTER='a-b'");
  }

  /** Table name → its CREATE statement, after every migration ran on one server. */
  private static Map<String, String> singleServerTables() {
    Map<String, String> tables = new TreeMap<>();
    for (Migration migration : Migrations.sanjehSchema()) {
      for (String statement : SqlScript.statements(migration.script())) {
        track(tables, statement, "", "");
      }
    }
    return tables;
  }

  private static Map<String, String> clusterTables() {
    Map<String, String> tables = new TreeMap<>();
    ClusterTranslation translation = new ClusterTranslation(CLUSTER, "db");
    for (Migration migration : Migrations.sanjehSchema()) {
      for (String statement : translation.translate(migration)) {
        track(tables, statement, "db\\.", " ON CLUSTER sanjeh");
      }
    }
    return tables;
  }

  private static void track(Map<String, String> tables, String statement, String db, String on) {
    Matcher create =
        Pattern.compile(
                "CREATE TABLE (?:IF NOT EXISTS )?" + db + "(\\w+)" + Pattern.quote(on) + "(.*)",
                Pattern.DOTALL)
            .matcher(statement);
    Matcher drop =
        Pattern.compile("DROP TABLE (?:IF EXISTS )?" + db + "(\\w+).*").matcher(statement);
    if (create.matches()) {
      tables.putIfAbsent(create.group(1), create.group(2));
    } else if (drop.matches()) {
      tables.remove(drop.group(1));
    } else if (statement.startsWith("RENAME TABLE")) {
      Matcher pair = Pattern.compile(db + "(\\w+) TO " + db + "(\\w+)").matcher(statement);
      Map<String, String> moved = new LinkedHashMap<>();
      List<String> sources = new ArrayList<>();
      while (pair.find()) {
        moved.put(pair.group(2), tables.get(pair.group(1)));
        sources.add(pair.group(1));
      }
      sources.forEach(tables::remove);
      tables.putAll(moved);
    }
  }

  private static String engine(String definition) {
    Matcher engine = Pattern.compile("ENGINE\\s*=\\s*(\\w+)").matcher(definition);
    assertThat(engine.find()).as(definition).isTrue();
    return engine.group(1);
  }
}
