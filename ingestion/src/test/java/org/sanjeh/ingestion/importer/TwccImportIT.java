package org.sanjeh.ingestion.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanjeh.ingestion.kafka.EventPublisher;
import org.sanjeh.ingestion.kafka.TestKafka;
import org.sanjeh.ingestion.kafka.Topics;
import picocli.CommandLine;

/** The real TWCC conversations in the project's shared data, imported through a real broker. */
class TwccImportIT {

  private static final Path TWCC = Path.of("..", "..", "shared", "data", "twcc", "dev.json");

  @TempDir Path rejects;

  @Test
  void theRealConversationsImportWithEveryDefectExplained() throws Exception {
    assumeTrue(
        Files.exists(TWCC), "no shared TWCC data beside the checkout at " + TWCC.toAbsolutePath());
    String source = "twcc-it-" + System.nanoTime();

    int status =
        new CommandLine(new ImportCommand())
            .execute(
                TWCC.toString(),
                "--format",
                "twcc",
                "--source",
                source,
                "--rejects",
                rejects.toString(),
                "--bootstrap-servers",
                TestKafka.shared().bootstrapServers());

    assertThat(status).isZero();
    List<String> rejectLines = Files.readAllLines(rejects.resolve("dev.json.rejects.jsonl"));
    // dev.json: 22 negative durations, 11 durations that date the final reply before a turn.
    assertThat(rejectLines).hasSize(33).allMatch(line -> line.contains("dialogHeader.duration"));
    assertThat(rejectLines).filteredOn(line -> line.contains("is negative")).hasSize(22);
    assertThat(rejectLines)
        .filteredOn(line -> line.contains("before the dialog's turn"))
        .hasSize(11);
    List<ConsumerRecord<String, byte[]>> events =
        TestKafka.read(
            TestKafka.shared().bootstrapServers(),
            Topics.TICKET_EVENTS,
            1178,
            r -> source.equals(TestKafka.header(r, EventPublisher.HEADER_SOURCE)));
    assertThat(events).hasSize(1178);
    assertThat(events).extracting(ConsumerRecord::key).allMatch(key -> key.startsWith("twcc:"));
    assertThat(events)
        .extracting(r -> TestKafka.text(r.value()))
        .noneMatch(json -> json.matches("(?s).*[\\w.]+@gmail\\.com.*"));
  }
}
