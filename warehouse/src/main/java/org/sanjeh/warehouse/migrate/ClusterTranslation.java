package org.sanjeh.warehouse.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the single-server migrations into their cluster form, so that one set of files stays the
 * only source of truth for the schema. Each table {@code t} of a migration becomes a replicated
 * table {@code t_local} on every server ({@code ON CLUSTER}) and a {@code Distributed} table {@code
 * t} in front of it: every writer and query keeps using the name {@code t}.
 *
 * <p>The sharding key is a hash of the first column of the table's {@code ORDER BY}: a prefix of
 * the key that ReplacingMergeTree collapses on, so all copies of a row land on the same shard and
 * {@code FINAL} on each shard gives the same rows as on one server (and a ticket's rows stay
 * together). Statement kinds it does not know are refused, naming the migration, so a new kind of
 * migration cannot reach a cluster untranslated.
 *
 * <p>Stateful: it remembers each table's sharding key from its {@code CREATE}, for the renames of
 * later migrations. Feed it every migration in version order, applied or not.
 */
final class ClusterTranslation {

  static final String LOCAL_SUFFIX = "_local";

  private static final Pattern CREATE =
      Pattern.compile(
          "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s*(\\(.*\\))\\s*"
              + "ENGINE\\s*=\\s*(\\w*MergeTree)\\s*(?:\\(([^)]*)\\))?(.*)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern FIRST_ORDER_COLUMN =
      Pattern.compile("ORDER\\s+BY\\s*\\(?\\s*(\\w+)\\b(?!\\s*\\()", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALTER =
      Pattern.compile(
          "ALTER\\s+TABLE\\s+(\\w+)\\s+(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ALTER_ROWS =
      Pattern.compile("(DELETE|UPDATE)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ALTER_COLUMNS =
      Pattern.compile(
          "(ADD|DROP|MODIFY|COMMENT)\\s+COLUMN\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern RENAME =
      Pattern.compile("RENAME\\s+TABLE\\s+(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern RENAME_PAIR =
      Pattern.compile("\\s*(\\w+)\\s+TO\\s+(\\w+)\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP =
      Pattern.compile(
          "DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern INSERT =
      Pattern.compile("INSERT\\s+INTO\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final ClusterLayout cluster;
  private final String database;
  private final Map<String, String> shardingKeys = new HashMap<>();

  ClusterTranslation(ClusterLayout cluster, String database) {
    this.cluster = cluster;
    this.database = database;
  }

  /** The statements that give {@code migration}'s effect on the cluster, in order. */
  List<String> translate(Migration migration) {
    List<String> translated = new ArrayList<>();
    for (String statement : SqlScript.statements(migration.script())) {
      try {
        translated.addAll(translate(statement));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "migration %s cannot run on cluster %s: %s"
                .formatted(migration.name(), cluster.name(), e.getMessage()),
            e);
      }
    }
    return translated;
  }

  /** The replicated history table, one copy on every server of every shard. */
  String historyTable(String table, String columns, String orderBy) {
    return "CREATE TABLE IF NOT EXISTS %s ON CLUSTER %s %s ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/%s/%s', '{shard}_{replica}') ORDER BY %s"
        .formatted(qualified(table), cluster.name(), columns, database, table, orderBy);
  }

  String createDatabase() {
    return "CREATE DATABASE IF NOT EXISTS %s ON CLUSTER %s".formatted(database, cluster.name());
  }

  List<String> translate(String statement) {
    Matcher create = CREATE.matcher(statement);
    if (create.matches()) {
      return create(create);
    }
    Matcher alter = ALTER.matcher(statement);
    if (alter.matches()) {
      return alter(alter.group(1), alter.group(2));
    }
    Matcher rename = RENAME.matcher(statement);
    if (rename.matches()) {
      return rename(rename.group(1));
    }
    Matcher drop = DROP.matcher(statement);
    if (drop.matches()) {
      return drop(drop.group(1) != null, drop.group(2));
    }
    if (INSERT.matcher(statement).matches()) {
      // Through the Distributed tables, which spread the rows by the new table's sharding key.
      return List.of(statement);
    }
    throw new IllegalArgumentException(
        "no cluster form for this kind of statement (only CREATE TABLE … ENGINE = *MergeTree,"
            + " ALTER TABLE … ADD/DROP/MODIFY COLUMN or DELETE/UPDATE, RENAME TABLE, DROP TABLE"
            + " and INSERT INTO are translated): "
            + abbreviate(statement));
  }

  private List<String> create(Matcher create) {
    String ifNotExists = create.group(1) == null ? "" : "IF NOT EXISTS ";
    String table = create.group(2);
    String columns = create.group(3);
    String engine = create.group(4);
    String engineArguments = create.group(5) == null ? "" : create.group(5).strip();
    String clauses = create.group(6).strip();
    Matcher firstColumn = FIRST_ORDER_COLUMN.matcher(clauses);
    if (!firstColumn.find()) {
      throw new IllegalArgumentException(
          "table %s has no ORDER BY starting with a column, so it has no sharding key"
              .formatted(table));
    }
    String shardingKey = "cityHash64(" + firstColumn.group(1) + ")";
    shardingKeys.put(table, shardingKey);
    String replicated =
        "Replicated%s('/clickhouse/tables/{shard}/%s/%s', '{replica}'%s)"
            .formatted(
                engine,
                database,
                local(table),
                engineArguments.isEmpty() ? "" : ", " + engineArguments);
    return List.of(
        "CREATE TABLE %s%s ON CLUSTER %s %s ENGINE = %s %s"
            .formatted(
                ifNotExists, qualified(local(table)), cluster.name(), columns, replicated, clauses),
        distributed(ifNotExists, table, shardingKey));
  }

  private List<String> alter(String table, String action) {
    String onLocal =
        "ALTER TABLE %s ON CLUSTER %s %s"
            .formatted(qualified(local(table)), cluster.name(), action);
    if (ALTER_ROWS.matcher(action).matches()) {
      // Mutations change the stored rows only; the Distributed table holds none.
      return List.of(onLocal);
    }
    if (ALTER_COLUMNS.matcher(action).matches()) {
      // The Distributed table has its own copy of the columns. ClickHouse refuses an ALTER ON
      // CLUSTER of a table that is not replicated on a cluster whose shards are, so the
      // Distributed table (which holds no rows when inserts are synchronous) is made again in
      // front of the changed tables.
      return List.of(
          onLocal,
          dropDistributed(table),
          distributed("IF NOT EXISTS ", table, shardingKey(table)));
    }
    throw new IllegalArgumentException(
        "no cluster form for ALTER TABLE %s %s".formatted(table, abbreviate(action)));
  }

  /**
   * The local tables are renamed; the Distributed tables, which name their local table, are dropped
   * and made again in front of the renamed ones with the sharding key that came with the data.
   */
  private List<String> rename(String pairsText) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : pairsText.split(",")) {
      Matcher names = RENAME_PAIR.matcher(pair);
      if (!names.matches()) {
        throw new IllegalArgumentException("cannot read '" + pair.strip() + "' as 'a TO b'");
      }
      pairs.put(names.group(1), names.group(2));
    }
    List<String> statements = new ArrayList<>();
    for (String from : pairs.keySet()) {
      statements.add(dropDistributed(from));
    }
    List<String> localPairs = new ArrayList<>();
    pairs.forEach(
        (from, to) -> localPairs.add(qualified(local(from)) + " TO " + qualified(local(to))));
    statements.add(
        "RENAME TABLE %s ON CLUSTER %s".formatted(String.join(", ", localPairs), cluster.name()));
    Map<String, String> movedKeys = new HashMap<>();
    pairs.forEach((from, to) -> movedKeys.put(to, shardingKey(from)));
    pairs.keySet().forEach(shardingKeys::remove);
    shardingKeys.putAll(movedKeys);
    pairs
        .values()
        .forEach(to -> statements.add(distributed("IF NOT EXISTS ", to, movedKeys.get(to))));
    return statements;
  }

  private List<String> drop(boolean ifExists, String table) {
    shardingKeys.remove(table);
    return List.of(
        dropDistributed(table),
        "DROP TABLE %s%s ON CLUSTER %s"
            .formatted(ifExists ? "IF EXISTS " : "", qualified(local(table)), cluster.name()));
  }

  private String distributed(String ifNotExists, String table, String shardingKey) {
    return "CREATE TABLE %s%s ON CLUSTER %s AS %s ENGINE = Distributed(%s, %s, %s, %s)"
        .formatted(
            ifNotExists,
            qualified(table),
            cluster.name(),
            qualified(local(table)),
            cluster.name(),
            database,
            local(table),
            shardingKey);
  }

  private String dropDistributed(String table) {
    return "DROP TABLE IF EXISTS %s ON CLUSTER %s".formatted(qualified(table), cluster.name());
  }

  private String shardingKey(String table) {
    String key = shardingKeys.get(table);
    if (key == null) {
      throw new IllegalArgumentException(
          "table " + table + " is changed but no earlier migration created it");
    }
    return key;
  }

  static String local(String table) {
    return table + LOCAL_SUFFIX;
  }

  // ON CLUSTER runs the statement on every server with that server's default database, so every
  // name carries the database explicitly.
  private String qualified(String table) {
    return database + "." + table;
  }

  private static String abbreviate(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
  }
}
