package org.sanjeh.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.streaming.config.PolicyFile;
import org.sanjeh.streaming.testing.TestEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.server.ClickHouseServer;

/**
 * ClickHouse goes down while the job runs: the sinks retry with backoff and hold the stream, the
 * job does not finish or fail meanwhile, and once ClickHouse is back every row arrives.
 */
class ClickHouseOutageIT {

  @Test
  void theJobWaitsForClickHouseAndLosesNothing() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-clickhouse-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    try {
      Warehouse warehouse = Warehouse.connect(server.config("outage"));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      String bootstrap = TestKafka.shared().bootstrapServers();
      String topic = "it-outage-" + UUID.randomUUID();
      TestEvents.createTopic(bootstrap, topic, 2);
      List<TicketEvent> events = TestEvents.lifecycles(21, 300, 4);
      TestEvents.send(bootstrap, topic, events, List.of(), 0);
      String policy = PolicyFile.defaultText();

      server.stop();
      CompletableFuture<Void> job =
          CompletableFuture.runAsync(
              () -> {
                try {
                  SlaJobIT.runJob("hashmap", bootstrap, topic, "none", policy, warehouse);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      TimeUnit.SECONDS.sleep(12);
      assertThat(job).as("the job waits while ClickHouse is down").isNotDone();

      server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
      job.get(3, TimeUnit.MINUTES);

      Map<String, String> expected = SlaJobIT.expectedPerTicket(events, policy);
      assertThat(SlaJobIT.actualPerTicket(warehouse)).hasSize(300).isEqualTo(expected);
      assertThat(warehouse.queryLong("SELECT count() FROM ticket_events FINAL"))
          .isEqualTo(events.size());
    } finally {
      server.stop();
    }
  }
}
