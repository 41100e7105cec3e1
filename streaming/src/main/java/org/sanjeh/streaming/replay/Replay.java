package org.sanjeh.streaming.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.sanjeh.core.event.DecodeResult;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.kafka.KafkaTopics;
import org.sanjeh.streaming.SlaJob;
import org.sanjeh.streaming.TicketEventProducer;
import org.sanjeh.streaming.sink.AlertTopic;
import org.sanjeh.streaming.sla.SlaAlert;
import org.sanjeh.streaming.sla.SlaFunction;
import org.sanjeh.streaming.sla.SlaUpdate;
import org.sanjeh.streaming.sla.TargetRow;
import org.sanjeh.streaming.source.KafkaEvents;

/**
 * {@code ./sanjeh replay FILE.jsonl}: pushes the file's events through a fresh Kafka topic and the
 * SLA job (the same dataflow as {@code run}, with a bounded source), and once the watermark has
 * passed the last event prints every ticket's SLA result as of that event as one JSON line on
 * stdout, sorted by ticket id. Progress, alerts and a summary go to stderr. The way to check the
 * live numbers against expected ones.
 */
public final class Replay {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Replay() {}

  /** Replays {@code file} with {@code policyFile} (null: the bundled preset) through Kafka. */
  public static int run(Path file, Path policyFile, String bootstrap) throws Exception {
    String policy = policyFile != null ? PolicyFile.readText(policyFile) : PolicyFile.defaultText();
    String topic = "sanjeh-replay-" + System.currentTimeMillis();

    KafkaTopics.ensure(bootstrap, topic, 2);
    try {
      Published published = publish(file, bootstrap, topic);
      System.err.printf(
          "replay: %,d lines of %s on topic %s (%,d not valid events); running the SLA job%n",
          published.lines, file, topic, published.invalid);
      Results results = runJob(bootstrap, topic, SlaJob.Settings.defaults(policy), published);
      results.print(System.out, System.err, published.lastEventAt);
      return 0;
    } finally {
      KafkaTopics.delete(bootstrap, topic);
    }
  }

  private record Published(long lines, long invalid, long lastEventAt) {}

