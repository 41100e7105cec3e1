package org.sanjeh.devtools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.sanjeh.core.event.TicketEvent;
import org.sanjeh.core.event.TicketEventCodec;
import org.sanjeh.core.sla.PolicyFile;
import org.sanjeh.streaming.KafkaTopics;
import org.sanjeh.streaming.SlaJob;
import org.sanjeh.streaming.TicketEventProducer;
import org.sanjeh.streaming.sink.ClickHouseSink;
import org.sanjeh.streaming.sink.SlaTables;
import org.sanjeh.streaming.source.Decoded;
import org.sanjeh.streaming.source.KafkaEvents;
import org.sanjeh.testbed.SyntheticEvents;
import org.sanjeh.warehouse.Warehouse;
import org.sanjeh.warehouse.WarehouseConfig;
import org.sanjeh.warehouse.migrate.MigrationRunner;
import org.sanjeh.warehouse.migrate.Migrations;

/**
 * {@code ./sanjeh bench streaming}: generated ticket lifecycles through Kafka, the SLA job and
 * ClickHouse on this machine, against a baseline job that only decodes and counts the same records,
 * in the same run; then the delay from publishing an event to its SLA row being visible in
 * ClickHouse, at a steady 10,000 events/s.
 */
public final class StreamingBench {

  private static final int PARALLELISM = 2;
  private static final String DATABASE = "sanjeh_bench";

  private final String bootstrap;
  private final WarehouseConfig warehouse;

  private StreamingBench(String bootstrap, WarehouseConfig warehouse) {
    this.bootstrap = bootstrap;
    this.warehouse = warehouse.withDatabase(DATABASE);
  }

  public static int run(
      String bootstrap,
      WarehouseConfig warehouse,
      long events,
      int rate,
      int seconds,
      boolean rawEvents,
      long checkpointMillis)
      throws Exception {
    StreamingBench bench = new StreamingBench(bootstrap, warehouse);
    System.out.println(
        "benchmark topics bench-* on "
            + bootstrap
            + ", database "
            + bench.warehouse.describe()
            + ": the demo's ticket-events and sanjeh database are not touched");
    if (events > 0) {
      bench.throughput(events, rawEvents);
    }
    bench.latency(rate, seconds, rawEvents, checkpointMillis);
    return 0;
  }

  /**
   * The baseline, then the SLA job with the whole events (unless {@code rawEvents} is false), then
   * without.
   */
  private void throughput(long events, boolean rawEvents) throws Exception {
    String topic = "bench-" + System.currentTimeMillis();
    KafkaTopics.ensure(bootstrap, topic, PARALLELISM);
    List<TicketEvent> generated = generate(events, Instant.parse("2026-01-01T00:00:00Z"));
    long start = System.nanoTime();
    publish(topic, generated, 0, null, false);
    double publishSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "published %,d events of %,d tickets to %s in %.1f s (%,.0f events/s)%n",
        generated.size(),
        generated.stream().map(TicketEvent::ticketId).distinct().count(),
        topic,
        publishSeconds,
        generated.size() / publishSeconds);

