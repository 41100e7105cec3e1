package org.sanjeh.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.streaming.testing.TestEvents;
import org.sanjeh.testbed.ClickHouseServer;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;
import org.sanjeh.warehouse.testing.ClickHouseExtension;

/**
 * ClickHouse goes down while the job starts, or in the middle of the stream: the sinks retry with
 * backoff and hold the stream, the job does not finish or fail meanwhile, and once ClickHouse is
 * back every row arrives.
 */
class ClickHouseOutageIT {

  @Test
  void theJobWaitsForClickHouseAndLosesNothing() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-clickhouse-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    try {
      Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, "outage"));
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

  @Test
  void clickHouseStoppedMidStreamHoldsTheStreamAndEveryRowArrivesAfterwards() throws Exception {
    Path home = Files.createTempDirectory("sanjeh-clickhouse-outage-");
    ClickHouseServer server = ClickHouseServer.start(home, 0, 0);
    JobClient job = null;
    try {
      Warehouse warehouse = Warehouse.connect(ClickHouseExtension.config(server, "outage_mid"));
      new MigrationRunner(warehouse).migrate(Migrations.sanjehSchema());
      String bootstrap = TestKafka.shared().bootstrapServers();
      String topic = "it-outage-mid-" + UUID.randomUUID();
      TestEvents.createTopic(bootstrap, topic, 2);
      List<TicketEvent> events = TestEvents.lifecycles(22, 1500, 4);
      String policy = PolicyFile.defaultText();
      job =
          SlaJobIT.environment("hashmap", bootstrap, topic, "none", policy, warehouse, false)
              .executeAsync("sla-outage-mid");
      CompletableFuture<Void> producer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  TestEvents.send(bootstrap, topic, events, List.of(), 1500);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      waitFor(() -> warehouse.queryLong("SELECT count() FROM sla_tickets") > 0);

      server.stop(); // mid-stream: events keep arriving on Kafka
      TimeUnit.SECONDS.sleep(6);
      assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
      server = ClickHouseServer.start(home, server.httpPort(), server.tcpPort());
      producer.get(2, TimeUnit.MINUTES);

      Map<String, String> expected = SlaJobIT.expectedPerTicket(events, policy);
      waitFor(() -> SlaJobIT.actualPerTicket(warehouse).equals(expected));
      waitFor(
          () -> warehouse.queryLong("SELECT count() FROM ticket_events FINAL") == events.size());
    } finally {
      if (job != null) {
        job.cancel().get(1, TimeUnit.MINUTES);
      }
      server.stop();
    }
  }

  interface Check {
    boolean met() throws Exception;
  }

  static void waitFor(Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!check.met()) {
      assertThat(System.nanoTime()).as("waited two minutes").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }
}
