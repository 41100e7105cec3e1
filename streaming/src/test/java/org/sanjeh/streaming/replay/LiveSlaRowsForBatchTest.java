package org.sanjeh.streaming.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.streaming.config.PolicyFile;
import org.sanjeh.streaming.sla.SlaFunction;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.source.SlaEvent;
import org.sanjeh.warehouse.sample.SyntheticEvents;

/**
 * The contract between the live SLA job and {@code batch sla-whatif}: generated events and the rows
 * the real {@link SlaFunction} gives for them under the bundled policy (the newest row per ticket
 * as of the last event, as {@code ./sanjeh replay} prints them), kept in batch's test resources.
 * Batch's {@code SlaWhatIfReproducesLiveRowsIT} loads both into ClickHouse and checks that its
 * recomputation with the live policy gives exactly these rows. When the SLA rules change on
 * purpose, rewrite them with {@code -Dsanjeh.fixtures.write=true} and check the batch test.
 */
class LiveSlaRowsForBatchTest {

  static final Path FOLDER = Path.of("../batch/src/test/resources/sla-whatif");
  private static final TicketEventCodec CODEC = new TicketEventCodec();

  @Test
  void theLiveSlaFunctionStillGivesTheRowsBatchReproduces() throws Exception {
    List<TicketEvent> events = new ArrayList<>();
    SyntheticEvents.ofTickets(20261201L, 300, Instant.parse("2026-10-03T00:00:00Z"), 10)
        .forEachRemaining(events::add);
    String eventLines = eventLines(events);
    String rowLines = liveRows(events);

    if (Boolean.getBoolean("sanjeh.fixtures.write")) {
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve("events.jsonl"), eventLines, StandardCharsets.UTF_8);
      Files.writeString(FOLDER.resolve("live-rows.jsonl"), rowLines, StandardCharsets.UTF_8);
    }
    assertThat(eventLines).isEqualTo(read("events.jsonl"));
    assertThat(rowLines).isEqualTo(read("live-rows.jsonl"));
  }

  private static String read(String file) throws IOException {
    return Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8);
  }

  private static String eventLines(List<TicketEvent> events) {
    StringBuilder out = new StringBuilder();
    events.forEach(e -> out.append(CODEC.encode(e)).append('\n'));
    return out.toString();
  }

  private static String liveRows(List<TicketEvent> events) throws Exception {
    SlaFunction function = new SlaFunction(PolicyFile.defaultText(), Duration.ofDays(30));
    KeyedOneInputStreamOperatorTestHarness<String, SlaEvent, SlaUpdate> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            function, e -> e.ticketId, Types.STRING);
    try {
      long lastEventAt = Long.MIN_VALUE;
      for (TicketEvent e : events) {
        SlaEvent event = SlaEvent.of(e);
        lastEventAt = Math.max(lastEventAt, event.occurredAt);
        harness.processElement(new StreamRecord<>(event, event.occurredAt));
      }
      harness.processWatermark(lastEventAt);
      Replay.Results results = new Replay.Results();
      long asOf = lastEventAt;
      harness.extractOutputValues().forEach(row -> results.add(ReplayItem.of(row), asOf));
      StringBuilder out = new StringBuilder();
      results.latest.values().forEach(row -> out.append(Replay.json(row)).append('\n'));
      return out.toString();
    } finally {
      harness.close();
    }
  }
}
