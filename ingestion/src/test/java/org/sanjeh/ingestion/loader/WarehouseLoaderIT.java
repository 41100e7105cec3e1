package org.sanjeh.ingestion.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.read.EventQueries;
import org.sanjeh.warehouse.testing.ClickHouseExtension;
import org.sanjeh.warehouse.write.BatchedWriter;
import org.sanjeh.warehouse.write.DeadLetter;
import org.sanjeh.warehouse.write.EventWriter;

/** Kafka to ClickHouse with the real broker and the real server. */
@ExtendWith(ClickHouseExtension.class)
class WarehouseLoaderIT {

  private final Warehouse warehouse;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final PersianWhatsAppTickets tickets = new PersianWhatsAppTickets("evt-", run, 5);

  WarehouseLoaderIT(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Test
  void eventsAndDeadLettersOnKafkaLandInTheWarehouseOnce() throws Exception {
    String bootstrap = TestKafka.shared().bootstrapServers();
    List<TicketEvent> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(tickets.event(i));
    }
    try (EventPublisher publisher = new EventPublisher(bootstrap, Duration.ofSeconds(20))) {
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      events.forEach(e -> sends.add(publisher.publish(e, "test")));
      events.subList(0, 50).forEach(e -> sends.add(publisher.publish(e, "test"))); // resent
      sends.add(
          publisher.publishDeadLetter(
              new DeadLetter(
                  Instant.parse("2024-05-01T10:00:00Z"),
                  "api:" + run,
                  7,
                  "{broken".getBytes(StandardCharsets.UTF_8),
                  "$: malformed JSON")));
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
    }

    EventWriter writer =
        new EventWriter(
            warehouse,
            new BatchedWriter.Settings(10_000, Duration.ZERO, 100_000),
            ZoneOffset.UTC,
            Clock.systemUTC());
    WarehouseLoader loader = new WarehouseLoader(bootstrap, "it-" + run, writer, Clock.systemUTC());
    Thread thread = new Thread(loader, "loader");
    thread.start();
    try {
      awaitAtLeast(() -> count("ticket_events FINAL WHERE ticket_id LIKE 'T-" + run + "-%'"), 500);
      awaitAtLeast(() -> count("dead_letters WHERE source = 'api:" + run + "'"), 1);
    } finally {
      loader.close();
      thread.join(10_000);
    }

    assertThat(count("ticket_events FINAL WHERE ticket_id LIKE 'T-" + run + "-%'")).isEqualTo(500);
    assertThat(new EventQueries(warehouse).ticket("T-" + run + "-3"))
        .containsExactlyElementsOf(events.subList(15, 20));
    assertThat(
            warehouse.query(
                "SELECT reason, line, payload FROM dead_letters WHERE source = 'api:" + run + "'",
                row -> row.getString(1) + " | " + row.getInt(2) + " | " + row.getString(3)))
        .containsExactly("$: malformed JSON | 7 | {broken");
  }

  private long count(String fromWhere) {
    return warehouse.queryLong("SELECT count() FROM " + fromWhere);
  }

  private static void awaitAtLeast(LongSupplier value, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (value.getAsLong() < expected && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }
}
