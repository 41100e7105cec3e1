package org.sanjeh.warehouse.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseException;
import org.sanjeh.warehouse.migrate.ClusterLayout;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.read.EventQueries;
import org.sanjeh.warehouse.testing.ClickHouseCluster;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.testing.LocalZooKeeper;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * The cluster form of the schema on real servers: ZooKeeper and ClickHouse 18.16 processes on
 * loopback ports, compared with the same events written to one server (the run's test server). Runs
 * alone with {@code -Dit.test=ClickHouseClusterIT} (tag {@code cluster}).
 */
@Tag("cluster")
@ExtendWith(ClickHouseExtension.class)
class ClickHouseClusterIT {

  private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

  /** Tickets to load (about 5.5 events each); more with {@code -Dsanjeh.cluster.tickets=N}. */
  private static final long TICKETS = Long.getLong("sanjeh.cluster.tickets", 4_000);

  private static final int ROUNDS = 10;
  private static final BatchedWriter.Settings NO_TIMER =
      new BatchedWriter.Settings(
          (int) Math.max(5_000, TICKETS * 6 / ROUNDS / 2), Duration.ZERO, 10_000_000);
  private static final Clock FIXED = Clock.fixed(START.plus(Duration.ofDays(40)), ZoneOffset.UTC);
  private static final Duration CONVERGENCE_TIMEOUT = Duration.ofSeconds(120);

  private static Path root;
  private static LocalZooKeeper zooKeeper;
  private static List<TicketEvent> events;

  private final Warehouse singleServer;

  ClickHouseClusterIT(Warehouse singleServer) {
    this.singleServer = singleServer;
  }

  @BeforeAll
  static void startZooKeeper() throws IOException {
    root = Files.createTempDirectory("sanjeh-cluster-it-");
    zooKeeper = LocalZooKeeper.start(root.resolve("zookeeper"));
    events = new ArrayList<>();
    SyntheticEvents.ofTickets(17, TICKETS, START, 30).forEachRemaining(events::add);
  }

  @AfterAll
  static void stopZooKeeper() throws IOException {
    if (zooKeeper != null) {
      zooKeeper.close();
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void twoReplicasConvergeToTheSingleServerRowsAfterOneIsKilledMidLoadAndRestarted()
      throws IOException {
    Fingerprint expected = loadOnSingleServer();
    ClusterLayout layout = new ClusterLayout("sanjeh_replicated", 1, 2);
    try (ClickHouseCluster cluster =
        ClickHouseCluster.start(root.resolve("replicated"), layout, zooKeeper)) {
      List<Warehouse> replicas = connect(cluster, "cx_replicated");
      new MigrationRunner(replicas.get(0), Optional.of(layout)).migrate(Migrations.sanjehSchema());

      long restartedAt = 0;
      int refusedFlushes = 0;
      List<EventWriter> writers = writers(replicas);
      for (int round = 0; round < ROUNDS; round++) {
        if (round == 3) {
          cluster.kill(1);
        }
        if (round == 7) {
          cluster.restart(1);
          restartedAt = System.nanoTime();
        }
        // Each replica takes the writes of half the tickets, so the killed one has writes to miss.
        for (TicketEvent event : round(round)) {
          writers.get(Math.floorMod(event.ticketId().hashCode(), 2)).add(event);
        }
        for (EventWriter writer : writers) {
          try {
            writer.flush();
          } catch (WarehouseException refusedWhileDown) {
            refusedFlushes++;
          }
        }
      }
      flushUntilStored(writers);
      long loadedAt = System.nanoTime();
      awaitConvergence(replicas, expected);
      long convergedAt = System.nanoTime();

      for (Warehouse replica : replicas) {
        assertThat(Fingerprint.of(replica, "ticket_events_local"))
            .as("replica %s", replica.config().describe())
            .isEqualTo(expected);
      }
      assertThat(refusedFlushes)
          .as("the killed replica refused the writes meant for it")
          .isPositive();
      System.out.printf(
          "cluster 1x2: %d events, %d refused flushes while down, converged %d ms after the restart (%d ms after the last write)%n",
          events.size(),
          refusedFlushes,
          Duration.ofNanos(convergedAt - restartedAt).toMillis(),
          Duration.ofNanos(convergedAt - loadedAt).toMillis());
      writers.forEach(EventWriter::close);
    }
  }

  @Test
  void twoShardsGiveTheSingleServersAnswersToUnchangedQueries() throws IOException {
    long singleBegan = System.nanoTime();
    Fingerprint expected = loadOnSingleServer();
    long singleMillis = Duration.ofNanos(System.nanoTime() - singleBegan).toMillis();
    ClusterLayout layout = new ClusterLayout("sanjeh_sharded", 2, 1);
    try (ClickHouseCluster cluster =
        ClickHouseCluster.start(root.resolve("sharded"), layout, zooKeeper)) {
      List<Warehouse> shards = connect(cluster, "cx_sharded");
      new MigrationRunner(shards.get(0), Optional.of(layout)).migrate(Migrations.sanjehSchema());
      Warehouse entry = shards.get(0);

      long began = System.nanoTime();
      try (EventWriter writer = new EventWriter(entry, NO_TIMER, ZoneOffset.UTC, FIXED)) {
        events.forEach(writer::add);
      }
      long loadMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();

      assertThat(Fingerprint.of(entry, "ticket_events")).isEqualTo(expected);
      long first = shards.get(0).queryLong("SELECT count() FROM ticket_events_local FINAL");
      long second = shards.get(1).queryLong("SELECT count() FROM ticket_events_local FINAL");
      assertThat(first).as("shard 1").isPositive();
      assertThat(second).as("shard 2").isPositive();
      assertThat(first + second).isEqualTo(expected.rows());
      for (String query : QUERIES) {
        assertThat(rows(entry, query)).as(query).isEqualTo(rows(singleServer, query));
      }
      EventQueries onCluster = new EventQueries(entry);
      EventQueries onOne = new EventQueries(singleServer);
      for (TicketEvent event : List.of(events.get(0), events.get(events.size() / 2))) {
        assertThat(onCluster.ticket(event.ticketId())).isEqualTo(onOne.ticket(event.ticketId()));
      }
      System.out.printf(
          "cluster 2x1: %d events through the Distributed tables in %d ms (one server in the same run: %d ms, truncate included); shards hold %d and %d rows%n",
          events.size(), loadMillis, singleMillis, first, second);
    }
  }

  @Test
  void refusesToApplyTheClusterSchemaToServersThatAreNotThatClusterAndSaysWhatIsMissing() {
    ClusterLayout absent = new ClusterLayout("nowhere", 2, 2);

    assertThatThrownBy(
            () ->
                new MigrationRunner(singleServer, Optional.of(absent))
                    .migrate(Migrations.sanjehSchema()))
        .hasMessageContaining("no cluster named nowhere")
        .hasMessageContaining("<macros> with <shard> and <replica>")
        .hasMessageContaining("insert_distributed_sync is 0, must be 1")
        .hasMessageContaining("distributed_product_mode is deny, must be global");
  }

  @Test
  void refusesAClusterWhoseShapeDiffersFromTheSetting() throws IOException {
    ClusterLayout layout = new ClusterLayout("sanjeh_shape", 1, 2);
    try (ClickHouseCluster cluster =
        ClickHouseCluster.start(root.resolve("shape"), layout, zooKeeper)) {
      Warehouse entry = Warehouse.connect(cluster.config(0, "cx_shape"));
      ClusterLayout claimed = new ClusterLayout("sanjeh_shape", 2, 1);

      assertThatThrownBy(
              () ->
                  new MigrationRunner(entry, Optional.of(claimed))
                      .migrate(Migrations.sanjehSchema()))
          .hasMessageContaining(
              "remote_servers gives sanjeh_shape 1 shard(s) with 2 replica(s), but"
                  + " SANJEH_CLICKHOUSE_CLUSTER_SHARDS=2 and SANJEH_CLICKHOUSE_CLUSTER_REPLICAS=1");
      assertThat(entry.query("SHOW TABLES", row -> row.getString(1))).isEmpty();
    }
  }

  /** Queries as the product writes them for one server: FINAL, IN over a subquery, a JOIN. */
  private static final List<String> QUERIES =
      List.of(
          "SELECT channel, event_type, count() FROM ticket_events FINAL GROUP BY channel, event_type ORDER BY channel, event_type",
          "SELECT ticket_id, count() AS n FROM ticket_events FINAL GROUP BY ticket_id ORDER BY n DESC, ticket_id LIMIT 20",
          "SELECT count() FROM ticket_events FINAL WHERE ticket_id IN (SELECT ticket_id FROM ticket_events FINAL WHERE event_type = 'resolved')",
          "SELECT channel, count(), sum(length(body)) FROM ticket_events FINAL ANY INNER JOIN (SELECT event_id, body FROM ticket_messages FINAL) AS m USING event_id GROUP BY channel ORDER BY channel",
          "SELECT toStartOfDay(occurred_at) AS day, uniqExact(ticket_id) FROM ticket_events FINAL GROUP BY day ORDER BY day");

  private Fingerprint loadOnSingleServer() {
    for (String table : List.of("ticket_events", "ticket_messages", "dead_letters")) {
      singleServer.execute("TRUNCATE TABLE " + table);
    }
    try (EventWriter writer = new EventWriter(singleServer, NO_TIMER, ZoneOffset.UTC, FIXED)) {
      events.forEach(writer::add);
    }
    return Fingerprint.of(singleServer, "ticket_events");
  }

  private static List<TicketEvent> round(int round) {
    int size = (events.size() + ROUNDS - 1) / ROUNDS;
    return events.subList(
        Math.min(events.size(), round * size), Math.min(events.size(), (round + 1) * size));
  }

  private static List<Warehouse> connect(ClickHouseCluster cluster, String database) {
    List<Warehouse> warehouses = new ArrayList<>();
    for (int node = 0; node < cluster.nodes().size(); node++) {
      warehouses.add(Warehouse.connect(cluster.config(node, database)));
    }
    return warehouses;
  }

  private static List<EventWriter> writers(List<Warehouse> replicas) {
    return replicas.stream()
        .map(replica -> new EventWriter(replica, NO_TIMER, ZoneOffset.UTC, FIXED))
        .toList();
  }

  /** A restarted replica's tables are read-only until its ZooKeeper session is back. */
  private static void flushUntilStored(List<EventWriter> writers) {
    Instant deadline = Instant.now().plus(CONVERGENCE_TIMEOUT);
    for (EventWriter writer : writers) {
      while (true) {
        try {
          writer.flush();
          break;
        } catch (WarehouseException notYet) {
          if (Instant.now().isAfter(deadline)) {
            throw notYet;
          }
          LocalProcesses.sleep(Duration.ofMillis(250), "the restarted replica");
        }
      }
    }
  }

  private static void awaitConvergence(List<Warehouse> replicas, Fingerprint expected) {
    Instant deadline = Instant.now().plus(CONVERGENCE_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      boolean converged = true;
      for (Warehouse replica : replicas) {
        long queued =
            replica.queryLong(
                "SELECT sum(queue_size) FROM system.replicas WHERE database = '"
                    + replica.config().database()
                    + "'");
        converged &= queued == 0 && Fingerprint.of(replica, "ticket_events_local").equals(expected);
      }
      if (converged) {
        return;
      }
      LocalProcesses.sleep(Duration.ofMillis(200), "the replicas to converge");
    }
  }

  /** What must agree: rows after FINAL, distinct event ids, and a hash over them. */
  private record Fingerprint(long rows, long eventIds, long hash, long messages) {
    static Fingerprint of(Warehouse warehouse, String eventsTable) {
      String messagesTable = eventsTable.replace("ticket_events", "ticket_messages");
      return warehouse
          .query(
              "SELECT count(), uniqExact(event_id), toInt64(groupBitXor(cityHash64(event_id, version))),"
                  + " (SELECT count() FROM "
                  + messagesTable
                  + " FINAL) FROM "
                  + eventsTable
                  + " FINAL",
              row ->
                  new Fingerprint(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)))
          .get(0);
    }
  }

  private static List<List<String>> rows(Warehouse warehouse, String query) {
    return warehouse.query(
        query,
        row -> {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            values.add(row.getString(i));
          }
          return values;
        });
  }
}
