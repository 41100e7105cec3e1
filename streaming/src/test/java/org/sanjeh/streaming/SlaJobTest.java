package org.sanjeh.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanjeh.streaming.testing.SlaEvents.at;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sanjeh.core.event.AuthorRole;
import org.sanjeh.core.event.EventType;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.event.TicketStatus;
import org.sanjeh.streaming.metrics.MinuteAggregate;
import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.source.Decoded;
import org.sanjeh.streaming.source.SlaEvent;
import org.sanjeh.streaming.testing.SlaEvents;

/**
 * The real SLA dataflow ({@link SlaJob#build}) on a Flink MiniCluster at parallelism 2, fed by a
 * bounded in-memory source and writing into in-memory sinks: no Kafka, no ClickHouse, seconds. Two
 * tickets with hand-computed outcomes and one record that is not an event. (SlaJobIT runs the same
 * job on the real broker and warehouse.)
 *
 * <p>The source splits its records into two halves, one per subtask; each ticket's events are in
 * one half, in time order, as Kafka keeps one ticket's events in one partition.
 */
class SlaJobTest {

  private static final TicketEventCodec CODEC = new TicketEventCodec();

  @RegisterExtension
  static final MiniClusterExtension FLINK =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static Collected out;

  @BeforeAll
  static void runTheJobOnce() throws Exception {
    List<Decoded> records = new ArrayList<>();
    // first half: answered in 30 min, solved at 100 min
    records.add(event("ok-1", "T-OK", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    records.add(event("ok-2", "T-OK", 30, EventType.AGENT_REPLY, AuthorRole.AGENT));
    records.add(event("ok-3", "T-OK", 50, EventType.CUSTOMER_MESSAGE, AuthorRole.CUSTOMER));
    records.add(event("ok-4", "T-OK", 100, EventType.RESOLVED, AuthorRole.AGENT));
    records.add(
        Decoded.invalid(
            "channel=\"fax\" is not a channel",
            "test:5",
            0,
            "{\"channel\":\"fax\"}".getBytes(StandardCharsets.UTF_8)));
    // second half: pending from 10 to 40 min moves the 60-min deadline to 90; answered at 100
    records.add(event("p-1", "T-PAUSED", 0, EventType.TICKET_CREATED, AuthorRole.CUSTOMER));
    records.add(status("p-2", "T-PAUSED", 10, TicketStatus.PENDING));
    records.add(status("p-3", "T-PAUSED", 40, TicketStatus.OPEN));
    records.add(event("p-4", "T-PAUSED", 100, EventType.AGENT_REPLY, AuthorRole.AGENT));
    records.add(event("p-5", "T-PAUSED", 200, EventType.RESOLVED, AuthorRole.AGENT));

    out = new Collected(UUID.randomUUID().toString());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    TypeInformation<Decoded> type = Types.POJO(Decoded.class);
    SlaJob.build(
        env,
        new DataGeneratorSource<>(
            new FromElementsGeneratorFunction<>(type, env.getConfig(), records),
            records.size(),
            type),
        SlaJob.Settings.defaults(SlaEvents.POLICY),
        new SlaJob.Sinks(
            out.sink("tickets"),
            out.sink("alerts"),
            null,
            out.sink("minutes"),
            out.sink("quarters"),
            out.sink("deadLetters"),
            out.sink("raw")));
    env.execute("sla-job-test");
  }

  @Test
  void aTicketAnsweredAndSolvedInTimeAchievesBothTargetsWithoutAlerts() {
    SlaUpdate ok = out.latestRow("T-OK");

    assertThat(ok.firstResponse.status).isEqualTo("achieved");
    assertThat(ok.firstResponse.fulfilledAt).isEqualTo(at(30));
    assertThat(ok.firstResponse.calendarMs).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(ok.resolution.status).isEqualTo("achieved");
    assertThat(ok.resolution.fulfilledAt).isEqualTo(at(100));
    assertThat(ok.dimensions.team).isEqualTo("support");
    assertThat(ok.dimensions.channel).isEqualTo("chat");
    assertThat(out.alerts()).noneMatch(a -> a.ticketId.equals("T-OK"));
  }

  @Test
  void aPauseMovesTheDeadlineAndTheLateReplyIsABreachAlertedAtTheMovedDeadline() {
    SlaUpdate paused = out.latestRow("T-PAUSED");

    assertThat(paused.firstResponse.status).isEqualTo("breached");
    assertThat(paused.firstResponse.pausedMs).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(paused.firstResponse.dueAt).isEqualTo(at(90));
    assertThat(paused.resolution.status).isEqualTo("achieved");
    // 45 running minutes at 75 (10 + 30 paused + 35), 60 at 90, the reply at 100
    assertThat(out.alerts())
        .extracting(a -> a.ticketId + " " + a.target + " " + a.kind + " " + minuteOf(a.at))
        .containsExactlyInAnyOrder(
            "T-PAUSED first_response at_risk 75",
            "T-PAUSED first_response breached 90",
            "T-PAUSED first_response recovered 100");
  }

  @Test
  void theMinuteTablesCountTwoCreatedTwoAnsweredOneBreachAndTwoSolved() {
    Map<String, Integer> totals = out.minuteTotals();

    assertThat(totals)
        .containsEntry("created", 2)
        .containsEntry("first_responses", 2)
        .containsEntry("breaches", 1)
        .containsEntry("solved", 2)
        .containsEntry("reopened", 0)
        .containsEntry("backlog", 0);
    assertThat(out.minutesWith(m -> m.breaches > 0)).containsExactly(at(90));
  }

  @Test
  void theQuarterHourTableCountsTheSameFactsWithoutTheAgentInTheQuarterOfTheirMinute() {
    assertThat(out.totals("quarters")).isEqualTo(out.minuteTotals());
    // the breach at minute 90 is in the quarter hour that starts at minute 90; a row per quarter
    assertThat(out.rows("quarters"))
        .filteredOn(q -> q.breaches > 0)
        .extracting(q -> q.minute)
        .containsExactly(at(90));
    assertThat(out.rows("quarters"))
        .allMatch(q -> q.dimensions.agentId.isEmpty())
        .allMatch(q -> q.minute % (15 * 60_000) == 0);
    assertThat(out.rows("minutes")).anyMatch(m -> !m.dimensions.agentId.isEmpty());
  }

  @Test
  void theRecordThatIsNotAnEventIsADeadLetterWithItsReasonAndTheEventsAreKeptWhole() {
    assertThat(out.<Decoded>all("deadLetters"))
        .extracting(d -> d.reason)
        .containsExactly("channel=\"fax\" is not a channel");
    assertThat(out.<Decoded>all("raw")).hasSize(9).allMatch(Decoded::isValid);
  }

  // --- fixtures -------------------------------------------------------------------------------

  private static Decoded event(
      String id, String ticket, int minute, EventType type, AuthorRole role) {
    SlaEvent e = SlaEvents.event(id, ticket, minute, type, role);
    return Decoded.valid(e, null, e.occurredAt, CODEC.encodeBytes(e.toTicketEvent()));
  }

  private static Decoded status(String id, String ticket, int minute, TicketStatus status) {
    Decoded d = event(id, ticket, minute, EventType.STATUS_CHANGED, AuthorRole.AGENT);
    d.event.status = status;
    d.payload = CODEC.encodeBytes(d.event.toTicketEvent());
    return d;
  }

  private static long minuteOf(long epochMs) {
    return (epochMs - SlaEvents.T0.toEpochMilli()) / 60_000;
  }

  /** What the sinks of one run received, by sink name; kept in this JVM (the MiniCluster's). */
  private static final class Collected {

    private static final Map<String, ConcurrentLinkedQueue<Object>> RECEIVED =
        new ConcurrentHashMap<>();

    private final String run;

    Collected(String run) {
      this.run = run;
    }

    <T> Sink<T> sink(String name) {
      return new CollectingSink<>(run + "/" + name);
    }

    @SuppressWarnings("unchecked")
    <T> List<T> all(String name) {
      return (List<T>)
          List.copyOf(RECEIVED.getOrDefault(run + "/" + name, new ConcurrentLinkedQueue<>()));
    }

    SlaUpdate latestRow(String ticket) {
      return this.<SlaUpdate>all("tickets").stream()
          .filter(r -> r.ticketId.equals(ticket))
          .max((a, b) -> Long.compare(a.version, b.version))
          .orElseThrow();
    }

    List<SlaAlert> alerts() {
      return all("alerts");
    }

    /**
     * The newest version of each row of sink "minutes" or "quarters", as the warehouse keeps it.
     */
    List<MinuteAggregate> rows(String sink) {
      Map<String, MinuteAggregate> newest = new TreeMap<>();
      for (MinuteAggregate m : this.<MinuteAggregate>all(sink)) {
        String key = m.minute + "|" + m.dimensions.key();
        newest.merge(key, m, (a, b) -> a.version >= b.version ? a : b);
      }
      return List.copyOf(newest.values());
    }

    Map<String, Integer> minuteTotals() {
      return totals("minutes");
    }

    Map<String, Integer> totals(String sink) {
      Map<String, Integer> totals = new TreeMap<>();
      for (MinuteAggregate m : rows(sink)) {
        totals.merge("created", m.created, Integer::sum);
        totals.merge("first_responses", m.firstResponses, Integer::sum);
        totals.merge("breaches", m.breaches, Integer::sum);
        totals.merge("solved", m.solved, Integer::sum);
        totals.merge("reopened", m.reopened, Integer::sum);
        totals.merge("backlog", m.backlogDelta, Integer::sum);
      }
      return totals;
    }

    List<Long> minutesWith(java.util.function.Predicate<MinuteAggregate> which) {
      return rows("minutes").stream().filter(which).map(m -> m.minute).toList();
    }

    private record CollectingSink<T>(String key) implements Sink<T> {
      @Override
      public SinkWriter<T> createWriter(WriterInitContext context) {
        ConcurrentLinkedQueue<Object> into =
            RECEIVED.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
          @Override
          public void write(T element, Context context) {
            into.add(element);
          }

          @Override
          public void flush(boolean endOfInput) {}

          @Override
          public void close() {}
        };
      }
    }
  }
}
