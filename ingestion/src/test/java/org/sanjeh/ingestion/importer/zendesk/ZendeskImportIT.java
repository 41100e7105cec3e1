package org.sanjeh.ingestion.importer.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.ingestion.importer.ImportCommand;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import picocli.CommandLine;

/** Fivetran's Zendesk tables into a real Kafka broker: the events and the dead letters. */
class ZendeskImportIT {

  @TempDir Path dir;

  @Test
  void theFivetranTablesReachKafkaInTimeOrderAndTheRejectsTheDeadLetters() throws Exception {
    assumeTrue(Files.isDirectory(FivetranZendeskImportTest.FIVETRAN));
    String source = "zendesk-it-" + System.nanoTime();
    String bootstrap = TestKafka.shared().bootstrapServers();

    int status =
        new CommandLine(new ImportCommand())
            .execute(
                FivetranZendeskImportTest.FIVETRAN.toString(),
                "--format",
                "zendesk",
                "--source",
                source,
                "--rejects",
                dir.toString(),
                "--sla-dir",
                dir.resolve("sla").toString(),
                "--bootstrap-servers",
                bootstrap);

    assertThat(status).isZero();
    List<ConsumerRecord<String, byte[]>> events =
        TestKafka.read(
            bootstrap,
            Topics.TICKET_EVENTS,
            33,
            r -> source.equals(TestKafka.header(r, EventPublisher.HEADER_SOURCE)));
    assertThat(events).hasSize(33);
    assertThat(events.stream().map(ConsumerRecord::key).distinct()).hasSize(10);
    List<ConsumerRecord<String, byte[]>> deadLetters =
        TestKafka.read(
            bootstrap,
            Topics.DEAD_LETTERS,
            62,
            r -> {
              String from = TestKafka.header(r, EventPublisher.HEADER_SOURCE);
              return from != null && from.startsWith(source + ":");
            });
    assertThat(deadLetters).hasSize(62);
    assertThat(deadLetters)
        .extracting(r -> TestKafka.header(r, EventPublisher.HEADER_REASON))
        .filteredOn(reason -> reason.contains("is not in the ticket table"))
        .hasSize(56);
  }
}
