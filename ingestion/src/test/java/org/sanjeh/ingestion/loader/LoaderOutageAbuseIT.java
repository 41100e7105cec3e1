package org.sanjeh.ingestion.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.EventWriter;

/**
 * ClickHouse goes down for longer than the loader's {@code max.poll.interval.ms} while events keep
 * arriving on Kafka (the real broker), then comes back (the real server, stopped and restarted on
 * the same ports).
 *
 * <p>The poll interval is shortened to 10 s and the outage lasts 25 s: together they stand for the
 * production case of a 30-minute outage against the default 5-minute (or the loader's own
 * 30-minute) interval. A loader that stops polling while it retries is thrown out of its group
 * after the interval, its commit fails once ClickHouse is back, and it exits; this one pauses its
 * partitions and keeps polling, so it is alive afterwards and every event arrives exactly once
 * (counted with {@code FINAL}).
 */
class LoaderOutageAbuseIT {

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
  private static final Duration OUTAGE = Duration.ofSeconds(25);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final PersianWhatsAppTickets tickets = new PersianWhatsAppTickets("evt-outage-", run, 4);
  private int sent;

  @Test
  void anOutageLongerThanThePollIntervalLosesNothingAndTheLoaderLivesOn() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-loader-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    String bootstrap = TestKafka.shared().bootstrapServers();
    try (EventPublisher publisher = new EventPublisher(bootstrap, Duration.ofSeconds(20))) {
      Warehouse warehouse =
          Warehouse.connect(ClickHouseExtension.config(server, "loader_outage_" + run));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      EventWriter writer =
          new EventWriter(
              warehouse,
              new BatchedWriter.Settings(10_000, Duration.ofSeconds(1), 100_000),
              ZoneOffset.UTC,
              Clock.systemUTC());
      WarehouseLoader loader =
          new WarehouseLoader(
              bootstrap,
              "it-outage-" + run,
              writer,
              Clock.systemUTC(),
              Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) POLL_INTERVAL.toMillis()));
      Thread thread = new Thread(loader, "loader");
      thread.start();
      try {
        publish(publisher, 200);
        awaitStored(warehouse, 200);

        server.stop();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
          publish(publisher, 40); // answers and events keep arriving during the outage
          Thread.sleep(1000);
        }
        assertThat(thread.isAlive()).as("alive during the outage").isTrue();
        assertThat(loader.paused()).as("holding its partitions, not reading on").isTrue();
        server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
        publish(publisher, 200);

        awaitStored(warehouse, sent);
        assertThat(thread.isAlive()).as("alive after the outage").isTrue();
        assertThat(stored(warehouse)).isEqualTo(sent);
        assertThat(
                warehouse.queryLong(
                    "SELECT uniqExact(event_id) FROM ticket_events WHERE ticket_id LIKE 'T-"
                        + run
                        + "-%'"))
            .as("every event id once, none missing")
            .isEqualTo(sent);
      } finally {
        loader.close();
        thread.join(10_000);
      }
    } finally {
      server.stop();
    }
  }

  @Test
  void recordsBeyondAFullWriterBufferAreReadAgainNotSkipped() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-loader-full-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    String bootstrap = TestKafka.shared().bootstrapServers();
    try (EventPublisher publisher = new EventPublisher(bootstrap, Duration.ofSeconds(20))) {
      Warehouse warehouse =
          Warehouse.connect(ClickHouseExtension.config(server, "loader_full_" + run));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      publish(publisher, 1000);
      server.stop();
      // A buffer of 300 rows while ClickHouse is down: the first poll brings more than it takes.
      EventWriter writer =
          new EventWriter(
              warehouse,
              new BatchedWriter.Settings(100, Duration.ofSeconds(1), 300),
              ZoneOffset.UTC,
              Clock.systemUTC());
      WarehouseLoader loader =
          new WarehouseLoader(bootstrap, "it-full-" + run, writer, Clock.systemUTC(), Map.of());
      Thread thread = new Thread(loader, "loader");
      thread.start();
      try {
        Thread.sleep(5000);
        server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());

        awaitStored(warehouse, sent);
        assertThat(thread.isAlive()).isTrue();
        assertThat(stored(warehouse)).isEqualTo(sent);
      } finally {
        loader.close();
        thread.join(10_000);
      }
    } finally {
      server.stop();
    }
  }

  private void publish(EventPublisher publisher, int count) throws Exception {
    List<CompletableFuture<Void>> sends = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sends.add(publisher.publish(tickets.event(sent++), "outage-test"));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
  }

  private long stored(Warehouse warehouse) {
    return warehouse.queryLong(
        "SELECT count() FROM ticket_events FINAL WHERE ticket_id LIKE 'T-" + run + "-%'");
  }

  private void awaitStored(Warehouse warehouse, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (stored(warehouse) >= expected) {
          return;
        }
      } catch (RuntimeException notBackYet) {
        // ClickHouse is still starting
      }
      Thread.sleep(250);
    }
  }
}
