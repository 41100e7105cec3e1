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

  private static final Map<String, String> REQUIRED_SETTINGS =
      Map.of("insert_distributed_sync", "1", "distributed_product_mode", "global");

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
                "SELECT name, value FROM system.settings WHERE name IN (?, ?)",
                List.copyOf(REQUIRED_SETTINGS.keySet()),
                row -> Map.entry(row.getString(1), row.getString(2)))
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<String> problems = new ArrayList<>();
    REQUIRED_SETTINGS.forEach(
        (name, value) -> {
          if (!value.equals(actual.get(name))) {
            problems.add(
                "setting %s is %s, must be %s in the user's profile (<%s>%s</%s>)"
                    .formatted(name, actual.get(name), value, name, value, name));
          }
        });
    return problems;
  }
}
