package org.sanjeh.warehouse.migrate;

import java.util.Map;
import java.util.Optional;

/**
 * A ClickHouse cluster the schema is spread over: the name of a {@code <remote_servers>} entry in
 * the servers' configuration, with the number of shards and replicas per shard it must have. The
 * migration runner checks the servers agree before it changes anything.
 *
 * <p>From the environment: {@code SANJEH_CLICKHOUSE_CLUSTER} (unset: one server, the default),
 * {@code SANJEH_CLICKHOUSE_CLUSTER_SHARDS} (1) and {@code SANJEH_CLICKHOUSE_CLUSTER_REPLICAS} (1).
 */
public record ClusterLayout(String name, int shards, int replicas) {

  public static final String NAME = "SANJEH_CLICKHOUSE_CLUSTER";
  public static final String SHARDS = "SANJEH_CLICKHOUSE_CLUSTER_SHARDS";
  public static final String REPLICAS = "SANJEH_CLICKHOUSE_CLUSTER_REPLICAS";

  public ClusterLayout {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          NAME + "='" + name + "' must be letters, digits and underscores (a remote_servers name)");
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException(
          "cluster %s needs at least one shard and one replica, not %d shards of %d replicas"
              .formatted(name, shards, replicas));
    }
  }

  /** The cluster named in the environment, or empty for the single-server default. */
  public static Optional<ClusterLayout> fromEnvironment(Map<String, String> env) {
    String name = env.getOrDefault(NAME, "").strip();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ClusterLayout(name, positive(env, SHARDS), positive(env, REPLICAS)));
  }

  private static int positive(Map<String, String> env, String variable) {
    String value = env.getOrDefault(variable, "1").strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable + "='" + value + "' is not a whole number of servers", e);
    }
  }
}
