package org.sanjeh.warehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.ClusterLayout;

/**
 * A ClickHouse 18.16 cluster on loopback ports: {@code shards × replicas} servers started the way
 * {@link ClickHouseServer} starts one, each with a {@code config.d/cluster.xml} naming every server
 * of the cluster, the ZooKeeper, its own {@code shard}/{@code replica} macros, and a {@code
 * users.d/cluster.xml} with the profile settings the cluster schema needs. All servers share one
 * password. A server can be killed with SIGKILL and started again on the same ports and data.
 */
public final class ClickHouseCluster implements AutoCloseable {

  /** One server of the cluster: where it lives and on which ports. */
  public record Node(
      int shard, int replica, Path home, int httpPort, int tcpPort, int interserverPort) {}

  private final ClusterLayout layout;
  private final List<Node> nodes;
  private final List<ClickHouseServer> servers = new ArrayList<>();

  private ClickHouseCluster(ClusterLayout layout, List<Node> nodes) {
    this.layout = layout;
    this.nodes = nodes;
  }

  public static ClickHouseCluster start(Path root, ClusterLayout layout, LocalZooKeeper zooKeeper)
      throws IOException {
    List<Node> nodes = new ArrayList<>();
    for (int shard = 1; shard <= layout.shards(); shard++) {
      for (int replica = 1; replica <= layout.replicas(); replica++) {
        Path home = root.resolve("s%dr%d".formatted(shard, replica));
        nodes.add(
            new Node(
                shard,
                replica,
                home,
                LocalProcesses.freePort(),
                LocalProcesses.freePort(),
                LocalProcesses.freePort()));
      }
    }
    String password = "cluster-test-" + Long.toHexString(System.nanoTime());
    ClickHouseCluster cluster = new ClickHouseCluster(layout, nodes);
    for (Node node : nodes) {
      Files.createDirectories(node.home().resolve("config.d"));
      Files.createDirectories(node.home().resolve("users.d"));
      Files.writeString(node.home().resolve("password"), password + "\n");
      Files.writeString(
          node.home().resolve("config.d/cluster.xml"),
          cluster.serverConfig(node, password, zooKeeper.port()));
      Files.writeString(node.home().resolve("users.d/cluster.xml"), USERS);
    }
    for (Node node : nodes) {
      cluster.servers.add(ClickHouseServer.start(node.home(), node.httpPort(), node.tcpPort()));
    }
    return cluster;
  }

  public ClusterLayout layout() {
    return layout;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public WarehouseConfig config(int node, String database) {
    return ClickHouseExtension.config(servers.get(node), database);
  }

  /** SIGKILL: no shutdown, as when a machine loses power. */
  public void kill(int node) {
    LocalProcesses.terminate(servers.get(node).pid(), Duration.ofSeconds(10), true);
  }

  /** Starts a killed server again on its ports and data. */
  public void restart(int node) throws IOException {
    Node at = nodes.get(node);
    servers.set(node, ClickHouseServer.start(at.home(), at.httpPort(), at.tcpPort()));
  }

  @Override
  public void close() {
    servers.forEach(ClickHouseServer::stop);
  }

  private String serverConfig(Node node, String password, int zooKeeperPort) {
    StringBuilder shards = new StringBuilder();
    for (int shard = 1; shard <= layout.shards(); shard++) {
      shards.append("      <shard>\n        <internal_replication>true</internal_replication>\n");
      for (Node replica : nodes) {
        if (replica.shard() == shard) {
          shards.append(
              "        <replica><host>127.0.0.1</host><port>%d</port><user>default</user><password>%s</password></replica>\n"
                  .formatted(replica.tcpPort(), password));
        }
      }
      shards.append("      </shard>\n");
    }
    return """
        <?xml version="1.0"?>
        <yandex>
          <remote_servers>
            <%1$s>
        %2$s    </%1$s>
          </remote_servers>
          <zookeeper>
            <node><host>127.0.0.1</host><port>%3$d</port></node>
            <session_timeout_ms>4000</session_timeout_ms>
          </zookeeper>
          <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
          <macros>
            <shard>%4$02d</shard>
            <replica>r%5$d</replica>
          </macros>
          <interserver_http_host>127.0.0.1</interserver_http_host>
          <interserver_http_port>%6$d</interserver_http_port>
        </yandex>
        """
        .formatted(
            layout.name(),
            shards,
            zooKeeperPort,
            node.shard(),
            node.replica(),
            node.interserverPort());
  }

  private static final String USERS =
      """
      <?xml version="1.0"?>
      <yandex>
        <profiles>
          <default>
            <insert_distributed_sync>1</insert_distributed_sync>
            <distributed_product_mode>global</distributed_product_mode>
          </default>
        </profiles>
      </yandex>
      """;
}
