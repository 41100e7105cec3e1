package org.sanjeh.warehouse.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;

/**
 * What must hold on the servers before the cluster form of the schema is applied, checked on the
 * server the runner talks to, so a wrong setting is named before anything is changed:
 *
 * <ul>
 *   <li>the cluster exists in {@code remote_servers} with the configured shards and replicas;
 *   <li>the {@code shard} and {@code replica} macros exist (the replicated tables' paths use them);
 *   <li>{@code insert_distributed_sync = 1}: an insert into a Distributed table returns only once
 *       the shards hold the rows, so an acknowledged write is stored (and a migration's copy is
 *       complete before its rename);
 *   <li>{@code distributed_product_mode = 'global'}: a subquery or join over a Distributed table
 *       inside a distributed query is computed once and sent to every shard, so queries written for
 *       one server give the same answers.
 * </ul>
 */
final class ClusterCheck {

  private static final String SYNC_INSERT = "insert_distributed_sync";
  private static final String SYNC_INSERT_SINCE_23_10 = "distributed_foreground_insert";
  private static final String PRODUCT_MODE = "distributed_product_mode";

  private final Warehouse warehouse;
  private final ClusterLayout cluster;

  ClusterCheck(Warehouse warehouse, ClusterLayout cluster) {
    this.warehouse = warehouse;
    this.cluster = cluster;
  }

  void refuseMismatch() {
    List<String> problems = new ArrayList<>();
    problems.addAll(layoutProblems());
    problems.addAll(macroProblems());
    problems.addAll(settingProblems());
    if (!problems.isEmpty()) {
      throw new WarehouseException(
          "cannot apply the schema to cluster %s through %s: %s"
              .formatted(
                  cluster.name(), warehouse.config().describe(), String.join("; ", problems)));
    }
  }

  private List<String> layoutProblems() {
    List<Long> replicasPerShard =
        warehouse.query(
            "SELECT count() FROM system.clusters WHERE cluster = ? GROUP BY shard_num ORDER BY shard_num",
            List.of(cluster.name()),
            row -> row.getLong(1));
    if (replicasPerShard.isEmpty()) {
      return List.of(
          "the servers' remote_servers has no cluster named "
              + cluster.name()
              + " (set "
              + ClusterLayout.NAME
              + " to one of SELECT DISTINCT cluster FROM system.clusters)");
    }
    boolean asConfigured =
        replicasPerShard.size() == cluster.shards()
            && replicasPerShard.stream().allMatch(n -> n == cluster.replicas());
    if (asConfigured) {
      return List.of();
    }
    return List.of(
        "remote_servers gives %s %d shard(s) with %s replica(s), but %s=%d and %s=%d"
            .formatted(
                cluster.name(),
                replicasPerShard.size(),
                replicasPerShard.stream().map(String::valueOf).collect(Collectors.joining("/")),
                ClusterLayout.SHARDS,
                cluster.shards(),
                ClusterLayout.REPLICAS,
                cluster.replicas()));
  }

  private List<String> macroProblems() {
    List<String> macros =
        warehouse.query(
            "SELECT macro FROM system.macros WHERE macro IN ('shard', 'replica')",
            row -> row.getString(1));
    return macros.size() == 2
        ? List.of()
        : List.of(
            "the server needs <macros> with <shard> and <replica> (found "
                + (macros.isEmpty() ? "none" : String.join(", ", macros))
                + ")");
  }

  private List<String> settingProblems() {
    Map<String, String> actual =
        warehouse
            .query(
                "SELECT name, value FROM system.settings WHERE name IN (?, ?, ?)",
                List.of(SYNC_INSERT, SYNC_INSERT_SINCE_23_10, PRODUCT_MODE),
                row -> Map.entry(row.getString(1), row.getString(2)))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<String> problems = new ArrayList<>();
    // Current servers call it distributed_foreground_insert and list only that name.
    String syncInsert = actual.getOrDefault(SYNC_INSERT, actual.get(SYNC_INSERT_SINCE_23_10));
    if (!"1".equals(syncInsert)) {
      problems.add(required(SYNC_INSERT, syncInsert, "1"));
    }
    if (!"global".equals(actual.get(PRODUCT_MODE))) {
      problems.add(required(PRODUCT_MODE, actual.get(PRODUCT_MODE), "global"));
    }
    return problems;
  }

  private static String required(String name, String actual, String value) {
    return "setting %s is %s, must be %s in the user's profile (<%s>%s</%s>)"
        .formatted(name, actual, value, name, value, name);
  }
}
