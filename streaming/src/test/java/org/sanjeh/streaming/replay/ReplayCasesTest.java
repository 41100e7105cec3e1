package org.sanjeh.streaming.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.streaming.metrics.MetricFact;
import org.sanjeh.streaming.sla.SlaFunction;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.source.SlaEvent;

/**
 * The SLA replay cases in {@code src/test/resources/sla-cases/} (one JSON file per case: a policy,
 * ticket events in arrival order, expected per-ticket results), each fed through the real {@link
 * SlaFunction} on Flink's keyed operator harness and read back the way {@code ./sanjeh replay}
 * reads the job's output: the newest row per ticket as of the last event ({@link Replay.Results}),
 * the alerts up to then, and the per-minute facts added up as {@code sla_minute} adds them.
 *
 * <p>An item of {@code events} is a ticket event in the contract's JSON form, with defaults filled
 * in to keep the files short ({@code ticket_id} T-1, {@code channel} email, an {@code event_id}
 * from the position, {@code author_role} from the type), or {@code {"watermark": instant}}, which
 * advances event time (timers fire) before the next event arrives. {@code expected.tickets} maps a
 * ticket to dotted paths into its replay JSON line ({@code first_response.status}); {@code
 * expected.alerts} lists every alert as {@code "ticket target kind instant"}; {@code
 * expected.minute} gives totals of {@code sla_minute} columns; {@code expected.events} counts the
 * events not applied as they came ({@code late}, {@code duplicate}, {@code dropped}, {@code
 * dead_letters}).
 */
class ReplayCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TicketEventCodec CODEC = new TicketEventCodec();

  @TestFactory
  Stream<DynamicTest> everySlaCaseGivesItsExpectedResult() throws IOException {
    return caseFiles().map(file -> DynamicTest.dynamicTest(name(file), () -> run(read(file))));
  }

  static Stream<Path> caseFiles() throws IOException {
    try {
      Path folder = Path.of(ReplayCasesTest.class.getResource("/sla-cases").toURI());
      try (Stream<Path> files = Files.list(folder)) {
        return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(Path file) {
    return file.getFileName() + ": " + read(file).path("name").asText();
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one case produced: the rows, alerts and facts read back as replay reads them. */
  record Outcome(
      Map<String, JsonNode> tickets,
      List<String> alerts,
      Map<String, Long> minute,
      Map<String, Long> events) {}

  static void run(JsonNode testCase) throws Exception {
    Outcome outcome = replay(testCase);
    JsonNode expected = testCase.get("expected");
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("tickets").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> ticket = it.next();
      JsonNode row = outcome.tickets().get(ticket.getKey());
      if (ticket.getValue().isNull()) {
        assertThat(row).as("no row for ticket %s", ticket.getKey()).isNull();
        continue;
      }
      assertThat(row).as("a row for ticket %s", ticket.getKey()).isNotNull();
      ticket
          .getValue()
          .fields()
          .forEachRemaining(
              path ->
                  assertThat(at(row, path.getKey()))
                      .as("%s %s in %s", ticket.getKey(), path.getKey(), row)
                      .isEqualTo(path.getValue()));
    }
    if (expected.has("alerts")) {
      List<String> alerts = new ArrayList<>();
      expected.get("alerts").forEach(a -> alerts.add(a.asText()));
      assertThat(outcome.alerts()).as("alerts").containsExactlyElementsOf(alerts);
    }
    expected
        .path("events")
        .fields()
        .forEachRemaining(
            count ->
                assertThat(outcome.events().getOrDefault(count.getKey(), 0L))
                    .as("events %s", count.getKey())
                    .isEqualTo(count.getValue().asLong()));
    expected
        .path("minute")
        .fields()
        .forEachRemaining(
            total ->
                assertThat(outcome.minute().get(total.getKey()))
                    .as("sla_minute total of %s", total.getKey())
                    .isEqualTo(total.getValue().asLong()));
  }

  static Outcome replay(JsonNode testCase) throws Exception {
    String policy = JSON.writeValueAsString(testCase.get("policy"));
    SlaFunction function = new SlaFunction(policy, Duration.ofDays(30));
    KeyedOneInputStreamOperatorTestHarness<String, SlaEvent, SlaUpdate> harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            function, e -> e.ticketId, Types.STRING);
    try {
      long lastEventAt = Long.MIN_VALUE;
      int position = 0;
      for (JsonNode item : testCase.get("events")) {
        position++;
        if (item.has("watermark")) {
          harness.processWatermark(Instant.parse(item.get("watermark").asText()).toEpochMilli());
          continue;
        }
        SlaEvent event = SlaEvent.of(decode(item, position));
        lastEventAt = Math.max(lastEventAt, event.occurredAt);
        harness.processElement(new StreamRecord<>(event, event.occurredAt));
      }
      if (testCase.has("watermark")) {
        lastEventAt = Instant.parse(testCase.get("watermark").asText()).toEpochMilli();
      }
      harness.processWatermark(lastEventAt);
      return outcome(harness, lastEventAt);
    } finally {
      harness.close();
    }
  }

  private static Outcome outcome(
      KeyedOneInputStreamOperatorTestHarness<String, SlaEvent, SlaUpdate> harness, long lastEventAt)
      throws IOException {
    Replay.Results results = new Replay.Results();
    harness.extractOutputValues().forEach(row -> results.add(ReplayItem.of(row), lastEventAt));
    sideOutput(harness, SlaFunction.ALERTS)
        .forEach(alert -> results.add(ReplayItem.of(alert), lastEventAt));
    Map<String, JsonNode> tickets = new TreeMap<>();
    for (SlaUpdate row : results.latest.values()) {
      tickets.put(row.ticketId, JSON.readTree(Replay.json(row)));
    }
    List<String> alerts =
        results.alerts.stream()
            .map(
                a ->
                    "%s %s %s %s"
                        .formatted(a.ticketId, a.target, a.kind, Instant.ofEpochMilli(a.at)))
            .toList();
    Map<String, Long> events = new TreeMap<>();
    sideOutput(harness, SlaFunction.EVENT_NOTES).forEach(n -> events.merge(n, 1L, Long::sum));
    events.put("dead_letters", (long) sideOutput(harness, SlaFunction.TOO_LATE).size());
    return new Outcome(
        tickets, alerts, minuteTotals(sideOutput(harness, SlaFunction.FACTS)), events);
  }

  private static Map<String, Long> minuteTotals(List<MetricFact> facts) {
    Map<String, Long> totals = new TreeMap<>();
    for (MetricFact f : facts) {
      totals.merge("created", (long) f.created, Long::sum);
      totals.merge("first_responses", (long) f.firstResponses, Long::sum);
      totals.merge("frt_sum_s", f.firstResponses * f.frtMs / 1000, Long::sum);
      totals.merge("breaches", (long) f.breaches, Long::sum);
      totals.merge("solved", (long) f.solved, Long::sum);
      totals.merge("reopened", (long) f.reopened, Long::sum);
      totals.merge("backlog_delta", (long) f.backlogDelta, Long::sum);
    }
    return totals;
  }

  private static <T> List<T> sideOutput(
      KeyedOneInputStreamOperatorTestHarness<String, SlaEvent, SlaUpdate> harness,
      OutputTag<T> tag) {
    var records = harness.getSideOutput(tag);
    return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
  }

  /** A case's event with the defaults filled in, through the real codec. */
  static TicketEvent decode(JsonNode item, int position) {
    ObjectNode event = item.deepCopy();
    event.putIfAbsent("event_id", JSON.getNodeFactory().textNode("e" + position));
    event.putIfAbsent("ticket_id", JSON.getNodeFactory().textNode("T-1"));
    event.putIfAbsent("channel", JSON.getNodeFactory().textNode("email"));
    event.putIfAbsent("author_role", JSON.getNodeFactory().textNode(role(event)));
    DecodeResult decoded = CODEC.decode(event.toString());
    assertThat(decoded.errors()).as("event %d of the case: %s", position, event).isEmpty();
    return decoded.event();
  }

  private static String role(ObjectNode event) {
    return switch (event.path("type").asText()) {
      case "ticket_created", "customer_message" -> "customer";
      case "bot_message" -> "bot";
      default -> "agent";
    };
  }

  /** The value at a dotted path ({@code next_response.completed_cycles}), or a JSON null. */
  static JsonNode at(JsonNode row, String path) {
    JsonNode node = row;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() ? JSON.getNodeFactory().nullNode() : node;
  }
}
