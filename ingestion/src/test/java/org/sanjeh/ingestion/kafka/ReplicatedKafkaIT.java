package org.sanjeh.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.ingestion.IngestionApplication;
import org.sanjeh.ingestion.loader.WarehouseLoader;
import org.sanjeh.kafka.TopicDurability;
import org.sanjeh.testbed.KafkaCluster;
import org.sanjeh.testbed.LocalProcesses;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;
import org.sanjeh.web.ApiKeys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Three Kafka brokers, topics with replication factor 3 and min.insync.replicas 2, the intake API
 * under load and the loader into ClickHouse; the leader of a partition is SIGKILLed mid-load and
 * restarted. Every event answered with 202 must be in ClickHouse exactly once. Runs alone with
 * {@code -Dit.test=ReplicatedKafkaIT} (tag {@code cluster}).
 */
@Tag("cluster")
@ExtendWith(ClickHouseExtension.class)
@SpringBootTest(
    classes = IngestionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicatedKafkaIT {

  private static final String KEY = "replicated-key";
  private static final int BATCHES = 90;
  private static final int EVENTS_PER_BATCH = 200;
  private static final TopicDurability THREE_TWO = new TopicDurability((short) 3, 2);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);

  private static Path root;
  private static KafkaCluster kafka;

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void threeBrokers(DynamicPropertyRegistry registry) throws IOException {
    root = Files.createTempDirectory("sanjeh-kafka-cluster-it-");
    kafka = KafkaCluster.start(root, 3);
    Topics.ensure(kafka.bootstrapServers(), 4, THREE_TWO);
    registry.add("sanjeh.intake.kafka-bootstrap-servers", kafka::bootstrapServers);
    registry.add("sanjeh.intake.api-keys", () -> "shop:" + ApiKeys.sha256(KEY));
    registry.add("sanjeh.intake.kafka-ack-timeout", () -> "5s");
  }

  private static void checkTopicsAreReplicated() throws Exception {
    try (Admin admin = admin()) {
      TopicDescription events =
          admin
              .describeTopics(List.of(Topics.TICKET_EVENTS))
              .allTopicNames()
              .get()
              .get(Topics.TICKET_EVENTS);
      assertThat(events.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      Config config =
          admin
              .describeConfigs(
                  List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.TICKET_EVENTS)))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
    }
  }

  @AfterAll
  static void stopBrokers() throws IOException {
    if (kafka != null) {
      assertThat(KafkaCluster.stop(root)).as("the brokers were found by their state file").isTrue();
      assertThat(kafka.brokers()).isNotEmpty();
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Test
  void everyEventAnswered202IsInClickHouseExactlyOnceAfterABrokerIsKilledAndRestarted()
      throws Exception {
    checkTopicsAreReplicated();
    Warehouse warehouse =
        Warehouse.connect(
            ClickHouseExtension.config(ClickHouseExtension.runningServer(), "it_replicated_kafka"));
    new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
    EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(10_000, Duration.ofMillis(500), 1_000_000),
            ZoneOffset.UTC,
            Clock.systemUTC());
    WarehouseLoader loader =
        new WarehouseLoader(kafka.bootstrapServers(), "replicated-it", writer, Clock.systemUTC());
    Thread loading = new Thread(loader, "loader");
    loading.start();

    Set<String> acknowledged = new HashSet<>();
    int refused = 0;
    int victim = leaderOfFirstPartition();
    long killedAt = 0;
    long restartedAt = 0;
    long began = System.nanoTime();
    try {
      for (int batch = 0; batch < BATCHES; batch++) {
        if (batch == BATCHES / 3) {
          kafka.kill(victim);
          killedAt = System.nanoTime();
        }
        if (batch == 2 * BATCHES / 3) {
          kafka.restart(victim);
          restartedAt = System.nanoTime();
        }
        List<String> ids = ids(batch);
        // A client retries what was not acknowledged, as the 503's detail asks.
        while (true) {
          HttpResponse<String> answer = post(ids);
          if (answer.statusCode() == 202) {
            acknowledged.addAll(ids);
            break;
          }
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
          refused++;
          LocalProcesses.sleep(Duration.ofMillis(200), "a retry");
        }
      }
      long loadMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();
      awaitLoaded(warehouse, acknowledged.size());
      long landedMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();

      List<String> stored =
          warehouse.query(
              "SELECT event_id FROM ticket_events FINAL WHERE ticket_id LIKE 'R-%'",
              row -> row.getString(1));
      assertThat(new HashSet<>(stored)).containsAll(acknowledged);
      assertThat(stored).as("each event once").doesNotHaveDuplicates();
      long raw =
          warehouse.queryLong("SELECT count() FROM ticket_events WHERE ticket_id LIKE 'R-%'");
      System.out.printf(
          "kafka 3 brokers RF3 minISR2: %d events acknowledged in %d ms (%d requests refused with 503, broker %d down for %d ms); all in ClickHouse after %d ms; %d stored once, %d raw rows before merges%n",
          acknowledged.size(),
          loadMillis,
          refused,
          victim + 1,
          Duration.ofNanos(restartedAt - killedAt).toMillis(),
          landedMillis,
          stored.size(),
          raw);
    } finally {
      loader.close();
      loading.join(20_000);
    }
  }

  private static int leaderOfFirstPartition() throws Exception {
    try (Admin admin = admin()) {
      int leaderId =
          admin
              .describeTopics(List.of(Topics.TICKET_EVENTS))
              .allTopicNames()
              .get()
              .get(Topics.TICKET_EVENTS)
              .partitions()
              .get(0)
              .leader()
              .id();
      return leaderId - 1;
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            30_000));
  }

  private static void awaitLoaded(Warehouse warehouse, long expected) {
    long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      long loaded =
          warehouse.queryLong(
              "SELECT uniqExact(event_id) FROM ticket_events WHERE ticket_id LIKE 'R-%'");
      if (loaded >= expected) {
        return;
      }
      LocalProcesses.sleep(Duration.ofMillis(300), "the loader");
    }
  }

  private static List<String> ids(int batch) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < EVENTS_PER_BATCH; i++) {
      ids.add("r-%03d-%03d".formatted(batch, i));
    }
    return ids;
  }

  private HttpResponse<String> post(List<String> ids) {
    StringBuilder lines = new StringBuilder();
    for (String id : ids) {
      lines
          .append("{\"event_id\":\"")
          .append(id)
          .append("\",\"ticket_id\":\"R-")
          .append(Math.floorMod(id.hashCode(), 500))
          .append(
              "\",\"occurred_at\":\"2024-01-17T12:00:00Z\",\"type\":\"customer_message\",\"channel\":\"chat\",\"author_role\":\"customer\"}\n");
    }
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
              .header("Content-Type", "application/x-ndjson")
              .header("X-Api-Key", KEY)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