  private static Published publish(Path file, String bootstrap, String topic) throws IOException {
    TicketEventCodec codec = new TicketEventCodec();
    long lines = 0;
    long invalid = 0;
    long lastEventAt = Long.MIN_VALUE;
    try (TicketEventProducer producer = new TicketEventProducer(bootstrap, 20);
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        lines++;
        byte[] value = line.getBytes(StandardCharsets.UTF_8);
        DecodeResult decoded = codec.decode(value);
        String key = null;
        if (decoded.isValid()) {
          key = decoded.event().ticketId();
          lastEventAt = Math.max(lastEventAt, decoded.event().occurredAt().toEpochMilli());
        } else {
          invalid++;
        }
        producer.send(topic, key, value);
      }
      producer.flush();
    }
    return new Published(lines, invalid, lastEventAt);
  }

  private static Results runJob(
      String bootstrap, String topic, SlaJob.Settings settings, Published published)
      throws Exception {
    Configuration conf =
        Configuration.fromMap(
            Map.of(
                "parallelism.default", "2",
                "pipeline.object-reuse", "true",
                "pipeline.generic-types", "false"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    SlaJob.Results job =
        SlaJob.dataflow(env, KafkaEvents.source(bootstrap, topic, topic, true), settings);
    var items =
        job.tickets()
            .map(ReplayItem::of)
            .returns(ReplayItem.class)
            .union(
                job.alerts().map(ReplayItem::of).returns(ReplayItem.class),
                job.deadLetters().map(ReplayItem::of).returns(ReplayItem.class),
                job.eventNotes().map(ReplayItem::note).returns(ReplayItem.class));
    Results results = new Results();
    try (CloseableIterator<ReplayItem> it = items.executeAndCollect("sanjeh-replay")) {
      while (it.hasNext()) {
        results.add(it.next(), published.lastEventAt);
      }
    }
    return results;
  }

  /** The latest row per ticket as of the last event, the alerts, the dead letters. */
  static final class Results {
    final Map<String, SlaUpdate> latest = new TreeMap<>();
    final List<SlaAlert> alerts = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();

    /** Events not applied as they came: late (put in order), duplicate, dropped (too late). */
    final Map<String, Integer> eventNotes = new TreeMap<>();

    void add(ReplayItem item, long lastEventAt) {
      if (item.row != null && item.row.asOf <= lastEventAt) {
        latest.merge(item.row.ticketId, item.row, (a, b) -> a.version >= b.version ? a : b);
      } else if (item.alert != null && item.alert.at <= lastEventAt) {
        alerts.add(item.alert);
      } else if (item.deadLetter != null) {
        deadLetters.add(item.deadLetter.origin + ": " + item.deadLetter.reason);
      } else if (item.note != null) {
        eventNotes.merge(item.note, 1, Integer::sum);
      }
    }

    void print(PrintStream out, PrintStream err, long lastEventAt) {
      Map<String, Integer> statuses = new TreeMap<>();
      for (SlaUpdate row : latest.values()) {
        out.println(json(row));
        statuses.merge("first_response " + row.firstResponse.status, 1, Integer::sum);
        statuses.merge("resolution " + row.resolution.status, 1, Integer::sum);
      }
      Map<String, Integer> alertCounts = new HashMap<>();
      alerts.forEach(a -> alertCounts.merge(a.target + " " + a.kind, 1, Integer::sum));
      err.printf(
          "replay: %,d tickets as of the last event (%s); %s%n",
          latest.size(),
          lastEventAt == Long.MIN_VALUE ? "none" : Instant.ofEpochMilli(lastEventAt),
          statuses);
      err.printf("replay: %,d alerts %s%n", alerts.size(), new TreeMap<>(alertCounts));
      err.printf(
          "replay: events late (put in event-time order) %,d, duplicate %,d, dropped (later than"
              + " the allowed lateness, in the dead letters) %,d%n",
          eventNotes.getOrDefault(SlaFunction.LATE, 0),
          eventNotes.getOrDefault(SlaFunction.DUPLICATE, 0),
          eventNotes.getOrDefault(SlaFunction.DROPPED, 0));
      if (!deadLetters.isEmpty()) {
        err.printf("replay: %,d dead letters, e.g.%n", deadLetters.size());
        deadLetters.stream().limit(5).forEach(d -> err.println("  " + d));
      }
    }
  }

  static String json(SlaUpdate row) {
    ObjectNode node = JSON.createObjectNode();
    node.put("ticket_id", row.ticketId);
    node.put("as_of", Instant.ofEpochMilli(row.asOf).toString());
    node.put("policy", row.policy);
    node.put("channel", row.dimensions.channel);
    node.put("team", row.dimensions.team);
    node.put("priority", row.dimensions.priority);
    node.put("status", row.ticketStatus);
    node.put("removed", row.removed);
    node.put("bot_only", row.botOnly);
    node.put("periodic_updates", row.periodicUpdates);
    node.put("periodic_update_longest_s", seconds(row.longestPeriodicUpdateMs));
    node.put("requester_wait_s", row.requesterWaitMs / 1000.0);
    node.put("agent_work_s", row.agentWorkMs / 1000.0);
    node.set("first_response", target(row.firstResponse));
    ObjectNode next = target(row.nextResponse);
    next.put("completed_cycles", row.nextResponseCycles);
    next.put("breached_cycles", row.nextResponseBreached);
    next.put(
        "longest_s", row.nextResponseLongestMs < 0 ? null : row.nextResponseLongestMs / 1000.0);
    node.set("next_response", next);
    ObjectNode resolution = target(row.resolution);
    resolution.put("first_fulfilled_at", instant(row.firstResolvedAt));
    resolution.put("first_business_s", seconds(row.firstResolutionBusinessMs));
    resolution.put("first_calendar_s", seconds(row.firstResolutionCalendarMs));
    node.set("resolution", resolution);
    return node.toString();
  }

  private static ObjectNode target(TargetRow t) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", t.status);
    node.put("target_s", t.targetSeconds == 0 ? null : t.targetSeconds);
    node.put("started_at", instant(t.startedAt));
    node.put("due_at", instant(t.dueAt));
    node.put("fulfilled_at", instant(t.fulfilledAt));
    node.put("business_s", t.businessMs / 1000.0);
    node.put("calendar_s", t.calendarMs / 1000.0);
    node.put("paused_s", t.pausedMs / 1000.0);
    return node;
  }

  private static Double seconds(long millis) {
    return millis < 0 ? null : millis / 1000.0;
  }

  private static String instant(long millis) {
    return millis < 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  static String json(SlaAlert alert) {
    return AlertTopic.json(JSON, alert).toString();
  }
}