    JobExecutionResult baseline = baselineJob(topic);
    report("baseline (decode and count only)", generated.size(), baseline);
    JobExecutionResult full = null;
    if (rawEvents) {
      resetDatabase();
      full = fullJob(topic, true);
      report("SLA job -> ClickHouse (raw events too)", generated.size(), full);
    }
    resetDatabase();
    JobExecutionResult withoutRaw = fullJob(topic, false);
    report("SLA job -> ClickHouse (SLA tables only)", generated.size(), withoutRaw);
    Warehouse stored = Warehouse.connect(warehouse);
    System.out.printf(
        "stored: %,d SLA rows, %,d alerts, %,d minute rows, %,d quarter-hour rows%n",
        stored.queryLong("SELECT count() FROM sla_tickets"),
        stored.queryLong("SELECT count() FROM sla_alerts"),
        stored.queryLong("SELECT count() FROM sla_minute"),
        stored.queryLong("SELECT count() FROM sla_quarter"));
    if (full != null) {
      System.out.printf(
          "ratio to the baseline with raw events: %.2f%n",
          rate(generated.size(), full) / rate(generated.size(), baseline));
    }
    System.out.printf(
        "ratio to the baseline, SLA tables only: %.2f%n",
        rate(generated.size(), withoutRaw) / rate(generated.size(), baseline));
  }

  private JobExecutionResult baselineJob(String topic) throws Exception {
    StreamExecutionEnvironment env = environment();
    env.fromSource(
            KafkaEvents.source(bootstrap, topic, topic + "-baseline", true),
            WatermarkStrategy.noWatermarks(),
            "ticket-events")
        .filter(Decoded::isValid)
        .sinkTo(new DiscardingSink<>());
    return env.execute("bench-baseline");
  }

  private JobExecutionResult fullJob(String topic, boolean rawEvents) throws Exception {
    StreamExecutionEnvironment env = environment();
    buildFullJob(
        env, KafkaEvents.source(bootstrap, topic, topic + "-sla-" + rawEvents, true), rawEvents);
    return env.execute("bench-sla");
  }

  private void buildFullJob(
      StreamExecutionEnvironment env,
      org.apache.flink.connector.kafka.source.KafkaSource<Decoded> source,
      boolean rawEvents) {
    ClickHouseSink.Target target = ClickHouseSink.Target.of(warehouse);
    Duration flush = Duration.ofSeconds(1);
    int batch = 50_000;
    String policy = PolicyFile.defaultText();
    SlaJob.build(
        env,
        source,
        SlaJob.Settings.defaults(policy),
        new SlaJob.Sinks(
            new ClickHouseSink<>(target, SlaTables.Tickets.ROWS, batch, flush),
            new ClickHouseSink<>(target, SlaTables.Alerts.ROWS, batch, flush),
            null,
            new ClickHouseSink<>(target, SlaTables.Aggregates.MINUTES, batch, flush),
            new ClickHouseSink<>(target, SlaTables.Aggregates.QUARTERS, batch, flush),
            new ClickHouseSink<>(target, SlaTables.DeadLetters.ROWS, batch, flush),
            rawEvents
                ? new ClickHouseSink<>(target, new SlaTables.RawEvents("Asia/Tehran"), batch, flush)
                : null));
  }

  /**
   * A steady stream at {@code rate} events/s into a running job; every 50th event is a probe whose
   * SLA row is looked for in ClickHouse every 100 ms.
   */
  private void latency(int rate, int seconds, boolean rawEvents, long checkpointMs)
      throws Exception {
    resetDatabase();
    String topic = "bench-latency-" + System.currentTimeMillis();
    KafkaTopics.ensure(bootstrap, topic, PARALLELISM);
    StreamExecutionEnvironment env = environment();
    if (checkpointMs > 0) {
      // as `./sanjeh streaming` runs it: checkpoints to files (the JobManager's memory takes 5 MB)
      env.enableCheckpointing(checkpointMs);
      env.configure(
          Configuration.fromMap(
              Map.of(
                  "execution.checkpointing.dir",
                  java.nio.file.Files.createTempDirectory("sanjeh-bench-checkpoints-")
                      .toUri()
                      .toString())));
    }
    buildFullJob(env, KafkaEvents.source(bootstrap, topic, topic, false), rawEvents);
    JobClient job = env.executeAsync("bench-latency");
    Thread.sleep(5_000); // let the job start reading before the clock runs
    List<TicketEvent> generated =
        generate(
            (long) rate * seconds, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Warehouse stored = Warehouse.connect(warehouse);
    List<Long> delays = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Long> worstBySecond = new ConcurrentHashMap<>();
    long publishStart = System.nanoTime();
    Thread poller =
        new Thread(
            () -> poll(stored, sentAt, delays, worstBySecond, publishStart), "latency-poller");
    poller.setDaemon(true);
    poller.start();
    Map<String, Long> consumerSeen = new ConcurrentHashMap<>();
    Map<Integer, Long> kafkaWorst = new ConcurrentHashMap<>();
    Thread kafkaWatcher =
        new Thread(() -> watchKafka(topic, sentAt, kafkaWorst, publishStart), "kafka-watcher");
    kafkaWatcher.setDaemon(true);
    if (Boolean.getBoolean("bench.watch-kafka")) {
      kafkaWatcher.start();
    }
    // live traffic: every event happens when it is published, so event time runs with the clock
    publish(topic, generated, rate, sentAt, true);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    poller.interrupt();
    job.cancel().get(30, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(delays);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println("latency: no probe became visible");
      return;
    }
    System.out.printf(
        "latency at %,d events/s for %d s (raw events %s): %,d probes, %d never seen; event -> SLA row visible in ClickHouse: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
        rate,
        seconds,
        rawEvents ? "on" : "off",
        sorted.size() + sentAt.size(),
        sentAt.size(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted.get(sorted.size() - 1));
    System.out.println(
        "worst delay by second of publishing (ms): "
            + new java.util.TreeMap<>(worstBySecond).values());
    if (!kafkaWorst.isEmpty()) {
      System.out.println(
          "worst publish -> consumed from Kafka by second (ms): "
              + new java.util.TreeMap<>(kafkaWorst).values());
    }
  }

  /**
   * Probes are keyed "ticket|event time in ms". A probe is visible once its ticket has a row as of
   * that event or later (the sink keeps only the newest row of a ticket per insert).
   */
  private static void poll(
      Warehouse stored,
      Map<String, Long> sentAt,
      List<Long> delays,
      Map<Integer, Long> worstBySecond,
      long publishStart) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(100);
        if (sentAt.isEmpty()) {
          continue;
        }
        String tickets =
            sentAt.keySet().stream()
                .map(k -> "'" + k.substring(0, k.indexOf('|')) + "'")
                .distinct()
                .limit(5000)
                .collect(Collectors.joining(","));
        Map<String, Long> newest = new HashMap<>();
        long queryStart = System.nanoTime();
        stored.query(
            "SELECT ticket_id, max(intDiv(version, 1000)) FROM sla_tickets"
                + " WHERE ticket_id IN ("
                + tickets
                + ") GROUP BY ticket_id",
            row -> newest.put(row.getString(1), row.getLong(2)));
        long now = System.nanoTime();
        if (now - queryStart > TimeUnit.MILLISECONDS.toNanos(500)) {
          System.err.printf("slow poll: %d ms%n", TimeUnit.NANOSECONDS.toMillis(now - queryStart));
        }
        for (String key : List.copyOf(sentAt.keySet())) {
          int bar = key.indexOf('|');
          Long seen = newest.get(key.substring(0, bar));
          if (seen != null && seen >= Long.parseLong(key.substring(bar + 1))) {
            Long sent = sentAt.remove(key);
            if (sent != null) {
              long delay = TimeUnit.NANOSECONDS.toMillis(now - sent);
              delays.add(delay);
              worstBySecond.merge(
                  (int) TimeUnit.NANOSECONDS.toSeconds(sent - publishStart), delay, Math::max);
            }
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // ClickHouse busy: try again at the next tick
      }
    }
  }

  /** Diagnostics: when a plain consumer sees the probes, to tell Kafka's delay from the job's. */
  private void watchKafka(
      String topic, Map<String, Long> sentAt, Map<Integer, Long> worst, long publishStart) {
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                topic + "-watch",
                "auto.offset.reset",
                "earliest",
                "key.deserializer",
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName(),
                "value.deserializer",
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName()))) {
      consumer.subscribe(List.of(topic));
      TicketEventCodec codec = new TicketEventCodec();
      while (!Thread.currentThread().isInterrupted()) {
        for (var record : consumer.poll(Duration.ofMillis(100))) {
          TicketEvent event = codec.decode(record.value()).event();
          Long sent = sentAt.get(event.ticketId() + "|" + event.occurredAt().toEpochMilli());
          if (sent != null) {
            long now = System.nanoTime();
            worst.merge(
                (int) TimeUnit.NANOSECONDS.toSeconds(sent - publishStart),
                TimeUnit.NANOSECONDS.toMillis(now - sent),
                Math::max);
          }
        }
      }
    } catch (RuntimeException e) {
      // diagnostics only
    }
  }

  private static long percentile(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static List<TicketEvent> generate(long events, Instant start) {
    List<TicketEvent> generated = new ArrayList<>();
    // about 7 events per ticket; lifecycles spread over 30 days of event time
    SyntheticEvents.ofTickets(42, Math.max(1, events / 7), start, 30)
        .forEachRemaining(generated::add);
    return generated;
  }

  private void publish(
      String topic, List<TicketEvent> events, int rate, Map<String, Long> probes, boolean live) {
    long started = System.nanoTime();
    try (TicketEventProducer producer = new TicketEventProducer(bootstrap, rate > 0 ? 0 : 20)) {
      for (int i = 0; i < events.size(); i++) {
        TicketEvent event = events.get(i);
        if (live) {
          event = event.toBuilder().occurredAt(Instant.now()).build();
        }
        if (rate > 0) {
          // paced in steps of 10 ms: sleeping, not spinning, leaves both cores to the job
          if (i % Math.max(1, rate / 100) == 0) {
            long wait = started + TimeUnit.SECONDS.toNanos(1) * i / rate - System.nanoTime();
            if (wait > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
          }
          if (probes != null && i % 50 == 0) {
            probes.put(
                event.ticketId() + "|" + event.occurredAt().toEpochMilli(), System.nanoTime());
          }
        }
        producer.send(topic, event);
      }
      producer.flush();
    }
  }

  private static void report(String what, int events, JobExecutionResult result) {
    System.out.printf(
        "%-42s %,d events in %.1f s: %,.0f events/s%n",
        what, events, result.getNetRuntime() / 1000.0, rate(events, result));
  }

  private static double rate(int events, JobExecutionResult result) {
    return events / (result.getNetRuntime() / 1000.0);
  }

  private StreamExecutionEnvironment environment() {
    Map<String, String> conf = new HashMap<>();
    conf.put("parallelism.default", Integer.toString(PARALLELISM));
    conf.put("pipeline.object-reuse", "true");
    conf.put("pipeline.generic-types", "false");
    return StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(conf));
  }

  private void resetDatabase() {
    Warehouse.connect(warehouse.withDatabase("default"))
        .execute("DROP DATABASE IF EXISTS " + DATABASE);
    new MigrationRunner(Warehouse.connect(warehouse)).migrate(Migrations.sanjehSchema());
  }
}
